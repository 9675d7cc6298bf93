"""The figures measured inside the runner's process: search, sort, import, pack.

Each function opens what it needs, measures the app's code path and its bare lower
bound alternately (``measure.compare``), and returns table rows.
"""

from __future__ import annotations

import csv
import functools
import io
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import generate
from benchmarks.measure import Figure, Target, compare, figure, timed
from benchmarks.pack_baseline import build_bare_pack
from hiring_desk.services.candidates import candidate_table, csv_import
from hiring_desk.services.candidates.candidate_table import CandidateFilter, SortKey
from hiring_desk.services.interviews import packs
from hiring_desk.store import Workbook, search

#: What a person types, one keystroke after the other (the last word is a prefix).
KEYSTROKES = ("p", "py", "pyt", "pyth", "pytho", "python", "o", "od", "ode", "odeg", "kar")
FRAME_BUDGET_MS = 16.0

#: The candidate table's columns as a person would write them in plain SQL.
_LATEST = (
    "FROM candidate AS c LEFT JOIN application AS a ON a.id = "
    "(SELECT max(x.id) FROM application AS x WHERE x.candidate_id = c.id) "
    "LEFT JOIN role AS r ON r.id = a.role_id"
)
_ROW = "SELECT c.id, c.name, c.email, c.location, c.source, a.stage, r.title, a.applied_at"
_STAGE_CASE = (
    "CASE a.stage "
    + " ".join(
        f"WHEN '{stage}' THEN {n}"
        for n, stage in enumerate(
            (
                "applied",
                "screening",
                "interview",
                "shortlisted",
                "offer",
                "hired",
                "rejected",
                "withdrawn",
            )
        )
    )
    + " ELSE 8 END"
)
RAW_ORDER: dict[SortKey, str] = {
    SortKey.NAME: "c.sort_name",
    SortKey.EMAIL: "lower(c.email)",
    SortKey.STAGE: _STAGE_CASE,
    SortKey.ROLE: "lower(r.title)",
    SortKey.SOURCE: "c.source",
    SortKey.LOCATION: "lower(c.location)",
    SortKey.APPLIED: "a.applied_at",
    SortKey.MATCH: "coalesce(a.match_score, -1)",
    SortKey.SCORE: (
        "coalesce((SELECT avg(sr.rating) FROM scorecard_rating AS sr "
        "JOIN scorecard AS s ON s.id = sr.scorecard_id "
        "JOIN interview AS i ON i.id = s.interview_id WHERE i.application_id = a.id), -1)"
    ),
}
PAGE = 200


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


# -- search ----------------------------------------------------------------------------------


def search_figures(path: Path, repeat: int, label: str) -> list[Figure]:
    """A keystroke's search: the service's count and first page vs the raw FTS5 query."""
    workbook = Workbook.open(path)
    conn = _raw(path)
    try:

        def service() -> None:
            for text in KEYSTROKES:
                flt = CandidateFilter(search=text)
                candidate_table.count_rows(workbook, flt)
                candidate_table.fetch_rows(workbook, flt, limit=PAGE)

        def raw() -> None:
            for text in KEYSTROKES:
                expression = search.match_expression(text)
                matching = "SELECT rowid FROM candidate_search WHERE candidate_search MATCH ?"
                conn.execute(f"SELECT count(*) FROM ({matching})", (expression,)).fetchone()
                conn.execute(
                    f"{_ROW} {_LATEST} WHERE c.id IN ({matching}) "
                    "ORDER BY c.sort_name, c.id LIMIT 200",
                    (expression,),
                ).fetchall()

        mine, bare = compare(service, raw, repeat)
    finally:
        conn.close()
        workbook.close()
    per_key = len(KEYSTROKES)
    return [
        figure(
            f"search keystroke, {label} (service vs raw FTS5)",
            [t / per_key for t in mine],
            [t / per_key for t in bare],
            Target(3.0),
            note=f"mean of {per_key} keystrokes; count + first page",
        )
    ]


