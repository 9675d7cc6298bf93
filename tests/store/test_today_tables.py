"""Revision 0008: a workbook made at 0007 gains the reminder and task tables, which work."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

from sqlmodel import select

from hiring_desk.store import Workbook, migrate, models

FIXTURE = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "workbooks"
    / "0007_candidate_messages.hiringdesk"
)


def test_a_0007_workbook_gains_reminders_and_tasks(tmp_path: Path) -> None:
    copy = tmp_path / "old.hiringdesk"
    shutil.copyfile(FIXTURE, copy)
    with (
        Workbook.open(copy, backup_dir=tmp_path / "backups") as workbook,
        workbook.transaction() as session,
    ):
        candidate = session.exec(select(models.Candidate)).first()
        role = session.exec(select(models.Role)).first()
        assert candidate is not None and candidate.id is not None
        assert role is not None and role.id is not None
        session.add(models.Task(candidate_id=candidate.id, title="Call back", due_on=date.today()))
        session.add(models.Task(role_id=role.id, title="Post the ad", due_on=date.today()))
        session.add(models.ReminderState(item_key=f"idle:{candidate.id}"))
        candidate_id, role_id = candidate.id, role.id
    conn = sqlite3.connect(copy)
    try:
        assert migrate.read_revision(conn) == migrate.SCHEMA_HEAD
        assert conn.execute("SELECT count(*) FROM reminder_state").fetchone()[0] == 1
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM candidate WHERE id = ?", (candidate_id,))
        assert conn.execute("SELECT count(*) FROM task").fetchone()[0] == 1
        conn.execute("DELETE FROM role WHERE id = ?", (role_id,))
        assert conn.execute("SELECT count(*) FROM task").fetchone()[0] == 0  # tasks go with them
    finally:
        conn.close()
