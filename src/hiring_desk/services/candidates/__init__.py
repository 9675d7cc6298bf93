"""Candidate records, the paged table, CSV import and export, duplicates and merging, attachments
and CV text.
"""
