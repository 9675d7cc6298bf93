"""The job-description checks: each element a posting should state, found in its many forms."""

from __future__ import annotations

import dataclasses

import pytest
from tests.domain.jd_check_setup import complete_jd, keys

from hiring_desk.domain.jd_check import check_job_description
from hiring_desk.domain.jd_fields import RoleFields, sample_context

# -- each check --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Location: Dublin",
        "**Location:** Dublin",
        "LOCATION : Berlin",
        "The job is fully remote.",
        "This is an on-site job.",
        "Onsite in our Lyon office.",
        "Hybrid working, Tuesdays together.",
        "We are based in Porto.",
    ],
)
def test_location_is_found_in_many_forms(line: str) -> None:
    text = complete_jd(without="location") + line
    assert "location" not in keys(check_job_description(text))


def test_the_context_location_counts_even_without_a_location_line() -> None:
    text = complete_jd(without="location") + "Our office is in Cork, next to the river."
    assert "location" in keys(check_job_description(text))
    assert "location" not in keys(check_job_description(text, sample_context()))


def test_the_context_location_matches_without_accents_or_case() -> None:
    context = dataclasses.replace(
        sample_context(), role=RoleFields(title="Dev", location="Málaga, España")
    )
    text = complete_jd(without="location") + "Our office is in MALAGA, by the sea."
    assert "location" not in keys(check_job_description(text, context))


def test_a_skills_heading_without_bullets_does_not_count() -> None:
    text = complete_jd(without="skills").replace("## Nice-to-have skills", "## Extras") + (
        "\n## Must-have skills\n\nWe will tell you later.\n"
    )
    assert "skills" in keys(check_job_description(text))


def test_a_requirements_section_with_bullets_counts_as_skills() -> None:
    text = complete_jd(without="skills") + "\n## Requirements\n\n* Go\n"
    assert "skills" not in keys(check_job_description(text))


def test_nice_to_have_skills_alone_do_not_count_as_required_skills() -> None:
    text = complete_jd(without="skills")
    assert "## Nice-to-have skills\n\n- Docker" in text
    assert "skills" in keys(check_job_description(text))


def test_context_must_have_skills_in_the_text_count() -> None:
    text = complete_jd(without="skills").replace("## Nice-to-have skills\n\n- Docker\n- Redis", "")
    assert "skills" in keys(check_job_description(text))
    with_python = text + "\nYou would mostly write Python.\n"
    assert "skills" in keys(check_job_description(with_python))
    assert "skills" not in keys(check_job_description(with_python, sample_context()))


@pytest.mark.parametrize(
    "line",
    ["Five years building things.", "Some EXPÉRIENCE with queues.", "Experienced engineers."],
)
def test_experience_is_found_in_many_forms(line: str) -> None:
    text = complete_jd(without="experience") + line
    assert "experience" not in keys(check_job_description(text))


def test_per_year_in_a_salary_is_not_experience() -> None:
    text = complete_jd(without="experience")
    assert "per year" in text
    assert "experience" in keys(check_job_description(text))


@pytest.mark.parametrize(
    "line",
    [
        "We will interview the shortlist next week.",
        "Starting in spring.",
        "The closing date is near.",
        "Apply by Friday.",
        "## Next steps\n\nWe call you back.",
        "Decision on March 3.",
        "Decision on 3rd of March.",
        "Decision in June 2027.",
        "Decision on 2027-06-01.",
        "Decision on 01/06/2027.",
    ],
)
def test_timeline_is_found_in_many_forms(line: str) -> None:
    text = complete_jd(without="timeline") + "\n" + line
    assert "timeline" not in keys(check_job_description(text))


def test_a_start_up_and_you_may_are_not_a_timeline() -> None:
    text = complete_jd(without="timeline") + "\nWe are a start-up and you may say hello."
    assert "timeline" in keys(check_job_description(text))


