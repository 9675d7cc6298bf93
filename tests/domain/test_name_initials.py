"""Initials, colour and direction of a name, in every script."""

from __future__ import annotations

import pytest

from hiring_desk.domain.name_initials import avatar_hue, initials, is_right_to_left


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ada Lovelace", "AL"),
        ("ada  de la lovelace", "AL"),
        ("Cher", "C"),
        ("王小明", "王"),
        ("山田太郎", "山"),
        ("山田 太郎", "山"),
        ("김민준", "김"),
        ("Αλέξανδρος Παπαδόπουλος", "ΑΠ"),
        ("Дмитрий Иванов", "ДИ"),
        ("محمد الأحمد", "مأ"),
        ("O'Brien, Seán", "OS"),
        ("   ", "?"),
        ("123", "?"),
    ],
)
def test_initials(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_direction() -> None:
    assert is_right_to_left("محمد الأحمد")
    assert is_right_to_left("  (דוד לוי)")
    assert not is_right_to_left("王小明")
    assert not is_right_to_left("Ada محمد")


def test_avatar_hue_is_stable_and_spread() -> None:
    assert avatar_hue("王小明") == avatar_hue(" 王小明 ")
    assert 0 <= avatar_hue("Ada Lovelace") < 360
    hues = {avatar_hue(n) for n in ("Ada", "Grace", "Alan", "王小明", "Дмитрий", "محمد")}
    assert len(hues) >= 5
