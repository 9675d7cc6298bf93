"""Importing candidates from the files people have: every encoding and shape, every field.

The files are made here. Each shape is checked field by field against what was
saved, salaries and currencies included, and the notes that keep the columns the
app has no field for.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from tests.services.candidates.import_files import import_bytes, saved, set_locale, table_bytes

from hiring_desk.services.candidates import candidate_records, csv_export
from hiring_desk.services.candidates.csv_import import (
    default_options,
    import_candidates,
    read_delimited,
)
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook

#: The issue's export: the app's first eight columns (no currency), amounts as people type
#: them, then columns of its own.
ISSUE_HEADER = [
    *csv_export.HEADER[: csv_export.HEADER.index("salary expectation") + 1],
    "skills",
    "notes",
    "Favourite colour",
]

#: The people every shape holds, as saved (the workbook's currency is EUR).
ZOE = CandidateInput(
    name="Zoë Lambert",
    email="zoe@example.org",
    phone="+353 87 123 4567",
    location="Dublin",
    source="linkedin",
    current_title="Backend Engineer",
    years_experience=7,
    salary_expectation=Decimal("65000"),
    salary_currency="EUR",
    skills=("Python", "SQL"),
    notes="Met at PyCon\nLikes tea\nFavourite colour: green",
)
JOSE = CandidateInput(
    name="José García",
    email="jose@example.com",
    location="Madrid",
    source="referral",
    current_title="Data Engineer",
    salary_expectation=Decimal("55000.50"),
    salary_currency="EUR",
    skills=("Go",),
    notes="Favourite colour: red",
)
SOREN = CandidateInput(
    name="Søren Kjær",
    email="soren@example.dk",
    location="Århus",
    source="other",
    salary_expectation=Decimal("65000"),
    salary_expectation_max=Decimal("75000"),
    salary_currency="EUR",
    notes="=1+1\nsource: Job fair\nFavourite colour: blue",
)


def people_rows(zoe_salary: str, jose_salary: str) -> list[list[str]]:
    return [
        ISSUE_HEADER,
        [
            "Zoë Lambert",
            "zoe@example.org",
            "+353 87 123 4567",
            "Dublin",
            "LinkedIn",
            "Backend Engineer",
            "7",
            zoe_salary,
            "Python; SQL",
            "Met at PyCon\nLikes tea",  # a line break inside quotes
            "green",
        ],
        [
            "José García",
            "jose@example.com",
            "",
            "Madrid",
            "Referral",
            "Data Engineer",
            "",
            jose_salary,
            "Go",
            "",
            "red",
        ],
        [
            "Søren Kjær",
            "soren@example.dk",
            "",
            "Århus",
            "Job fair",
            "",
            "",
            "65–75k",
            "",
            "=1+1",
            "blue",
        ],
    ]


ENGLISH = people_rows("65,000", "€55,000.50")


@pytest.mark.parametrize(
    ("data", "encoding", "delimiter"),
    [
        (table_bytes(ENGLISH), "UTF-8", ","),
        (b"\xef\xbb\xbf" + table_bytes(ENGLISH), "UTF-8 (with BOM)", ","),
        (  # Excel's "Unicode text": UTF-16 with a BOM, tabs, CRLF
            table_bytes(ENGLISH, delimiter="\t", encoding="utf-16", newline="\r\n"),
            "UTF-16",
            "tabs",
        ),
        (table_bytes(ENGLISH, encoding="cp1252", newline="\r\n"), "Windows-1252", "commas"),
        (table_bytes(ENGLISH, delimiter=";"), "UTF-8", "semicolons"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-excel", "windows-1252", "semicolons"],
)
def test_each_encoding_and_shape_saves_every_field(
    workbook: Workbook, data: bytes, encoding: str, delimiter: str
) -> None:
    report = import_bytes(workbook, data)
    assert (report.rows, report.imported, report.skipped) == (3, 3, ())
    assert saved(workbook, report) == [ZOE, JOSE, SOREN]
    assert report.encoding == encoding and report.delimiter in (delimiter, "commas")
    assert "Kept in the notes as 'Column: value': Favourite colour." in report.general
    assert "2 salary expectations without a currency were taken as EUR." in report.general
    assert "Sources saved as Other (the source is in the notes): Job fair (1)." in report.general


def test_a_german_workbook_reads_semicolons_and_decimal_commas(workbook: Workbook) -> None:
    set_locale(workbook, "de_DE")
    data = table_bytes(people_rows("65.000", "55.000,50 €"), delimiter=";", encoding="cp1252")
    report = import_bytes(workbook, data)
    assert report.imported == 3 and report.delimiter == "semicolons"
    assert saved(workbook, report) == [ZOE, JOSE, SOREN]


def test_the_same_file_in_an_english_workbook_keeps_the_unsure_amount_in_the_notes(
    workbook: Workbook,
) -> None:
    data = table_bytes(people_rows("65.000", "55.000,50 €"), delimiter=";")
    report = import_bytes(workbook, data)
    zoe, jose, _soren = saved(workbook, report)
    assert zoe.salary_expectation is None and zoe.salary_currency is None
    assert (
        zoe.notes == "Met at PyCon\nLikes tea\nsalary expectation: 65.000\nFavourite colour: green"
    )
    assert "Line 2: salary expectation '65.000' kept in the notes: could be 65 or 65,000" in (
        report.lines()
    )
    assert (jose.salary_expectation, jose.salary_currency) == (Decimal("55000.50"), "EUR")


def test_the_issues_five_thousand_rows_without_a_currency_all_import(workbook: Workbook) -> None:
    rows = [ISSUE_HEADER[:-1]]
    for i in range(5000):
        rows.append(
            [
                f"Person {i:04d}",
                f"p{i}@example.com",
                f"+353 87 {i:07d}",
                "Cork",
                "Indeed",
                "Engineer",
                "5",
                "65,000",
                "Python; SQL",
                "from the fair",
            ]
        )
    report = import_bytes(workbook, table_bytes(rows))
    assert (report.rows, report.imported, report.skipped) == (5000, 5000, ())
    assert "5,000 salary expectations without a currency were taken as EUR." in report.general
    last = candidate_records.get_candidate(workbook, report.candidate_ids[-1]).record
    assert last == CandidateInput(
        name="Person 4999",
        email="p4999@example.com",
        phone="+353 87 0004999",
        location="Cork",
        source="indeed",
        current_title="Engineer",
        years_experience=5,
        salary_expectation=Decimal("65000"),
        salary_currency="EUR",
        skills=("Python", "SQL"),
        notes="from the fair",
    )


def test_header_synonyms_and_first_plus_last_name(workbook: Workbook) -> None:
    rows = [
        [
            "First Name",
            "LAST NAME",
            "E-Mail",
            "Mobile",
            "Expected Salary (GBP)",
            "Years",
            "Current position",
            "LinkedIn",
            "Channel",
            "Notice period (weeks)",
            "Work mode",
            "Tags",
            "Address",
        ],
        [
            "Ada",
            "Lovelace",
            "ADA@Example.com",
            "07700 900123",
            "£70k",
            "12+",
            "Analyst",
            "linkedin.com/in/ada",
            "careers page",
            "4 weeks",
            "Remote",
            "math, engines",
            "12 St James's Square, London",
        ],
        ["Charles", "Babbage", "", "", "80000", "", "", "", "", "", "", "", ""],
    ]
    report = import_bytes(workbook, table_bytes(rows))
    assert report.imported == 2 and report.general[1:] == ()
    ada, charles = saved(workbook, report)
    assert ada == CandidateInput(
        name="Ada Lovelace",
        email="ada@example.com",
        phone="07700 900123",
        postal_address="12 St James's Square, London",
        linkedin_url="https://linkedin.com/in/ada",
        source="careers_page",
        current_title="Analyst",
        years_experience=12,
        salary_expectation=Decimal("70000"),
        salary_currency="GBP",
        notice_weeks=4,
        work_mode_preference="remote",
        tags=("math", "engines"),
    )
    # The header's currency is that column's, for amounts that name none.
    assert (charles.salary_expectation, charles.salary_currency) == (Decimal("80000"), "GBP")


@pytest.mark.parametrize(
    ("cell", "low", "high", "currency"),
    [
        ("65000", "65000", None, "EUR"),
        ("65,000", "65000", None, "EUR"),
        ("€65,000", "65000", None, "EUR"),
        ("$65k", "65000", None, "USD"),
        ("65K USD", "65000", None, "USD"),
        ("65000-75000", "65000", "75000", "EUR"),
        ("65–75k", "65000", "75000", "EUR"),
        ("£60,000 to £70,000", "60000", "70000", "GBP"),
        ("n/a", None, None, None),
        ("", None, None, None),
    ],
)
def test_amounts_as_people_write_them(
    workbook: Workbook, cell: str, low: str | None, high: str | None, currency: str | None
) -> None:
    report = import_bytes(workbook, table_bytes([["name", "salary"], ["Ada", cell]]))
    (ada,) = saved(workbook, report)
    assert ada.salary_expectation == (Decimal(low) if low else None)
    assert ada.salary_expectation_max == (Decimal(high) if high else None)
    assert ada.salary_currency == currency
    assert ada.notes == "" and report.notes == ()


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("65.000", "could be 65 or 65,000"),
        ("about 70k", "is not an amount"),
        ("£65,000 p.a.", "is not an amount"),
        ("65000.123", "EUR amounts have at most 2 decimal places"),
        ("70k-60k", "runs from the higher amount to the lower"),
    ],
)
def test_amounts_that_cannot_be_read_are_kept_word_for_word_and_named(
    workbook: Workbook, cell: str, reason: str
) -> None:
    report = import_bytes(workbook, table_bytes([["name", "Salary"], ["Ada", cell]]))
    (ada,) = saved(workbook, report)
    assert (ada.salary_expectation, ada.salary_currency) == (None, None)
    assert ada.notes == f"Salary: {cell}"
    assert report.lines()[-1] == f"Line 2: salary expectation '{cell}' kept in the notes: {reason}"


def test_a_currency_column_and_the_cells_own_currency(workbook: Workbook) -> None:
    rows = [
        ["name", "salary", "currency"],
        ["A", "65000", "gbp"],
        ["B", "$65000", "GBP"],  # the cell's own wins
        ["C", "65000", "Ducats"],  # unknown: kept, and the default taken
    ]
    report = import_bytes(workbook, table_bytes(rows))
    a, b, c = saved(workbook, report)
    assert (a.salary_currency, b.salary_currency, c.salary_currency) == ("GBP", "USD", "EUR")
    assert c.notes == "currency: Ducats"
    assert "Line 4: currency 'Ducats' kept in the notes: is not a currency symbol or ISO code" in (
        report.lines()
    )


def test_values_failing_their_check_are_kept_in_the_notes(workbook: Workbook) -> None:
    rows = [
        ["name", "email", "phone", "years", "website", "notice"],
        ["Ada", "ada-at-example.com", "call me", "5 years", "javascript:alert(1)", "3 months"],
    ]
    report = import_bytes(workbook, table_bytes(rows))
    (ada,) = saved(workbook, report)
    assert ada == CandidateInput(
        name="Ada",
        years_experience=5,
        notes="email: ada-at-example.com\nphone: call me\nwebsite: javascript:alert(1)\n"
        "notice: 3 months",
    )
    said = "\n".join(report.lines())
    for text in (
        "email 'ada-at-example.com'",
        "phone 'call me'",
        "portfolio 'javascript",
        "notice weeks '3 months' kept in the notes: is not a whole number",
    ):
        assert text in said


def test_a_row_is_skipped_only_when_it_cannot_be_saved(workbook: Workbook) -> None:
    rows = [
        ["name", "email", "phone", "notes"],
        ["", "", "", "a note about nobody"],
        ["", "only@example.com", "", ""],
        ["", "", "+44 20 7946 0000", ""],
        ["x" * 201, "long@example.com", "", ""],
    ]
    report = import_bytes(workbook, table_bytes(rows))
    assert (report.rows, report.imported) == (4, 2)
    assert [(s.line, s.text) for s in report.skipped] == [
        (2, "no name, email address or phone number"),
        (5, "the name is longer than 200 characters"),
    ]
    email_only, phone_only = saved(workbook, report)
    assert (email_only.name, phone_only.name) == ("only@example.com", "+44 20 7946 0000")
    assert "Line 3: no name; the email address is used as the name" in report.lines()
    assert "Line 4: no name; the phone number is used as the name" in report.lines()


def test_extra_cells_past_the_header_are_kept(workbook: Workbook) -> None:
    report = import_bytes(workbook, b"name,email\nAda,ada@example.com,extra one,,x\n")
    (ada,) = saved(workbook, report)
    assert ada.notes == "Column 3: extra one\nColumn 5: x"
    assert "Line 2: more cells than the header names; the others are in the notes" in (
        report.lines()
    )


def test_import_into_a_role(workbook: Workbook) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    table = read_delimited(b"name\nAda Lovelace\n")
    options = replace(default_options(workbook, table), role_id=role.id)
    report = import_candidates(workbook, table, options)
    apps = stage_moves.applications_of(workbook, report.candidate_ids[0])
    assert [(a.role_title, a.stage) for a in apps] == [("Backend Developer", "applied")]
