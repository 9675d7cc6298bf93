"""file_names: one file name from any text, safe on Windows, macOS and Linux."""

from __future__ import annotations

import pytest

from hiring_desk.file_names import MAX_NAME_BYTES, base_name, safe_file_name, split_extension


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Backend Developer", "Backend Developer"),
        ("Dev/Ops\\Platform", "Dev Ops Platform"),
        ('R&D: "Lead" <i>*?|', "R&D Lead i"),
        ("Tab\tand\nnew line\r\n", "Tab and new line"),
        ("bell\x07 and nul\x00 and escape\x1b", "bell and nul and escape"),
        ("cv\u202etxt.exe", "cvtxt.exe"),  # a right-to-left override is dropped
        ("zero\u200bwidth", "zerowidth"),
        ("Ingrid Ødegård", "Ingrid Ødegård"),
        ("王小明", "王小明"),
        ("Ålesund — Müller-Lüdenscheidt", "Ålesund — Müller-Lüdenscheidt"),
        ("..", "fallback"),
        ("", "fallback"),
        ("  \t ", "fallback"),
        ("/\\:*?", "fallback"),
        (".hidden", "hidden"),
        ("trailing dots... ", "trailing dots"),
        ("e\u0301", "é"),  # composed (NFC), as every system shows it
    ],
)
def test_names_keep_letters_and_lose_what_a_file_system_refuses(text: str, expected: str) -> None:
    assert safe_file_name(text, "fallback") == expected


@pytest.mark.parametrize("device", ["CON", "con", "PRN", "AUX", "NUL", "COM1", "lpt9", "COM¹"])
def test_windows_device_names_are_not_left_as_they_are(device: str) -> None:
    assert safe_file_name(device, "x") == f"_{device}"
    assert safe_file_name(f"{device}.txt", "x", keep_extension=True) == f"_{device}.txt"
    assert safe_file_name(device, "x", extension=".pdf") == f"_{device}.pdf"
    assert safe_file_name(f"{device} report", "x") == f"{device} report"


def test_the_extension_is_added_and_kept_when_a_long_name_is_shortened() -> None:
    made = safe_file_name("x" * 400, "f", extension=".pdf")
    assert made == "x" * (MAX_NAME_BYTES - 4) + ".pdf"
    kept = safe_file_name("y" * 400 + ".docx", "f", keep_extension=True, max_bytes=50)
    assert kept == "y" * 45 + ".docx"


def test_long_names_are_cut_between_characters_by_their_bytes() -> None:
    made = safe_file_name("Ø" * 200, "f", max_bytes=101)
    assert made == "Ø" * 50
    assert len(made.encode("utf-8")) <= 101
    wide = safe_file_name("日本語" * 100, "f", extension=".pdf")
    assert len(wide.encode("utf-8")) <= MAX_NAME_BYTES and wide.endswith("語.pdf")


def test_a_name_cut_short_does_not_end_in_a_dot_or_a_space() -> None:
    assert safe_file_name("abc. def", "f", max_bytes=4) == "abc"
    assert safe_file_name("abc  def", "f", max_bytes=4) == "abc"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ingrid Ødegård CV", "Ingrid_Ødegård_CV"),
        ("a:b*c?", "a_b_c"),
        ("--__name__--", "name"),
        ("日本 語", "日本_語"),
        ("!!!", "fb"),
    ],
)
def test_word_characters_only(text: str, expected: str) -> None:
    assert safe_file_name(text, "fb", word_characters_only=True) == expected


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\kari\\cv.pdf", "cv.pdf"),
        ("mixed/path\\to/file.txt", "file.txt"),
        ("plain.txt", "plain.txt"),
        ("folder/", ""),
    ],
)
def test_base_name_takes_the_last_part_of_any_path(path: str, name: str) -> None:
    assert base_name(path) == name


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("cv.pdf", ("cv", ".pdf")),
        ("archive.tar.gz", ("archive.tar", ".gz")),
        (".profile", (".profile", "")),
        ("no extension", ("no extension", "")),
        ("report. final", ("report. final", "")),
        ("name.averyveryverylongextension", ("name.averyveryverylongextension", "")),
    ],
)
def test_split_extension(name: str, parts: tuple[str, str]) -> None:
    assert split_extension(name) == parts
