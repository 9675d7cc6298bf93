"""Every file chooser starts in the folder a file was last saved to or opened from."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from tests.ui.conftest import when_modal

from hiring_desk.ui import file_dialogs


def answer_chooser(qtbot: QtBot, name: str, opened_in: list[str]) -> None:
    """Note where the next file chooser opens, then type ``name`` and press Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        opened_in.append(Path(dialog.directory().absolutePath()).as_posix())
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=2000)
        edit = dialog.findChild(QLineEdit, "fileNameEdit")
        assert edit is not None
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, name)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    when_modal(qtbot, answer, QFileDialog, close_after=True)


def test_the_next_chooser_starts_where_the_last_file_went(qtbot: QtBot, tmp_path: Path) -> None:
    letters = tmp_path / "letters"
    letters.mkdir()
    (letters / "applicants.csv").write_text("name\nAda\n", encoding="utf-8")
    opened_in: list[str] = []

    answer_chooser(qtbot, str(letters / "Offer letter"), opened_in)
    saved = file_dialogs.ask_save_pdf(None, Path.home() / "Offer letter.pdf")
    assert saved == letters / "Offer letter.pdf"

    answer_chooser(qtbot, "applicants.csv", opened_in)  # a name only: in that folder
    opened = file_dialogs.ask_import_csv(None)
    assert opened == letters / "applicants.csv"

    answer_chooser(qtbot, "pack", opened_in)
    pack = file_dialogs.ask_save_pdf(None, Path.home() / "Interview pack.pdf")
    assert pack == letters / "pack.pdf"
    assert opened_in[1:] == [letters.as_posix(), letters.as_posix()]


def test_a_start_outside_the_home_folder_is_kept(qtbot: QtBot, tmp_path: Path) -> None:
    first, workbooks = tmp_path / "first", tmp_path / "workbooks"
    first.mkdir()
    workbooks.mkdir()
    opened_in: list[str] = []
    answer_chooser(qtbot, str(first / "a.csv"), opened_in)
    assert file_dialogs.ask_export_path(None, Path.home() / "a.csv", "CSV", ".csv")
    answer_chooser(qtbot, "copy.hiringdesk", opened_in)
    copy = file_dialogs.ask_save_copy(None, workbooks / "copy.hiringdesk")
    assert copy == workbooks / "copy.hiringdesk"
    assert opened_in[1] == workbooks.as_posix()
