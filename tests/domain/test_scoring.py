"""Adding scorecards up: means per competency and overall, recommendation counts, the verdict."""

from __future__ import annotations

from fractions import Fraction

import pytest

from hiring_desk.domain.scoring import EMPTY, ScorecardScores, aggregate, format_mean
from hiring_desk.domain.vocab import Recommendation


def card(recommendation: str, **ratings: int) -> ScorecardScores:
    return ScorecardScores(ratings=ratings, recommendation=recommendation)


def test_no_scorecards_give_the_empty_aggregate_shown_as_nothing() -> None:
    result = aggregate([])
    assert result is EMPTY
    assert result.is_empty
    assert result.count == 0
    assert result.overall_mean is None
    assert result.verdict == ""
    assert result.recommendation_summary == ""
    assert result.competencies == ()


def test_means_per_competency_and_overall_weigh_every_rating_the_same() -> None:
    result = aggregate(
        [
            card("yes", databases=3, apis=4, communication=2),
            card("strong_yes", databases=4),
            card("yes", databases=2, apis=4),
        ]
    )
    assert result.count == 3
    assert result.mean_of("databases") == pytest.approx(3.0)
    assert result.mean_of("apis") == pytest.approx(4.0)
    assert result.mean_of("communication") == pytest.approx(2.0)
    assert result.mean_of("testing") is None
    # (3 + 4 + 2 + 4 + 2 + 4) / 6, not the mean of the three scorecard means
    assert result.overall_mean == pytest.approx(19 / 6)
    assert result.overall_shown == "3.2"
    assert result.rating_count == 6


def test_competencies_follow_the_fixed_order_and_unknown_keys_come_last() -> None:
    result = aggregate([card("no", zeal=2, communication=3, languages=1, apis=2)])
    assert [m.competency for m in result.competencies] == [
        "languages",
        "apis",
        "communication",
        "zeal",
    ]
    assert result.competencies[0].label == "Server-side languages"
    assert result.competencies[-1].label == "Zeal"


def test_recommendations_are_counted_from_most_negative_to_most_positive() -> None:
    result = aggregate(
        [
            card("strong_yes", apis=4),
            card("yes", apis=3),
            card("no", apis=2),
            card("yes", apis=3),
        ]
    )
    assert result.recommendation_count(Recommendation.YES) == 2
    assert result.recommendation_count(Recommendation.STRONG_NO) == 0
    assert result.recommendation_summary == "1 no, 2 yes, 1 strong yes"
    assert result.verdict == "3.0 · 1 no, 2 yes, 1 strong yes"


def test_the_verdict_of_the_issue_example() -> None:
    result = aggregate(
        [
            card("yes", testing=3, apis=4),
            card("yes", testing=3, apis=3),
            card("strong_yes", testing=4, apis=3),
        ]
    )
    assert result.verdict == "3.3 · 2 yes, 1 strong yes"


def test_scorecards_with_no_ratings_still_count_their_recommendation() -> None:
    result = aggregate([card("strong_no"), card("no")])
    assert result.count == 2
    assert result.overall_mean is None
    assert result.overall_shown == ""
    assert result.verdict == "1 strong no, 1 no"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(13, 4), "3.3"),  # 3.25 rounds half up
        (Fraction(7, 2), "3.5"),
        (Fraction(10, 3), "3.3"),
        (Fraction(11, 3), "3.7"),
        (Fraction(4), "4.0"),
        (Fraction(1), "1.0"),
        (Fraction(9, 8), "1.1"),  # 1.125
        (Fraction(23, 8), "2.9"),  # 2.875
    ],
)
def test_means_are_shown_with_one_decimal_rounded_half_up(value: Fraction, shown: str) -> None:
    assert format_mean(value) == shown


def test_competency_mean_shows_its_own_rounding() -> None:
    result = aggregate([card("yes", apis=3), card("yes", apis=4), card("no", apis=3)])
    entry = result.competencies[0]
    assert (entry.total, entry.count) == (10, 3)
    assert entry.shown == "3.3"


def test_sort_key_puts_no_scorecards_first_then_orders_by_mean() -> None:
    low = aggregate([card("no", apis=2)])
    high = aggregate([card("yes", apis=4)])
    unrated = aggregate([card("yes")])
    ordered = sorted([high, EMPTY, low, unrated], key=lambda a: a.sort_key)
    assert ordered == [EMPTY, unrated, low, high]


@pytest.mark.parametrize("rating", [0, 5, -1])
def test_a_rating_outside_the_scale_is_a_programming_error(rating: int) -> None:
    with pytest.raises(ValueError, match="outside 1-4"):
        aggregate([card("yes", apis=rating)])


def test_an_unknown_recommendation_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        aggregate([card("maybe", apis=3)])
