"""Offer terms and status, the comparison, letter templates, merge fields and printed letters."""
