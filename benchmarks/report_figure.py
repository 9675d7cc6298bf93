"""The hiring report on the big workbook: every figure, against one raw funnel query.

The report (``services.reports.reports.build_report``, all roles, all time) must
come in under a second; its baseline is the funnel alone (each application's
furthest stage from its stage history, counted) written by hand in raw ``sqlite3``,
the heaviest single query the report asks the database for besides the stays.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from benchmarks.measure import Figure, Target, compare, figure
from hiring_desk.services.reports.report_figures import ReportScope
from hiring_desk.services.reports.reports import build_report
from hiring_desk.store import Workbook

#: The whole report's budget, in seconds.
REPORT_LIMIT_S = 1.0

RAW_FUNNEL = (
    "SELECT furthest, count(*) FROM ("
    " SELECT application_id, max(CASE to_stage WHEN 'applied' THEN 0 WHEN 'screening' THEN 1"
    " WHEN 'interview' THEN 2 WHEN 'shortlisted' THEN 3 WHEN 'offer' THEN 4"
    " WHEN 'hired' THEN 5 ELSE -1 END) AS furthest"
    " FROM stage_event GROUP BY application_id"
    ") GROUP BY furthest"
)


def report_figure(path: Path, repeat: int, label: str) -> Figure:
    workbook = Workbook.open(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        mine, bare = compare(
            lambda: build_report(workbook, ReportScope()),
            lambda: conn.execute(RAW_FUNNEL).fetchall(),
            repeat,
        )
    finally:
        conn.close()
        workbook.close()
    return figure(
        f"hiring report, {label} (every figure vs the raw funnel query)",
        mine,
        bare,
        Target(REPORT_LIMIT_S, relative=False),
        unit="s",
        note="all roles, all time; baseline: the funnel alone in raw sqlite3",
    )
