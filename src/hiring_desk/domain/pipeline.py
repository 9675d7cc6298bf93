"""The rules for moving an application between stages.

An application is *open* while it is at Applied, Screening, Interview,
Shortlisted or Offer, and *closed* once it is Hired, Rejected or Withdrawn.

* An open application may move forward any number of steps, or back to any
  earlier open stage.
* Hired is reached only from Offer; when the application has offers, one of
  them must have been accepted.
* Rejected needs a reason and is reachable from any open stage.
* Withdrawn is reachable from any open stage, and from Hired (a hire who backs
  out before starting).
* A rejected or withdrawn application may be reopened at any open stage before
  Offer; it cannot be moved straight to Offer or Hired, nor closed the other way.
* A hired application may only be withdrawn.

:func:`refusal` answers "may this move happen?" with ``None`` or one plain
sentence for the person; :func:`allowed_targets` lists every move allowed now.
"""

from __future__ import annotations

from dataclasses import dataclass

from hiring_desk.domain.vocab import PIPELINE, Stage

#: The stages at which an application is still in progress.
OPEN_STAGES: tuple[Stage, ...] = tuple(stage for stage in PIPELINE if not stage.is_closed)

#: Every stage in the order moves are offered: the pipeline, then the two ways out.
ALL_STAGES: tuple[Stage, ...] = (*PIPELINE, Stage.REJECTED, Stage.WITHDRAWN)

#: The stages a rejected or withdrawn application may not be reopened at.
_NOT_FOR_REOPENING: frozenset[Stage] = frozenset({Stage.OFFER, Stage.HIRED})

#: A reason that stands in for the person's choice when listing allowed moves.
_ANY_REASON = "any reason"


@dataclass(frozen=True)
class MoveContext:
    """What the rules need to know about the application beyond its stage."""

    offers_exist: bool = False  # the application has at least one offer
    has_accepted_offer: bool = False  # one of its offers is accepted


def _is_ended(stage: Stage) -> bool:
    """True for Rejected and Withdrawn: closed without a hire."""
    return stage in (Stage.REJECTED, Stage.WITHDRAWN)


def refusal(
    current: Stage, target: Stage, ctx: MoveContext = MoveContext(), reason: str = ""
) -> str | None:
    """None if the move is allowed, else one plain sentence saying why not (for the person).

    ``reason`` is the rejection reason; it matters only when ``target`` is Rejected.
    """
    if current is target:
        return f"The application is already at {current.label}."
    if current is Stage.HIRED:
        if target is Stage.WITHDRAWN:
            return None
        return "This candidate is hired; only a withdrawal can change that."
    if _is_ended(current):
        if _is_ended(target):
            return f"The application is already closed as {current.label}; reopen it first."
        if target in _NOT_FOR_REOPENING:
            return "Reopen the application at an earlier stage first."
        return None
    # The application is open.
    if target is Stage.HIRED:
        if current is not Stage.OFFER:
            return "A candidate is hired from the Offer stage; move them to Offer first."
        if ctx.offers_exist and not ctx.has_accepted_offer:
            return "Hired needs an accepted offer: record the candidate's acceptance first."
        return None
    if target is Stage.REJECTED and not reason.strip():
        return "Choose a reason for the rejection."
    return None


def allowed_targets(current: Stage, ctx: MoveContext = MoveContext()) -> list[Stage]:
    """Every stage the application may move to now.

    A rejection counts as allowed here: it needs a reason, which :func:`refusal`
    checks. The stages come in pipeline order, then Rejected, then Withdrawn.
    """
    return [
        target for target in ALL_STAGES if refusal(current, target, ctx, reason=_ANY_REASON) is None
    ]


def is_backward(current: Stage, target: Stage) -> bool:
    """True if ``target`` comes earlier in the pipeline than ``current``.

    Rejected and Withdrawn have no place in the pipeline, so a move from or to
    either of them is never backward (reopening is not a step back).
    """
    if current not in PIPELINE or target not in PIPELINE:
        return False
    return PIPELINE.index(target) < PIPELINE.index(current)


def describe_move(
    from_stage: Stage | None,
    to_stage: Stage,
    from_step: str | None = None,
    to_step: str | None = None,
) -> str:
    """A short line for a timeline describing one stage change.

    ``None`` as the starting stage means the application was just created:
    "Applied". A move to Rejected or Withdrawn reads as that stage alone
    ("Rejected"); a move out of one of them reads as a reopening
    ("Reopened: Rejected → Screening"); any other move reads "Screening → Interview".
    ``from_step``/``to_step`` are a role's own stage names inside those phases, as
    they were at the move: "Interview: Take-home test → Technical interview",
    "Shortlisted → References" from the phase's own first stage, or
    "Screening → Interview: Take-home test" across phases.
    """
    if from_stage is None:
        return _side(to_stage, to_step)
    if _is_ended(to_stage):
        return to_stage.label
    if from_stage is to_stage:  # between two stages of one phase
        label, moved_from, moved_to = (
            to_stage.label,
            _shown(from_stage, from_step),
            _shown(to_stage, to_step),
        )
        if moved_from and moved_to and from_step != to_step:
            return f"{label}: {from_step} → {to_step}"
        if moved_to:
            return f"{label} → {to_step}"
        if moved_from:
            return f"{label}: {from_step} → {label}"
        return label
    if _is_ended(from_stage):
        return f"Reopened: {from_stage.label} → {_side(to_stage, to_step)}"
    return f"{_side(from_stage, from_step)} → {_side(to_stage, to_step)}"


def _shown(phase: Stage, step: str | None) -> bool:
    """True when ``step`` says more than the phase's own name."""
    return bool(step) and str(step).casefold() != phase.label.casefold()


def _side(phase: Stage, step: str | None) -> str:
    return f"{phase.label}: {step}" if _shown(phase, step) else phase.label
