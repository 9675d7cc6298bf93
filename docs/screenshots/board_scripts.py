"""Take ``board-cjk.png``: a board whose cards hold names in many scripts, 1280x800.

Run under Xvfb (see ``take.py``):

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/board_scripts.py

Five applicants with Chinese, Japanese, Cyrillic, Arabic and Hebrew names and titles
are added to a temporary demo workbook's Senior Backend Developer role; the picture
is the window's Candidates page showing that role as a board, the Chinese card
chosen. Nothing outside a temporary folder is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZE = (1280, 800)
PEOPLE = (
    ("王小明", "高级软件工程师兼技术负责人", ("Python", "PostgreSQL")),
    ("山田太郎", "シニアソフトウェアエンジニア", ("Python",)),
    ("Дмитрий Иванов", "Ведущий инженер-программист", ("Go",)),
    ("محمد الأحمد", "مهندس برمجيات أول", ("Python",)),
    ("אברהם בן-דוד כהן", "מהנדס תוכנה בכיר", ("Docker",)),
)


def main() -> int:
    os.environ["HIRING_DESK_HOME"] = tempfile.mkdtemp(prefix="hiring-desk-scripts-")
    from PySide6.QtCore import QByteArray, QTimer
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QApplication

    from hiring_desk import bundled
    from hiring_desk.services.candidates import candidate_records
    from hiring_desk.services.candidates.record_checks import CandidateInput
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook
    from hiring_desk.services.pipeline import stage_moves
    from hiring_desk.services.roles import role_records
    from hiring_desk.services.team import team_members
    from hiring_desk.ui.candidates.candidates_page import CandidatesPage
    from hiring_desk.ui.main_window import MainWindow
    from hiring_desk.ui.settings import Settings

    app = QApplication(sys.argv[:1])
    app.setApplicationName("HiringDesk")
    # Xvfb has no CJK fonts; a desktop has. The bundled face stands in for them.
    fallback = bytes(bundled.read_bytes("fonts", "DroidSansFallback.ttf"))
    QFontDatabase.addApplicationFontFromData(QByteArray(fallback))
    path = Path(os.environ["HIRING_DESK_HOME"]) / "Northwind Demo.hiringdesk"
    with create_demo_workbook(path) as demo:
        manager = team_members.list_members(demo)[0]
        senior = next(r for r in role_records.list_roles(demo) if r.title.startswith("Senior"))
        chosen = 0
        for name, title, skills in PEOPLE:
            record = CandidateInput(name=name, current_title=title, skills=skills)
            created = candidate_records.create_candidate(demo, record)
            stage_moves.apply(demo, created.id, senior.id)
            chosen = chosen or created.id
    settings = Settings()
    settings.add_recent_file(path)
    settings.set_acting_member(path, manager.id)
    window = MainWindow(settings)
    window.resize(*SIZE)
    window.show()
    window.open_initial(path)
    window.retention_notice.dismiss()

    def settle(ms: int = 500) -> None:
        end = QTimer()
        end.setSingleShot(True)
        end.start(ms)
        while end.isActive():
            app.processEvents()

    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    window.show_area("candidates")
    page.filters.role_filter.setCurrentIndex(page.filters.role_filter.findData(senior.id))
    page.show_board()
    window.show_candidate(chosen)
    settle()
    for column in page.board.columns.values():  # the chosen card scrolled into view
        for row in range(column.count()):
            if column.item(row).text() == PEOPLE[0][0]:
                column.setCurrentRow(row)
                column.scrollToItem(column.item(row))
    settle()
    window.grab().save(str(HERE / "board-cjk.png"))
    print(HERE / "board-cjk.png")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
