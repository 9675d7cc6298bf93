"""``report`` (text and JSON) and ``print report`` on a workbook with a known history."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.cli.cli_setup import assert_one_line_failure, run
from tests.pdf_helpers import pdf_title, pdf_words
from tests.services.reports.report_setup import build_history

from hiring_desk.store import Workbook


@pytest.fixture
def history_file(tmp_path: Path) -> Path:
    path = tmp_path / "history.hiringdesk"
    workbook = Workbook.create(path)
    try:
        build_history(workbook)
    finally:
        workbook.close()
    return path


def report_json(capsys: pytest.CaptureFixture[str], path: Path, *argv: str) -> dict[str, object]:
    code, out, err = run(capsys, "report", "--workbook", path, *argv, "--json")
    assert (code, err) == (0, "")
    data: dict[str, object] = json.loads(out)
    return data


def test_report_json_holds_every_figure(
    capsys: pytest.CaptureFixture[str], history_file: Path, today: date
) -> None:
    data = report_json(capsys, history_file)

    assert data["applications"] == 6 and data["role_title"] == "All roles"
    assert [step["reached"] for step in data["funnel"]] == [6, 4, 3, 2, 2, 1]  # type: ignore[attr-defined]
    assert data["time_to_hire"] == {
        "count": 1, "median": 17.0, "lower_quartile": 17.0, "upper_quartile": 17.0,
    }  # fmt: skip
    assert data["time_to_fill"][0]["days"] == 35.0  # type: ignore[index]
    assert data["time_to_fill"][0]["opened"] == "2026-10-15"  # type: ignore[index]
    offers = data["offers"]
    assert isinstance(offers, dict)
    assert (offers["made"], offers["accepted"], offers["declined"], offers["expired"]) == (
        3,
        1,
        1,
        1,
    )
    assert {row["source"]: row["hires"] for row in data["sources"]} == {  # type: ignore[attr-defined]
        "linkedin": 0, "referral": 1, "agency": 0, "other": 0,
    }  # fmt: skip


def test_report_for_one_role_by_title_and_a_range(
    capsys: pytest.CaptureFixture[str], history_file: Path, today: date
) -> None:
    data = report_json(
        capsys,
        history_file,
        "--role",
        "Backend Developer",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
    )

    assert data["applications"] == 3  # Ada, Ben, Cy (Eve applied in October)
    assert data["scope"] == {"role_id": 1, "from": "2026-11-01", "to": "2026-11-30"}
    assert data["role_title"] == "Backend Developer"


def test_report_as_readable_text(
    capsys: pytest.CaptureFixture[str], history_file: Path, today: date
) -> None:
    code, out, _err = run(capsys, "report", "--workbook", history_file)

    assert code == 0
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "Hiring report: All roles" in lines
    assert "All time · 6 applications" in lines
    assert "Screening 4 67%" in lines  # reached, and the share of Applied
    assert "Interview 2 3.0 2.5–3.5" in lines  # stays, median, middle half
    assert "Rejected at Screening: Skills do not match the brief 1" in lines
    assert "Ian Walsh 2 1 1 4.0" in lines
    assert any(line.startswith("What counts: Applications that ever reached") for line in lines)


def test_bad_range_or_role_is_one_line(
    capsys: pytest.CaptureFixture[str], history_file: Path, today: date
) -> None:
    code, _out, err = run(
        capsys, "report", "--workbook", history_file, "--from", "2026-11-10", "--to", "2026-11-01"
    )
    assert code == 1
    assert_one_line_failure(err)
    assert "before the start" in err
    code, _out, err = run(capsys, "report", "--workbook", history_file, "--role", "Astronaut")
    assert code == 1 and "Astronaut" in err


def test_print_report_holds_the_same_numbers_as_the_json(
    capsys: pytest.CaptureFixture[str], history_file: Path, tmp_path: Path, today: date
) -> None:
    data = report_json(capsys, history_file)
    out = tmp_path / "report.pdf"

    code, said, _err = run(capsys, "print", "report", "--workbook", history_file, "--out", out)

    assert code == 0 and str(out) in said
    words = pdf_words(out)
    assert pdf_title(out) == "Hiring report: All roles"
    assert "All time · 6 applications" in words
    for step in data["funnel"]:  # type: ignore[attr-defined]
        assert f"{step['label']} {step['reached']}" in words
    assert "Time to hire 1 hired 17.0 17.0–17.0" in words
    assert "Time to fill: Backend Developer (first hire 19 Nov 2026) 1 role 35.0" in words
    for row in data["sources"]:  # type: ignore[attr-defined]
        numbers = (row["applications"], row["interviews"], row["offers"], row["hires"])
        assert f"{row['label']} " + " ".join(map(str, numbers)) in words
    offers = data["offers"]
    assert isinstance(offers, dict)
    for label, key in (("Made (sent)", "made"), ("Accepted", "accepted"), ("Expired", "expired")):
        assert f"{label} {offers[key]}" in words
    assert "Above the budget 1" in words and "Not comparable 1" in words
    for row in data["interviewers"]:  # type: ignore[attr-defined]
        cells = (row["due"], row["submitted"], row["late"], f"{row['average_hours']:.1f}")
        assert f"{row['name']} " + " ".join(map(str, cells)) in words


def test_print_report_of_an_empty_workbook_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, today: date
) -> None:
    path = tmp_path / "empty.hiringdesk"
    Workbook.create(path).close()
    out = tmp_path / "empty.pdf"

    code, _said, _err = run(capsys, "print", "report", "--workbook", path, "--out", out)

    assert code == 0
    words = pdf_words(out)
    assert "All time · 0 applications" in words
    assert words.count("Not enough data yet: nothing to show for this role and range.") == 7
