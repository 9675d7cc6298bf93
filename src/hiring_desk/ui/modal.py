"""Running a modal dialog, and letting it go once answered.

A dialog made with a parent stays the parent's child until it is deleted: every
Import…, Edit… or message box asked over a day's work would stay in memory with
what it read, as long as the window is open. ``run_modal`` shows the dialog and
then deletes it once control is back in an event loop, so the caller can still
read its answer (``dialog.saved``, a field's text) on the lines that follow. Read
the fields before opening the next dialog: its event loop may delete this one (the
Python attributes, like ``dialog.saved``, stay readable).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_modal(dialog: QDialog) -> int:
    """``dialog.exec()``: its result code (``QDialog.DialogCode``, or the button of a
    message box); the dialog is deleted afterwards, later."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
