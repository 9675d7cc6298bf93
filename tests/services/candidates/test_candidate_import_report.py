"""What an import reports, and what it never does: lose rows, add someone twice, half-import."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import sqlalchemy as sa
from tests.services.candidates.import_files import import_bytes, saved, table_bytes

from hiring_desk.services.candidates import candidate_records, candidate_table
from hiring_desk.services.candidates.candidate_table import CandidateFilter
from hiring_desk.services.candidates.csv_export import export_csv
from hiring_desk.services.candidates.csv_import import (
    ImportCancelledError,
    default_options,
    import_candidates,
    plan_import,
    read_delimited,
    run_import,
)
from hiring_desk.services.candidates.delimited_text import RUNS_ON
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.workbook.opening import create_workbook
from hiring_desk.store import Workbook, search


def test_a_stray_quote_no_longer_swallows_the_rows_after_it(workbook: Workbook) -> None:
    """Issue #14: "Imported 1, skipped 0" for a file of ten rows with a stray quote."""
    lines = ["name,email,notes"]
    lines += [f"Person {i},p{i}@example.com,fine" for i in range(1, 11)]
    lines[4] = "Person 4,p4@example.com,\"said 5'10 tall"  # line 5: a quote never closed
    report = import_bytes(workbook, "\n".join(lines).encode())
    assert (report.rows, report.imported) == (10, 9)
    assert [(s.line, s.text) for s in report.skipped] == [(5, RUNS_ON)]
    assert report.imported + len(report.skipped) == len(lines) - 1
    assert report.summary == "Imported 9 of 10 rows from people.csv; skipped 1."
    names = {r.name for r in saved(workbook, report)}
    assert "Person 10" in names and "Person 4" not in names


def test_imported_plus_skipped_is_every_data_row(workbook: Workbook) -> None:
    text = (
        "name,email,email,notes\n"  # the email column twice
        "Ann,ann@example.com,ann@work.example,x\n"
        "\n"  # a blank line is no row
        ",,,\n"
        "Bob,bob@example.com,,\x00y\n"
        'Cid,"cid@example.com,,z\n'  # runs to the end of the file
    )
    report = import_bytes(workbook, text.encode())
    assert (report.rows, report.imported, len(report.skipped)) == (3, 2, 1)
    assert report.general == (
        "NUL characters (a sign of a damaged file) were removed from line 5.",
        "The column name 'email' is used twice (columns 2 and 3); unless you map it, "
        "column 3 is kept in the notes.",
        "Kept in the notes as 'Column: value': email.",
    )
    ann, bob = saved(workbook, report)
    assert ann.notes == "x\nemail: ann@work.example" and bob.notes == "y"


def test_reimporting_adds_nobody_and_changed_emails_are_possible_duplicates(
    workbook: Workbook,
) -> None:
    rows = [["name", "email", "phone"]]
    rows += [[f"Person {i}", f"p{i}@example.com", ""] for i in range(1, 6)]
    rows.append(["José García", "jose@example.com", "+34 600 000 001"])
    first = import_bytes(workbook, table_bytes(rows))
    assert first.imported == 6

    twice = import_bytes(workbook, b"name,email\nNew Person,a@new.ex\nnew person,b@new.ex\n")
    assert [d.description for d in twice.possible_duplicates] == [
        "may be the person on line 2, New Person"
    ]

    again = import_bytes(workbook, table_bytes(rows))
    assert again.imported == 0 and len(again.skipped) == 6
    jose_id = first.candidate_ids[-1]
    assert again.skipped[-1].text == f"already in the workbook as candidate {jose_id}, José García"

    changed = [["name", "email"], ["jose garcia", "jgarcia@new.example"], ["Ann New", "a@n.ex"]]
    report = import_bytes(workbook, table_bytes(changed))
    assert report.imported == 2
    (possible,) = report.possible_duplicates
    assert (possible.line, possible.existing_id, possible.existing_name) == (
        2,
        jose_id,
        "José García",
    )
    assert possible.new_id == report.candidate_ids[0]
    assert f"Line 2: imported, but it may be candidate {jose_id}, José García (same name)" in (
        report.lines()
    )


def test_possible_duplicates_can_be_left_out(workbook: Workbook) -> None:
    import_bytes(workbook, b"name,email\nZoe Lambert,zoe@old.example\n")
    table = read_delimited(b"name,email\nZo\xc3\xab Lambert,zoe@new.example\nAda,ada@x.example\n")
    plan = plan_import(workbook, table, default_options(workbook, table))
    assert [d.line for d in plan.possible_duplicates] == [2]
    report = run_import(workbook, plan, skip_lines=[2])
    assert report.imported == 1 and report.possible_duplicates == ()
    assert report.skipped[0].text.startswith("you chose to skip it, as it may be candidate")
    assert report.imported + len(report.skipped) == report.rows == 2
    # The command line's switch does the same.
    again = import_candidates(workbook, table, skip_possible_duplicates=True)
    assert again.imported == 0 and len(again.skipped) == 2


