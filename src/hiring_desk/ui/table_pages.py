"""The layout every page of one table of records shares."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLayout, QVBoxLayout, QWidget

from hiring_desk.ui.changes import Change, ChangeListener


def lay_out_table_page(
    page: QWidget,
    rows: list[QLayout | QWidget],
    table: QWidget,
    empty: QWidget,
    shows: Change,
    refresh: Callable[[], object],
) -> None:
    """``rows`` (a toolbar, filters) over ``table``, with ``empty`` in its place while there is
    nothing to list; ``refresh()`` runs whenever something the page ``shows`` changes."""
    layout = QVBoxLayout(page)
    for row in rows:
        if isinstance(row, QWidget):
            layout.addWidget(row)
        else:
            layout.addLayout(row)
    layout.addWidget(table, 1)
    layout.addWidget(empty, 1)
    ChangeListener(page, shows, lambda _changes: refresh())
