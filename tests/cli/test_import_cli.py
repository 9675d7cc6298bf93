"""``hiring-desk import candidates FILE``: the service's report, printed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from hiring_desk.cli import main
from hiring_desk.services.candidates import candidate_records
from hiring_desk.store import Workbook

EXPORT = (
    "Full name;E-mail;Mobile;Expected salary;Years;Current position;Channel;Hobby\n"
    "Zoë Lambert;zoe@example.org;+353 87 123 4567;65.000;7;Engineer;LinkedIn;chess\n"
    ";;;;;;;\n"
    ";nobody-at-all;;;;;;\n"
    "Søren Kjær;soren@example.dk;;$70k;;;Job fair;\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out


def test_import_prints_the_report(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "w.hiringdesk"
    Workbook.create(path).close()
    export = tmp_path / "export.csv"
    export.write_bytes(EXPORT.encode("cp1252"))

    code, out = run(capsys, "import", "candidates", export, "-w", path, "--currency", "gbp")

    assert code == 0
    assert out.splitlines() == [
        "Imported 2 of 3 rows from export.csv; skipped 1.",
        "Read as Windows-1252, separated by semicolons.",
        "Kept in the notes as 'Column: value': Hobby.",
        "Sources saved as Other (the source is in the notes): Job fair (1).",
        "Line 2: salary expectation '65.000' kept in the notes: could be 65 or 65,000",
        "Line 4: skipped: no name, email address or phone number",
    ]
    with Workbook.open(path) as workbook:
        rows = sorted(candidate_records.list_candidates(workbook), key=lambda row: row.id)
        zoe, soren = (candidate_records.get_candidate(workbook, row.id).record for row in rows)
    assert zoe.notes == "Expected salary: 65.000\nHobby: chess"
    assert (zoe.phone, zoe.years_experience, zoe.source) == ("+353 87 123 4567", 7, "linkedin")
    assert (soren.salary_expectation, soren.salary_currency) == (Decimal("70000"), "USD")

    code, out = run(capsys, "import", "candidates", export, "-w", path)
    assert out.splitlines()[0] == "Imported 0 of 3 rows from export.csv; skipped 3."


def test_a_file_that_is_no_table_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "w.hiringdesk"
    Workbook.create(path).close()
    book = tmp_path / "book.xlsx"
    book.write_bytes(b"PK\x03\x04 a zip")
    code = main(["import", "candidates", str(book), "-w", str(path)])
    _out, err = capsys.readouterr()
    assert code != 0 and "save it as CSV first" in err and err.count("\n") == 1
