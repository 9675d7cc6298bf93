"""The global exception hook: a dialog for the person, the traceback in the log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError
from tests.services.refusing_trigger import REFUSAL, refuse_candidates_named

from hiring_desk import paths
from hiring_desk.logs import setup_logging
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook
from hiring_desk.ui import excepthook, messages

#: Someone whose details a failed database call must not write to the log.
NAME, EMAIL, NOTES = "Zbigniewa Kowalczykówna", "zbyszka@example.pl", "Prefers Kraków"


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    """(title, text, details) of each error shown, with the log set up as the app does."""
    errors: list[tuple[str, str, str]] = []
    monkeypatch.setattr(
        messages,
        "show_error",
        lambda _p, title, text, details="": errors.append((title, text, details)),
    )
    setup_logging()
    return errors


def test_unexpected_error_is_shown_and_logged(
    qapp: object, shown: list[tuple[str, str, str]]
) -> None:
    try:
        raise ValueError("the disk said no")
    except ValueError:
        excepthook.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1
    title, text, details = shown[0]
    assert title == "Something went wrong"
    assert "the disk said no" in text and str(paths.log_file()) in text
    assert "Traceback" in details
    log = paths.log_file().read_text(encoding="utf-8")
    assert "ValueError: the disk said no" in log and "Traceback" in log


def test_install_replaces_the_hook(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    excepthook.install()
    assert sys.excepthook is excepthook.handle_exception


def test_a_database_error_the_file_causes_is_said_in_words(
    qapp: object, shown: list[tuple[str, str, str]], tmp_path: Path
) -> None:
    """A table missing from the workbook: what is wrong and what to do, not a crash (#14.8)."""
    with Workbook.create(tmp_path / "w.hiringdesk") as workbook:
        with workbook.engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE team_member")
        try:
            team_members.add_member(workbook, "Ingrid Ødegård")
        except Exception:
            excepthook.handle_exception(*sys.exc_info())  # type: ignore[arg-type]
    assert len(shown) == 1
    title, text, details = shown[0]
    assert title == excepthook.PROBLEM_TITLE
    assert text.startswith("The workbook is missing parts") and "hiring-desk check" in text
    assert "Ødegård" not in text + details and "INSERT" not in text and details == ""
    assert "OperationalError" in paths.log_file().read_text(encoding="utf-8")


def test_a_database_error_shows_and_logs_no_personal_data(
    qapp: object, shown: list[tuple[str, str, str]], workbook: Workbook
) -> None:
    refuse_candidates_named(workbook, "Zbig")
    record = CandidateInput(name=NAME, email=EMAIL, notes=NOTES)
    with pytest.raises(IntegrityError) as caught:
        candidate_records.create_candidate(workbook, record)
    excepthook.handle_exception(caught.type, caught.value, caught.tb)
    log = paths.log_file().read_text(encoding="utf-8")
    assert "IntegrityError" in log and REFUSAL in log
    [(_title, text, details)] = shown
    assert REFUSAL in text and "IntegrityError" in details
    for trace in (*NAME.split(), EMAIL, NOTES):
        for where in (log, text, details):
            assert trace not in where, trace
