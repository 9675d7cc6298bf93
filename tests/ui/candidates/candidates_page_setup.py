"""The Candidates page of a main window, for the Candidates page tests."""

from __future__ import annotations

from hiring_desk.ui.candidates.candidates_page import CandidatesPage
from hiring_desk.ui.main_window import MainWindow


def page_of(window: MainWindow) -> CandidatesPage:
    page = window.pages["candidates"]
    assert isinstance(page, CandidatesPage)
    return page
