"""The stage-move rules: every pair of stages, every refusal message, the allowed lists."""

from __future__ import annotations

import itertools

import pytest

from hiring_desk.domain.pipeline import (
    MoveContext,
    allowed_targets,
    describe_move,
    is_backward,
    refusal,
)
from hiring_desk.domain.vocab import PIPELINE, Stage

A, SC, IV, SH, OF, H = PIPELINE
R, W = Stage.REJECTED, Stage.WITHDRAWN
ORDER = (A, SC, IV, SH, OF, H, R, W)
OPEN = (A, SC, IV, SH, OF)

CONTEXTS = (
    MoveContext(),
    MoveContext(offers_exist=True),
    MoveContext(offers_exist=True, has_accepted_offer=True),
    MoveContext(has_accepted_offer=True),
)

# Rows: current stage; columns: target stage, both in ORDER. With a reason given and
# the default context (no offers):
#   .  allowed          S  same stage          H  hire only from Offer
#   C  hired: only withdrawal                  E  reopen at an earlier stage first
#   X  already closed
TABLE = {
    A: "S . . . . H . .",
    SC: ". S . . . H . .",
    IV: ". . S . . H . .",
    SH: ". . . S . H . .",
    OF: ". . . . S . . .",
    H: "C C C C C S C .",
    R: ". . . . E E S X",
    W: ". . . . E E X S",
}

MESSAGES = {
    "H": "A candidate is hired from the Offer stage; move them to Offer first.",
    "C": "This candidate is hired; only a withdrawal can change that.",
    "E": "Reopen the application at an earlier stage first.",
}


def expected(current: Stage, target: Stage) -> str | None:
    code = TABLE[current].split()[ORDER.index(target)]
    if code == ".":
        return None
    if code == "S":
        return f"The application is already at {current.label}."
    if code == "X":
        return f"The application is already closed as {current.label}; reopen it first."
    return MESSAGES[code]


PAIRS = list(itertools.product(ORDER, ORDER))


def test_table_covers_all_64_pairs() -> None:
    assert len(PAIRS) == 64
    assert set(ORDER) == set(Stage)
    assert all(len(row.split()) == 8 for row in TABLE.values())
    for current, target in PAIRS:
        code = TABLE[current].split()[ORDER.index(target)]
        assert (code == "S") == (current is target)


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=lambda s: s.value)
def test_every_pair(current: Stage, target: Stage) -> None:
    assert refusal(current, target, reason="Not enough experience") == expected(current, target)


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=lambda s: s.value)
def test_context_matters_only_for_offer_to_hired(current: Stage, target: Stage) -> None:
    if (current, target) == (OF, H):
        return
    for ctx in CONTEXTS:
        assert refusal(current, target, ctx, reason="Salary") == expected(current, target)


def test_same_stage_message() -> None:
    assert refusal(IV, IV) == "The application is already at Interview."


@pytest.mark.parametrize(
    ("ctx", "message"),
    [
        (MoveContext(), None),
        (
            MoveContext(offers_exist=True),
            "Hired needs an accepted offer: record the candidate's acceptance first.",
        ),
        (MoveContext(offers_exist=True, has_accepted_offer=True), None),
    ],
)
def test_hiring_from_offer_depends_on_offers(ctx: MoveContext, message: str | None) -> None:
    assert refusal(OF, H, ctx) == message


def test_hire_from_earlier_stage_names_the_stage_rule_even_with_accepted_offer() -> None:
    ctx = MoveContext(offers_exist=True, has_accepted_offer=True)
    assert refusal(SH, H, ctx) == MESSAGES["H"]


@pytest.mark.parametrize("current", OPEN, ids=lambda s: s.value)
@pytest.mark.parametrize("reason", ["", "   ", "\n\t"])
def test_rejection_needs_a_reason(current: Stage, reason: str) -> None:
    assert refusal(current, R, reason=reason) == "Choose a reason for the rejection."
    assert refusal(current, R) == "Choose a reason for the rejection."


@pytest.mark.parametrize("current", OPEN, ids=lambda s: s.value)
def test_rejection_with_reason_allowed_from_every_open_stage(current: Stage) -> None:
    assert refusal(current, R, reason="Chose another candidate") is None


