"""The operation runner: cursor restored, errors shown, changes announced, Cancel."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from hiring_desk.services.errors import ValidationError
from hiring_desk.ui import messages
from hiring_desk.ui.operations import (
    Change,
    OperationCancelledError,
    Progress,
    change_hub,
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
