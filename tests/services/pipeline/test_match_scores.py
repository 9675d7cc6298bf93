"""The stored match score and name sort key the candidate table sorts and filters by."""

from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path

from hiring_desk.domain.match import match
from hiring_desk.services.candidates import candidate_merge, candidate_records, candidate_table
from hiring_desk.services.candidates.candidate_table import CandidateFilter, SortKey
from hiring_desk.services.candidates.csv_import import (
    default_options,
    import_candidates,
    read_delimited,
)
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.store import Workbook


def _role(workbook: Workbook, *skills: SkillEntry) -> int:
    return role_records.create_role(
        workbook, RoleBrief(title="Backend Developer", skills=skills)
    ).id


def _add(workbook: Workbook, name: str, *skills: str) -> int:
    return candidate_records.create_candidate(workbook, CandidateInput(name=name, skills=skills)).id


def _scores(workbook: Workbook, role_id: int) -> dict[str, int | None]:
    rows = candidate_table.fetch_rows(workbook, CandidateFilter(role_id=role_id))
    return {r.name: r.match_score for r in rows}


def test_scores_follow_every_change_of_skills(workbook: Workbook) -> None:
    role_id = _role(workbook, SkillEntry("Python"), SkillEntry("PostgreSQL"))
    ada = _add(workbook, "Ada", "python")
    bo = _add(workbook, "Bo")
    for cid in (ada, bo):
        stage_moves.apply(workbook, cid, role_id)
    assert _scores(workbook, role_id) == {"Ada": 50, "Bo": 0}

    # The candidate's skills change.
    candidate_records.update_candidate(
        workbook, bo, CandidateInput(name="Bo", skills=("Python", "postgresql"))
    )
    assert _scores(workbook, role_id)["Bo"] == 100

    # The role's skills change.
    detail = role_records.get_role(workbook, role_id)
    brief = replace(detail.brief, skills=(SkillEntry("Python"), SkillEntry("Docker", "nice")))
    role_records.update_role(workbook, role_id, brief)
    assert _scores(workbook, role_id) == {"Ada": 75, "Bo": 75}

    # A role without skills has no score.
    role_records.update_role(workbook, role_id, replace(brief, skills=()))
    assert _scores(workbook, role_id) == {"Ada": None, "Bo": None}


def test_a_merge_rescores_the_kept_candidate(workbook: Workbook) -> None:
    role_id = _role(workbook, SkillEntry("Python"), SkillEntry("Go"))
    keep = _add(workbook, "Ada Lovelace", "Python")
    other = _add(workbook, "Ada  Lovelace", "Go")
    stage_moves.apply(workbook, keep, role_id)
    candidate_merge.merge(workbook, keep, other)
    assert _scores(workbook, role_id) == {"Ada Lovelace": 100}


def test_imported_candidates_are_scored(workbook: Workbook) -> None:
    role_id = _role(workbook, SkillEntry("Python"), SkillEntry("Django"))
    table = read_delimited(
        b"name,email,skills\nAda,ada@example.com,Python;Django\nBo,bo@example.com,Go\n"
    )
    options = dataclasses.replace(default_options(workbook, table), role_id=role_id)
    import_candidates(workbook, table, options)
    assert _scores(workbook, role_id) == {"Ada": 100, "Bo": 0}


def test_sorting_and_filtering_by_match(workbook: Workbook) -> None:
    role_id = _role(workbook, SkillEntry("Python"), SkillEntry("Go"), SkillEntry("Rust"))
    for name, skills in (("Low", ()), ("High", ("Python", "Go", "Rust")), ("Mid", ("Go",))):
        stage_moves.apply(workbook, _add(workbook, name, *skills), role_id)
    _add(workbook, "No application")
    flt = CandidateFilter(role_id=role_id)
    best_first = candidate_table.fetch_rows(workbook, flt, SortKey.MATCH, descending=True)
    assert [r.name for r in best_first] == ["High", "Mid", "Low"]
    # Across all roles, candidates without an application sort below a score of 0.
    everyone = candidate_table.fetch_rows(workbook, CandidateFilter(), SortKey.MATCH)
    assert [r.name for r in everyone] == ["No application", "Low", "Mid", "High"]
    at_least = CandidateFilter(role_id=role_id, min_match=30)
    assert candidate_table.count_rows(workbook, at_least) == 2
    assert candidate_table.count_rows(workbook, CandidateFilter(min_match=100)) == 1


def test_names_sort_by_letter_not_by_code_point(workbook: Workbook) -> None:
    for name in ("Zoe Zhang", "Ødegård Ingrid", "Olsen Kari", "émile Durand", "Ösel Ali", "Ezra"):
        _add(workbook, name)
    rows = candidate_table.fetch_rows(workbook, CandidateFilter(), SortKey.NAME)
    assert [r.name for r in rows] == [
        "émile Durand",
        "Ezra",
        "Ødegård Ingrid",
        "Olsen Kari",
        "Ösel Ali",
        "Zoe Zhang",
    ]


def test_demo_scores_match_the_domain_function(tmp_path: Path) -> None:
    path = tmp_path / "demo.hiringdesk"
    create_demo_workbook(path)
    with Workbook.open(path) as workbook:
        for role in role_records.list_roles(workbook):
            detail = role_records.get_role(workbook, role.id)
            must = [s.skill for s in detail.brief.skills if s.importance == "must"]
            nice = [s.skill for s in detail.brief.skills if s.importance == "nice"]
            for row in candidate_table.fetch_rows(workbook, CandidateFilter(role_id=role.id)):
                skills = candidate_records.get_candidate(workbook, row.id).record.skills
                assert row.match_score == match(skills, must, nice).score, row.name
