"""The conditional UPDATE itself: a change made between a read and a write is caught.

Two transactions on one workbook stand for two people on a server workbook: the
second reads the application, the first moves it and commits, then the second
writes from what it read. Its UPDATE finds no row at the version it read.
"""

from __future__ import annotations

import pytest
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from hiring_desk.services.common import versions
from hiring_desk.services.common.errors import ChangedMeanwhileError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook
from hiring_desk.store.models import Application


def _first_at(session: Session, stage: str) -> Application:
    row = session.exec(select(Application).where(Application.stage == stage)).first()
    assert row is not None
    return row


def test_a_write_from_a_stale_read_updates_nothing(demo: Workbook) -> None:
    with demo.transaction() as session:
        read = _first_at(session, "screening")
        assert read.id is not None
        application_id, read_version = read.id, read.version
    stage_moves.move(demo, application_id, "interview")  # someone else, committed

    with demo.transaction() as session:
        stale = session.get(Application, application_id)
        assert stale is not None
        # As this transaction would have read it before the other one committed.
        set_committed_value(stale, "version", read_version)
        set_committed_value(stale, "stage", "screening")
        with pytest.raises(ChangedMeanwhileError, match=r"^Now at interview"):
            versions.bump(session, stale, None, lambda: f"Now at {stale.stage}")

    with demo.transaction() as session:
        row = session.get(Application, application_id)
        assert row is not None and (row.stage, row.version) == ("interview", read_version + 1)


def test_a_write_from_the_current_version_bumps_it(demo: Workbook) -> None:
    with demo.transaction() as session:
        row = _first_at(session, "applied")
        shown = row.version
        versions.bump(session, row, shown, lambda: "unused")
        assert row.version == shown + 1
    with demo.transaction() as session:
        assert session.get(Application, row.id).version == shown + 1  # type: ignore[union-attr]


def test_a_shown_version_that_moved_on_is_refused_before_writing(demo: Workbook) -> None:
    with demo.transaction() as session:
        row = _first_at(session, "applied")
        with pytest.raises(ChangedMeanwhileError, match=r"^moved$"):
            versions.check(row, row.version - 1, lambda: "moved")
