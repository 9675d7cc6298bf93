"""Queries on a worker thread: only the newest request's result arrives, errors included."""

from __future__ import annotations

import functools
import threading

import pytest
from pytestqt.qtbot import QtBot

from hiring_desk.ui.latest_query import LatestQuery


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


def test_an_error_of_the_newest_query_is_raised_on_the_gui_thread(qtbot: QtBot) -> None:
    query = LatestQuery(lambda _result: None)

    def broken() -> None:
        raise ValueError("no such column")

    with qtbot.captureExceptions() as raised:
        query.start(broken)
        qtbot.waitUntil(lambda: bool(raised))
    assert isinstance(raised[0][1], ValueError)
    assert not query.pending


@pytest.mark.parametrize("count", [1, 3])
def test_each_of_several_requests_in_a_row_ends_in_one_result(qtbot: QtBot, count: int) -> None:
    got: list[object] = []
    query = LatestQuery(got.append)
    for n in range(count):
        query.start(functools.partial(int, n))
    qtbot.waitUntil(lambda: got == [count - 1])
