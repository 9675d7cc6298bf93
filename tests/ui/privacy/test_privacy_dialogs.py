"""Privacy in the window: consent, erase and export from the candidate's Profile tab, the
start-up notice and the review of candidates due for deletion, the retention setting.

Also the Done-when check through the window: erase a candidate, close the app, and
their name and email are nowhere in the workbook file's bytes.
"""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import update
from tests.services.privacy.privacy_setup import EMAIL, NAME, Person, add_person
from tests.ui.conftest import MakeWindow, click_button, type_into, when_modal, workbook_of

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.workbook.opening import create_workbook, open_workbook
from hiring_desk.store import search
from hiring_desk.store.models import Application, Candidate, StageEvent
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.privacy.privacy_dialogs import (
    ConsentDialog,
    EraseConfirmDialog,
    KeepUntilDialog,
)
from hiring_desk.ui.privacy.privacy_section import PrivacySection
from hiring_desk.ui.privacy.retention_review import RetentionReviewDialog
from hiring_desk.ui.team.team_company_page import TeamCompanyPage

LONG_AGO = datetime(2024, 1, 10, 9, 0, tzinfo=UTC)


def _book(tmp_path: Path, *, due: bool = False) -> tuple[Path, Person]:
    """A workbook with Ingrid's whole history; ``due``: closed and added long ago."""
    path = tmp_path / "p.hiringdesk"
    with create_workbook(path) as workbook:
        person = add_person(workbook)
        if due:
            with workbook.transaction() as session:
                session.execute(update(StageEvent).values(at=LONG_AGO))
                session.execute(update(Application).values(updated_at=LONG_AGO))
                session.execute(update(Candidate).values(created_at=LONG_AGO))
    return path, person


def _candidates_page(window: MainWindow, candidate_id: int) -> CandidatesPage:
    window.show_candidate(candidate_id)
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    assert page.detail.candidate_id == candidate_id
    return page


class Profile(NamedTuple):
    """A window showing Ingrid's Profile tab, and the file it has open."""

    path: Path
    window: MainWindow
    page: CandidatesPage
    person: Person


@pytest.fixture
def profile(make_window: MakeWindow, tmp_path: Path) -> Profile:
    path, person = _book(tmp_path)
    window = make_window(path)
    return Profile(path, window, _candidates_page(window, person.candidate_id), person)


def _choose(qtbot: QtBot, section: PrivacySection, key: Qt.Key) -> None:
    """Open the Privacy menu with a click and pick an entry by its underlined letter."""

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(10, pick)
            return
        qtbot.keyClick(menu, key)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(section.button, Qt.MouseButton.LeftButton)


def _confirm_erase(qtbot: QtBot, seen: list[str]) -> Callable[[QWidget], None]:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, EraseConfirmDialog)
        names = dialog.findChild(QWidget, "erase_names")
        assert names is not None
        seen.append(names.text())  # type: ignore[attr-defined]
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)

    return act


# -- the candidate's Profile tab ------------------------------------------------------------


def test_consent_is_recorded_from_the_profile_tab(
    profile: Profile, qtbot: QtBot, today: date
) -> None:
    window, page, person = profile.window, profile.page, profile.person
    section = page.detail.privacy
    assert section.consent.text() == "No consent on file to keep them for future roles."
    assert section.retention.text().startswith("Due for deletion on ")
    errors: list[str] = []
    ends: list[date] = []

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ConsentDialog)
        assert not dialog.given_on.isEnabled()
        qtbot.mouseClick(dialog.given, Qt.MouseButton.LeftButton)
        assert dialog.given_on.isEnabled()
        dialog.until.setDate(dialog.given_on.date().addDays(-1))
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)
        assert dialog.isVisible()  # refused: ends before it was given
        errors.append(dialog._fields["until"].error.text())
        dialog.until.setDate(dialog.given_on.date().addYears(2))
        until = dialog.until.date()
        ends.append(date(until.year(), until.month(), until.day()))
        method = dialog.method.lineEdit()
        assert method is not None
        type_into(qtbot, method, "On the careers page form")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Save)

    when_modal(qtbot, fill)
    _choose(qtbot, section, Qt.Key.Key_C)
    qtbot.waitUntil(lambda: section.consent.text().startswith("Consent to keep on file until"))
    assert errors == ["Must be on or after the day consent was given"]
    info = consent_retention.privacy_info(window.workbook, person.candidate_id)  # type: ignore[arg-type]
    assert info.consent_method == "On the careers page form"
    assert [info.consent_until] == ends and info.consent_given_on == today
    assert "On the careers page form" in section.consent.text()
    assert section.consent.textFormat() == Qt.TextFormat.PlainText


