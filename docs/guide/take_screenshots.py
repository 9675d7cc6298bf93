"""Take the user guide's screenshots from the real window, then rebuild the guide.

    QT_QPA_PLATFORM=offscreen python docs/guide/take_screenshots.py

No display is needed: each picture is the window (1100x700) or a dialog drawn by
Qt itself (``grab``), without the desktop's title bar. The first pictures are of a
new workbook, as a newcomer sees it; the rest are of the demo workbook (the same one
``hiring-desk demo`` makes). The files go to docs/guide/screenshots/; the guide in
resources/guide/ is rebuilt afterwards so it ships the new pictures. Run it again
whenever the window changes. Nothing outside a temporary folder is touched.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHOTS = HERE / "screenshots"
SIZE = (1100, 700)
CSV = """Name,Email,Phone,City,Skills,Expected salary,Found via
Alex Moreau,alex.moreau@example.com,+33 6 12 34 56 78,Lyon,"Python, Django",52000,LinkedIn
Priya Natarajan,priya.n@example.com,+44 7700 900123,Leeds,"Go, Kubernetes",61000,Referral
Tomás Ruiz,tomas.ruiz@example.com,+34 612 345 678,Valencia,"Java, Spring",48000,Indeed
"""


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="hiring-desk-guide-shots-"))
    os.environ["HIRING_DESK_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

    from hiring_desk.services.candidates.candidate_table import CandidateFilter, fetch_rows
    from hiring_desk.services.candidates.delimited_text import read_delimited
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook
    from hiring_desk.services.email.messages import MessageSubject
    from hiring_desk.services.interviews import interview_records
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.team import team_members
    from hiring_desk.ui.candidates.candidates_page import CandidatesPage
    from hiring_desk.ui.candidates.import_dialog import ImportDialog
    from hiring_desk.ui.email.compose import ComposeDialog
    from hiring_desk.ui.interviews.plan_editor import PlanEditorDialog
    from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
    from hiring_desk.ui.main_window import MainWindow
    from hiring_desk.ui.offers.compare_dialog import CompareDialog
    from hiring_desk.ui.offers.offer_letter_dialog import OfferLetterDialog
    from hiring_desk.ui.offers.offers_page import OffersPage
    from hiring_desk.ui.privacy.retention_review import RetentionReviewDialog
    from hiring_desk.ui.reports.reports_page import ReportsPage
    from hiring_desk.ui.roles.jd_editor import JDEditor
    from hiring_desk.ui.roles.stages_dialog import StagesDialog
    from hiring_desk.ui.settings import Settings
    from hiring_desk.ui.workbook.backups_dialog import BackupsDialog

    app = QApplication(sys.argv[:1])
    app.setApplicationName("HiringDesk")
    SHOTS.mkdir(exist_ok=True)

    def settle(ms: int = 300) -> None:
        end = QTimer()
        end.setSingleShot(True)
        end.start(ms)
        while end.isActive():
            app.processEvents()

    def shoot(name: str, widget: QWidget) -> None:
        settle()
        widget.grab().save(str(SHOTS / name))
        print(SHOTS / name)

    def shoot_dialog(name: str, dialog: QDialog, size: tuple[int, int] = (900, 620)) -> None:
        dialog.resize(*size)
        dialog.show()
        shoot(name, dialog)
        dialog.done(0)
        dialog.deleteLater()

    # -- a newcomer's first start ------------------------------------------------------
    first = MainWindow(Settings())
    first.resize(*SIZE)
    first.show()
    first.open_initial(None)  # makes the default workbook, empty: the welcome page
    shoot("welcome.png", first)
    first.close()

    # -- the demo workbook -------------------------------------------------------------
    path = home / "Northwind Demo.hiringdesk"
    with create_demo_workbook(path) as demo:
        manager = team_members.list_members(demo)[0]
    settings = Settings()
    settings.add_recent_file(path)
    settings.set_acting_member(path, manager.id)  # not asked; shown as "Acting as"
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    window.open_initial(path)
    workbook = window.workbook
    assert workbook is not None
    window.retention_notice.dismiss()

    window.show_area("today")
    shoot("today.png", window)

    window.show_area("team")
    tabs = window.pages["team"].findChild(QTabWidget)
    assert tabs is not None
    tabs.setCurrentIndex(1)  # Company Profile
    shoot("company-profile.png", window)
    tabs.setCurrentIndex(0)

    roles = role_records.list_roles(workbook)
    senior = next(r for r in roles if r.title.startswith("Senior"))
    window.show_area("roles")
    window.pages["roles"].refresh(select_id=senior.id)  # type: ignore[attr-defined]
    shoot("roles.png", window)
    shoot_dialog("job-description.png", JDEditor(window, workbook, senior.id))
    shoot_dialog("interview-plan.png", PlanEditorDialog(workbook, senior.id, window))
    others = [r for r in roles if r.id != senior.id]
    shoot_dialog("stages.png", StagesDialog(window, workbook, senior, others), (760, 560))

    candidates_page = window.pages["candidates"]
    assert isinstance(candidates_page, CandidatesPage)
    senior_rows = fetch_rows(workbook, CandidateFilter(role_id=senior.id))
    interviewing = next(row for row in senior_rows if row.stage == "interview")
    window.show_candidate(interviewing.id)
    shoot("candidates.png", window)
    index = candidates_page.filters.role_filter.findData(senior.id)
    candidates_page.filters.role_filter.setCurrentIndex(index)
    candidates_page.show_board()
    shoot("board.png", window)
    candidates_page.show_board(False)
    candidates_page.filters.role_filter.setCurrentIndex(0)
    chosen = [r.id for r in senior_rows if r.stage in ("interview", "shortlisted", "offer")]
    shoot_dialog("comparison.png", CompareDialog(workbook, senior.id, chosen[:3], window))
    table = read_delimited(CSV.encode(), "candidates.csv")
    shoot_dialog("import.png", ImportDialog(window, workbook, table))

    window.show_area("interviews")
    shoot("interviews.png", window)
    done = [i for i in interview_records.list_interviews(workbook) if i.status == "done"]
    if done:  # the demo has past interviews; the picture is of the first one's form
        shoot_dialog("scorecard.png", ScorecardDialog(workbook, done[0].id, window), (760, 620))

    offers_page = window.pages["offers"]
    assert isinstance(offers_page, OffersPage)
    window.show_area("offers")
    offers_page.table.selectRow(0)
    shoot("offers.png", window)
    offer = offers_page.selected_offer()
    assert offer is not None
    shoot_dialog("offer-letter.png", OfferLetterDialog(workbook, offer.id, window), (900, 680))
    about = MessageSubject(offer.candidate_id, offer_id=offer.id, sender_id=manager.id)
    shoot_dialog("compose.png", ComposeDialog(workbook, about, "offer", window), (760, 640))

    reports_page = window.pages["reports"]
    assert isinstance(reports_page, ReportsPage)
    window.show_area("reports")
    while reports_page.query.pending:
        settle(50)
    shoot("reports.png", window)

    shoot_dialog("backups.png", BackupsDialog(workbook, lambda _path: False, window), (760, 420))
    shoot_dialog("retention.png", RetentionReviewDialog(workbook, window), (760, 460))
    window.close()

    build = [sys.executable, str(HERE / "build_guide.py")]
    return subprocess.call(build)


if __name__ == "__main__":
    sys.exit(main())
