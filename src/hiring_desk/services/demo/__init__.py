"""The sample workbook and its made-up data."""
