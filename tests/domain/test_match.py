"""Skill matching: coverage, weighting, rounding, spelling-insensitive comparison."""

from __future__ import annotations

import pytest

from hiring_desk.domain.match import MatchResult, match, skill_key

MUST = ["Python", "PostgreSQL", "Docker"]
NICE = ["Kubernetes", "GraphQL"]


def test_full_coverage() -> None:
    result = match([*MUST, *NICE], MUST, NICE)
    assert result.score == 100
    assert result.must_matched == tuple(MUST)
    assert result.must_missing == ()
    assert result.nice_matched == tuple(NICE)
    assert result.nice_missing == ()
    assert result.summary == "3 of 3 must-haves, 2 of 2 nice-to-haves"


def test_no_coverage() -> None:
    result = match(["Cobol", "Fortran"], MUST, NICE)
    assert result.score == 0
    assert result.must_matched == ()
    assert result.must_missing == tuple(MUST)
    assert result.nice_matched == ()
    assert result.nice_missing == tuple(NICE)
    assert result.summary == "0 of 3 must-haves, 0 of 2 nice-to-haves"


def test_no_candidate_skills() -> None:
    assert match([], MUST, NICE).score == 0


def test_partial_coverage() -> None:
    result = match(["Python", "Docker", "GraphQL"], MUST, NICE)
    # 75 * 2/3 + 25 * 1/2 = 50 + 12.5 = 62.5 -> 63
    assert result.score == 63
    assert result.must_matched == ("Python", "Docker")
    assert result.must_missing == ("PostgreSQL",)
    assert result.nice_matched == ("GraphQL",)
    assert result.nice_missing == ("Kubernetes",)
    assert result.summary == "2 of 3 must-haves, 1 of 2 nice-to-haves"


@pytest.mark.parametrize(
    ("candidate", "score"),
    [
        (["Python", "PostgreSQL", "Docker"], 75),  # every must-have, no nice-to-have
        (["Kubernetes", "GraphQL"], 25),  # every nice-to-have, no must-have
        (["Python", "Kubernetes"], 38),  # 25 + 12.5 = 37.5 -> 38
        (["Python"], 25),
        (["PostgreSQL", "Docker", "Kubernetes"], 63),  # 50 + 12.5 = 62.5 -> 63
    ],
)
def test_weighting_75_25(candidate: list[str], score: int) -> None:
    assert match(candidate, MUST, NICE).score == score


def test_only_must_haves_weigh_100() -> None:
    result = match(["Python"], ["Python", "Go"], [])
    assert result.score == 50
    assert result.summary == "1 of 2 must-haves"


def test_only_nice_to_haves_weigh_100() -> None:
    result = match(["Redis"], [], ["Redis", "Kafka", "Rust", "Go"])
    assert result.score == 25
    assert result.summary == "1 of 4 nice-to-haves"


@pytest.mark.parametrize(
    ("candidate", "must", "nice", "score"),
    [
        (["a"], ["a", "b", "c"], [], 33),  # 33.33 -> 33
        (["a", "b"], ["a", "b", "c"], [], 67),  # 66.67 -> 67
        (["a"], ["a", "b", "c", "d", "e", "f", "g", "h"], [], 13),  # 12.5 -> 13 (half up)
        (["a"], ["a", "b", "c", "d", "e", "f", "g", "h"], ["x"], 9),  # 9.375 -> 9
        (["x"], ["a", "b", "c", "d", "e", "f", "g", "h"], ["x", "y", "z"], 8),  # 8.33 -> 8
        (["a", "x"], ["a", "b"], ["x", "y", "z", "w"], 44),  # 37.5 + 6.25 = 43.75 -> 44
        (["a"], ["a", "b", "c", "d"], ["x", "y"], 19),  # 18.75 -> 19
        (["x"], ["a", "b"], ["x", "y"], 13),  # 12.5 -> 13 (half up, not to even)
        (["x", "y", "z"], ["a"], ["x", "y", "z", "w", "v", "u", "t", "s"], 9),  # 9.375 -> 9
    ],
)
def test_rounding_half_up(
    candidate: list[str], must: list[str], nice: list[str], score: int
) -> None:
    assert match(candidate, must, nice).score == score


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("postgresql", "PostgreSQL"),
        ("Node.js", "nodejs"),
        ("node js", "NodeJS"),
        ("CI/CD", "cicd"),
        ("Ruby on Rails", "rubyonrails"),
        ("Express.js", "expressjs"),
        ("ASP.NET", "asp net"),
        ("Neo4j", "NEO4J"),
        ("Résumé parsing", "resume parsing"),
        ("Straße", "STRASSE"),
        ("  Go  ", "go"),
        ("front-end", "Frontend"),
    ],
)
def test_skill_key_equal(a: str, b: str) -> None:
    assert skill_key(a) == skill_key(b)


@pytest.mark.parametrize(("a", "b"), [("C", "C#"), ("C", "C++"), ("Java", "JavaScript")])
def test_skill_key_distinct(a: str, b: str) -> None:
    assert skill_key(a) != skill_key(b)


def test_case_and_accent_insensitive_match_keeps_role_spelling() -> None:
    result = match(["postgresql", "nodejs", "cafe"], ["PostgreSQL", "Node.js"], ["Café"])
    assert result.must_matched == ("PostgreSQL", "Node.js")
    assert result.nice_matched == ("Café",)
    assert result.score == 100


def test_empty_role_has_no_score() -> None:
    result = match(["Python"], [], [])
    assert result.score is None
    assert result == MatchResult(None, (), (), (), ())
    assert result.summary == "No skills listed for this role"


def test_blank_role_skills_are_ignored() -> None:
    assert match(["Python"], ["", "  "], ["-"]).score is None
    assert match(["Python"], ["Python", " "], []).summary == "1 of 1 must-have"


def test_duplicates_counted_once() -> None:
    result = match(
        ["python", "Python", "PYTHON"],
        ["Python", "python", "Go", "go"],
        ["Redis", "redis"],
    )
    assert result.must_matched == ("Python",)
    assert result.must_missing == ("Go",)
    assert result.nice_missing == ("Redis",)
    assert result.score == 38  # 75 * 1/2 = 37.5 -> 38
    assert result.summary == "1 of 2 must-haves, 0 of 1 nice-to-have"


def test_skill_both_must_and_nice_counts_as_must() -> None:
    result = match(["Docker"], ["Docker"], ["docker", "Kubernetes"])
    assert result.must_matched == ("Docker",)
    assert result.nice_matched == ()
    assert result.nice_missing == ("Kubernetes",)
    assert result.score == 75


def test_role_order_preserved() -> None:
    must = ["Rust", "Go", "Python", "Java"]
    nice = ["Redis", "AWS", "Kafka"]
    result = match(["java", "python", "kafka", "redis"], must, nice)
    assert result.must_matched == ("Python", "Java")
    assert result.must_missing == ("Rust", "Go")
    assert result.nice_matched == ("Redis", "Kafka")
    assert result.nice_missing == ("AWS",)


def test_candidate_skills_may_be_any_iterable() -> None:
    result = match((s for s in ["Go"]), ("Go",), ())
    assert result.score == 100
