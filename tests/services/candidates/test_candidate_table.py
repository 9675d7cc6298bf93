"""The candidate table's scorecard column: sorted in SQL by the mean rating."""

from __future__ import annotations

from pathlib import Path

from hiring_desk.services.candidates import candidate_table
from hiring_desk.services.candidates.candidate_table import CandidateFilter, SortKey
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.interviews import scorecards
from hiring_desk.services.roles import role_records
from hiring_desk.store import Workbook


def test_sorting_by_interview_score_follows_the_mean_rating(tmp_path: Path) -> None:
    create_demo_workbook(tmp_path / "demo.hiringdesk").close()
    with Workbook.open(tmp_path / "demo.hiringdesk") as workbook:
        role = role_records.find_role(workbook, "Senior Backend Developer")
        flt = CandidateFilter(role_id=role.id)
        rows = candidate_table.fetch_rows(workbook, flt, SortKey.SCORE, descending=True)
        ids = [r.application_id for r in rows if r.application_id is not None]
        found = scorecards.aggregates_for_applications(workbook, ids)
        means = [found[i].overall_mean for i in ids]
        rated = [m for m in means if m is not None]
        assert len(rated) >= 3, "the demo role should have several scored candidates"
        assert rated == sorted(rated, reverse=True)
        # Unscored applications come after every scored one.
        assert means[: len(rated)] == rated
