"""Rewriting the workbook so deleted data leaves no bytes behind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete, event
from sqlmodel import col

from hiring_desk.store import Workbook
from hiring_desk.store.maintenance import scrub_free_pages
from hiring_desk.store.models import Candidate

SECRET = "Zebulon Quarterfield-Osei"


def test_deleted_text_is_gone_from_the_file_and_its_log(tmp_path: Path) -> None:
    path = tmp_path / "wb.hiringdesk"
    with Workbook.create(path) as workbook:

        def off(dbapi_connection: Any, _record: object) -> None:
            dbapi_connection.execute("PRAGMA secure_delete = OFF")

        event.listen(workbook.engine, "connect", off)
        with workbook.transaction() as session:
            session.add_all(Candidate(name=f"{SECRET} {i}", notes="x" * 3000) for i in range(60))
        with workbook.transaction() as session:
            session.execute(delete(Candidate).where(col(Candidate.id) > 1))
            session.execute(delete(Candidate).where(col(Candidate.id) == 1))
        wal = path.with_name(path.name + "-wal")
        assert SECRET.encode() in path.read_bytes() + wal.read_bytes()

        result = scrub_free_pages(workbook.engine)

        assert result.log_emptied
        assert result.pages_after < result.pages_before
        assert wal.stat().st_size == 0
        assert SECRET.encode() not in path.read_bytes()
        with workbook.transaction() as session:  # still a working workbook
            session.add(Candidate(name="After"))
