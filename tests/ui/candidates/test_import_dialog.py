"""Importing candidates in the window: real clicks, the same report as the command line."""

from __future__ import annotations

import gc
import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import MakeWindow, press, when_modal

from hiring_desk.cli import main
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.csv_import import ImportPlan
from hiring_desk.services.candidates.delimited_text import DelimitedText
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.ui import file_dialogs
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.candidates.import_dialog import ImportDialog
from hiring_desk.ui.candidates.import_report_dialog import (
    ImportReportDialog,
    PossibleDuplicatesDialog,
)
from hiring_desk.ui.candidates.merge_dialog import MergeDialog
from hiring_desk.ui.main_window import MainWindow

#: Excel's "Unicode text": UTF-16 with a BOM, tab-separated, CRLF; no currency column.
EXPORT = (
    "Full name\tE-mail\tMobile\tExpected salary\tYears\tChannel\tFavourite colour\r\n"
    "Zoë Lambert\tzoe@example.org\t+353 87 123 4567\t65,000\t7\tLinkedIn\tgreen\r\n"
    "\t\t\t\t\t\t\r\n"
    "\tnobody-at-all\t\t\t\t\tred\r\n"
    "José Garcia\tjose@new.example\t\t65.000\t\tJob fair\t\r\n"  # the same José?
    "Ada Lovelace\tada@example.com\t\t$70k–80k\t\t\t\r\n"  # already there
    'Søren "The Dane" Kjær\tsoren@example.dk\t\t"n/a\tblue\r\n'  # a quote never closed
)


@pytest.fixture
def workbook_path(tmp_path: Path) -> Path:
    path = tmp_path / "c.hiringdesk"
    with create_workbook(path) as workbook:
        candidate_records.create_candidate(
            workbook, CandidateInput(name="José García", email="jose@old.example")
        )
        candidate_records.create_candidate(
            workbook, CandidateInput(name="Ada Lovelace", email="ada@example.com")
        )
    return path


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.txt"
    path.write_bytes(EXPORT.encode("utf-16"))
    return path


def open_page(
    make_window: MakeWindow, qtbot: QtBot, path: Path
) -> tuple[MainWindow, CandidatesPage]:
    window = make_window(path)
    press(qtbot, window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    return window, page


@pytest.fixture
def export_page(
    make_window: MakeWindow,
    qtbot: QtBot,
    workbook_path: Path,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[MainWindow, CandidatesPage]:
    """The Candidates page of a window on ``workbook_path``, where Import… picks ``export``."""
    monkeypatch.setattr(file_dialogs, "ask_import_csv", lambda _parent: export)
    return open_page(make_window, qtbot, workbook_path)


def import_in_window(
    qtbot: QtBot,
    page: CandidatesPage,
    *,
    in_preview: object = None,
    about_duplicates: object = None,
) -> ImportReportDialog:
    """Click Import…, then Import in the preview (after ``in_preview(dialog)``), answer
    the possible duplicates (``about_duplicates(dialog)``, else Import), and return the
    report dialog once it shows (closed)."""
    reports: list[ImportReportDialog] = []

    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        if callable(in_preview):
            in_preview(dialog)

        def duplicates(question: QWidget) -> None:
            assert isinstance(question, PossibleDuplicatesDialog)
            if callable(about_duplicates):
                about_duplicates(question)
            qtbot.mouseClick(question.continue_button, Qt.MouseButton.LeftButton)

        def report(shown: QWidget) -> None:
            assert isinstance(shown, ImportReportDialog)
            reports.append(shown)
            shown.reject()

        when_modal(qtbot, duplicates, PossibleDuplicatesDialog)
        when_modal(qtbot, report, ImportReportDialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, preview, ImportDialog)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(reports), timeout=20_000)
    return reports[0]


def test_the_window_and_the_command_line_report_the_same(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    workbook_path: Path,
    export: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    twin = tmp_path / "twin.hiringdesk"
    shutil.copyfile(workbook_path, twin)
    assert main(["import", "candidates", str(export), "-w", str(twin)]) == 0
    printed = capsys.readouterr().out

    monkeypatch.setattr(file_dialogs, "ask_import_csv", lambda _parent: export)
    window, page = open_page(make_window, qtbot, workbook_path)
    seen: list[str] = []

    def look(dialog: ImportDialog) -> None:
        seen.append(dialog.intro.text())
        assert [c.currentData() for c in dialog.combos] == [
            "name", "email", "phone", "salary_expectation", "years_experience", "source", "",
        ]  # fmt: skip
        assert dialog.currency.currentText().startswith("EUR")

    shown = import_in_window(qtbot, page, in_preview=look)

    assert shown.text() == printed.rstrip("\n")
    assert seen[0].startswith("5 rows found. Read as UTF-16, separated by tabs.")
    lines = printed.splitlines()
    assert lines[0] == "Imported 2 of 5 rows from export.txt; skipped 3."
    assert "Line 4: no name; the email address is used as the name" not in lines  # invalid
    assert "Line 4: skipped: no name, email address or phone number" in lines
    assert "Line 6: skipped: already in the workbook as candidate 2, Ada Lovelace" in lines
    assert any(line.startswith("Line 7: skipped: a quote opened") for line in lines)
    assert "Line 5: imported, but it may be candidate 1, José García (same name)" in lines
    assert page.model.total == 4
    wb = window.workbook
    assert wb is not None
    zoe = candidate_records.list_candidates(wb, "zoe lambert")[0]
    record = candidate_records.get_candidate(wb, zoe.id).record
    assert (record.salary_expectation, record.salary_currency) == (Decimal("65000"), "EUR")
    assert record.notes == "Favourite colour: green"


def test_possible_duplicates_left_out_and_the_currency_changed(
    export_page: tuple[MainWindow, CandidatesPage], qtbot: QtBot
) -> None:
    window, page = export_page

    def choose_pounds(dialog: ImportDialog) -> None:
        dialog.currency.setFocus()
        dialog.currency.lineEdit().selectAll()
        qtbot.keyClicks(dialog.currency, "GBP")
        qtbot.keyClick(dialog.currency, Qt.Key.Key_Return)

    def untick_jose(question: PossibleDuplicatesDialog) -> None:
        assert question.rows.item(0).text() == (
            "Line 5: may be candidate 1, José García (same name)"
        )
        question.rows.setFocus()
        question.rows.setCurrentRow(0)
        qtbot.keyClick(question.rows, Qt.Key.Key_Space)

    shown = import_in_window(qtbot, page, in_preview=choose_pounds, about_duplicates=untick_jose)
    assert shown.summary.text() == "Imported 1 of 5 rows from export.txt; skipped 4."
    assert "Line 5: skipped: you chose to skip it, as it may be candidate 1" in (
        shown.details.toPlainText()
    )
    wb = window.workbook
    assert wb is not None
    zoe = candidate_records.list_candidates(wb, "zoe")[0]
    assert candidate_records.get_candidate(wb, zoe.id).record.salary_currency == "GBP"
    assert [c.name for c in candidate_records.list_candidates(wb, "jose")] == ["José García"]


def test_an_imported_possible_duplicate_is_offered_for_a_merge(
    export_page: tuple[MainWindow, CandidatesPage], qtbot: QtBot
) -> None:
    window, page = export_page
    merged: list[str] = []

    def merge(dialog: QWidget) -> None:
        assert isinstance(dialog, MergeDialog)
        merged.append(dialog.preview.toPlainText())
        qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)

    def review(shown: QWidget) -> None:
        assert isinstance(shown, ImportReportDialog) and shown.review_button is not None
        when_modal(qtbot, merge, MergeDialog)
        qtbot.mouseClick(shown.review_button, Qt.MouseButton.LeftButton)

    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)

        def go_on(question: QWidget) -> None:
            assert isinstance(question, PossibleDuplicatesDialog)
            qtbot.mouseClick(question.continue_button, Qt.MouseButton.LeftButton)

        when_modal(qtbot, go_on, PossibleDuplicatesDialog)
        when_modal(qtbot, review, ImportReportDialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    when_modal(qtbot, preview, ImportDialog)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(merged), timeout=20_000)
    wb = window.workbook
    assert wb is not None
    qtbot.waitUntil(lambda: len(candidate_records.list_candidates(wb, "jose")) == 1)


