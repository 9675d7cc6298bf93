"""The areas of the main window, in navigation order: (key, label, icon name).

Ctrl+1 to Ctrl+7 follow this order; the shortcut list names them from here. Today
comes first: it is the area a workbook with data opens on when the window remembers
no other (``first_area``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

AREAS: tuple[tuple[str, str, str], ...] = (
    ("today", "Today", "today"),
    ("roles", "Roles", "roles"),
    ("candidates", "Candidates", "candidates"),
    ("interviews", "Interviews", "interviews"),
    ("offers", "Offers", "offers"),
    ("team", "Team & Company", "team"),
    ("reports", "Reports", "reports"),
)


#: The navigation: the window's colour, roomy rows, the current area highlighted.
#: (Its text is the body font, as everywhere: ``ui.theme`` has the type scale.)
NAV_STYLE = (
    "QListWidget { border: none; background: palette(window); }"
    "QListWidget::item { padding: 8px 6px; border-radius: 6px; }"
    "QListWidget::item:selected { background: palette(highlight);"
    " color: palette(highlighted-text); }"
)


def first_area(has_data: bool) -> str:
    """The area a workbook opens on when the window shows none yet: Today once it
    has data, else Roles (where a new workbook starts)."""
    return "today" if has_data else "roles"


class LazyPages(dict[str, QWidget]):
    """The window's pages by area: looking one up builds it if it is not built yet.

    ``values()``, ``get`` and ``in`` see only the pages built so far.
    """

    def __init__(self, build: Callable[[str], QWidget]) -> None:
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        page = self._build(key)
        self[key] = page
        return page


def build_area_page(key: str) -> QWidget:
    """Import and build the page of area ``key`` (imported here, when first needed:
    a page nobody looks at costs neither its imports nor its memory)."""
    if key == "roles":
        from hiring_desk.ui.roles.roles_page import RolesPage

        return RolesPage()
    if key == "candidates":
        from hiring_desk.ui.candidates.candidates_page import CandidatesPage

        return CandidatesPage()
    if key == "interviews":
        from hiring_desk.ui.interviews.interviews_page import InterviewsPage

        return InterviewsPage()
    if key == "offers":
        from hiring_desk.ui.offers.offers_page import OffersPage

        return OffersPage()
    if key == "today":
        from hiring_desk.ui.today.today_page import TodayPage

        return TodayPage()
    if key == "team":
        from hiring_desk.ui.team.team_company_page import TeamCompanyPage

        return TeamCompanyPage()
    if key == "reports":
        from hiring_desk.ui.reports.reports_page import ReportsPage

        return ReportsPage()
    raise KeyError(key)