def model_update_figures(path: Path, repeat: int, label: str) -> list[Figure]:
    """After a keystroke: the table model shows the new first page (reset and repaint)
    within one frame; and all the GUI thread does per keystroke, the query running on
    a worker thread (``CandidateTableModel.request_filter``, as the page types)."""
    from PySide6.QtWidgets import QApplication, QTableView

    from hiring_desk.ui.candidates.candidate_model import CandidateTableModel, FirstPage

    app = QApplication.instance() or QApplication([])
    workbook = Workbook.open(path)
    try:
        model = CandidateTableModel()
        view = QTableView()
        view.setModel(model)
        view.resize(900, 600)
        view.show()
        model.set_workbook(workbook)
        app.processEvents()
        pages = []
        for text in KEYSTROKES:
            model.set_filter(CandidateFilter(search=text))
            pages.append(model.first_page())

        def show(page: FirstPage) -> None:
            model.show_page(page)
            view.repaint()

        marks: dict[str, float] = {}
        model.modelAboutToBeReset.connect(lambda: marks.setdefault("reset", time.perf_counter()))
        model.page_shown.connect(lambda: marks.setdefault("shown", time.perf_counter()))

        def typed(text: str) -> float:
            """GUI-thread seconds for one keystroke: the request, then the page shown."""
            marks.clear()
            started = time.perf_counter()
            model.request_filter(CandidateFilter(search=text))
            requested = time.perf_counter() - started
            while "shown" not in marks:
                app.processEvents()
                time.sleep(0.0005)
            started = time.perf_counter()
            view.repaint()
            painted = time.perf_counter() - started
            return requested + (marks["shown"] - marks["reset"]) + painted

        shown: list[float] = []
        busy: list[float] = []
        for run in range(repeat + 1):  # the first run warms up
            for text, page in zip(KEYSTROKES, pages, strict=True):
                took_show = timed(functools.partial(show, page))
                took_typed = typed(text)
                if run:
                    shown.append(took_show)
                    busy.append(took_typed)
        view.close()
    finally:
        workbook.close()
    budget = Target(FRAME_BUDGET_MS, relative=False)
    return [
        figure(
            f"search keystroke, {label}: table shows the new page",
            shown,
            None,
            budget,
            note="model reset and view repaint with the fetched page; one frame is 16 ms",
        ),
        figure(
            f"search keystroke, {label}: GUI thread busy (query on a worker)",
            busy,
            None,
            budget,
            note="request, then the page shown when the worker's query is done",
        ),
    ]


# -- sort ------------------------------------------------------------------------------------


def sort_figures(path: Path, repeat: int, label: str) -> list[Figure]:
    """The first page sorted by each column: the service vs the same ORDER BY in raw SQL."""
    workbook = Workbook.open(path)
    conn = _raw(path)
    rows: list[Figure] = []
    try:
        for key, order in RAW_ORDER.items():

            def service(key: SortKey = key) -> None:
                candidate_table.fetch_rows(workbook, CandidateFilter(), key, limit=PAGE)

            def raw(order: str = order) -> None:
                conn.execute(f"{_ROW} {_LATEST} ORDER BY {order}, c.id LIMIT 200").fetchall()

            mine, bare = compare(service, raw, repeat)
            rows.append(figure(f"sort {label} by {key.value}", mine, bare, Target(3.0)))
    finally:
        conn.close()
        workbook.close()
    return rows


# -- import ----------------------------------------------------------------------------------


def import_figure(rows: int, repeat: int, cache: Path) -> Figure:
    """Importing a CSV of ``rows`` candidates into an empty workbook vs csv + executemany."""
    data = generate.import_csv(rows)
    empty = generate.ensure_empty_workbook(cache)
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        target = Path(folder) / "import.hiringdesk"

        def fresh() -> Path:
            return generate.copy_workbook(empty, target)

        def service() -> None:
            workbook = Workbook.open(fresh())
            try:
                table = csv_import.read_delimited(data, "import.csv")
                csv_import.import_candidates(workbook, table)
            finally:
                workbook.close()

        def raw() -> None:
            conn = sqlite3.connect(fresh())
            try:
                raw_import(conn, data)
                conn.commit()
            finally:
                conn.close()

        mine, bare = compare(service, raw, repeat)  # each run copies its own workbook
    return figure(
        f"import {rows:,} CSV rows (service vs csv + executemany)",
        mine,
        bare,
        Target(3.0),
        unit="s",
        note="both into a fresh copy of an empty workbook; the copy is not timed",
    )