def test_the_context_dates_count_as_a_timeline() -> None:
    context = dataclasses.replace(
        sample_context(), role=RoleFields(title="Dev", start_by="Q3 (summer)")
    )
    text = complete_jd(without="timeline") + "\nJoining: Q3 (summer)."
    assert "timeline" in keys(check_job_description(text))
    assert "timeline" not in keys(check_job_description(text, context))


@pytest.mark.parametrize(
    "line",
    [
        "A bachelor's in physics.",
        "A Master’s in maths.",
        "Relevant QUALIFICATIONS.",
        "AWS certification.",
        "Éducation: secondary school.",
        "A PhD is welcome.",
    ],
)
def test_education_is_found_in_many_forms(line: str) -> None:
    text = complete_jd(without="education") + line
    assert "education" not in keys(check_job_description(text))


def test_the_qualifications_heading_alone_is_not_education() -> None:
    text = complete_jd(without="education")
    assert "## Qualifications" in text
    assert "education" in keys(check_job_description(text))


def test_an_education_section_with_a_bullet_counts() -> None:
    text = complete_jd(without="education") + "\n## Education\n\n- Leaving Certificate\n"
    assert "education" not in keys(check_job_description(text))
    text = complete_jd(without="education") + "\n## Education\n\n- Secondary school\n"
    assert "education" not in keys(check_job_description(text))


def test_responsibility_bullets_count_as_the_nature_of_the_job() -> None:
    section = "\n## Responsibilities\n\n- Build.\n- Test.\n- Ship.\n"
    text = complete_jd(without="nature") + section
    assert "nature" not in keys(check_job_description(text))


def test_a_duties_section_needs_three_bullets() -> None:
    few = complete_jd(without="nature") + "\n## Duties\n\n- Build.\n- Test.\n"
    assert "nature" in keys(check_job_description(few))
    enough = few + "- Ship.\n"
    assert "nature" not in keys(check_job_description(enough))


@pytest.mark.parametrize("line", ["You will own the API.", "You’ll own the API."])
def test_you_will_counts_as_the_nature_of_the_job(line: str) -> None:
    text = complete_jd(without="nature") + line
    assert "nature" not in keys(check_job_description(text))


@pytest.mark.parametrize(
    "line",
    [
        "Part-time, 20 hours.",
        "PART TIME.",
        "A six-month contract.",
        "Full\u2011time (with a non-breaking hyphen).",
        "Freelance.",
    ],
)
def test_employment_type_is_found_in_many_forms(line: str) -> None:
    text = complete_jd(without="employment_type") + line
    assert "employment_type" not in keys(check_job_description(text))


def test_the_context_employment_type_counts() -> None:
    context = dataclasses.replace(
        sample_context(), role=RoleFields(title="Dev", employment_type="Zero-hours")
    )
    text = complete_jd(without="employment_type") + "Hours: zero-hours, as agreed."
    assert "employment_type" in keys(check_job_description(text))
    assert "employment_type" not in keys(check_job_description(text, context))


@pytest.mark.parametrize(
    "line",
    [
        "Pay: $120k.",
        "Pay: 55.000 € brutto.",
        "Pay: EUR 55,000 to 60,000.",
        "Pay: 100000 USD.",
        "Pay: £40,000.",
        "Pay: ₹12,00,000.",
        "Pay: 60 000 zł or 14000 PLN.",
    ],
)
def test_salary_is_found_in_many_forms(line: str) -> None:
    text = complete_jd(without="salary") + line
    assert "salary" not in keys(check_job_description(text))


@pytest.mark.parametrize(
    "line",
    ["Salary: competitive.", "We have all 3 teams in one room.", "A $ sign with no number."],
)
def test_no_amount_with_a_currency_is_no_salary(line: str) -> None:
    text = complete_jd(without="salary") + line
    assert "salary" in keys(check_job_description(text))


def test_the_context_salary_string_counts() -> None:
    context = dataclasses.replace(
        sample_context(), role=RoleFields(title="Dev", salary_range="Band C of our pay scale")
    )
    text = complete_jd(without="salary") + "Pay: band C of our pay scale."
    assert "salary" in keys(check_job_description(text))
    assert "salary" not in keys(check_job_description(text, context))
