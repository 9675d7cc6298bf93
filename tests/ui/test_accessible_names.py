"""Every control of the window's pages and main dialogs has a name a screen reader can say.

A control is named by its accessibleName, by a QLabel whose buddy it is (Qt reads
that label's text as the name), or by its own visible text (a button's label, a
combo's current choice). The names are read back through Qt's accessibility
interface, which is what assistive technology sees. Parts that Qt builds inside
a control (a combo's list, a line edit's clear button, table headers) are the
control's own and are not walked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlmodel import col, select
from tests.ui.conftest import MakeWindow

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.interviews import interview_records
from hiring_desk.services.roles import role_records
from hiring_desk.services.team import team_members
from hiring_desk.services.workbook.opening import Workbook
from hiring_desk.store.models import Application, Interview, Offer
from hiring_desk.ui.candidates.candidate_dialog import CandidateDialog
from hiring_desk.ui.interviews.pack_dialog import PrintPackDialog
from hiring_desk.ui.interviews.plan_editor import PlanEditorDialog
from hiring_desk.ui.interviews.schedule_dialog import ScheduleDialog
from hiring_desk.ui.interviews.scorecard_dialog import ScorecardDialog
from hiring_desk.ui.main_window import MainWindow
from hiring_desk.ui.offers.compare_dialog import CompareDialog
from hiring_desk.ui.offers.offer_dialog import OfferDialog
from hiring_desk.ui.offers.offer_letter_dialog import OfferLetterDialog
from hiring_desk.ui.preferences.preferences_dialog import PreferencesDialog
from hiring_desk.ui.privacy.privacy_dialogs import ConsentDialog
from hiring_desk.ui.privacy.retention_review import RetentionReviewDialog
from hiring_desk.ui.roles.jd_editor import JDEditor
from hiring_desk.ui.roles.role_dialog import RoleDialog
from hiring_desk.ui.settings import Settings
from hiring_desk.ui.shortcuts import ShortcutsDialog, collect
from hiring_desk.ui.team.member_dialog import MemberDialog
from hiring_desk.ui.workbook.backups_dialog import BackupsDialog

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QAbstractSpinBox,  # QSpinBox, QDateEdit, QTimeEdit...
)
#: Controls that hold other controls: what is inside them belongs to them.
COMPOUND = (QComboBox, QAbstractSpinBox, QLineEdit, QAbstractItemView)


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (widget.accessibleName() or name).strip()


def is_part_of_another(widget: QWidget, root: QWidget) -> bool:
    if isinstance(widget, QHeaderView) or widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    """The controls under ``root`` nobody could name, as "Type 'objectName' in Parent"."""
    return [
        f"{type(w).__name__} {w.objectName()!r} in {type(w.parentWidget()).__name__}"
        for w in root.findChildren(QWidget)
        if isinstance(w, CONTROLS) and not is_part_of_another(w, root) and not accessible_name(w)
    ]


@pytest.fixture
def window(make_window: MakeWindow, tmp_path: Path) -> MainWindow:
    create_demo_workbook(tmp_path / "demo.hiringdesk").close()
    window = make_window(tmp_path / "demo.hiringdesk")
    window.show_candidate(_candidate_with_everything(_workbook(window)))
    return window


def _workbook(window: MainWindow) -> Workbook:
    assert window.workbook is not None
    return window.workbook


def _candidate_with_everything(workbook: Workbook) -> int:
    with workbook.transaction() as session:
        found = session.exec(
            select(Application.candidate_id)
            .join(Offer, col(Offer.application_id) == col(Application.id))
            .join(Interview, col(Interview.application_id) == col(Application.id))
        ).first()
        assert found is not None
        return found


@pytest.mark.parametrize("area", ["roles", "candidates", "interviews", "offers", "team", "reports"])
def test_every_control_of_every_page_is_named(window: MainWindow, area: str) -> None:
    window.show_area(area)
    assert unnamed(window.pages[area]) == []


def test_the_window_around_the_pages_is_named(window: MainWindow) -> None:
    for part in (window.nav, window.welcome, window.statusBar(), window.retention_notice):
        assert unnamed(part) == []


def _dialogs(window: MainWindow) -> Iterator[tuple[str, Callable[[], QDialog]]]:
    workbook = _workbook(window)
    candidate_id = _candidate_with_everything(workbook)
    with workbook.transaction() as session:
        application = session.exec(
            select(Application)
            .join(Offer, col(Offer.application_id) == col(Application.id))
            .where(Application.candidate_id == candidate_id)
        ).first()
        assert application is not None and application.id is not None
        offer_id = session.exec(
            select(Offer.id).where(Offer.application_id == application.id)
        ).one()
        role_id, application_id = application.role_id, application.id
        same_role = session.exec(
            select(Application.candidate_id).where(Application.role_id == role_id).limit(3)
        ).all()
    interview = next(
        i for i in interview_records.list_interviews(workbook) if i.candidate_id == candidate_id
    )
    role = role_records.get_role(workbook, role_id)
    detail = candidate_records.get_candidate(workbook, candidate_id)
    members = team_members.list_members(workbook)

    def reject_save(*_args: object) -> None:
        raise AssertionError("nothing is saved here")

    yield "candidate", lambda: CandidateDialog(window, reject_save, detail)  # type: ignore[arg-type]
    yield "role", lambda: RoleDialog(window, reject_save, members, role)  # type: ignore[arg-type]
    yield "member", lambda: MemberDialog(window, reject_save, members[0])  # type: ignore[arg-type]
    yield "schedule", lambda: ScheduleDialog(workbook, application_id, window)
    yield "scorecard", lambda: ScorecardDialog(workbook, interview.id, window)
    yield "offer", lambda: OfferDialog(workbook, application_id, window, offer_id)
    yield "offer letter", lambda: OfferLetterDialog(workbook, offer_id, window)
    yield "job description", lambda: JDEditor(window, workbook, role_id)
    yield "interview plan", lambda: PlanEditorDialog(workbook, role_id, window)
    yield "interview pack", lambda: PrintPackDialog(workbook, window, role_id=role_id)
    yield (
        "comparison",
        lambda: CompareDialog(workbook, role_id, list(same_role), window),
    )
    yield "consent", lambda: ConsentDialog(workbook, candidate_id, window)
    yield "retention review", lambda: RetentionReviewDialog(workbook, window)
    yield "backups", lambda: BackupsDialog(workbook, lambda _path: False, window)
    yield "preferences", lambda: PreferencesDialog(workbook, Settings(), window)
    yield (
        "shortcuts",
        lambda: ShortcutsDialog(collect(window, window.desktop.places()), window),
    )


DIALOGS = [
    "candidate",
    "role",
    "member",
    "schedule",
    "scorecard",
    "offer",
    "offer letter",
    "job description",
    "interview plan",
    "interview pack",
    "comparison",
    "consent",
    "retention review",
    "backups",
    "preferences",
    "shortcuts",
]


@pytest.mark.parametrize("name", DIALOGS)
def test_every_control_of_the_main_dialogs_is_named(
    window: MainWindow, qtbot: QtBot, name: str
) -> None:
    makers = dict(_dialogs(window))
    assert set(makers) == set(DIALOGS)
    dialog = makers[name]()
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []


def test_the_walk_finds_an_unnamed_control(window: MainWindow) -> None:
    """The check can fail: a line edit with no label and no name is reported."""
    page = window.pages["offers"]
    stray = QLineEdit(page)
    stray.setObjectName("stray")
    assert unnamed(page) == ["QLineEdit 'stray' in OffersPage"]
    stray.setAccessibleName("Filter offers")
    assert unnamed(page) == []


def test_a_form_label_s_letter_reaches_its_field(qtbot: QtBot) -> None:
    """Alt+T on "&Title:" puts the cursor in the title, though the label's buddy is the
    field's wrapper (the one that shows its error)."""
    dialog = MemberDialog(None, lambda *_args: None)  # type: ignore[arg-type, return-value]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    handle = dialog.windowHandle()
    assert handle is not None
    for key, field in (
        (Qt.Key.Key_T, dialog.title_edit),
        (Qt.Key.Key_E, dialog.email_edit),
        (Qt.Key.Key_N, dialog.name_edit),
    ):
        qtbot.keyClick(handle, key, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f, timeout=2000)
        assert accessible_name(field) == field.accessibleName() != ""
