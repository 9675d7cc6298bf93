"""After printing, the app offers to open the PDF in the system's viewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiring_desk.ui import messages, printed
from hiring_desk.ui.printed import offer_to_open


def test_yes_opens_the_file_and_no_leaves_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answered_questions: list[str]
) -> None:
    opened: list[Path] = []
    monkeypatch.setattr(printed, "open_with_system_viewer", lambda p: opened.append(p) or True)
    pdf = tmp_path / "letter.pdf"
    offer_to_open(None, pdf, "Offer Letter")
    assert answered_questions == ["Offer Letter Saved"] and opened == [pdf]

    monkeypatch.setattr(messages, "confirm", lambda *_args: False)
    offer_to_open(None, pdf, "Offer Letter")
    assert opened == [pdf]


def test_a_file_no_program_opens_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answered_questions: list[str]
) -> None:
    monkeypatch.setattr(printed, "open_with_system_viewer", lambda _p: False)
    offer_to_open(None, tmp_path / "pack.pdf", "Interview Pack")
    assert answered_questions == ["Interview Pack Saved", "Cannot Open"]
