"""Fixtures shared by the command-line tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from tests.cli.cli_setup import CJK_NAME

from hiring_desk.store import Workbook
from hiring_desk.store.models import (
    Application,
    Candidate,
    Interview,
    Offer,
    Role,
    TeamMember,
)


@pytest.fixture
def demo(demo_location: Path | str) -> Path | str:
    """A copy of the demo workbook that the commands may change: a file, or the URL of
    a database of its own (the tests run on both engines)."""
    return demo_location


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """The window replaced by a stand-in that records the workbook it was given."""
    calls: list[Path | None] = []

    def run_gui(workbook: Path | None) -> int:
        calls.append(workbook)
        return 0

    import hiring_desk.app

    monkeypatch.setattr(hiring_desk.app, "run_gui", run_gui)
    return calls


@pytest.fixture
def populated(tmp_path: Path) -> Path:
    """A closed workbook with two roles, three candidates, an interview and an offer."""
    path = tmp_path / "populated.hiringdesk"
    with Workbook.create(path) as wb, wb.transaction() as s:
        manager = TeamMember(name="Dana Scully", title="Head of Engineering")
        s.add(manager)
        s.flush()
        backend = Role(
            title="Backend Engineer",
            status="open",
            headcount=2,
            target_date=date(2026, 12, 31),
            location="Berlin",
            hiring_manager_id=manager.id,
        )
        designer = Role(title="Designer", status="draft")
        s.add_all([backend, designer])
        s.flush()
        ada = Candidate(
            name="Ada Lovelace", email="ada@example.com", source="linkedin", location="London"
        )
        taro = Candidate(name=CJK_NAME, email="taro@example.jp", source="referral")
        zoe = Candidate(name="Zoë Noapp", email="zoe@example.org")
        s.add_all([ada, taro, zoe])
        s.flush()
        assert backend.id is not None and ada.id is not None and taro.id is not None
        ada_app = Application(candidate_id=ada.id, role_id=backend.id, stage="interview")
        taro_app = Application(candidate_id=taro.id, role_id=backend.id, stage="offer")
        s.add_all([ada_app, taro_app])
        s.flush()
        assert ada_app.id is not None and taro_app.id is not None
        s.add(
            Interview(
                application_id=ada_app.id,
                round_name="Technical",
                starts_at=datetime(2026, 11, 30, 9, 0, tzinfo=UTC),
                timezone="Europe/Berlin",
                duration_minutes=90,
            )
        )
        s.add(
            Offer(
                application_id=taro_app.id,
                salary_minor=6_500_000,
                currency="EUR",
                pay_period="year",
                start_date=date(2027, 1, 4),
            )
        )
    return path
