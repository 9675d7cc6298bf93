"""Take every page of the window at 1280x800, light and dark, on the demo workbook.

Run under Xvfb with a window manager for the title bars (no desktop needed):

    xvfb-run -a -s "-screen 0 1400x900x24" sh -c 'openbox & python docs/screenshots/pages.py'

Writes ``pages/<area>-<theme>.png`` next to this script: the whole window with its
frame, one picture per navigation area (Today, Roles, Candidates with a candidate
chosen, its board, Interviews, Offers, Team & Company, Reports) and theme. Nothing
outside a temporary folder is touched.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "pages"
SIZE = (1280, 800)


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    from demo_window import open_demo_window

    from hiring_desk.services.candidates.candidate_table import CandidateFilter, fetch_rows
    from hiring_desk.services.roles import role_records
    from hiring_desk.ui.areas import AREAS
    from hiring_desk.ui.candidates.candidates_page import CandidatesPage
    from hiring_desk.ui.theme import apply_theme

    shown = open_demo_window(SIZE)
    window, workbook = shown.window, shown.workbook
    HERE.mkdir(exist_ok=True)

    def shoot(name: str) -> None:
        shown.grab_frame(HERE / name)

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
