"""Use cases over a workbook, one module per area. Each call is one transaction."""
