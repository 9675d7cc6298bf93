"""The built-in skills catalog and the look-ups over it."""

from __future__ import annotations

from hiring_desk.services.roles.skills_catalog import (
    SkillGroup,
    all_skills,
    canonical_skill,
    group_of,
    search_skills,
    skill_groups,
)

NOTES_GROUPS = [
    "Languages",
    "Frameworks",
    "Databases",
    "APIs and formats",
    "Cloud and DevOps",
    "Version control",
    "Testing",
    "Frontend awareness",
    "Security and compliance",
    "Soft skills",
]


def test_groups_follow_the_domain_notes() -> None:
    groups = skill_groups()
    assert [g.name for g in groups] == NOTES_GROUPS
    assert all(isinstance(g, SkillGroup) and g.skills for g in groups)


def test_no_skill_is_listed_twice_even_ignoring_case() -> None:
    folded = [s.casefold() for s in all_skills()]
    assert len(folded) == len(set(folded))


def test_skills_are_tidy() -> None:
    for skill in all_skills():
        assert skill == " ".join(skill.split()), repr(skill)
        assert skill


def test_catalog_holds_the_notes_items_split_sensibly() -> None:
    for skill in (
        "Python",
        "JavaScript",
        "Node.js",
        "C#",
        ".NET",
        "SQLAlchemy",
        "PostgreSQL",
        "GraphQL",
        "CI/CD",
        "Git",
        "GitHub",
        "Unit testing",
        "GDPR / CCPA awareness",
        "Mentoring",
    ):
        assert skill in all_skills(), skill
    assert group_of("GitHub") == "Version control"
    assert group_of("Git") == "Version control"


def test_group_of_ignores_case_and_accents() -> None:
    assert group_of("python") == "Languages"
    assert group_of("  POSTGRESQL ") == "Databases"
    assert group_of("Pythön") == "Languages"
    assert group_of("Cobol") is None


def test_search_puts_prefix_matches_first() -> None:
    results = search_skills("pyth")
    assert results[0] == "Python"
    assert "pytest" not in results  # "pyth" is not in "pytest"
    sql = search_skills("sql")
    # The exact match, then prefix matches in catalog order, then skills containing "sql".
    assert sql[:4] == ["SQL", "SQLAlchemy", "SQL Server", "SQLite"]
    assert sql.index("SQLite") < sql.index("MySQL") < sql.index("PostgreSQL")


def test_search_puts_an_exact_match_first() -> None:
    assert search_skills("c")[0] == "C"
    assert search_skills("C#")[0] == "C#"


def test_search_keeps_catalog_order_within_a_tier() -> None:
    order = {skill: i for i, skill in enumerate(all_skills())}
    results = search_skills("git")
    prefix = [r for r in results if r.casefold().startswith("git")]
    assert results[: len(prefix)] == prefix
    assert prefix == sorted(prefix, key=order.__getitem__)
    assert prefix[0] == "Git"


def test_search_is_accent_and_case_insensitive() -> None:
    assert search_skills("postgres")[0] == "PostgreSQL"
    assert search_skills("PÝTHON")[0] == "Python"
    assert search_skills("déploy") == search_skills("deploy")


def test_search_ignores_punctuation_as_a_last_resort() -> None:
    assert "Node.js" in search_skills("nodejs")
    assert "CI/CD" in search_skills("cicd")


def test_search_limit_and_empty_query() -> None:
    assert len(search_skills("e", limit=5)) == 5
    assert search_skills("") == []
    assert search_skills("   ") == []
    assert search_skills("python", limit=0) == []
    assert search_skills("zzzz-not-a-skill") == []


def test_canonical_skill_returns_the_catalog_spelling() -> None:
    assert canonical_skill("  postgresql ") == "PostgreSQL"
    assert canonical_skill("NODE.JS") == "Node.js"
    assert canonical_skill("Pythón") == "Python"
    assert canonical_skill("gdpr / ccpa   awareness") == "GDPR / CCPA awareness"


def test_canonical_skill_keeps_free_entries() -> None:
    assert canonical_skill("  Elixir  ") == "Elixir"
    assert canonical_skill("Domain   driven design") == "Domain driven design"
    assert canonical_skill("") == ""
