"""The default interview plans that come with the built-in job-description templates.

One file per template in ``resources/interview_plans/<template-key>.toml``::

    format = "hiring-desk/interview-plan"
    version = 1
    template = "senior-backend-developer"

    [[round]]
    name = "System design"
    duration_minutes = 90
    competencies = ["system_design", "security"]
    questions = ["system-design-booking-service", ...]   # question bank keys

Read and checked once per process against the question bank; a broken file is a
programming error (``PlanFileError``), caught by the tests.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from hiring_desk import bundled
from hiring_desk.domain.competencies import competency_key
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common.errors import NotFoundError
from hiring_desk.services.interviews.question_bank import builtin_question

PLAN_FORMAT = "hiring-desk/interview-plan"
PLAN_VERSION = 1
PLAN_FOLDER = "interview_plans"
MIN_MINUTES = 5
MAX_MINUTES = 480

#: The plan a role gets when it has no built-in template, by seniority.
_LADDER: dict[str, str] = {
    Seniority.JUNIOR.value: "junior-backend-developer",
    Seniority.MID.value: "backend-developer",
    Seniority.SENIOR.value: "senior-backend-developer",
    Seniority.LEAD.value: "lead-backend-developer",
}
_ROUND_FIELDS = frozenset({"name", "duration_minutes", "competencies", "questions"})


class PlanFileError(Exception):
    """A built-in plan file that does not follow the format (a bug in the app)."""


@dataclass(frozen=True)
class DefaultRound:
    name: str
    duration_minutes: int
    competencies: tuple[str, ...]
    question_keys: tuple[str, ...]


@dataclass(frozen=True)
class DefaultPlan:
    template_key: str
    rounds: tuple[DefaultRound, ...]


@cache
def default_plans() -> dict[str, DefaultPlan]:
    """Template key -> its default plan."""
    plans: dict[str, DefaultPlan] = {}
    for entry in bundled.resource(PLAN_FOLDER).iterdir():
        if entry.is_file() and entry.name.endswith(".toml"):
            plan = _parse_plan_file(entry.read_bytes(), entry.name)
            plans[plan.template_key] = plan
    return plans


def default_plan(template_key: str) -> DefaultPlan:
    plan = default_plans().get(template_key)
    if plan is None:
        raise NotFoundError(f"There is no default interview plan for '{template_key}'.")
    return plan


def default_plan_for(template_key: str | None, seniority: str) -> DefaultPlan:
    """The plan of the role's built-in template, else the career-ladder plan for its seniority."""
    plans = default_plans()
    if template_key and template_key in plans:
        return plans[template_key]
    return plans[_LADDER.get(seniority, _LADDER[Seniority.MID.value])]


def _parse_plan_file(data: bytes, name: str) -> DefaultPlan:
    def fail(problem: str) -> PlanFileError:
        return PlanFileError(f"{name}: {problem}")

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise fail(f"not valid TOML ({exc})") from exc
    if raw.get("format") != PLAN_FORMAT or raw.get("version") != PLAN_VERSION:
        raise fail(f"format must be '{PLAN_FORMAT}', version {PLAN_VERSION}")
    template = raw.get("template")
    if not isinstance(template, str) or f"{template}.toml" != name:
        raise fail("template must match the file name")
    entries = raw.get("round")
    if not isinstance(entries, list) or not entries:
        raise fail("has no [[round]] entries")
    rounds = []
    for number, entry in enumerate(entries, 1):
        try:
            rounds.append(_parse_round(entry))
        except (ValueError, NotFoundError) as exc:
            raise fail(f"round {number}: {exc}") from exc
    names = [r.name.casefold() for r in rounds]
    if len(set(names)) != len(names):
        raise fail("two rounds have the same name")
    return DefaultPlan(template, tuple(rounds))


def _parse_round(entry: Any) -> DefaultRound:
    if not isinstance(entry, dict) or set(entry) != _ROUND_FIELDS:
        raise ValueError(f"fields must be exactly {sorted(_ROUND_FIELDS)}")
    name, minutes = entry["name"], entry["duration_minutes"]
    if not isinstance(name, str) or not name.strip():
        raise ValueError("name must be text")
    if not isinstance(minutes, int) or not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise ValueError(f"duration_minutes must be from {MIN_MINUTES} to {MAX_MINUTES}")
    competencies = _strings(entry["competencies"], "competencies")
    unknown = [c for c in competencies if competency_key(c) is None]
    if unknown or not competencies:
        raise ValueError(f"competencies must be known keys, not {unknown}")
    keys = _strings(entry["questions"], "questions")
    for key in keys:
        if builtin_question(key).competency not in competencies:
            raise ValueError(f"question '{key}' is outside the round's competencies")
    if len(set(keys)) != len(keys):
        raise ValueError("a question is listed twice")
    return DefaultRound(name.strip(), minutes, tuple(competencies), tuple(keys))


def _strings(value: Any, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{field} must be a list of text")
    return [str(v) for v in value]