@pytest.mark.parametrize("stop_at", ["checking", "writing"])
def test_cancelling_keeps_nothing(workbook: Workbook, stop_at: str) -> None:
    rows = [["name", "email"]] + [[f"P {i}", f"p{i}@example.com"] for i in range(5000)]
    table = read_delimited(table_bytes(rows))
    seen: list[tuple[int, int]] = []

    def stop_halfway(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < total // 2

    options = default_options(workbook, table)
    with pytest.raises(ImportCancelledError):
        if stop_at == "checking":
            plan_import(workbook, table, options, progress=stop_halfway)
        else:
            plan = plan_import(workbook, table, options)
            run_import(workbook, plan, progress=stop_halfway)
    assert candidate_records.list_candidates(workbook) == []
    assert seen[-1][0] >= 2500 and all(total == 5000 for _done, total in seen)
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)


def test_formula_payloads_stay_text_and_leave_neutralised(
    workbook: Workbook, tmp_path: Path
) -> None:
    payloads = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=2+2"]
    rows = [["name", "current title", "notes", "skills"]]
    rows += [[f"Formula {i}", payload, payload, payload] for i, payload in enumerate(payloads)]
    report = import_bytes(workbook, table_bytes(rows, newline="\r\n"))  # CR cells quoted
    assert report.imported == len(payloads)
    for record, payload in zip(saved(workbook, report), payloads, strict=True):
        assert record.notes == payload.replace("\r", "\n").strip()  # text, as written
        assert record.current_title == payload.strip()
    out = tmp_path / "out.csv"
    export_csv(workbook, out)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        cells = [cell for row in list(csv.reader(fh))[1:] for cell in row]
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert '\'=HYPERLINK("http://x")' in cells and "'+1+1" in cells and "'@SUM(A1)" in cells


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
        salary_expectation_max=Decimal("80000.50"),
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
        candidate_records.create_candidate(workbook, record)
    out = tmp_path / "all.csv"
    export_csv(workbook, out)
    with create_workbook(tmp_path / "second.hiringdesk") as second:
        report = import_bytes(second, out.read_bytes())
        assert (report.imported, report.skipped, report.notes) == (2, (), ())
        back = {r.email: r for r in saved(second, report)}
    assert back["alex@example.gr"] == original
    assert back["irina@example.com"] == other


def test_imported_candidates_are_found_and_sorted_like_added_ones(
    workbook: Workbook,
) -> None:
    rows = [["name", "email", "skills", "location"]]
    rows += [[f"Person {i}", f"p{i}@example.com", "Go", "Oslo"] for i in range(1200)]
    rows.append(["Åsa Ødegård", "asa@example.com", "Rust; Python", "Tromsø"])
    report = import_bytes(workbook, table_bytes(rows))
    assert [c.name for c in candidate_records.list_candidates(workbook, "asa odegard")] == [
        "Åsa Ødegård"
    ]
    assert [c.name for c in candidate_records.list_candidates(workbook, "tromso rust")] == [
        "Åsa Ødegård"
    ]
    page = candidate_table.fetch_rows(workbook, CandidateFilter(), limit=2)
    assert [r.name for r in page] == ["Åsa Ødegård", "Person 0"]
    # The index made from the text in hand is what indexing from the tables makes.
    made = _search_rows(workbook)
    with workbook.transaction() as session:
        search.rebuild(session)
    assert _search_rows(workbook) == made
    assert len(made) == report.imported


def _search_rows(workbook: Workbook) -> list[tuple[object, ...]]:
    """Each candidate's indexed text, the words of each column sorted (SQLite's
    group_concat, which joins the skills and tags, promises no order; PostgreSQL's
    ``tsvector`` is one text of sorted words with their weights and positions)."""
    with workbook.transaction() as session:
        if session.get_bind().dialect.name == "postgresql":
            statement = "SELECT candidate_id, document::text FROM candidate_search ORDER BY 1"
        else:
            statement = "SELECT rowid, * FROM candidate_search ORDER BY rowid"
        rows = session.execute(sa.text(statement)).all()
    return [(row[0], *(" ".join(sorted(str(text).split())) for text in row[1:])) for row in rows]
