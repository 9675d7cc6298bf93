"""The candidate header in the detail panel (the demo workbook): initials in any script,
a stage chip per application, the local time when the zone is known, the next step
as the primary button opening its dialog; and the panel fits at 1280x800."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QTabBar, QWidget
from pytestqt.qtbot import QtBot
from tests.conftest import TODAY, on_day
from tests.ui.candidates.candidates_page_setup import page_of
from tests.ui.conftest import MakeWindow, when_modal, workbook_of
from tests.ui.test_page_fit import HEIGHT, WIDTH, _check_fits

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews import interview_schedule
from hiring_desk.services.interviews.interview_schedule import InterviewDraft
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.team import team_members
from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.offers.offer_dialog import OfferDialog
from hiring_desk.ui.pipeline.move_dialog import MoveDialog
from hiring_desk.ui.theme import apply_theme

ARABIC = "محمد العلي"


@pytest.fixture(scope="module")
def demo_at_noon(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo made at noon on ``TODAY``: what is past and what is to come in it does
    not depend on the hour the tests run (the ``today`` fixture holds the clock there)."""
    from hiring_desk.services.demo.demo_workbook import create_demo_workbook

    path = tmp_path_factory.mktemp("demo-at-noon") / "demo.hiringdesk"
    with on_day(TODAY):
        create_demo_workbook(path).close()
    return path


@pytest.fixture
def page(
    make_window: MakeWindow, demo_at_noon: Path, tmp_path: Path, qtbot: QtBot, today: date
) -> Iterator[CandidatesPage]:
    """The demo's Candidates page at 1280x800 (and an Arabic-named candidate added), the
    clock at noon on the day the demo was made."""
    demo_copy = tmp_path / "demo.hiringdesk"
    shutil.copy(demo_at_noon, demo_copy)
    window = make_window(demo_copy)
    added = candidate_records.create_candidate(
        workbook_of(window), CandidateInput(name=ARABIC, location="عمّان، الأردن")
    ).id
    window.resize(WIDTH, HEIGHT)
    window.show_area("candidates")
    found = page_of(window)
    found.refresh()
    # the table reads its rows on a worker thread: wait for them, and a row chosen
    qtbot.waitUntil(lambda: window.width() == WIDTH and found.isVisible())
    qtbot.waitUntil(lambda: found.model.row_of(added) is not None)
    qtbot.waitUntil(lambda: found.selected_id() is not None)
    yield found


def _id_of(page: CandidatesPage, name: str) -> int:
    assert page.workbook is not None
    return next(c.id for c in candidate_records.list_candidates(page.workbook) if c.name == name)


def _show(page: CandidatesPage, qtbot: QtBot, name: str) -> None:
    # (from nothing selected: a Ctrl an earlier test left held would toggle the row off)
    page.table.clearSelection()
    page.show_candidate(_id_of(page, name))
    qtbot.waitUntil(lambda: page.detail.header.name.text() == name)
    QApplication.processEvents()


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("Ahmed Hassan", "AH"),
        ("渡辺健二", "渡"),
        ("Αλέξανδρος Παπαδόπουλος", "ΑΠ"),
        ("Дмитрий Орлов", "ДО"),
        (ARABIC, "مع"),  # the article "ال" of the family name is skipped
    ],
)
def test_initials_in_every_script(
    page: CandidatesPage, qtbot: QtBot, name: str, initials: str
) -> None:
    _show(page, qtbot, name)
    header = page.detail.header
    assert header.avatar.isVisible()
    assert header.avatar.initials == initials
    assert header.avatar.accessibleName() == f"Initials of {name}"
    image = header.avatar.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 5)  # the badge, not text
    assert centre.alpha() == 255 and centre != header.palette().window().color()


def test_title_place_and_a_chip_per_application(page: CandidatesPage, qtbot: QtBot) -> None:
    _show(page, qtbot, "Ahmed Hassan")
    header = page.detail.header
    assert header.title.text() == "Backend Developer"
    assert header.place.text() == "Dublin, Ireland"  # no zone known: no local time
    # the open application first, the rejected one after it
    assert header.chips.chips == [
        ("screening", "Backend Developer · Screening"),
        ("rejected", "Senior Backend Developer · Rejected"),
    ]
    assert header.chips.isVisible() and header.chips.height() > 0
    _show(page, qtbot, ARABIC)
    assert header.chips.chips == [] and not header.chips.isVisible()
    assert header.place.text() == "عمّان، الأردن"