def test_erase_from_the_profile_tab(profile: Profile, qtbot: QtBot) -> None:
    page, person = profile.page, profile.person
    seen: list[str] = []
    when_modal(qtbot, _confirm_erase(qtbot, seen), EraseConfirmDialog)
    _choose(qtbot, page.detail.privacy, Qt.Key.Key_E)
    erased = f"Erased candidate #{person.candidate_id}"
    qtbot.waitUntil(lambda: page.detail.title.text() == erased)
    assert seen == [f"• {NAME}"]
    assert page.detail.subtitle.text().startswith("Personal data erased on ")
    assert page.detail.fields["email"].text() == ""
    assert not page.detail.apply_button.isEnabled()
    assert not page.detail.privacy.erase_action.isEnabled()
    assert not page.detail.privacy.consent_action.isEnabled()
    assert page.detail.privacy.export_action.isEnabled()
    assert page.model.row(page.model.row_of(person.candidate_id) or 0).name == erased


def test_an_unexpected_error_while_erasing_restores_the_cursor_and_shows_the_crash_dialog(
    profile: Profile,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    answered_questions: list[str],
) -> None:
    window, page, person = profile.window, profile.page, profile.person
    busy: list[bool] = []

    def breaks(*_args: object, **_kwargs: object) -> None:
        on_worker = threading.current_thread() is not threading.main_thread()
        busy.append(on_worker and QGuiApplication.overrideCursor() is not None)
        raise RuntimeError("the disk controller said no")

    monkeypatch.setattr(consent_retention, "erase_candidates", breaks)
    when_modal(qtbot, _confirm_erase(qtbot, []), EraseConfirmDialog)
    _choose(qtbot, page.detail.privacy, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: "Something went wrong" in answered_questions, timeout=20000)
    assert busy == [True]  # busy while it ran, on a worker thread
    assert QGuiApplication.overrideCursor() is None
    assert page.detail.title.text() == NAME  # nothing was erased
    assert not consent_retention.privacy_info(window.workbook, person.candidate_id).is_erased  # type: ignore[arg-type]


def test_cancelling_the_erasure_changes_nothing(profile: Profile, qtbot: QtBot) -> None:
    window, page, person = profile.window, profile.page, profile.person

    def cancel(dialog: QWidget) -> None:
        assert isinstance(dialog, EraseConfirmDialog)
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        cancel_button = box.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel_button.isDefault()  # Enter does not erase
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, cancel, EraseConfirmDialog)
    _choose(qtbot, page.detail.privacy, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert page.detail.title.text() == NAME
    assert candidate_records.get_candidate(window.workbook, person.candidate_id).record.name == NAME  # type: ignore[arg-type]


def test_editing_an_erased_candidate_is_refused_with_a_sentence(
    make_window: MakeWindow, tmp_path: Path, answered_questions: list[str]
) -> None:
    path, person = _book(tmp_path)
    window = make_window(path)
    assert window.workbook is not None
    consent_retention.erase_candidate(window.workbook, person.candidate_id)
    page = _candidates_page(window, person.candidate_id)
    page.refresh()
    page.edit_selected()
    assert answered_questions[-1] == "Candidate Erased"


def test_export_from_the_profile_tab(
    profile: Profile,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    answered_questions: list[str],
) -> None:
    page = profile.page
    out = tmp_path / "out" / "ingrid.zip"
    out.parent.mkdir()
    asked: list[str] = []

    def ask(_parent: object, start: Path, label: str, suffix: str) -> Path:
        asked.append(f"{start.name}|{label}|{suffix}")
        return out

    monkeypatch.setattr(file_dialogs, "ask_export_path", ask)
    _choose(qtbot, page.detail.privacy, Qt.Key.Key_X)
    qtbot.waitUntil(lambda: "Data Exported" in answered_questions)
    assert asked == [f"{NAME} - data.zip|Candidate Data|.zip"]
    with zipfile.ZipFile(out) as archive:
        data = json.loads(archive.read("candidate.json"))
    assert data["candidate"]["email"] == EMAIL


# -- the start-up notice and the review ----------------------------------------------------


def test_no_notice_when_nobody_is_due(make_window: MakeWindow, tmp_path: Path) -> None:
    path, _person = _book(tmp_path)
    window = make_window(path)
    assert not window.retention_notice.isVisible()


def test_notice_at_start_up_then_review_erases_and_keeps(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot, today: date
) -> None:
    path, person = _book(tmp_path, due=True)
    window = make_window(path)
    notice = window.retention_notice
    assert notice.isVisible()
    assert notice.text.text() == "2 candidates are due for deletion under your retention policy."
    seen: list[str] = []
    rows: list[list[str]] = []

    def review(dialog: QWidget) -> None:
        assert isinstance(dialog, RetentionReviewDialog)
        table = dialog.table
        rows.extend(
            [table.item(r, c).text() for c in range(3)]  # type: ignore[union-attr]
            for r in range(table.rowCount())
        )
        assert not dialog.erase_button.isEnabled()
        ingrid = next(r for r in range(table.rowCount()) if table.item(r, 0).text() == NAME)  # type: ignore[union-attr]
        table.item(ingrid, 0).setCheckState(Qt.CheckState.Checked)  # type: ignore[union-attr]
        assert dialog.erase_button.isEnabled()
        when_modal(qtbot, _confirm_erase(qtbot, seen), EraseConfirmDialog)
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=20000)  # erased in the background
        assert table.item(0, 0).text() == "Kari Nordmann"  # type: ignore[union-attr]
        table.selectRow(0)

        def keep(hold: QWidget) -> None:
            assert isinstance(hold, KeepUntilDialog)
            click_button(qtbot, hold, QDialogButtonBox.StandardButton.Ok)

        when_modal(qtbot, keep, KeepUntilDialog)
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
        assert table.rowCount() == 0
        assert dialog.intro.text().startswith("No candidate is due")
        click_button(qtbot, dialog, QDialogButtonBox.StandardButton.Close)

    when_modal(qtbot, review, RetentionReviewDialog)
    qtbot.mouseClick(notice.review_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not notice.isVisible())
    assert seen == [f"• {NAME}"]
    assert [r[0] for r in rows] == [NAME, "Kari Nordmann"]
    assert rows[0][1] == "10 Jul 2024"
    assert rows[0][2].startswith("Their last application closed on 10 Jan 2024")
    assert rows[1][2].startswith("They were added on 10 Jan 2024 and never applied")
    workbook = workbook_of(window)
    assert consent_retention.privacy_info(workbook, person.candidate_id).is_erased
    kept = consent_retention.privacy_info(workbook, person.other_id)
    assert kept.retain_until is not None and kept.retain_until > today


