"""What interviews assess: competencies, the 1-4 rating scale and its anchors.

A competency key is what the workbook stores (in interview rounds, questions and
scorecard ratings); its label is what a person reads. Technical competencies
follow the skills catalog's groups, so a role's skills suggest which ones an
interview plan should cover (:func:`competencies_for_skill_groups`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Competency(StrEnum):
    LANGUAGES = "languages"
    FRAMEWORKS = "frameworks"
    DATABASES = "databases"
    APIS = "apis"
    TESTING = "testing"
    DEVOPS = "devops"
    SECURITY = "security"
    PERFORMANCE = "performance"
    SYSTEM_DESIGN = "system_design"
    COMMUNICATION = "communication"
    TEAMWORK = "teamwork"
    PROBLEM_SOLVING = "problem_solving"
    ATTENTION_TO_DETAIL = "attention_to_detail"
    ORGANISATION = "organisation"
    LEADERSHIP = "leadership"
    LEARNING = "learning"
    MOTIVATION = "motivation"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_technical(self) -> bool:
        return self in TECHNICAL


_LABELS: dict[Competency, str] = {
    Competency.LANGUAGES: "Server-side languages",
    Competency.FRAMEWORKS: "Frameworks",
    Competency.DATABASES: "Databases and data modelling",
    Competency.APIS: "APIs and integration",
    Competency.TESTING: "Testing and code quality",
    Competency.DEVOPS: "Cloud and DevOps",
    Competency.SECURITY: "Security and data protection",
    Competency.PERFORMANCE: "Performance and scaling",
    Competency.SYSTEM_DESIGN: "System design",
    Competency.COMMUNICATION: "Communication",
    Competency.TEAMWORK: "Teamwork",
    Competency.PROBLEM_SOLVING: "Problem solving under pressure",
    Competency.ATTENTION_TO_DETAIL: "Attention to detail",
    Competency.ORGANISATION: "Organisation and time management",
    Competency.LEADERSHIP: "Leadership and mentoring",
    Competency.LEARNING: "Learning",
    Competency.MOTIVATION: "Motivation",
}

TECHNICAL: frozenset[Competency] = frozenset(
    {
        Competency.LANGUAGES,
        Competency.FRAMEWORKS,
        Competency.DATABASES,
        Competency.APIS,
        Competency.TESTING,
        Competency.DEVOPS,
        Competency.SECURITY,
        Competency.PERFORMANCE,
        Competency.SYSTEM_DESIGN,
    }
)

#: Skills-catalog group name -> the competency its skills are assessed under.
_GROUP_COMPETENCY: dict[str, Competency] = {
    "Languages": Competency.LANGUAGES,
    "Frameworks": Competency.FRAMEWORKS,
    "Databases": Competency.DATABASES,
    "APIs and formats": Competency.APIS,
    "Cloud and DevOps": Competency.DEVOPS,
    "Version control": Competency.TESTING,
    "Testing": Competency.TESTING,
    "Frontend awareness": Competency.APIS,
    "Security and compliance": Competency.SECURITY,
}


def competency_key(text: str) -> Competency | None:
    """The competency a stored key names, or ``None`` for an unknown key."""
    try:
        return Competency(text.strip())
    except ValueError:
        return None


def competency_label(key: str) -> str:
    """A readable label for a stored key; an unknown key is shown tidied, not dropped."""
    known = competency_key(key)
    return known.label if known else key.replace("_", " ").strip().capitalize()


def competencies_for_skill_groups(groups: Iterable[str]) -> list[Competency]:
    """The technical competencies a set of catalog groups points at, in enum order."""
    wanted = {_GROUP_COMPETENCY[g] for g in groups if g in _GROUP_COMPETENCY}
    return [c for c in Competency if c in wanted]


# -- the rating scale ---------------------------------------------------------------

RATING_MIN = 1
RATING_MAX = 4


@dataclass(frozen=True)
class RatingAnchor:
    rating: int
    name: str
    meaning: str


#: The fixed 1-4 scale. Four points leave no safe middle: the interviewer decides.
RATING_ANCHORS: tuple[RatingAnchor, ...] = (
    RatingAnchor(1, "Weak", "Little or no evidence; answers were wrong or vague."),
    RatingAnchor(2, "Mixed", "Some evidence, with gaps the job would expose."),
    RatingAnchor(3, "Solid", "Clear evidence of what the role needs, with minor gaps."),
    RatingAnchor(4, "Excellent", "Strong evidence beyond what the role needs."),
)


def rating_anchor(rating: int) -> RatingAnchor:
    """The anchor for a rating; raises ``ValueError`` outside 1-4."""
    if not RATING_MIN <= rating <= RATING_MAX:
        raise ValueError(f"A rating is a whole number from {RATING_MIN} to {RATING_MAX}.")
    return RATING_ANCHORS[rating - 1]
