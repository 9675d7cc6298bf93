"""Revision 0007: a workbook made at 0006 gains the candidate_message table, which works."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlmodel import select

from hiring_desk.store import Workbook, migrate, models

FIXTURE = (
    Path(__file__).resolve().parents[1] / "fixtures" / "workbooks" / "0006_salary_range.hiringdesk"
)


def test_a_0006_workbook_gains_the_message_table(tmp_path: Path) -> None:
    copy = tmp_path / "old.hiringdesk"
    shutil.copyfile(FIXTURE, copy)
    with (
        Workbook.open(copy, backup_dir=tmp_path / "backups") as workbook,
        workbook.transaction() as session,
    ):
        candidate = session.exec(select(models.Candidate)).first()
        assert candidate is not None and candidate.id is not None
        session.add(
            models.CandidateMessage(
                candidate_id=candidate.id,
                template_key="acknowledgement",
                template_name="Application received",
                subject="Thanks",
                body="Thank you.",
                attachments="cv.pdf",
            )
        )
        candidate_id = candidate.id
    conn = sqlite3.connect(copy)
    try:
        assert migrate.read_revision(conn) == migrate.SCHEMA_HEAD
        columns = {row[1] for row in conn.execute("PRAGMA table_info(candidate_message)")}
        assert {
            "candidate_id",
            "interview_id",
            "offer_id",
            "subject",
            "body",
            "made_by_member_id",
        } <= columns
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM candidate WHERE id = ?", (candidate_id,))
        left = conn.execute("SELECT count(*) FROM candidate_message").fetchone()[0]
        assert left == 0  # a candidate's messages go with them
    finally:
        conn.close()