def test_later_hides_the_notice_until_the_workbook_is_opened_again(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path, _person = _book(tmp_path, due=True)
    window = make_window(path)
    qtbot.mouseClick(window.retention_notice.later_button, Qt.MouseButton.LeftButton)
    assert not window.retention_notice.isVisible()
    window.check_retention()
    assert not window.retention_notice.isVisible()


# -- the retention setting ----------------------------------------------------------------


def test_retention_months_on_the_privacy_tab(
    make_window: MakeWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    path, _person = _book(tmp_path, due=True)
    window = make_window(path)
    window.show_area("team")
    team = window.pages["team"]
    assert isinstance(team, TeamCompanyPage)
    team.tabs.setCurrentWidget(team.privacy)
    settings = team.privacy
    assert settings.months.value() == 6
    assert settings.status.text() == "2 candidates are due for deletion now."
    settings.months.setValue(120)
    save = settings.findChild(QPushButton, "save_retention")
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert consent_retention.get_retention_months(window.workbook) == 120  # type: ignore[arg-type]
    assert settings.status.text() == "Nobody is due now."
    assert not window.retention_notice.isVisible()


# -- Done when, through the window ----------------------------------------------------------


def test_after_erasing_and_closing_the_app_no_trace_is_left_in_the_file(
    profile: Profile, qtbot: QtBot
) -> None:
    path, window, page = profile.path, profile.window, profile.page
    when_modal(qtbot, _confirm_erase(qtbot, []), EraseConfirmDialog)
    _choose(qtbot, page.detail.privacy, Qt.Key.Key_E)
    qtbot.waitUntil(lambda: page.detail.title.text().startswith("Erased candidate"))
    window.close()
    assert window.workbook is None  # closed with the window
    files = [path] + [
        path.with_name(path.name + suffix)
        for suffix in ("-wal", "-shm")
        if path.with_name(path.name + suffix).exists()
    ]
    data = b"".join(f.read_bytes() for f in files)
    for trace in (NAME, search.fold(NAME), EMAIL):
        assert trace.encode("utf-8") not in data, trace
    for ascii_trace in (search.sort_name(NAME), "odegard", EMAIL.lower()):
        assert ascii_trace.encode("ascii") not in data.lower(), ascii_trace


def test_consent_without_an_end_or_a_method_reads_well(
    make_window: MakeWindow, tmp_path: Path
) -> None:
    """As the demo workbook and workbooks from before consent had a method and an end."""
    path, person = _book(tmp_path)
    given = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    with open_workbook(path) as workbook, workbook.transaction() as session:
        session.execute(
            update(Candidate).where(Candidate.id == person.candidate_id).values(consent_at=given)
        )
    window = make_window(path)
    section = _candidates_page(window, person.candidate_id).detail.privacy
    assert section.consent.text() == "Consent to keep on file (given 2 Mar 2026)."


def test_opening_a_workbook_counts_the_deletion_queue_once(
    make_window: MakeWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_workbook(tmp_path / "q.hiringdesk").close()
    counted: list[str] = []
    for name in ("due_for_deletion", "count_due_for_deletion"):
        real = getattr(consent_retention, name)

        def counting(
            *args: object, _real: Any = real, _name: str = name, **kwargs: object
        ) -> object:
            counted.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(consent_retention, name, counting)
    make_window(tmp_path / "q.hiringdesk")
    # the window's notice counts (without listing); the Privacy tab lists when seen
    assert counted == ["count_due_for_deletion"]