def test_a_finished_import_lets_go_of_the_rows_it_read(
    export_page: tuple[MainWindow, CandidatesPage], qtbot: QtBot
) -> None:
    """The preview, its operations and the rows they read go once the report is
    closed; before, every import stayed in memory as long as the window was open."""
    _window, page = export_page
    import_in_window(qtbot, page)

    def nothing_read_is_kept() -> bool:
        gc.collect()
        return not any(isinstance(o, (ImportPlan, DelimitedText)) for o in gc.get_objects())

    qtbot.waitUntil(nothing_read_is_kept, timeout=10_000)
    assert page.findChildren(ImportDialog) == []


def test_cancelling_a_big_import_while_writing_keeps_nothing(
    make_window: MakeWindow,
    qtbot: QtBot,
    tmp_path: Path,
    workbook_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    big = tmp_path / "big.csv"
    big.write_text(
        "name,email\n" + "".join(f"Person {i},p{i}@example.com\n" for i in range(30_000)),
        encoding="utf-8",
    )
    monkeypatch.setattr(file_dialogs, "ask_import_csv", lambda _parent: big)
    window, page = open_page(make_window, qtbot, workbook_path)
    outcome: list[str] = []

    def cancel_while_writing(dialog: ImportDialog) -> None:
        operation = dialog.operation
        progress = operation.dialog if operation is not None else None
        if (
            progress is None
            or progress.labelText() != "Importing candidates…"
            or not progress.isVisible()
        ):
            QTimer.singleShot(5, lambda: cancel_while_writing(dialog))
            return
        button = progress.findChild(QPushButton)
        assert button is not None and progress.value() < progress.maximum()
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
        outcome.append(dialog.error.text())
        dialog.reject()

    def preview(dialog: QWidget) -> None:
        assert isinstance(dialog, ImportDialog)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        cancel_while_writing(dialog)

    when_modal(qtbot, preview, ImportDialog)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcome), timeout=30_000)
    assert outcome == ["The import was cancelled; nothing was imported."]
    wb = window.workbook
    assert wb is not None
    assert len(candidate_records.list_candidates(wb)) == 2  # the two there before
