"""Importing candidates from CSV: encodings, delimiters, bad rows, duplicates, round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from hiring_desk.services import candidate_table, candidates, pipeline, roles
from hiring_desk.services.candidate_csv import export_csv
from hiring_desk.services.candidate_import import (
    ImportCancelledError,
    auto_map,
    import_candidates,
    read_csv,
)
from hiring_desk.services.candidate_records import CandidateInput
from hiring_desk.services.candidate_table import CandidateFilter
from hiring_desk.services.errors import ValidationError
from hiring_desk.services.role_briefs import RoleBrief
from hiring_desk.store import Workbook


def csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def test_read_csv_handles_bom_semicolons_and_cp1252() -> None:
    data = "\ufeffName;Email\nJosé García;jose@example.com\n".encode()
    parsed = read_csv(data)
    assert parsed.delimiter == ";" and parsed.header == ("Name", "Email")
    assert parsed.rows == ((2, ("José García", "jose@example.com")),)
    latin = csv_bytes([["name", "email"], ["Zoë Müller", "zoe@example.de"]], encoding="cp1252")
    parsed = read_csv(latin)
    assert parsed.encoding == "cp1252" and parsed.rows[0][1][0] == "Zoë Müller"
    with pytest.raises(ValidationError):
        read_csv(b"")
    with pytest.raises(ValidationError):
        read_csv(b"\x00\x01binary")


def test_auto_map_understands_common_headers() -> None:
    header = (
        "First Name",
        "Last_Name",
        "E-mail",
        "Mobile",
        "Job Title",
        "Skills",
        "LinkedIn",
        "Whatever",
    )
    assert auto_map(header) == {
        0: "first_name",
        1: "last_name",
        2: "email",
        3: "phone",
        4: "current_title",
        5: "skills",
        6: "linkedin_url",
    }


def test_five_thousand_rows_with_bad_ones(workbook: Workbook) -> None:
    rows = [["name", "email", "phone", "skills"]]
    for i in range(5000):
        rows.append([f"Candidate {i:04d}", f"c{i}@example.com", "", "Python; SQL"])
    rows[11][0] = ""  # line 12: no name
    rows[101][1] = "not-an-email"  # line 102
    rows[1001][1] = "c7@example.com"  # line 1002: same email as an earlier row
    parsed = read_csv(csv_bytes(rows))
    result = import_candidates(workbook, parsed, auto_map(parsed.header))
    assert result.imported == 4997
    lines = [line for line, _reason in result.skipped]
    assert lines == [12, 102, 1002]
    reasons = dict(result.skipped)
    assert "name" in reasons[12] and "email" in reasons[102] and "duplicate" in reasons[1002]
    assert len(candidates.list_candidates(workbook, "Candidate 4999")) == 1
    again = import_candidates(workbook, parsed, auto_map(parsed.header))
    assert again.imported == 0
    assert len(candidates.list_candidates(workbook)) == 4997


def test_a_row_repeating_an_earlier_one_names_that_candidate(workbook: Workbook) -> None:
    rows = [["name", "email", "skills"]]
    rows += [[f"Person {i}", f"p{i}@example.com", "Go"] for i in range(1200)]
    rows.append(["Someone Else", "p1100@example.com", ""])  # line 1202: row 1102's email
    rows.append(["Åsa Aaberg", "asa@example.com", ""])  # sorts first, though imported last
    parsed = read_csv(csv_bytes(rows))
    result = import_candidates(workbook, parsed, auto_map(parsed.header))
    first = candidates.list_candidates(workbook, "Person 1100")
    assert [c.email for c in first] == ["p1100@example.com"]
    assert result.skipped == [(1202, f"a duplicate of candidate {first[0].id}")]
    # Imported rows are searchable and have their sort keys, like added ones.
    found = candidates.list_candidates(workbook, "p1199")
    assert [c.name for c in found] == ["Person 1199"]
    page = candidate_table.fetch_rows(workbook, CandidateFilter(), limit=2)
    assert [r.name for r in page] == ["Åsa Aaberg", "Person 0"]


def test_cancelling_imports_nothing(workbook: Workbook) -> None:
    rows = [["name"]] + [[f"Person {i}"] for i in range(300)]
    parsed = read_csv(csv_bytes(rows))
    with pytest.raises(ImportCancelledError):
        import_candidates(workbook, parsed, {0: "name"}, progress=lambda done, total: done < 200)
    assert candidates.list_candidates(workbook) == []


def test_import_into_a_role(workbook: Workbook) -> None:
    role = roles.create_role(workbook, RoleBrief(title="Backend Developer"))
    parsed = read_csv(csv_bytes([["name"], ["Ada Lovelace"]]))
    result = import_candidates(workbook, parsed, {0: "name"}, role_id=role.id)
    apps = pipeline.applications_of(workbook, result.candidate_ids[0])
    assert [(a.role_title, a.stage) for a in apps] == [("Backend Developer", "applied")]


def test_export_then_import_round_trips_every_field(workbook: Workbook, tmp_path: Path) -> None:
    from decimal import Decimal

    original = CandidateInput(
        name="Αλέξανδρος Παπαδόπουλος",
        email="alex@example.gr",
        phone="+30 210 555 0100",
        location="Αθήνα, Ελλάδα",
        source="referral",
        current_title="Backend Engineer",
        years_experience=7,
        salary_expectation=Decimal("72000"),
        salary_currency="EUR",
        notice_weeks=4,
        skills=("Python", "Go"),
        tags=("strong CV", "remote-only"),
        linkedin_url="https://www.linkedin.com/in/alex",
        github_url="https://github.com/alex",
        portfolio_url="https://alex.example.gr",
        notes="=Not a formula\nSecond line, with a comma",
    )
    other = CandidateInput(name="Ирина Соколова", email="irina@example.com", skills=("Java",))
    for record in (original, other):
        candidates.create_candidate(workbook, record)
    out = tmp_path / "all.csv"
    export_csv(workbook, out)
    from hiring_desk.services.workbooks import create_workbook

    with create_workbook(tmp_path / "second.hiringdesk") as second:
        parsed = read_csv(out.read_bytes())
        result = import_candidates(second, parsed, auto_map(parsed.header))
        assert result.imported == 2 and result.skipped == []
        back = {
            d.record.email: d.record
            for d in (candidates.get_candidate(second, cid) for cid in result.candidate_ids)
        }
    assert back["alex@example.gr"] == original
    assert (
        back["irina@example.com"]
        == candidates.get_candidate(
            workbook, candidates.list_candidates(workbook, "irina")[0].id
        ).record
    )