def raw_import(conn: Any, data: bytes, mark: str = "?") -> None:
    """The lower bound: parse the CSV and insert candidates, skills and tags.

    ``conn`` is a sqlite3 connection or a psycopg cursor (``mark="%s"``): the same
    statements, with the driver's parameter mark."""
    reader = csv.reader(io.StringIO(data.decode("utf-8")))
    next(reader)
    people = list(reader)
    start = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM candidate").fetchone()[0]
    now = "2026-11-01 09:00:00.000000"
    conn.executemany(
        _marked(
            mark,
            "INSERT INTO candidate (id, name, sort_name, email, phone, location, postal_address, "
            "linkedin_url, github_url, portfolio_url, source, current_title, years_experience, "
            "salary_expectation_minor, salary_currency, salary_period, notice_weeks, notes, "
            "consent_method, created_at, updated_at) "
            "VALUES (?, ?, lower(?), ?, ?, ?, '', ?, '', '', ?, ?, ?, ?, ?, 'year', "
            "?, ?, '', ?, ?)",
        ),
        [
            (
                start + n,
                p[0],
                p[0],
                p[1],
                p[2],
                p[3],
                p[12],
                p[4].lower() or "other",
                p[5],
                int(p[6]),
                int(p[7]) * 100,
                p[8],
                int(p[9]),
                p[13],
                now,
                now,
            )
            for n, p in enumerate(people)
        ],
    )
    conn.executemany(
        _marked(mark, "INSERT INTO candidate_skill (candidate_id, skill) VALUES (?, ?)"),
        [(start + n, s.strip()) for n, p in enumerate(people) for s in p[10].split(",")],
    )
    conn.executemany(
        _marked(mark, "INSERT INTO candidate_tag (candidate_id, tag) VALUES (?, ?)"),
        [(start + n, p[11]) for n, p in enumerate(people) if p[11]],
    )


def _marked(mark: str, sql: str) -> str:
    return sql.replace("?", mark)


# -- pack ------------------------------------------------------------------------------------


def pack_figure(path: Path, candidates: int, repeat: int) -> Figure:
    """``build_pack`` for ``candidates`` candidates vs the same flowables in bare ReportLab."""
    from hiring_desk.documents.interview_pack import build_pack

    workbook = Workbook.open(path)
    try:
        role_id, chosen = _pack_selection(path, candidates)
        data = packs.pack_for_role(workbook, role_id, chosen)
    finally:
        workbook.close()

    def service() -> None:
        for _progress in build_pack(data, io.BytesIO()):
            pass

    mine, bare = compare(service, lambda: build_bare_pack(data), repeat)
    return figure(
        f"interview pack, {len(data.candidates)} candidates (build_pack vs bare ReportLab)",
        mine,
        bare,
        Target(1.3),
        unit="s",
        note="the pack's data is gathered beforehand, not timed",
    )


def _pack_selection(path: Path, candidates: int) -> tuple[int, list[int]]:
    """The role with an interview plan, and its candidates who had most interviews."""
    conn = _raw(path)
    try:
        role_id = conn.execute(
            "SELECT r.id FROM role AS r JOIN interview_plan AS p ON p.role_id = r.id "
            "ORDER BY r.id LIMIT 1"
        ).fetchone()[0]
        chosen = [
            cid
            for (cid,) in conn.execute(
                "SELECT a.candidate_id FROM application AS a "
                "LEFT JOIN interview AS i ON i.application_id = a.id WHERE a.role_id = ? "
                "GROUP BY a.id ORDER BY count(i.id) DESC, a.id LIMIT ?",
                (role_id, candidates),
            )
        ]
    finally:
        conn.close()
    return int(role_id), chosen
