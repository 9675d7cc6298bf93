"""Documents: ReportLab PDF output and text exports (HTML, plain text).

Callers pass plain values (strings, bytes, small dataclasses); nothing here
touches the workbook or the services, and nothing here imports Qt. ReportLab
is heavy to import, so callers import these modules lazily, when a document is
actually made.
"""
