"""The PostgreSQL rows: first page, search keystroke, sort and import on a team workbook.

Each is measured as its SQLite row is, with the same goals, against the same SQL
written by hand and run with raw psycopg on the same server (where the SQLite rows
use raw sqlite3). The workbook is a copy of the cached file on the server
(``benchmarks.pg_workbook``). When the server does not answer, each row says
"no server" and the run goes on.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg

from benchmarks import generate, pg_workbook
from benchmarks.figures import _LATEST, _ROW, KEYSTROKES, PAGE, RAW_ORDER, raw_import
from benchmarks.measure import Figure, Target, compare, figure, timed
from hiring_desk.services.candidates import candidate_table, csv_import
from hiring_desk.services.candidates.candidate_table import CandidateFilter
from hiring_desk.store import Workbook, search

#: The search index's match, as ``store.search_postgres`` writes it.
_MATCHING = (
    "SELECT candidate_id FROM candidate_search WHERE document @@ to_tsquery('simple', unaccent(%s))"
)
_WORD = re.compile(r"[^\W_]+")


def tsquery(text: str) -> str:
    """What a person typed as a ``to_tsquery`` text: every word, the last a prefix."""
    words = [f"'{word}'" for word in _WORD.findall(search.fold(text))]
    words[-1] += ":*"
    return " & ".join(words)


def postgres_figures(
    cache: Path, big: int, import_rows: int, repeat: int, prefix: str = pg_workbook.PREFIX
) -> list[Figure]:
    """Every PostgreSQL row, or the same rows saying "no server"."""
    label = f"{big:,}"
    names = [
        f"PostgreSQL: first page of candidates, {label} (open + count + page)",
        f"PostgreSQL: search keystroke, {label} (service vs raw tsvector)",
        *(f"PostgreSQL: sort {label} by {key.value}" for key in RAW_ORDER),
        f"PostgreSQL: import {import_rows:,} CSV rows (service vs csv + executemany)",
    ]
    if not pg_workbook.server_answers():
        return [_no_server(name) for name in names]
    url = pg_workbook.ensure_database(big, cache, prefix)
    return [
        first_page_figure(url, repeat, names[0]),
        search_figure(url, repeat, names[1]),
        *sort_figures(url, repeat, label),
        import_figure(import_rows, repeat, prefix, names[-1]),
    ]


def _no_server(name: str) -> Figure:
    return Figure(name, 0.0, None, "ms", Target(3.0), runs=0, skipped="no server")


def first_page_figure(url: str, repeat: int, name: str) -> Figure:
    """Opening the team workbook and its Candidates page's first page (count and rows)
    vs connecting with psycopg and running the same two queries."""

    def service() -> None:
        workbook = Workbook.open(url)
        try:
            candidate_table.count_rows(workbook, CandidateFilter())
            candidate_table.fetch_rows(workbook, CandidateFilter(), limit=PAGE)
        finally:
            workbook.close()

    def raw() -> None:
        with psycopg.connect(url) as conn:
            conn.execute("SELECT count(*) FROM candidate").fetchone()
            conn.execute(f"{_ROW} {_LATEST} ORDER BY c.sort_name, c.id LIMIT 200").fetchall()

    mine, bare = compare(service, raw, repeat)
    return figure(
        name,
        mine,
        bare,
        Target(4.0),
        note="in this process, not a fresh one: opening checks the schema revision; "
        "bare: psycopg connect, count and the page query",
    )


def search_figure(url: str, repeat: int, name: str) -> Figure:
    """A keystroke's search: the service's count and first page vs the raw tsvector query."""
    workbook = Workbook.open(url)
    conn = psycopg.connect(url)
    try:

        def service() -> None:
            for text in KEYSTROKES:
                flt = CandidateFilter(search=text)
                candidate_table.count_rows(workbook, flt)
                candidate_table.fetch_rows(workbook, flt, limit=PAGE)

        def raw() -> None:
            for text in KEYSTROKES:
                query = tsquery(text)
                conn.execute(f"SELECT count(*) FROM ({_MATCHING}) AS m", (query,)).fetchone()
                conn.execute(
                    f"{_ROW} {_LATEST} WHERE c.id IN ({_MATCHING}) "
                    "ORDER BY c.sort_name, c.id LIMIT 200",
                    (query,),
                ).fetchall()

        mine, bare = compare(service, raw, repeat)
    finally:
        conn.close()
        workbook.close()
    per_key = len(KEYSTROKES)
    return figure(
        name,
        [t / per_key for t in mine],
        [t / per_key for t in bare],
        Target(3.0),
        note=f"mean of {per_key} keystrokes; count + first page",
    )


def sort_figures(url: str, repeat: int, label: str) -> list[Figure]:
    """The first page sorted by each column: the service vs the same ORDER BY by hand."""
    workbook = Workbook.open(url)
    conn = psycopg.connect(url)
    rows: list[Figure] = []
    try:
        for key, order in RAW_ORDER.items():

            def service(key: Any = key) -> None:
                candidate_table.fetch_rows(workbook, CandidateFilter(), key, limit=PAGE)

            def raw(order: str = order) -> None:
                conn.execute(f"{_ROW} {_LATEST} ORDER BY {order}, c.id LIMIT 200").fetchall()

            mine, bare = compare(service, raw, repeat)
            rows.append(figure(f"PostgreSQL: sort {label} by {key.value}", mine, bare, Target(3.0)))
    finally:
        conn.close()
        workbook.close()
    return rows


def import_figure(rows: int, repeat: int, prefix: str, name: str) -> Figure:
    """Importing a CSV into an empty team workbook vs csv + psycopg ``executemany``."""
    data = generate.import_csv(rows)
    template = pg_workbook.ensure_empty_database(prefix)
    fresh_name = f"{prefix}_import_{os.getpid()}"

    def service(url: str) -> None:
        workbook = Workbook.open(url)
        try:
            table = csv_import.read_delimited(data, "import.csv")
            csv_import.import_candidates(workbook, table)
        finally:
            workbook.close()

    def raw(url: str) -> None:
        with psycopg.connect(url) as conn:
            with conn.cursor() as cursor:
                raw_import(cursor, data, "%s")
            conn.commit()

    def once(work: Callable[[str], None]) -> float:
        with pg_workbook.fresh_copy(template, fresh_name) as url:  # not timed
            return timed(lambda: work(url))

    once(service)  # warm up, as ``compare`` does
    once(raw)
    mine: list[float] = []
    bare: list[float] = []
    for _ in range(repeat):
        mine.append(once(service))
        bare.append(once(raw))
    return figure(
        name,
        mine,
        bare,
        Target(3.0),
        unit="s",
        note="each into a new database copied from an empty workbook's (CREATE DATABASE "
        "... TEMPLATE); the copy and the drop are not timed",
    )
