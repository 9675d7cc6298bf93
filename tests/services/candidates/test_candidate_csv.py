"""Exporting candidates to CSV: every field, any script, no live formulas."""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.candidate_table import CandidateFilter
from hiring_desk.services.candidates.csv_export import HEADER, export_csv, neutralise
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.store import Workbook


def test_neutralise() -> None:
    assert neutralise("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    for start in ("+", "-", "@", "\t", "\r"):
        assert neutralise(f"{start}x").startswith("'")
    assert neutralise("Ada") == "Ada"


def test_export_writes_every_field(workbook: Workbook, tmp_path: Path) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="Backend Developer"))
    cid = candidate_records.create_candidate(
        workbook,
        CandidateInput(
            name="Αλέξανδρος Παπαδόπουλος",
            email="alex@example.gr",
            location="Αθήνα",
            source="referral",
            current_title="Backend Engineer",
            years_experience=7,
            salary_expectation=Decimal("72000"),
            salary_expectation_max=Decimal("80000"),
            salary_currency="EUR",
            notice_weeks=4,
            skills=("Python", "Go"),
            tags=("strong CV",),
            linkedin_url="https://www.linkedin.com/in/alex",
            notes="=cmd|' /C calc'!A0",
        ),
    ).id
    candidate_records.create_candidate(workbook, CandidateInput(name="渡辺健二"))
    stage_moves.apply(workbook, cid, role.id)
    out = tmp_path / "c.csv"
    assert export_csv(workbook, out) == 2
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so spreadsheets read UTF-8
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(HEADER)
    alex = next(r for r in rows if r["email"] == "alex@example.gr")
    assert alex["name"] == "Αλέξανδρος Παπαδόπουλος" and alex["location"] == "Αθήνα"
    assert alex["skills"] == "Python; Go" and alex["tags"] == "strong CV"
    assert alex["salary expectation"] == "72000.00" and alex["currency"] == "EUR"
    assert alex["salary expectation max"] == "80000.00"
    assert alex["years of experience"] == "7" and alex["notice weeks"] == "4"
    assert alex["notes"].startswith("'=")
    assert alex["stage"] == "applied" and alex["role"] == "Backend Developer"
    assert {r["name"] for r in rows} == {"Αλέξανδρος Παπαδόπουλος", "渡辺健二"}
    only_role = tmp_path / "r.csv"
    assert export_csv(workbook, only_role, CandidateFilter(role_id=role.id)) == 1
    assert not list(tmp_path.glob("*.partial"))
