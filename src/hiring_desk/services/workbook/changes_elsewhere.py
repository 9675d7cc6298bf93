"""What other people change on a team workbook, for the window to show.

A team workbook's handle follows the changes the others commit
(``Workbook.follow_changes``, which ``store.notify`` does with PostgreSQL's
LISTEN/NOTIFY); each arrives as a ``Notice``: the kinds of records that changed, in
the window's vocabulary (``ui.changes.Change`` names, lower case), and who changed
them. A workbook file is written by one person at a time: nothing to follow.
"""

from __future__ import annotations

from hiring_desk.store.notify import ALL_KINDS, Notice

__all__ = ["ALL_KINDS", "Notice"]
