"""The operation runner: cursor restored, errors shown, changes announced, Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.ui import messages
from hiring_desk.ui.changes import Change, ChangeListener, change_hub, forget_stale
from hiring_desk.ui.operations import (
    OperationCancelledError,
    Progress,
    run_in_background,
    run_operation,
)


@pytest.fixture
def errors_shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    shown: list[tuple[str, str]] = []

    def record(_parent: object, title: str, text: str, details: str = "") -> None:
        shown.append((title, text))

    monkeypatch.setattr(messages, "show_error", record)
    return shown


@pytest.fixture
def announced() -> list[tuple[Change, object]]:
    seen: list[tuple[Change, object]] = []
    hub = change_hub()

    def record(changes: Change, source: object) -> None:
        seen.append((changes, source))

    hub.changed.connect(record)
    yield seen
    hub.changed.disconnect(record)


def no_busy_cursor() -> bool:
    return QGuiApplication.overrideCursor() is None


def test_a_quick_operation_returns_its_result_and_announces_what_changed(
    qtbot: QtBot, announced: list[tuple[Change, object]]
) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    results: list[int] = []
    value = run_operation(
        page, lambda: 42, changes=Change.CANDIDATES | Change.APPLICATIONS, on_success=results.append
    )
    assert value == 42 and results == [42]
    assert announced == [(Change.CANDIDATES | Change.APPLICATIONS, page)]
    assert no_busy_cursor()


def test_a_refused_quick_operation_shows_the_reason_and_announces_nothing(
    qtbot: QtBot, errors_shown: list[tuple[str, str]], announced: list[tuple[Change, object]]
) -> None:
    def refuse() -> None:
        raise ValidationError({"email": "is not an email address"})

    assert run_operation(None, refuse, changes=Change.CANDIDATES, failure_title="Not Saved") is None
    assert errors_shown == [("Not Saved", "Email: is not an email address")]
    assert announced == []
    assert no_busy_cursor()


def test_an_unexpected_error_restores_the_cursor_and_shows_the_crash_dialog(
    qtbot: QtBot, errors_shown: list[tuple[str, str]]
) -> None:
    def crash() -> None:
        raise RuntimeError("the disk fell off")

    assert run_operation(None, crash) is None
    assert no_busy_cursor()
    [(title, text)] = errors_shown
    assert title == "Something went wrong" and "the disk fell off" in text


def test_background_work_reports_progress_and_delivers_on_the_gui_thread(
    qtbot: QtBot, announced: list[tuple[Change, object]]
) -> None:
    gui_thread = threading.current_thread()
    delivered: list[tuple[int, threading.Thread]] = []
    worker_threads: list[threading.Thread] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.current_thread())
        for step in range(1, 6):
            progress.update(step, 5, f"Step {step}")
        return 5

    operation = run_in_background(
        None,
        work,
        title="Counting",
        label="Counting…",
        changes=Change.CANDIDATES,
        on_success=lambda n: delivered.append((n, threading.current_thread())),
    )
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    assert delivered == [(5, gui_thread)]
    assert worker_threads and worker_threads[0] is not gui_thread
    assert announced == [(Change.CANDIDATES, None)]
    assert no_busy_cursor()


def test_cancel_stops_background_work_and_announces_nothing(
    qtbot: QtBot, announced: list[tuple[Change, object]]
) -> None:
    started = threading.Event()
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress.update(1, 10)
            threading.Event().wait(0.01)

    operation = run_in_background(
        None,
        work,
        title="Importing",
        label="Importing…",
        changes=Change.CANDIDATES,
        on_success=lambda _result: outcome.append("done"),
        on_cancelled=lambda: outcome.append("cancelled"),
    )
    assert started.wait(5)
    qtbot.waitUntil(operation.dialog.isVisible, timeout=5000)
    [cancel_button] = operation.dialog.findChildren(QPushButton)
    with qtbot.waitSignal(operation.finished, timeout=5000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert outcome == ["cancelled"]
    assert announced == []
    assert no_busy_cursor()


def test_an_unexpected_error_in_background_work_shows_the_crash_dialog(
    qtbot: QtBot, errors_shown: list[tuple[str, str]]
) -> None:
    def work(_progress: Progress) -> None:
        raise KeyError("no such page")

    operation = run_in_background(None, work, title="Printing", label="Printing…")
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    assert no_busy_cursor()
    [(title, text)] = errors_shown
    assert title == "Something went wrong" and "no such page" in text


def test_a_refusal_in_background_work_is_shown_with_its_title(
    qtbot: QtBot, errors_shown: list[tuple[str, str]]
) -> None:
    def work(_progress: Progress) -> None:
        raise ValidationError({"file": "is empty"})

    operation = run_in_background(
        None, work, title="Importing", label="Importing…", failure_title="Nothing Imported"
    )
    with qtbot.waitSignal(operation.finished, timeout=5000):
        pass
    assert errors_shown == [("Nothing Imported", "File: is empty")]
    assert no_busy_cursor()


def test_progress_raises_once_cancelled() -> None:
    progress = Progress()
    progress.update(1, 2)
    progress.cancel()
    with pytest.raises(OperationCancelledError):
        progress.update(2, 2)


# -- forms and dialogs that word a refusal themselves ------------------------------------------


def test_a_form_gets_its_field_errors_and_a_dialog_its_other_refusals(
    qtbot: QtBot, errors_shown: list[tuple[str, str]]
) -> None:
    invalid: list[dict[str, str]] = []
    refused: list[str] = []

    def fail(error: Exception) -> Callable[[], None]:
        def work() -> None:
            raise error

        return work

    kwargs: dict[str, Any] = {
        "on_invalid": lambda exc: invalid.append(exc.errors),
        "on_refused": lambda exc: refused.append(str(exc)),
    }
    run_operation(None, fail(ValidationError({"name": "is empty"})), **kwargs)
    run_operation(None, fail(NotFoundError("The role was deleted meanwhile.")), **kwargs)
    run_operation(None, fail(RuntimeError("a bug")), **kwargs)
    assert invalid == [{"name": "is empty"}]
    assert refused == ["The role was deleted meanwhile."]
    assert [title for title, _text in errors_shown] == ["Something went wrong"]
    assert no_busy_cursor()


def test_background_work_outlives_a_closed_parent(
    qtbot: QtBot, announced: list[tuple[Change, object]]
) -> None:
    """The cursor comes back and the change is announced; the parent's callbacks are skipped."""
    parent = QWidget()
    release = threading.Event()
    called: list[str] = []
    operation = run_in_background(
        parent,
        lambda _progress: release.wait(5),
        title="Erasing",
        label="Erasing…",
        changes=Change.CANDIDATES,
        on_success=lambda _result: called.append("success"),
        cancellable=False,
    )
    parent.deleteLater()
    qtbot.wait(10)  # the parent is deleted now
    with qtbot.waitSignal(operation.finished, timeout=5000):
        release.set()
    assert called == []
    assert announced == [(Change.CANDIDATES, None)]
    assert no_busy_cursor()


