"""The file choosers the app uses, in one place so tests can answer them.

Each starts in the folder a file was last saved to or opened from (remembered in
the settings): a suggested name in the home folder, the callers' default, moves
there; a start somewhere else (the open workbook's folder) is kept.

A file chosen to save into is checked before it is returned: the workbook
itself (or a link to it), another database, a workbook's working or lock
file, the backups folder and anything that is not an ordinary file are
refused with a message (see ``safe_output``), and the chooser returns None.
Qt's own dialog has already asked before replacing an ordinary file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from hiring_desk import WORKBOOK_SUFFIX
from hiring_desk.safe_output import UnsafeOutputError, refuse_unsafe_target
from hiring_desk.ui import messages
from hiring_desk.ui.settings import Settings

WORKBOOK_FILTER = f"Hiring Desk workbooks (*{WORKBOOK_SUFFIX})"
ALL_FILES = "All files (*)"


def ask_open_workbook(parent: QWidget | None, start: Path) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open Workbook", _start(start), f"{WORKBOOK_FILTER};;{ALL_FILES}"
    )
    return _chosen(name)


def ask_new_workbook(parent: QWidget | None, start: Path) -> Path | None:
    """Where to create a new workbook. Existing files are refused later, not overwritten."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        "New Workbook",
        _start(start),
        WORKBOOK_FILTER,
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return _chosen(name)


def ask_save_copy(parent: QWidget | None, start: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save a Copy", _start(start), WORKBOOK_FILTER)
    return _safe_to_write(parent, Path(name)) if _chosen(name) else None


IMAGE_FILTER = "Images (*.png *.jpg *.jpeg)"


def ask_logo_file(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, "Choose Company Logo", _start(None), IMAGE_FILTER)
    return _chosen(name)


TEMPLATE_FILTER = "Hiring Desk templates (*.toml)"


def ask_export_path(parent: QWidget | None, start: Path, label: str, suffix: str) -> Path | None:
    """Where to write an export; adds ``suffix`` when the name has no extension."""
    name, _ = QFileDialog.getSaveFileName(
        parent, f"Export {label}", _start(start), f"{label} (*{suffix});;{ALL_FILES}"
    )
    if _chosen(name) is None:
        return None
    path = Path(name)
    return _safe_to_write(parent, path if path.suffix else path.with_name(path.name + suffix))


def ask_import_template(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import Template", _start(None), f"{TEMPLATE_FILTER};;{ALL_FILES}"
    )
    return _chosen(name)


def ask_attachment_files(parent: QWidget | None) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        parent, "Attach Files", _start(None), f"CVs (*.pdf *.docx *.odt *.txt);;{ALL_FILES}"
    )
    for name in names[:1]:
        _chosen(name)
    return [Path(name) for name in names]


def ask_import_csv(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        "Import Candidates",
        _start(None),
        f"Spreadsheet text: CSV, tab-separated (*.csv *.tsv *.tab *.txt);;{ALL_FILES}",
    )
    return _chosen(name)


def ask_save_pdf(parent: QWidget | None, start: Path, title: str = "Save PDF") -> Path | None:
    """Where to save a PDF; adds ``.pdf`` when the name has no extension."""
    name, _ = QFileDialog.getSaveFileName(
        parent, title, _start(start), f"PDF documents (*.pdf);;{ALL_FILES}"
    )
    if _chosen(name) is None:
        return None
    path = Path(name)
    return _safe_to_write(parent, path if path.suffix else path.with_name(path.name + ".pdf"))


def _safe_to_write(parent: QWidget | None, path: Path) -> Path | None:
    """``path``, or None once the user has been told why nothing will be written there."""
    try:
        refuse_unsafe_target(path)
    except UnsafeOutputError as exc:
        messages.show_error(
            parent, "Cannot Save Here", f"Hiring Desk will not write to {path}: {exc.reason}."
        )
        return None
    return path


def _start(start: Path | None) -> str:
    """Where a chooser opens: see the module's docstring."""
    last = Settings().last_folder()
    if last is None:
        return str(start) if start is not None else ""
    if start is None or start == Path.home():
        return str(last)
    return str(last / start.name) if start.parent == Path.home() else str(start)


def _chosen(name: str) -> Path | None:
    """The chosen file (None if the chooser was cancelled); its folder is remembered."""
    if not name:
        return None
    path = Path(name)
    Settings().set_last_folder(path.parent)
    return path
