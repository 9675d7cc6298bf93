"""Take ``board-cjk.png``: a board whose cards hold names in many scripts, 1280x800.

Run under Xvfb (see ``take.py``):

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/board_scripts.py

Five applicants with Chinese, Japanese, Cyrillic, Arabic and Hebrew names and titles
are added to a temporary demo workbook's Senior Backend Developer role; the picture
is the window's Candidates page showing that role as a board, the Chinese card
chosen. Nothing outside a temporary folder is touched.
"""

from __future__ import annotations

import sys
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
    sys.path.insert(0, str(HERE))
    from demo_window import open_demo_window

    from hiring_desk.services.candidates import candidate_records
    from hiring_desk.services.candidates.record_checks import CandidateInput
    from hiring_desk.services.pipeline import stage_moves
    from hiring_desk.services.roles import role_records
    from hiring_desk.store import Workbook
    from hiring_desk.ui.candidates.candidates_page import CandidatesPage

    added: list[int] = []

    def add_people(demo: Workbook) -> None:
        role = next(r for r in role_records.list_roles(demo) if r.title.startswith("Senior"))
        for name, title, skills in PEOPLE:
            record = CandidateInput(name=name, current_title=title, skills=skills)
            created = candidate_records.create_candidate(demo, record)
            stage_moves.apply(demo, created.id, role.id)
            added.append(created.id)

    shown = open_demo_window(SIZE, prepare=add_people)
    window, settle = shown.window, shown.settle
    senior = next(
        r for r in role_records.list_roles(shown.workbook) if r.title.startswith("Senior")
    )
    chosen = added[0]

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
