"""The board's cards: every line of every name, in any script, fits its card."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QListWidget, QStyleOptionViewItem
from pytestqt.qtbot import QtBot
from tests.conftest import on_day

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.pipeline.board import Card
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.store import Workbook
from hiring_desk.ui.pipeline.board_cards import CARD_ROLE, CardDelegate
from hiring_desk.ui.pipeline.board_view import BoardView

LONG_LATIN = "Maximilian Alexander Konstantin Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh"
NAMES = {
    "cjk": "王小明",
    "japanese": "山田太郎",
    "greek": "Αλέξανδρος Παπαδόπουλος",
    "cyrillic": "Дмитрий Иванов",
    "arabic": "محمد الأحمد",
    "latin": LONG_LATIN,
}
TITLES = {
    "cjk": "高级软件工程师兼技术负责人",
    "japanese": "シニアソフトウェアエンジニア",
    "greek": "Ανώτερος Μηχανικός Λογισμικού",
    "cyrillic": "Ведущий инженер-программист",
    "arabic": "مهندس برمجيات أول",
    "latin": "Principal Distributed-Systems Reliability Engineer",
}


def _board(workbook: Workbook, qtbot: QtBot, applied_on: date, today: date) -> BoardView:
    """Every name applied to one role on ``applied_on``; the board shown on ``today``."""
    skills = (SkillEntry("Python", "must"), SkillEntry("Go", "must"))
    role = role_records.create_role(workbook, RoleBrief(title="Engineer", skills=skills))
    with on_day(applied_on):
        for key, name in NAMES.items():
            data = CandidateInput(name=name, current_title=TITLES[key], skills=("Python",))
            cid = candidate_records.create_candidate(workbook, data).id
            stage_moves.apply(workbook, cid, role.id)
    view = BoardView(lambda _application, _stage: False)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    with on_day(today):
        view.show_role(workbook, role.id)
    qtbot.waitExposed(view)
    return view


def test_every_card_fits_all_its_lines(workbook: Workbook, qtbot: QtBot, today: date) -> None:
    view = _board(workbook, qtbot, today - timedelta(days=3), today)
    column = view.columns[Stage.APPLIED]
    delegate = column.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    width = delegate.card_width()
    assert column.count() == len(NAMES)
    seen = set()
    for row in range(column.count()):
        item = column.item(row)
        card = item.data(CARD_ROLE)
        assert isinstance(card, Card)
        key = next(k for k, n in NAMES.items() if n == card.name)
        seen.add(key)
        laid = delegate.layout_of(column.indexFromItem(item))
        assert laid is not None
        texts = [text for text, _layout, _origin in laid.blocks]
        assert texts == [
            NAMES[key],
            TITLES[key],
            "50% match",
            "3 days in stage",
            "No interview yet",
        ]
        hint = delegate.sizeHint(_option(column), column.indexFromItem(item))
        assert laid.text_bottom() <= hint.height(), key
        assert hint.width() <= width
        rect = column.visualItemRect(item)
        assert rect.height() >= hint.height(), key
        _name, name_layout, name_at = laid.blocks[0]
        # The name beside the avatar; the other lines below it, across the card.
        assert all(origin.y() >= laid.avatar.bottom() for _t, _l, origin in laid.blocks[1:])
        if key == "arabic":  # right to left: the avatar on the right, every line from the right
            assert name_at.x() + name_layout.boundingRect().right() <= laid.avatar.left()
            assert all(
                layout.textOption().alignment() & Qt.AlignmentFlag.AlignRight
                for _t, layout, _o in laid.blocks
            )
        else:
            assert name_at.x() > laid.avatar.right()
        for text, layout, origin in laid.blocks:
            # every character is on some line, and no line is wider than the card's text
            laid_out = sum(layout.lineAt(i).textLength() for i in range(layout.lineCount()))
            assert laid_out == len(text), key
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                assert origin.x() + line.x() >= 0
                assert line.naturalTextWidth() <= line.width() + 0.5, (key, text)
                assert origin.x() + line.x() + line.width() <= hint.width()
    assert seen == set(NAMES)


def _option(column: QListWidget) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(column)
    return option


def test_long_names_wrap_instead_of_being_cut(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    view = _board(workbook, qtbot, today, today)
    column = view.columns[Stage.APPLIED]
    delegate = column.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    for row in range(column.count()):
        item = column.item(row)
        laid = delegate.layout_of(column.indexFromItem(item))
        assert laid is not None
        name, layout, _origin = laid.blocks[0]
        bold = column.font()
        bold.setBold(True)
        if QFontMetricsF(bold).horizontalAdvance(name) > delegate.card_width():
            assert layout.lineCount() > 1, name
        assert laid.blocks[-2][0] == "In stage since today"


@pytest.mark.parametrize("days", [1, 12])
def test_days_in_stage_count_from_the_last_move(
    workbook: Workbook, qtbot: QtBot, today: date, days: int
) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="Engineer"))
    with on_day(today - timedelta(days=40)):
        cid = candidate_records.create_candidate(workbook, CandidateInput(name="王小明")).id
        application = stage_moves.apply(workbook, cid, role.id)
    with on_day(today - timedelta(days=days)):
        stage_moves.move(workbook, application.id, Stage.SCREENING.value)
    view = BoardView(lambda _application, _stage: False)
    qtbot.addWidget(view)
    view.show_role(workbook, role.id)
    card = view.columns[Stage.SCREENING].item(0).data(CARD_ROLE)
    assert isinstance(card, Card)
    assert card.days_in_stage == days
    assert card.match_score is None  # the role lists no skills: no match line
    word = "day" if days == 1 else "days"
    assert view.columns[Stage.SCREENING].item(0).toolTip().split("\n") == [
        "王小明",
        f"{days} {word} in stage",
        "No interview yet",
    ]


def test_a_full_column_scrolls_without_cards_overlapping(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    """Enough cards for a scroll bar: each still gets the height its lines need at the
    width it is painted with, and no card covers the next."""
    role = role_records.create_role(workbook, RoleBrief(title="Engineer"))
    for number in range(12):
        data = CandidateInput(name=f"{LONG_LATIN} {number}", current_title=TITLES["latin"])
        cid = candidate_records.create_candidate(workbook, data).id
        stage_moves.apply(workbook, cid, role.id)
    view = BoardView(lambda _application, _stage: False)
    qtbot.addWidget(view)
    view.resize(1200, 400)
    view.show_role(workbook, role.id)  # filled while hidden, as the page does
    view.show()
    qtbot.waitExposed(view)
    column = view.columns[Stage.APPLIED]
    qtbot.waitUntil(column.verticalScrollBar().isVisible)
    delegate = column.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    assert delegate.card_width() <= column.viewport().width()
    rects = [column.visualItemRect(column.item(row)) for row in range(column.count())]
    for row, rect in enumerate(rects):
        laid = delegate.layout_of(column.indexFromItem(column.item(row)))
        assert laid is not None
        assert laid.text_bottom() <= rect.height()
        if row:
            assert not rect.intersects(rects[row - 1])


def test_cards_grow_when_their_column_narrows(
    workbook: Workbook, qtbot: QtBot, today: date
) -> None:
    """A narrower column (the window or the splitter dragged) lays its cards out again."""
    view = _board(workbook, qtbot, today, today)
    column = view.columns[Stage.APPLIED]
    delegate = column.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    wide = delegate.card_width()
    column.setFixedWidth(column.width() - 60)
    qtbot.waitUntil(lambda: delegate.card_width() < wide)

    def fits() -> bool:
        for row in range(column.count()):
            item = column.item(row)
            laid = delegate.layout_of(column.indexFromItem(item))
            assert laid is not None
            if laid.text_bottom() > column.visualItemRect(item).height():
                return False
        return True

    qtbot.waitUntil(fits, timeout=2000)