def test_closed_rules_take_precedence_over_missing_reason() -> None:
    assert refusal(W, R) == expected(W, R)
    assert refusal(H, R) == MESSAGES["C"]
    assert refusal(R, R) == "The application is already at Rejected."


@pytest.mark.parametrize("current", ORDER, ids=lambda s: s.value)
@pytest.mark.parametrize("ctx", CONTEXTS, ids=repr)
def test_allowed_targets_agree_with_refusal(current: Stage, ctx: MoveContext) -> None:
    agreed = [t for t in ORDER if refusal(current, t, ctx, reason="Any reason") is None]
    assert allowed_targets(current, ctx) == agreed


def test_allowed_targets_examples() -> None:
    assert allowed_targets(A) == [SC, IV, SH, OF, R, W]
    assert allowed_targets(OF) == [A, SC, IV, SH, H, R, W]
    assert allowed_targets(OF, MoveContext(offers_exist=True)) == [A, SC, IV, SH, R, W]
    assert allowed_targets(H) == [W]
    assert allowed_targets(R) == [A, SC, IV, SH]
    assert allowed_targets(W) == [A, SC, IV, SH]


def test_allowed_targets_order_is_pipeline_then_rejected_withdrawn() -> None:
    assert allowed_targets(SH) == [*[s for s in PIPELINE if s not in (SH, H)], R, W]


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=lambda s: s.value)
def test_is_backward(current: Stage, target: Stage) -> None:
    in_pipeline = current in PIPELINE and target in PIPELINE
    want = in_pipeline and PIPELINE.index(target) < PIPELINE.index(current)
    assert is_backward(current, target) is want


def test_is_backward_examples() -> None:
    assert is_backward(IV, SC)
    assert not is_backward(SC, IV)
    assert not is_backward(IV, IV)
    assert not is_backward(R, A)
    assert not is_backward(IV, R)
    assert not is_backward(H, W)


@pytest.mark.parametrize(
    ("from_stage", "to_stage", "text"),
    [
        (None, A, "Applied"),
        (None, SC, "Screening"),
        (SC, IV, "Screening → Interview"),
        (IV, SC, "Interview → Screening"),
        (OF, H, "Offer → Hired"),
        (IV, R, "Rejected"),
        (SH, W, "Withdrawn"),
        (H, W, "Withdrawn"),
        (R, SC, "Reopened: Rejected → Screening"),
        (W, A, "Reopened: Withdrawn → Applied"),
        (IV, IV, "Interview"),
    ],
)
def test_describe_move(from_stage: Stage | None, to_stage: Stage, text: str) -> None:
    assert describe_move(from_stage, to_stage) == text


@pytest.mark.parametrize(("current", "target"), PAIRS, ids=lambda s: s.value)
def test_describe_move_never_blank(current: Stage, target: Stage) -> None:
    assert describe_move(current, target).strip()


@pytest.mark.parametrize(
    ("from_stage", "to_stage", "from_step", "to_step", "text"),
    [
        (
            Stage.INTERVIEW,
            Stage.INTERVIEW,
            "Take-home test",
            "Technical interview",
            "Interview: Take-home test → Technical interview",
        ),
        (
            Stage.SCREENING,
            Stage.INTERVIEW,
            None,
            "Take-home test",
            "Screening → Interview: Take-home test",
        ),
        (Stage.INTERVIEW, Stage.OFFER, "Interview", "Offer", "Interview → Offer"),
        (
            Stage.SHORTLISTED,
            Stage.SHORTLISTED,
            "Shortlisted",
            "References",
            "Shortlisted → References",
        ),
        (
            Stage.SHORTLISTED,
            Stage.SHORTLISTED,
            "References",
            None,
            "Shortlisted: References → Shortlisted",
        ),
        (None, Stage.APPLIED, None, "New", "Applied: New"),
        (
            Stage.REJECTED,
            Stage.INTERVIEW,
            None,
            "Take-home test",
            "Reopened: Rejected → Interview: Take-home test",
        ),
        (Stage.INTERVIEW, Stage.REJECTED, "Take-home test", None, "Rejected"),
    ],
)
def test_describe_move_with_a_roles_own_stages(
    from_stage: Stage | None, to_stage: Stage, from_step: str | None, to_step: str | None, text: str
) -> None:
    assert describe_move(from_stage, to_stage, from_step, to_step) == text
