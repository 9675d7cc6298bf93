"""Done when: after erasing a candidate and closing the workbook, their name and email
are nowhere in the workbook file's bytes (nor in its -wal or -shm file, if any is left).

The candidate has a CV attachment, notes, a scorecard with a rating note, stage
moves with notes and an offer letter that name them, and another candidate's notes
mention them. The file is first checked to hold all of that, so the test can fail.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from pathlib import Path
from typing import Any

from sqlalchemy import event
from tests.services.privacy.privacy_setup import EMAIL, NAME, add_person

from hiring_desk.services.privacy import consent_retention
from hiring_desk.store import Workbook, search

#: The name as stored, decomposed, folded for search, as sorted, and its parts.
TRACES_EXACT: tuple[bytes, ...] = (
    NAME.encode("utf-8"),
    unicodedata.normalize("NFD", NAME).encode("utf-8"),
    search.fold(NAME).encode("utf-8"),
    "Ødegård".encode(),
    EMAIL.encode("utf-8"),
)
#: ASCII forms, looked for in the lower-cased bytes: the sort key, the search tokens.
TRACES_ASCII: tuple[bytes, ...] = (
    search.sort_name(NAME).encode("utf-8"),  # "ingrid odegard"
    b"odegard",
    b"ingrid",
    EMAIL.lower().encode("ascii"),
    b"fjordmail",
)


def _without_secure_delete(workbook: Workbook) -> Workbook:
    """Connections that leave deleted bytes in place, as most SQLite builds do by default.

    (Some builds, Debian's among them, overwrite deleted content by default; the
    erasure must not depend on that.)
    """

    def off(dbapi_connection: Any, _record: object) -> None:
        dbapi_connection.execute("PRAGMA secure_delete = OFF")

    event.listen(workbook.engine, "connect", off)
    return workbook


def _file_bytes(path: Path) -> dict[str, bytes]:
    """The workbook file and whatever side files it left behind."""
    found = {path.name: path.read_bytes()}
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            found[side.name] = side.read_bytes()
    return found


def _traces(path: Path) -> list[str]:
    found = []
    for name, data in _file_bytes(path).items():
        lowered = data.lower()
        found += [f"{name}: {t!r}" for t in TRACES_EXACT if t in data]
        found += [f"{name}: {t!r}" for t in TRACES_ASCII if t in lowered]
    return found


def _search_terms(path: Path) -> set[str]:
    """Every term in the search index, read through FTS5's own vocabulary table."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, candidate_search, row)")
        return {row[0] for row in conn.execute("SELECT term FROM temp.terms")}
    finally:
        conn.close()


def test_no_trace_of_an_erased_candidate_is_left_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "hiring.hiringdesk"
    with _without_secure_delete(Workbook.create(path)) as workbook:
        person = add_person(workbook)
    # Before: the file holds them everywhere (so the check below means something).
    before = _traces(path)
    assert len(before) >= len(TRACES_EXACT) + len(TRACES_ASCII) - 1, before
    assert {"ingrid", "odegard"} <= _search_terms(path)

    with _without_secure_delete(Workbook.open(path)) as workbook:
        consent_retention.erase_candidate(workbook, person.candidate_id)
    assert _traces(path) == []
    terms = _search_terms(path)
    assert not {"ingrid", "odegard", "fjordmail", "odegaard"} & terms
    assert "kari" in terms  # the other candidate is still indexed


def test_no_trace_even_before_the_workbook_is_closed(tmp_path: Path) -> None:
    """The rewrite happens at erasure: a crash right after it leaves nothing either."""
    path = tmp_path / "hiring.hiringdesk"
    with _without_secure_delete(Workbook.create(path)) as workbook:
        person = add_person(workbook)
        consent_retention.erase_candidate(workbook, person.candidate_id)
        assert _traces(path) == []
