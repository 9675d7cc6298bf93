"""Take the README's screenshots from the real window, on the demo workbook.

Run under Xvfb with a window manager for the title bars (no desktop needed):

    xvfb-run -a -s "-screen 0 1280x800x24" sh -c 'openbox & python docs/screenshots/take.py'

Each picture is the 1100x700 window with its frame, and the dialog the area
opens where it has one, as they are on screen. The files are written next to
this script; nothing outside a temporary folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1100, 700)


def main() -> int:
    os.environ["HIRING_DESK_HOME"] = tempfile.mkdtemp(prefix="hiring-desk-shots-")
    from PySide6.QtCore import QByteArray, QTimer
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication, QSplitter, QWidget

    from hiring_desk import bundled
    from hiring_desk.services.candidates.candidate_table import CandidateFilter, fetch_rows
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook
    from hiring_desk.services.email.messages import MessageSubject
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.team import team_members
    from hiring_desk.ui.candidates.candidates_page import CandidatesPage
    from hiring_desk.ui.email.compose import ComposeDialog
    from hiring_desk.ui.main_window import MainWindow
    from hiring_desk.ui.offers.compare_dialog import CompareDialog
    from hiring_desk.ui.offers.offers_page import OffersPage
    from hiring_desk.ui.reports.reports_page import ReportsPage
    from hiring_desk.ui.roles.jd_editor import JDEditor
    from hiring_desk.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    app.setApplicationName("HiringDesk")
    # Xvfb has no CJK fonts; a desktop has. The bundled face stands in for them.
    fallback = bytes(bundled.read_bytes("fonts", "DroidSansFallback.ttf"))
    QFontDatabase.addApplicationFontFromData(QByteArray(fallback))
    path = Path(os.environ["HIRING_DESK_HOME"]) / "Northwind Demo.hiringdesk"
    with create_demo_workbook(path) as demo:
        manager = team_members.list_members(demo)[0]
    settings = Settings()
    settings.add_recent_file(path)
    settings.set_acting_member(path, manager.id)  # not asked; shown as "Acting as"
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.move(40, 30)
    window.show()
    window.open_initial(path)
    workbook = window.workbook
    assert workbook is not None
    window.retention_notice.dismiss()
    screen = QGuiApplication.primaryScreen()

    def settle(ms: int = 400) -> None:
        end = QTimer()
        end.setSingleShot(True)
        end.start(ms)
        while end.isActive():
            app.processEvents()

    def shoot(name: str, dialog: QWidget | None = None) -> None:
        settle()
        if dialog is not None:
            dialog.show()
            dialog.raise_()
            settle()
        frame = window.frameGeometry()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        picture.save(str(HERE / name))
        if dialog is not None:
            dialog.close()
            dialog.deleteLater()
        print(HERE / name)

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
    about = MessageSubject(sent.candidate_id, offer_id=sent.id, sender_id=manager.id)
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
