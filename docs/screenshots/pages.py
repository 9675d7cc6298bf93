"""Take every page of the window at 1280x800, light and dark, on the demo workbook.

Run under Xvfb with a window manager for the title bars (no desktop needed):

    xvfb-run -a -s "-screen 0 1400x900x24" sh -c 'openbox & python docs/screenshots/pages.py'

Writes ``pages/<area>-<theme>.png`` next to this script: the whole window with its
frame, one picture per navigation area (Today, Roles, Candidates with a candidate
chosen, its board, Interviews, Offers, Team & Company, Reports) and theme. Nothing
outside a temporary folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent / "pages"
SIZE = (1280, 800)


def main() -> int:
    os.environ["HIRING_DESK_HOME"] = tempfile.mkdtemp(prefix="hiring-desk-pages-")
    from PySide6.QtCore import QByteArray, QTimer
    from PySide6.QtGui import QFontDatabase, QGuiApplication
    from PySide6.QtWidgets import QApplication

    from hiring_desk import bundled
    from hiring_desk.services.candidates.candidate_table import CandidateFilter, fetch_rows
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.team import team_members
    from hiring_desk.ui.areas import AREAS
    from hiring_desk.ui.candidates.candidates_page import CandidatesPage
    from hiring_desk.ui.main_window import MainWindow
    from hiring_desk.ui.settings import Settings
    from hiring_desk.ui.theme import apply_theme

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
    window.move(0, 0)
    window.show()
    window.open_initial(path)
    workbook = window.workbook
    assert workbook is not None
    window.retention_notice.dismiss()
    screen = QGuiApplication.primaryScreen()
    HERE.mkdir(exist_ok=True)

    def settle(ms: int = 500) -> None:
        end = QTimer()
        end.setSingleShot(True)
        end.start(ms)
        while end.isActive():
            app.processEvents()

    def shoot(name: str) -> None:
        settle()
        frame = window.frameGeometry()
        picture = screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height())
        picture.save(str(HERE / name))
        print(HERE / name)

    senior = next(r for r in role_records.list_roles(workbook) if r.title.startswith("Senior"))
    interviewing = next(
        row
        for row in fetch_rows(workbook, CandidateFilter(role_id=senior.id))
        if row.stage == "interview"
    )
    candidates = window.pages["candidates"]
    assert isinstance(candidates, CandidatesPage)
    for theme in ("light", "dark"):
        apply_theme(theme)
        for key, _label, _icon in AREAS:
            window.show_area(key)
            if key == "candidates":
                window.show_candidate(interviewing.id)
                shoot(f"candidates-{theme}.png")
                index = candidates.filters.role_filter.findData(senior.id)
                candidates.filters.role_filter.setCurrentIndex(index)
                candidates.show_board()
                shoot(f"board-{theme}.png")
                candidates.show_board(False)
                candidates.filters.role_filter.setCurrentIndex(0)
                continue
            shoot(f"{key}-{theme}.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
