"""The areas of the main window, in navigation order: (key, label, icon name).

Ctrl+1 to Ctrl+5 follow this order; the shortcut list names them from here.
"""

from __future__ import annotations

AREAS: tuple[tuple[str, str, str], ...] = (
    ("roles", "Roles", "roles"),
    ("candidates", "Candidates", "candidates"),
    ("interviews", "Interviews", "interviews"),
    ("offers", "Offers", "offers"),
    ("team", "Team & Company", "team"),
)
