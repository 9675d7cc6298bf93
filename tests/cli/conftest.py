"""Fixtures shared by the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def demo(demo_copy: Path) -> Path:
    """A copy of the demo workbook that the commands may change."""
    return demo_copy


@pytest.fixture
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    """The window replaced by a stand-in that records the workbook it was given."""
    calls: list[Path | None] = []

    def run_gui(workbook: Path | None) -> int:
        calls.append(workbook)
        return 0

    import hiring_desk.app

    monkeypatch.setattr(hiring_desk.app, "run_gui", run_gui)
    return calls
