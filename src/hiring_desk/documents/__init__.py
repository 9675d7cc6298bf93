"""Documents: ReportLab PDF output and text exports (HTML, plain text).

Callers pass plain values (strings, bytes, small frozen dataclasses). The
dataclasses a document reads are defined here, in its ``*_views`` module
(``interview_pack_views``, ``scorecard_views``, ``comparison_views``); the services
build them from the workbook. Nothing here touches the workbook or the services, not
even for type checking, and nothing here imports Qt. ReportLab is heavy to import,
so callers import the document modules lazily, when a document is actually made
(the ``*_views`` modules import no ReportLab).
"""
