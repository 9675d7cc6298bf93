"""Initials avatars keep their text readable: WCAG AA (4.5:1) on every hue, light and dark,
and the same name always gets the same colour."""

from __future__ import annotations

import pytest

from hiring_desk.ui.avatars import AVATAR_CONTRAST, avatar_colours
from hiring_desk.ui.stage_colours import contrast_ratio

NAMES = [
    "Ahmed Hassan",
    "渡辺健二",
    "Αλέξανδρος Παπαδόπουλος",
    "Дмитрий Орлов",
    "محمد العلي",
    "김민준",
    "Zoë Lambert",
] + [f"Candidate {n}" for n in range(400)]  # enough names to land on every hue


@pytest.mark.parametrize("dark", [False, True])
def test_initials_keep_aa_contrast_on_every_hue(dark: bool) -> None:
    worst = min(
        contrast_ratio(colours.fill, colours.text)
        for colours in (avatar_colours(name, dark) for name in NAMES)
    )
    assert worst >= AVATAR_CONTRAST


def test_a_name_keeps_its_colour_and_names_differ() -> None:
    assert avatar_colours("Ahmed Hassan", False) == avatar_colours(" Ahmed Hassan ", False)
    fills = {avatar_colours(name, False).fill for name in NAMES}
    assert len(fills) > 50
    light, dark = avatar_colours("渡辺健二", False), avatar_colours("渡辺健二", True)
    assert light.text == "#ffffff" and dark.text != "#ffffff"  # white on deep, ink on soft
