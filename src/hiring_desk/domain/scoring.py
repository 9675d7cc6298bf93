"""Adding scorecards up: the mean rating per competency, overall, and the recommendations.

A scorecard holds a 1-4 rating per competency (a competency left unrated is simply
absent) and one recommendation. The aggregate of several scorecards weighs every
rating the same: the overall mean is the mean of all ratings, not the mean of each
scorecard's mean, so a scorecard that rated six competencies counts more than one
that rated two. Means are kept exact (as fractions) and rounded half up only when
shown, so 3.25 reads "3.3" on every platform.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hiring_desk.domain.competencies import RATING_MAX, RATING_MIN, Competency, competency_label
from hiring_desk.domain.vocab import Recommendation

#: Recommendations from the most negative to the most positive: the order counts are shown in.
RECOMMENDATION_ORDER: tuple[Recommendation, ...] = (
    Recommendation.STRONG_NO,
    Recommendation.NO,
    Recommendation.YES,
    Recommendation.STRONG_YES,
)


@dataclass(frozen=True)
class ScorecardScores:
    """What the aggregate needs from one scorecard."""

    ratings: Mapping[str, int]  # competency key -> 1..4; unrated competencies are absent
    recommendation: str  # a Recommendation value


@dataclass(frozen=True)
class CompetencyMean:
    competency: str
    total: int  # the sum of the ratings
    count: int  # how many ratings

    @property
    def label(self) -> str:
        return competency_label(self.competency)

    @property
    def mean(self) -> float:
        return self.total / self.count

    @property
    def shown(self) -> str:
        """The mean with one decimal, rounded half up: "3.3"."""
        return format_mean(Fraction(self.total, self.count))


@dataclass(frozen=True)
class Aggregate:
    """Several scorecards taken together; :data:`EMPTY` when there are none."""

    count: int = 0  # how many scorecards
    competencies: tuple[CompetencyMean, ...] = ()  # competency order (see _order_key)
    rating_total: int = 0
    rating_count: int = 0
    recommendations: Mapping[Recommendation, int] = field(default_factory=dict)

    @property
    def is_empty(self) -> bool:
        return self.count == 0

    @property
    def overall_mean(self) -> float | None:
        """The mean of every rating on every scorecard; None when nothing was rated."""
        return self.rating_total / self.rating_count if self.rating_count else None

    @property
    def overall_shown(self) -> str:
        """The overall mean as shown ("3.4"), or "" when nothing was rated."""
        if not self.rating_count:
            return ""
        return format_mean(Fraction(self.rating_total, self.rating_count))

    def mean_of(self, competency: str) -> float | None:
        for entry in self.competencies:
            if entry.competency == competency:
                return entry.mean
        return None

    def recommendation_count(self, recommendation: Recommendation) -> int:
        return self.recommendations.get(recommendation, 0)

    @property
    def recommendation_summary(self) -> str:
        """Counts from the most negative to the most positive: "1 no, 2 yes, 1 strong yes"."""
        return ", ".join(
            f"{self.recommendations[r]} {r.label.lower()}"
            for r in RECOMMENDATION_ORDER
            if self.recommendations.get(r)
        )

    @property
    def verdict(self) -> str:
        """A table cell: "3.4 · 2 yes, 1 strong yes"; "" when there are no scorecards."""
        return " · ".join(
            part for part in (self.overall_shown, self.recommendation_summary) if part
        )

    @property
    def sort_key(self) -> tuple[int, float, int]:
        """Orders aggregates for a table column: none first, then by mean, then by count."""
        mean = self.overall_mean
        return (0 if self.is_empty else 1, -1.0 if mean is None else mean, self.count)


EMPTY = Aggregate()


def format_mean(value: Fraction) -> str:
    """A mean with one decimal, rounded half up (``Fraction(13, 4)`` -> ``"3.3"``)."""
    tenths = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
    return f"{tenths:.1f}"


def aggregate(scorecards: Iterable[ScorecardScores]) -> Aggregate:
    """Add scorecards up. Raises ``ValueError`` for a rating outside 1-4 or an unknown
    recommendation: both are programming errors, the services check input first."""
    count = 0
    totals: dict[str, list[int]] = {}
    recommendations: dict[Recommendation, int] = {}
    for card in scorecards:
        count += 1
        recommendation = Recommendation(card.recommendation)
        recommendations[recommendation] = recommendations.get(recommendation, 0) + 1
        for competency, rating in card.ratings.items():
            if not RATING_MIN <= rating <= RATING_MAX:
                raise ValueError(f"Rating {rating} for {competency!r} is outside 1-4.")
            entry = totals.setdefault(competency, [0, 0])
            entry[0] += rating
            entry[1] += 1
    if not count:
        return EMPTY
    means = tuple(
        CompetencyMean(key, total, n)
        for key, (total, n) in sorted(totals.items(), key=lambda item: _order_key(item[0]))
    )
    return Aggregate(
        count=count,
        competencies=means,
        rating_total=sum(m.total for m in means),
        rating_count=sum(m.count for m in means),
        recommendations=recommendations,
    )


_POSITION = {competency.value: index for index, competency in enumerate(Competency)}


def _order_key(key: str) -> tuple[int, str]:
    """Known competencies in their fixed order, then any others by name."""
    return (_POSITION.get(key, len(_POSITION)), key)
