"""A window on a team workbook shows what someone else changes there, without a refresh."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from tests.engines import PgServer
from tests.ui.conftest import MakeWindow, press

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.workbook.changes_elsewhere import ALL_KINDS, Notice
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.store.location import parse_location
from hiring_desk.ui.candidates.candidate_model import COLUMNS
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.changes import Change
from hiring_desk.ui.changes_elsewhere import changes_of

STAGE = [header for header, _key in COLUMNS].index("Stage")


def test_every_kind_a_notice_names_is_a_change() -> None:
    assert changes_of(Notice(ALL_KINDS, None, "x")) == Change.DATA & ~Change.PRIVACY
    assert changes_of(Notice(frozenset({"from_a_newer_version"}), None, "x")) == Change.NONE


@pytest.fixture
def server_url(pg_server: PgServer) -> Iterator[str]:
    with pg_server.database("empty") as url:
        yield url


def test_a_move_by_someone_else_shows_on_the_candidates_page(
    server_url: str, make_window: MakeWindow, qtbot: QtBot
) -> None:
    with Workbook.open(server_url) as other:  # someone else's window, on handle B
        role = role_records.create_role(other, RoleBrief(title="Backend Developer"))
        cid = candidate_records.create_candidate(other, CandidateInput(name="Ada Lovelace")).id
        stage_moves.apply(other, cid, role.id)
        window = make_window(parse_location(server_url))  # type: ignore[arg-type]
        press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
        page = window.pages["candidates"]
        assert isinstance(page, CandidatesPage)
        qtbot.waitUntil(lambda: page.model.row_of(cid) is not None, timeout=10000)

        def stage_shown() -> str:
            row = page.model.row_of(cid)
            assert row is not None
            return str(page.model.index(row, STAGE).data())

        assert stage_shown() == "Applied"
        application = stage_moves.applications_of(other, cid)[0]
        stage_moves.move(other, application.id, "screening")
        qtbot.waitUntil(lambda: stage_shown() == "Screening", timeout=10000)
        # Closed here: the window's closing backs up a file only (BackupKeeper.on_close
        # asks a team workbook for its path today).
        assert window.workbook is not None
        window.workbook.close()
        window.workbook = None
