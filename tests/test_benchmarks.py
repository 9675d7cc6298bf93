"""The benchmark code runs end to end on a tiny workbook (no timing is checked here)."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from benchmarks import generate, pg_workbook
from benchmarks.measure import Figure, Target
from benchmarks.run import Plan, markdown_report, run, text_table
from PySide6.QtWidgets import QApplication


# Every figure end to end, fresh processes and PostgreSQL databases included: about
# 20 s. (It took 100 s late in a full run while each timing's garbage collection
# swept the whole run's heap; ``run`` now freezes that heap out of them.) The time
# limit leaves room for a busy machine.
@pytest.mark.timeout(300)
def test_every_figure_runs_once_on_a_tiny_workbook(tmp_path: Path, qapp: QApplication) -> None:
    prefix = f"hdtest_bench_{os.getpid()}"  # the tests' own databases, dropped below
    plan = Plan(
        big=50, small=40, import_rows=30, big_import_rows=60, pack_candidates=3, repeat=1,
        fresh_repeat=1, cache=tmp_path, pg_prefix=prefix,
    )  # fmt: skip

    try:
        results = run(plan)
    finally:
        if pg_workbook.server_answers():
            pg_workbook.drop_databases(prefix)

    names = [f.name for f in results]
    assert names[:3] == [
        "window first painted (fresh process)",
        "first page of candidates, 50 (fresh process)",
        "peak memory, 50 open on the candidates page",
    ]
    assert sum(name.startswith("sort 50 by ") for name in names) == 9
    assert any(name.startswith("search keystroke") for name in names)
    assert any(name.startswith("import 30 CSV rows") for name in names)
    assert any(name.startswith("import 60 CSV rows") for name in names)
    assert any(name.startswith("interview pack, 3 candidates") for name in names)
    assert any(name.startswith("hiring report, 50 ") for name in names)
    postgres = [f for f in results if f.name.startswith("PostgreSQL: ")]
    assert len(postgres) == 12  # first page, search, 9 sorts, import
    assert all(not f.skipped for f in postgres) == pg_workbook.server_answers()
    for f in results:
        if f.skipped:
            continue
        assert f.value > 0 and math.isfinite(f.value), f.name
        assert f.runs >= 1
    table = text_table(results)
    assert all(f.name in table for f in results)
    assert "| Figure | Median | Baseline | Ratio | Target | Result |" in markdown_report(
        results, plan
    )


def test_a_generated_workbook_holds_the_whole_history(tmp_path: Path) -> None:
    import sqlite3

    path = generate.ensure_workbook(60, tmp_path, quiet=True)
    conn = sqlite3.connect(path)
    try:
        count = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("candidate", "attachment", "application", "stage_event", "offer")
        }
        unsorted = conn.execute("SELECT count(*) FROM candidate WHERE sort_name = ''").fetchone()
        indexed = conn.execute("SELECT count(*) FROM candidate_search").fetchone()[0]
    finally:
        conn.close()
    assert count["candidate"] == 60
    assert count["attachment"] >= 60 - 31  # the demo's own candidates may have no CV file
    assert count["application"] > 0 and count["stage_event"] > count["application"]
    assert unsorted == (0,)
    assert indexed == 60
    assert generate.ensure_workbook(60, tmp_path, quiet=True) == path  # cached


def test_a_row_not_run_says_why() -> None:
    skipped = Figure(
        "PostgreSQL: sort 50 by name", 0.0, None, "ms", Target(3.0), 0, skipped="no server"
    )
    assert "no server" in text_table([skipped])


@pytest.mark.parametrize(
    ("value", "baseline", "target", "passed"),
    [
        (1.4, 1.0, Target(1.5), True),
        (1.6, 1.0, Target(1.5), False),
        (149.0, 80.0, Target(150.0, relative=False), True),
        (151.0, None, Target(150.0, relative=False), False),
    ],
)
def test_pass_or_miss(value: float, baseline: float | None, target: Target, passed: bool) -> None:
    figure = Figure("x", value, baseline, "MB", target, runs=1)
    assert figure.passed is passed
