"""The start-up's first page of candidates, read with sqlite3 alone, is the table's."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from hiring_desk.services.candidates import candidate_table
from hiring_desk.services.candidates.candidate_table import CandidateFilter
from hiring_desk.services.candidates.first_page import first_page
from hiring_desk.services.interviews.scorecard_aggregates import aggregates_for_applications
from hiring_desk.services.team import company
from hiring_desk.store import Workbook


@pytest.mark.parametrize("limit", [200, 7, 1])
def test_the_rows_and_scorecards_are_those_of_the_full_table(
    demo_copy: Path, tmp_path: Path, limit: int
) -> None:
    with Workbook.open(demo_copy) as workbook:
        full = candidate_table.fetch_rows(workbook, CandidateFilter(), limit=limit)
        ids = [r.application_id for r in full if r.application_id is not None]
        scores = aggregates_for_applications(workbook, ids)
        locale = company.get_company(workbook).locale
    lean = first_page(demo_copy, limit=limit)
    assert lean is not None
    assert len(full) == min(limit, len(full)) and len(lean.rows) == len(full)
    assert [dataclasses.astuple(r) for r in lean.rows] == [dataclasses.astuple(r) for r in full]
    assert [(r.stage_label, r.source_label) for r in lean.rows] == [
        (r.stage_label, r.source_label) for r in full
    ]
    assert lean.scores == scores
    assert any(a.count for a in scores.values()) or limit < 200
    assert lean.locale == locale


def test_names_in_other_scripts_sort_as_in_the_table(demo_copy: Path) -> None:
    """The demo's names in many scripts: the order is the sort key's, not the name's."""
    with Workbook.open(demo_copy) as workbook:
        full = [r.id for r in candidate_table.fetch_rows(workbook, CandidateFilter())]
    lean = first_page(demo_copy)
    assert lean is not None
    assert [r.id for r in lean.rows] == full
    assert full != sorted(full)


def test_a_file_that_is_no_workbook_gives_none(tmp_path: Path) -> None:
    text = tmp_path / "notes.hiringdesk"
    text.write_text("not a database", encoding="utf-8")
    assert first_page(text) is None
    assert first_page(tmp_path / "missing.hiringdesk") is None
    assert not (tmp_path / "missing.hiringdesk").exists()


def test_reading_leaves_the_file_as_it_was(demo_copy: Path, tmp_path: Path) -> None:
    before = tmp_path / "before.hiringdesk"
    shutil.copy(demo_copy, before)
    assert first_page(demo_copy) is not None
    assert demo_copy.read_bytes() == before.read_bytes()
