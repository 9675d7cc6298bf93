"""Roles and their briefs, the skills catalog, job-description templates, drafts and publishing."""
