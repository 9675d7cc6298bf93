"""Edit > Preferences: the workbook's defaults and policies, and the theme."""