def test_local_time_from_an_interview_in_their_zone(page: CandidatesPage, qtbot: QtBot) -> None:
    workbook = page.workbook
    assert workbook is not None
    cid = _id_of(page, "渡辺健二")
    application = stage_moves.applications_of(workbook, cid)[0]
    someone = team_members.list_members(workbook)[0].id
    draft = InterviewDraft(
        day=date(2027, 1, 12),
        start=time(9, 0),
        timezone="Asia/Tokyo",
        round_name="Video call",
        interviewer_ids=(someone,),
    )
    interview_schedule.schedule(workbook, application.id, draft)
    _show(page, qtbot, "渡辺健二")
    place = page.detail.header.place.text()
    assert place.endswith(" their time (Asia/Tokyo)"), place
    assert page.detail.header.local_time_text() in place


#: (candidate, the button's text, the dialog it opens, a check of that dialog)
STEPS = [
    ("Ahmed Hassan", "Move to Interview…", MoveDialog, "Interview"),
    ("José Manuel Ortega", "Make offer…", OfferDialog, "New"),
    ("Margaux Lefèvre", "Open offer…", OfferDialog, "Edit"),
    ("Oluwaseun Adeyemi", "Score interview…", ScorecardDialog, "Scorecard"),
    ("Nguyễn Thị Mai", "Open interview…", ScheduleDialog, "Edit Interview"),
    (ARABIC, "Apply to role…", QInputDialog, "Apply to Role"),
]


def _described(dialog: QWidget) -> str:
    """What a test checks of the dialog the step opened."""
    if isinstance(dialog, MoveDialog):
        return dialog.target.currentText()
    if isinstance(dialog, OfferDialog):
        return "New" if dialog.windowTitle().startswith("New") else "Edit"
    return dialog.windowTitle()


def _dialog_opened_by(qtbot: QtBot, button: QWidget) -> tuple[type, str]:
    """Click ``button``; the dialog that opened (its type and what ``_described`` says),
    closed again without saving."""
    opened: list[tuple[type, str]] = []

    def look(dialog: QWidget) -> None:
        opened.append((type(dialog), _described(dialog)))
        assert isinstance(dialog, QDialog)
        dialog.reject()

    when_modal(qtbot, look, QDialog, close_after=True)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    return opened[0]


def test_the_next_step_opens_its_dialog(page: CandidatesPage, qtbot: QtBot) -> None:
    button = page.detail.header.next_button
    for name, label, kind, seen in STEPS:
        _show(page, qtbot, name)
        assert button.isVisible() and button.text() == label, name
        assert _dialog_opened_by(qtbot, button) == (kind, seen), name
    _show(page, qtbot, "Siobhán Kearney")  # hired: nothing left to do
    assert not button.isVisible()


def test_schedule_interview_at_interview_with_none_booked(
    page: CandidatesPage, qtbot: QtBot
) -> None:
    workbook = page.workbook
    assert workbook is not None
    app_id = stage_moves.applications_of(workbook, _id_of(page, "Mateus Oliveira"))[0].id
    stage_moves.move(workbook, app_id, Stage.INTERVIEW.value)
    _show(page, qtbot, "Mateus Oliveira")
    button = page.detail.header.next_button
    assert button.text() == "Schedule interview…"
    assert "no interview booked" in page.detail.header.why.text()
    assert _dialog_opened_by(qtbot, button) == (ScheduleDialog, "Schedule Interview")


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("name", ["Ahmed Hassan", "Ирина Соколова", "Oluwaseun Adeyemi"])
def test_the_detail_fits_at_1280_by_800(
    page: CandidatesPage, qtbot: QtBot, theme: str, name: str
) -> None:
    apply_theme(theme)
    try:
        _show(page, qtbot, name)
        detail = page.detail
        window = detail.window()
        assert isinstance(window, MainWindow)
        _check_fits(window, detail)
        # sections, not tabs: no tab bar (nor its scroll arrows), every section name whole
        assert not [bar for bar in detail.findChildren(QTabBar) if bar.isVisible()]
        sections = detail.tabs.sections
        assert not sections.verticalScrollBar().isVisible()
        for row in range(sections.count()):
            item = sections.item(row)
            width = sections.visualItemRect(item).width()
            assert sections.fontMetrics().horizontalAdvance(item.text()) <= width
        # the header leaves the sections most of the height
        assert detail.header.height() < detail.height() / 2
        assert detail.tabs.pages.width() >= 200
    finally:
        apply_theme("system")