# -- the change hub and the pages that listen to it ---------------------------------------------


class Page(QWidget):
    """A page showing candidates, with a dialog it opens."""

    def __init__(self) -> None:
        super().__init__()
        self.refreshed: list[Change] = []
        self.listener = ChangeListener(
            self, Change.CANDIDATES | Change.OFFERS, self.refreshed.append
        )
        self.dialog = QDialog(self)


def test_a_visible_page_refreshes_for_what_it_shows(qtbot: QtBot) -> None:
    page = Page()
    qtbot.addWidget(page)
    page.show()
    hub = change_hub()
    hub.announce(Change.TEAM)  # not shown here
    hub.announce(Change.CANDIDATES | Change.TEAM)
    assert page.refreshed == [Change.CANDIDATES]


def test_a_hidden_page_refreshes_once_when_shown(qtbot: QtBot) -> None:
    page = Page()
    qtbot.addWidget(page)
    hub = change_hub()
    hub.announce(Change.CANDIDATES)
    hub.announce(Change.OFFERS)
    assert page.refreshed == []
    page.show()
    assert page.refreshed == [Change.CANDIDATES | Change.OFFERS]
    page.hide()
    page.show()
    assert len(page.refreshed) == 1  # nothing changed meanwhile


def test_a_page_skips_its_own_changes_and_those_of_its_dialogs(qtbot: QtBot) -> None:
    page, other = Page(), QWidget()
    qtbot.addWidget(page)
    qtbot.addWidget(other)
    page.show()
    hub = change_hub()
    hub.announce(Change.CANDIDATES, page)
    hub.announce(Change.CANDIDATES, page.dialog)
    assert page.refreshed == []
    hub.announce(Change.CANDIDATES, other)
    assert page.refreshed == [Change.CANDIDATES]


def test_a_page_refreshed_in_full_forgets_what_it_missed(qtbot: QtBot) -> None:
    page = Page()
    qtbot.addWidget(page)
    change_hub().announce(Change.CANDIDATES)
    forget_stale(page)  # as the window does before it reads an area again on opening it
    page.show()
    assert page.refreshed == []


def test_a_deleted_page_no_longer_listens(qtbot: QtBot) -> None:
    page = Page()
    page.show()
    page.deleteLater()
    qtbot.wait(10)
    change_hub().announce(Change.CANDIDATES)  # must not reach the deleted page


def test_many_background_jobs_each_deliver_once_and_are_let_go(qtbot: QtBot) -> None:
    """Hundreds of quick jobs in a row (as typing and printing make them): each one's
    outcome reaches the GUI thread once, and no job is kept once it has handed over."""
    from hiring_desk.ui.worker_jobs import Job

    parent = QWidget()
    qtbot.addWidget(parent)
    kept_before = len(Job._alive)  # jobs of earlier tests whose page went first
    got: list[int] = []
    for number in range(300):
        run_in_background(
            parent, lambda _p, n=number: n, title="T", label="L", on_success=got.append
        )
    qtbot.waitUntil(lambda: len(got) == 300, timeout=20000)
    assert sorted(got) == list(range(300))
    qtbot.waitUntil(lambda: len(Job._alive) == kept_before, timeout=5000)
