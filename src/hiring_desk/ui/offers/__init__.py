"""Offers page, offer dialog, letters, comparison."""
