"""Reading delimited text as people have it: encodings, separators, stray quotes, NULs."""

from __future__ import annotations

import csv
import io

import pytest

from hiring_desk.services.candidates.delimited_text import RUNS_ON, RUNS_TO_END, read_delimited
from hiring_desk.services.candidates.import_report import ReportLine
from hiring_desk.services.common.errors import ValidationError

PEOPLE = [
    ["Name", "Email", "City"],
    ["Zoë Müller", "zoe@example.de", "Köln"],
    ["Søren Kjær", "soren@example.dk", "Århus"],
    ["François Noël", "francois@example.fr", "Besançon"],
]


def table_text(rows: list[list[str]], delimiter: str = ",", newline: str = "\n") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "encoding", "delimiter"),
    [
        (table_text(PEOPLE).encode(), "UTF-8", ","),
        (b"\xef\xbb\xbf" + table_text(PEOPLE, ";").encode(), "UTF-8 (with BOM)", ";"),
        (table_text(PEOPLE, "\t", "\r\n").encode("utf-16"), "UTF-16", "\t"),  # Excel's
        (table_text(PEOPLE, "\t").encode("utf-16-le"), "UTF-16 (little-endian, no BOM)", "\t"),
        (table_text(PEOPLE).encode("cp1252"), "Windows-1252", ","),
        (table_text(PEOPLE, "|").encode("latin-1"), "Windows-1252", "|"),
    ],
)
def test_encodings_and_separators(data: bytes, encoding: str, delimiter: str) -> None:
    table = read_delimited(data, "people.csv")
    assert (table.encoding, table.delimiter) == (encoding, delimiter)
    assert table.header == ("Name", "Email", "City")
    assert [cells for _line, cells in table.rows] == [tuple(p) for p in PEOPLE[1:]]
    assert [line for line, _cells in table.rows] == [2, 3, 4]
    assert table.unreadable == () and table.warnings == ()


def test_windows_1252_with_a_euro_sign_and_dashes() -> None:
    text = "name;salary\nZoë;€65.000\nJosé;65–75k\n"
    table = read_delimited(text.encode("cp1252"))
    assert table.encoding == "Windows-1252"
    assert [cells for _line, cells in table.rows] == [("Zoë", "€65.000"), ("José", "65–75k")]


@pytest.mark.parametrize(
    ("text", "codec", "encoding"),
    [
        ("имя,город\nИрина Соколова,Москва\nПётр Иванов,Тверь\n", "cp1251", "Windows-1251"),
        (
            "名前,メール\n渡辺健二,k@example.jp\n山田太郎,t@example.jp\n",
            "cp932",
            "Shift-JIS (Windows)",
        ),
    ],
)
def test_other_scripts_are_left_to_charset_normalizer(text: str, codec: str, encoding: str) -> None:
    table = read_delimited(text.encode(codec))
    assert table.encoding == encoding
    assert table.rows[0][1] == tuple(text.splitlines()[1].split(","))


def test_quoted_line_breaks_keep_their_rows_and_line_numbers() -> None:
    rows = [["name", "notes", "city"], ["Ada", "one\ntwo\nthree", "London"], ["Bob", "x", "Y"]]
    table = read_delimited(table_text(rows).encode())
    assert table.rows == ((2, ("Ada", "one\ntwo\nthree", "London")), (5, ("Bob", "x", "Y")))
    assert table.row_count == 2


def test_a_stray_quote_costs_its_own_row_not_the_rest_of_the_file() -> None:
    lines = [
        "name,email,notes",
        "Ann,ann@example.com,fine",
        "Bob,bob@example.com,\"5'10 tall",  # opens a quote it never closes
        "Cid,cid@example.com,fine",
        "Dee,dee@example.com,fine",
        'Eve,"eve@example.com,ends',  # closes nothing either: runs to the end
        "Fay,fay@example.com,fine",
    ]
    table = read_delimited("\n".join(lines).encode())
    assert [cells[0] for _line, cells in table.rows] == ["Ann", "Cid", "Dee", "Fay"]
    assert [line for line, _cells in table.rows] == [2, 4, 5, 7]
    assert table.unreadable == (ReportLine(3, RUNS_ON), ReportLine(6, RUNS_ON))
    assert table.row_count == len(lines) - 1


def test_a_quote_left_open_on_the_last_line_is_reported() -> None:
    table = read_delimited(b'name,email\nAnn,ann@example.com\nBob,"bob@example.com\n')
    assert [cells[0] for _line, cells in table.rows] == ["Ann"]
    assert table.unreadable == (ReportLine(3, RUNS_TO_END),)


def test_a_row_with_whole_rows_inside_a_cell_is_reported() -> None:
    # The two stray quotes are in the same column, so the cell count looks right.
    lines = [
        "name,email,notes",
        'Ann,ann@example.com,"said hi',
        "Bob,bob@example.com,fine",
        'Cid,cid@example.com,bye"',
    ]
    table = read_delimited("\n".join(lines).encode())
    assert [line for line, _cells in table.rows] == [3, 4]
    assert table.unreadable == (ReportLine(2, RUNS_ON),)


def test_nul_characters_are_removed_and_named() -> None:
    table = read_delimited(b"name,email\nA\x00nn,ann@example.com\nBob,b\x00ob@example.com\n")
    assert [cells for _line, cells in table.rows] == [
        ("Ann", "ann@example.com"),
        ("Bob", "bob@example.com"),
    ]
    assert table.warnings == (
        ReportLine(0, "NUL characters (a sign of a damaged file) were removed from lines 2, 3."),
    )


def test_blank_lines_are_not_rows() -> None:
    table = read_delimited(b"\n\nname,email\n\nAnn,a@example.com\n,,\n \nBob,b@example.com\n")
    assert table.header_line == 3
    assert [line for line, _cells in table.rows] == [5, 8]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"\n\n", "is empty"),
        (b"PK\x03\x04\x14\x00rest of a zip", "Excel workbook"),
        (b"%PDF-1.7\n", "a PDF"),
    ],
)
def test_files_that_are_no_table(data: bytes, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        read_delimited(data, "people.xlsx")
