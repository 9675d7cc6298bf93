"""Roles page, role dialog, skills editor, job-description editor."""
