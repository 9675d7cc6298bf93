"""Reports for a role with stages of its own: steps counted, and summed into their phases."""

from __future__ import annotations

from datetime import date

from tests.conftest import on_day
from tests.services.reports.report_setup import History, build_history, nov

from hiring_desk.domain.vocab import Stage
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.pipeline import role_stage_edits, role_stages, stage_moves
from hiring_desk.services.reports.report_figures import ReportScope, Spread
from hiring_desk.services.reports.report_sections import document_of
from hiring_desk.services.reports.reports import build_report
from hiring_desk.store import Workbook


def _steps(workbook: Workbook, role_id: int) -> dict[str, str]:
    return {s.name: s.key for s in role_stages.stages(workbook, role_id)}


def test_steps_are_counted_and_summed_into_their_phase(workbook: Workbook, today: date) -> None:
    history: History = build_history(workbook)
    role = history.backend
    with on_day(nov(20)):
        role_stage_edits.add_stage(workbook, role, "Take-home test", Stage.INTERVIEW)
        role_stage_edits.add_stage(workbook, role, "Technical interview", Stage.INTERVIEW)
    keys = _steps(workbook, role)
    # Gus: Interview 21 Nov, Take-home test 22 Nov, Technical interview 25 Nov, Shortlisted 26 Nov.
    # Hal: Interview 21 Nov, Take-home test 23 Nov (still there).
    gus = candidate_records.create_candidate(workbook, CandidateInput(name="Gus")).id
    hal = candidate_records.create_candidate(workbook, CandidateInput(name="Hal")).id
    moves = {
        gus: [(21, keys["Interview"]), (22, keys["Take-home test"]),
              (25, keys["Technical interview"]), (26, "shortlisted")],
        hal: [(21, "interview"), (23, keys["Take-home test"])],
    }  # fmt: skip
    for candidate, steps in moves.items():
        with on_day(nov(20)):
            application = stage_moves.apply(workbook, candidate, role).id
        for day, key in steps:
            with on_day(nov(day)):
                stage_moves.move(workbook, application, key)

    before = build_report(workbook, ReportScope(role_id=history.backend), today=today)
    interview = next(t for t in before.stage_times if t.stage == "interview")
    # Ada 9-13 Nov (4 days), Ben 10-12 Nov (2), Gus 21-26 Nov in three steps (5).
    assert interview.spread == Spread(3, 4.0, 3.0, 4.5)
    assert [s.reached for s in before.funnel] == [6, 4, 4, 2, 1, 1]

    # Ada passed both steps on her way to Shortlisted (as a skipped phase counts as passed).
    by_step = {s.label: s.reached for s in before.step_funnel}
    assert by_step == {
        "Applied": 6, "Screening": 4, "Interview": 4, "Interview: Take-home test": 3,
        "Interview: Technical interview": 2, "Shortlisted": 2, "Offer": 1,
    }  # fmt: skip
    times = {t.label: t.spread for t in before.step_times}
    assert times["Interview: Take-home test"] == Spread(1, 3.0, 3.0, 3.0)
    assert times["Interview: Technical interview"] == Spread(1, 1.0, 1.0, 1.0)

    # The report's tables list the steps under their phase.
    funnel = next(s for s in document_of(before, "en_GB").sections if s.key == "funnel")
    assert funnel.table is not None
    labels = [row[0] for row in funnel.table.rows]
    assert labels[2:6] == [
        "Interview", "    › Interview", "    › Take-home test", "    › Technical interview",
    ]  # fmt: skip

    # All roles: the phases only.
    everyone = build_report(workbook, ReportScope(), today=today)
    assert everyone.step_funnel == () and everyone.step_times == ()


def test_a_role_with_the_standard_stages_has_no_step_rows(workbook: Workbook, today: date) -> None:
    history = build_history(workbook)
    report = build_report(workbook, ReportScope(role_id=history.designer), today=today)
    assert report.step_funnel == () and report.step_times == ()
