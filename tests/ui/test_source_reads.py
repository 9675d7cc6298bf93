"""PySide6's question "does this module use PySide6?" answered without keeping sources."""

from __future__ import annotations

import inspect
import json
import linecache
import sys

import pytest
import sqlalchemy.engine

import hiring_desk.clock
import hiring_desk.ui.main_window
from hiring_desk.ui import source_reads
from hiring_desk.ui.source_reads import spare_source_reads, uses_pyside


def test_the_answer_is_the_one_shiboken_gives_and_no_source_is_kept() -> None:
    modules = [hiring_desk.ui.main_window, hiring_desk.clock, json, sqlalchemy.engine]
    linecache.clearcache()
    answers = [uses_pyside(module) for module in modules]
    assert linecache.cache == {}  # read, not kept
    assert answers == ["PySide6" in inspect.getsource(module) for module in modules]
    assert answers == [True, False, False, False]
    assert uses_pyside(sys) is False  # no source at all: as getsource failing


def test_the_start_up_puts_it_in_place_of_shibokens_own(monkeypatch: pytest.MonkeyPatch) -> None:
    from shibokensupport import feature  # type: ignore[import-not-found]

    monkeypatch.setattr(feature, "_mod_uses_pyside", feature._mod_uses_pyside)
    assert spare_source_reads() is True
    assert feature._mod_uses_pyside is source_reads.uses_pyside
    monkeypatch.delattr(feature, "_mod_uses_pyside")
    assert spare_source_reads() is False  # a PySide6 without it: left alone
