"""Hiring Desk: an offline desktop hiring workbook."""

__version__ = "0.1.0"
APP_NAME = "Hiring Desk"
APP_ID = "HiringDesk"
WORKBOOK_SUFFIX = ".hiringdesk"
