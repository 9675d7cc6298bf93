"""Revision 0009: a workbook made at 0008 gains role stages; its history is untouched."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlmodel import select

from hiring_desk.store import Workbook, migrate, models

FIXTURE = (
    Path(__file__).resolve().parents[1]
    / "fixtures"
    / "workbooks"
    / "0008_today_and_tasks.hiringdesk"
)


def test_a_0008_workbook_gains_role_stages(tmp_path: Path) -> None:
    copy = tmp_path / "old.hiringdesk"
    shutil.copyfile(FIXTURE, copy)
    before = sqlite3.connect(f"{copy.as_uri()}?mode=ro", uri=True)
    events = before.execute("SELECT count(*) FROM stage_event").fetchone()[0]
    offers = before.execute("SELECT count(*) FROM offer").fetchone()[0]
    before.close()
    with (
        Workbook.open(copy, backup_dir=tmp_path / "backups") as workbook,
        workbook.transaction() as session,
    ):
        application = session.exec(select(models.Application)).first()
        assert application is not None and application.role_stage_id is None
        stage = models.RoleStage(
            role_id=application.role_id, phase=application.stage, name="Take-home test"
        )
        session.add(stage)
        session.flush()
        application.role_stage_id = stage.id
        session.add(application)
        application_id, stage_id = application.id, stage.id
    conn = sqlite3.connect(copy)
    try:
        assert migrate.read_revision(conn) == migrate.SCHEMA_HEAD
        # Adding the column copied no table: no stage event or offer was lost.
        assert conn.execute("SELECT count(*) FROM stage_event").fetchone()[0] == events
        assert conn.execute("SELECT count(*) FROM offer").fetchone()[0] == offers
        steps = {row[1] for row in conn.execute("PRAGMA table_info(stage_event)")}
        assert {"from_step", "to_step"} <= steps
        assert conn.execute(
            "SELECT count(*) FROM stage_event WHERE from_step IS NOT NULL OR to_step IS NOT NULL"
        ).fetchone() == (0,)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("DELETE FROM role_stage WHERE id = ?", (stage_id,))
        left = conn.execute(
            "SELECT role_stage_id FROM application WHERE id = ?", (application_id,)
        ).fetchone()
        assert left == (None,)  # removing a stage leaves the application at its phase
    finally:
        conn.close()
