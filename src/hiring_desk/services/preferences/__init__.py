"""A workbook's defaults and policies (Edit > Preferences), checked together and saved
where each lives."""
