"""Alembic revisions of the workbook schema, one file each."""
