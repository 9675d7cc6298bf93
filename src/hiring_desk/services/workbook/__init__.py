"""Opening, creating and copying workbooks; backups, preferences, undo, the audit trail and where a
workbook lives.
"""
