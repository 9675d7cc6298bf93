"""The stage colours where stages are shown: a chip in the Candidates table, a dot
beside each move in the timeline, and the report's stage bars; the words always
beside the colour."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import MakeWindow

from hiring_desk.documents.report_views import Bar
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.ui.candidates.candidate_model import STAGE_COLUMN
from hiring_desk.ui.reports.bar_chart import BAR, ROW, BarChart
from hiring_desk.ui.stage_colours import CHIPS_ROLE, ChipRowDelegate, stage_colours
from hiring_desk.ui.theme import is_dark


def test_the_candidates_table_shows_each_stage_as_a_chip_with_its_name(
    make_window: MakeWindow, demo_copy: Path, qtbot: QtBot
) -> None:
    window = make_window(demo_copy)
    window.show_area("candidates")
    page = page_of(window)
    qtbot.waitUntil(lambda: page.model.rowCount() > 0 and not page.model.pending)
    assert isinstance(page.table.itemDelegateForColumn(STAGE_COLUMN), ChipRowDelegate)
    for number in range(page.model.rowCount()):
        index = page.model.index(number, STAGE_COLUMN)
        row = page.model.row(number)
        chips = index.data(CHIPS_ROLE)
        assert chips == ([(row.stage, row.stage_label)] if row.stage else [])
        assert index.data(Qt.ItemDataRole.DisplayRole) == row.stage_label  # read aloud


def test_each_move_in_the_timeline_has_a_dot_of_its_stage(
    make_window: MakeWindow, demo_copy: Path, qtbot: QtBot
) -> None:
    window = make_window(demo_copy)
    window.show_area("candidates")
    page = page_of(window)
    qtbot.waitUntil(lambda: page.selected_id() is not None)
    timeline = page.detail.timeline
    candidate = page.selected_id()
    assert page.workbook is not None and candidate is not None
    moves = stage_moves.timeline(page.workbook, candidate)
    assert moves, "the demo's first candidate has moves"
    dotted = [
        timeline.item(n) for n in range(timeline.count()) if not timeline.item(n).icon().isNull()
    ]
    assert len(dotted) == len(moves)


def test_a_stage_bar_is_drawn_in_its_stage_colour(qtbot: QtBot) -> None:
    chart = BarChart("chart")
    qtbot.addWidget(chart)
    chart.resize(400, 2 * ROW + 4)
    chart.set_bars((Bar("Interview", 10, "10", "interview"), Bar("Other", 10, "10")))
    chart.show()
    qtbot.waitExposed(chart)
    picture = chart.grab().toImage()
    _label, start, _track = chart._columns()
    middle = ROW // 2
    stage_fill = QColor(stage_colours("interview", is_dark(chart.palette())).fill)
    assert picture.pixelColor(QPoint(int(start) + 4, middle)) == stage_fill
    plain = picture.pixelColor(QPoint(int(start) + 4, ROW + middle))
    assert plain == chart.palette().highlight().color()
    assert BAR < ROW
