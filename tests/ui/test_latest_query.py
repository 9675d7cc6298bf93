"""Queries on a worker thread: only the newest request's result arrives, and only the
newest request's failure is shown (as every operation's is: ui.operations)."""

from __future__ import annotations

import functools
import threading

import pytest
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.ui import messages
from hiring_desk.ui.operations import LatestQuery


def test_only_the_newest_result_is_delivered(qtbot: QtBot) -> None:
    got: list[object] = []
    delivered_on: list[str] = []

    def receive(result: object) -> None:
        delivered_on.append(threading.current_thread().name)
        got.append(result)

    query = LatestQuery(receive)
    release = threading.Event()
    threads: list[str] = []

    def slow() -> str:
        threads.append(threading.current_thread().name)
        release.wait(5)
        return "old"

    query.start(slow)
    query.start(lambda: "new")  # supersedes the first, still running
    assert query.pending
    release.set()
    qtbot.waitUntil(lambda: got == ["new"])
    assert not query.pending
    assert threads and threads[0] != threading.main_thread().name
    assert delivered_on == [threading.main_thread().name]
    assert query.wait(5000)
    qtbot.wait(20)
    assert got == ["new"]  # the first one's result was dropped when it came


def test_cancel_drops_a_result_on_its_way(qtbot: QtBot) -> None:
    got: list[object] = []
    query = LatestQuery(got.append)
    query.start(lambda: 1)
    query.cancel()
    assert not query.pending
    assert query.wait(5000)
    qtbot.wait(20)
    assert got == []


def test_an_unexpected_error_of_the_newest_query_goes_to_the_crash_dialog(
    qtbot: QtBot, answered_questions: list[str]
) -> None:
    query = LatestQuery(lambda _result: None)

    def broken() -> None:
        raise ValueError("no such column")

    query.start(broken)
    qtbot.waitUntil(lambda: not query.pending)
    assert answered_questions == ["Something went wrong"]
    assert QGuiApplication.overrideCursor() is None  # typing is never held up by a cursor


def test_a_refused_query_is_worded_and_a_superseded_failure_is_dropped(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        messages, "show_error", lambda _p, title, text, details="": shown.append((title, text))
    )
    got: list[object] = []
    query = LatestQuery(got.append, failure_title="Cannot Search")
    release = threading.Event()

    def old_and_broken() -> None:
        release.wait(5)
        raise RuntimeError("too late to matter")

    def refused() -> None:
        raise ServiceError("The search is too long.")

    query.start(old_and_broken)
    query.start(refused)
    release.set()
    qtbot.waitUntil(lambda: not query.pending)
    assert query.wait(5000)
    qtbot.wait(20)
    assert shown == [("Cannot Search", "The search is too long.")]
    assert got == []


@pytest.mark.parametrize("count", [1, 3])
def test_each_of_several_requests_in_a_row_ends_in_one_result(qtbot: QtBot, count: int) -> None:
    got: list[object] = []
    query = LatestQuery(got.append)
    for n in range(count):
        query.start(functools.partial(int, n))
    qtbot.waitUntil(lambda: got == [count - 1])
