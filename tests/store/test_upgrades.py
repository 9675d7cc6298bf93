"""Workbooks made at every older schema revision open, upgrade and keep their data.

``tests/fixtures/workbooks`` holds one demo workbook per revision (see its
README). Each is copied, opened with the current app (which backs it up and
migrates it) and checked.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from hiring_desk.services.common import match_scores
from hiring_desk.store import Workbook, migrate
from hiring_desk.store.search import SEARCH_TABLE, is_search_table, rebuild, search_ids

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "workbooks"
WORKBOOKS = sorted(FIXTURES.glob("*.hiringdesk"))


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def _row_counts(path: Path) -> dict[str, int]:
    """Rows in every table (FTS5 shadow tables aside: merges may change them)."""
    conn = _read_only(path)
    try:
        names = [
            str(r[0])
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
            )
        ]
        return {
            name: int(conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0])
            for name in names
            if name == SEARCH_TABLE or not is_search_table(name)
        }
    finally:
        conn.close()


def _revision(path: Path) -> str | None:
    conn = _read_only(path)
    try:
        return migrate.read_revision(conn)
    finally:
        conn.close()


def _candidates(path: Path) -> list[tuple[int, str]]:
    conn = _read_only(path)
    try:
        return [(int(r[0]), str(r[1])) for r in conn.execute("SELECT id, name FROM candidate")]
    finally:
        conn.close()


def _indexed(path: Path) -> dict[int, list[list[str]]]:
    """The words indexed for each candidate, column by column (order aside)."""
    conn = _read_only(path)
    try:
        rows = conn.execute(f"SELECT rowid, * FROM {SEARCH_TABLE}").fetchall()
    finally:
        conn.close()
    return {int(r[0]): [sorted(str(v).split()) for v in r[1:]] for r in rows}


def _derived(path: Path) -> dict[str, dict[int, object]]:
    """The columns later revisions compute from existing data."""
    conn = _read_only(path)
    try:
        return {
            "sort": dict(conn.execute("SELECT id, sort_name FROM candidate").fetchall()),
            "match": dict(conn.execute("SELECT id, match_score FROM application").fetchall()),
        }
    finally:
        conn.close()


def _fixture_files() -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(FIXTURES.iterdir())}


def test_there_is_a_workbook_for_every_older_revision() -> None:
    made_at = {p.stem for p in WORKBOOKS}
    older = set(migrate.KNOWN_REVISIONS[:-1])
    assert older <= made_at, f"no fixture workbook made at {sorted(older - made_at)}"
    assert made_at <= set(migrate.KNOWN_REVISIONS), "a fixture of a revision this app lacks"


def test_each_fixture_is_stamped_with_its_own_revision() -> None:
    for path in WORKBOOKS:
        assert _revision(path) == path.stem


@pytest.mark.parametrize("fixture", WORKBOOKS, ids=[p.stem for p in WORKBOOKS])
def test_an_old_workbook_upgrades_with_its_data(tmp_path: Path, fixture: Path) -> None:
    fixtures_before = _fixture_files()
    original_revision = fixture.stem
    copy = tmp_path / fixture.name
    shutil.copyfile(fixture, copy)
    counts = _row_counts(copy)
    candidates = _candidates(copy)
    assert candidates, "the fixture should hold demo candidates"
    backups = tmp_path / "backups"

    with Workbook.open(copy, backup_dir=backups) as workbook, workbook.transaction() as session:
        # The migration filled the index: every demo candidate is found by name.
        for candidate_id, name in candidates:
            assert candidate_id in search_ids(session, name), name
            assert candidate_id in search_ids(session, name[:-1]), name  # as you type

    # What the migrations indexed, sorted and scored is what the app does today.
    migrated = _indexed(copy)
    derived = _derived(copy)
    with Workbook.open(copy) as workbook, workbook.transaction() as session:
        rebuild(session)
        match_scores.refresh_all(session)
    assert _indexed(copy) == migrated
    assert _derived(copy) == derived
    assert any(score is not None for score in derived["match"].values())

    assert _revision(copy) == migrate.SCHEMA_HEAD
    after = _row_counts(copy)
    assert {name: after.get(name) for name in counts} == counts
    assert after[SEARCH_TABLE] == len(candidates)

    saved = sorted(backups.glob("*.hiringdesk"))
    assert len(saved) == 1
    assert f"before-upgrade-{original_revision}" in saved[0].name
    assert _revision(saved[0]) == original_revision
    assert _row_counts(saved[0]) == counts

    assert _fixture_files() == fixtures_before  # the fixtures themselves never change
