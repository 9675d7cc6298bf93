"""Take the README's screenshots from the real window, on the demo workbook.

Run under Xvfb with a window manager for the title bars (no desktop needed):

    xvfb-run -a -s "-screen 0 1280x800x24" sh -c 'openbox & python docs/screenshots/take.py'

Each picture is the 1100x700 window with its frame, and the dialog the area
opens where it has one, as they are on screen. The files are written next to
this script; nothing outside a temporary folder is touched.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1100, 700)


def main() -> int:
    sys.path.insert(0, str(HERE))
    from demo_window import open_demo_window
    from PySide6.QtWidgets import QSplitter, QWidget

    from hiring_desk.services.candidates.candidate_table import CandidateFilter, fetch_rows
    from hiring_desk.services.email.messages import MessageSubject
    from hiring_desk.services.roles import role_records
    from hiring_desk.ui.candidates.candidates_page import CandidatesPage
    from hiring_desk.ui.email.compose import ComposeDialog
    from hiring_desk.ui.offers.compare_dialog import CompareDialog
    from hiring_desk.ui.offers.offers_page import OffersPage
    from hiring_desk.ui.reports.reports_page import ReportsPage
    from hiring_desk.ui.roles.jd_editor import JDEditor

    shown = open_demo_window(SIZE, position=(40, 30))
    window, workbook, manager_id = shown.window, shown.workbook, shown.manager_id
    settle = shown.settle

    def shoot(name: str, dialog: QWidget | None = None) -> None:
        shown.grab_frame(HERE / name, dialog)

    def area(key: str, then: Callable[[], None] | None = None) -> None:
        window.show_area(key)
        if then is not None:
            then()

    area("today")
    shoot("today.png")

    senior = next(r for r in role_records.list_roles(workbook) if r.title.startswith("Senior"))
    area("roles", lambda: window.pages["roles"].refresh(select_id=senior.id))  # type: ignore[attr-defined]
    shoot("roles.png")
    editor = JDEditor(window, workbook, senior.id)
    editor.resize(900, 600)
    shoot("job-description.png", editor)

    candidates_page = window.pages["candidates"]
    assert isinstance(candidates_page, CandidatesPage)
    senior_rows = fetch_rows(workbook, CandidateFilter(role_id=senior.id))
    interviewing = next(row for row in senior_rows if row.stage == "interview")
    window.show_candidate(interviewing.id)
    shoot("candidates.png")
    index = candidates_page.filters.role_filter.findData(senior.id)
    candidates_page.filters.role_filter.setCurrentIndex(index)
    candidates_page.show_board()
    splitter = candidates_page.findChild(QSplitter)
    assert splitter is not None
    widths = splitter.sizes()
    splitter.setSizes([sum(widths), 0])  # the detail panel dragged shut
    shoot("board.png")
    splitter.setSizes(widths)
    candidates_page.show_board(False)
    candidates_page.filters.role_filter.setCurrentIndex(0)

    area("interviews")
    shoot("interviews.png")

    offers_page = window.pages["offers"]
    assert isinstance(offers_page, OffersPage)
    area("offers")
    offers_page.table.selectRow(0)
    shoot("offers.png")
    sent = offers_page.selected_offer()
    assert sent is not None
    about = MessageSubject(sent.candidate_id, offer_id=sent.id, sender_id=manager_id)
    compose = ComposeDialog(workbook, about, "offer", window)
    compose.resize(760, 640)
    shoot("compose-email.png", compose)

    shortlisted = [
        row.id for row in senior_rows if row.stage in ("interview", "shortlisted", "offer")
    ][:3]
    comparison = CompareDialog(workbook, senior.id, shortlisted, window)
    comparison.resize(1000, 600)
    area("candidates")
    shoot("comparison.png", comparison)

    reports_page = window.pages["reports"]
    assert isinstance(reports_page, ReportsPage)
    area("reports")
    while reports_page.query.pending:
        settle(50)
    shoot("reports.png")

    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
