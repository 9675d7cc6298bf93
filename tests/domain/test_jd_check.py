"""The job-description checks: each element a posting should state, and its length."""

from __future__ import annotations

import dataclasses
import re

import pytest

from hiring_desk.domain.jd_check import (
    FINDING_KEYS,
    MAX_WORDS,
    MESSAGES,
    MIN_WORDS,
    Finding,
    check_job_description,
)
from hiring_desk.domain.jd_fields import JDContext, RoleFields, sample_context

# Each element is stated in exactly one place, so removing that place removes the element.
TITLE = "# Backend Developer\n"
ABOUT = """
## About Example Software Ltd

Example Software Ltd builds calm, dependable tools for small clinics, physiotherapists and
dentists who would rather spend their time with patients than with paperwork. We are a team
of twenty-two people, and we care about plain language, careful design and software that
keeps working on a bad day. Our customers trust us with their calendars, their reminders and
their invoices, so we take reliability seriously and we measure it. We ship small changes
often, we write things down, and we keep meetings short. Everybody here talks to customers
now and then, because that is how we learn what to build next. We are profitable, owned by
the people who work here, and in no hurry to sell. We like honest feedback, quiet focus and
lunch together on Fridays.
"""
FACTS = {
    "location": "Location: Cork, Ireland. Hybrid, two days a week in our office.\n",
    "employment_type": "Employment type: Full-time, permanent.\n",
    "salary": "Salary: €55,000 – €68,000 per year.\n",
}
ROLE = """
## The role

We are hiring a backend developer to build a booking platform for independent clinics.
"""
NATURE = """
## What you will do

- Design and build the booking API and the jobs behind it.
- Review code and help teammates ship safely.
- Work with our designer and support staff to fix what customers find hard.
"""
SKILLS = """
## Must-have skills

- Python
- PostgreSQL
- REST API design
"""
NICE = """
## Nice-to-have skills

- Docker
- Redis
"""
EXPERIENCE = "- At least 3 years of professional experience building web services.\n"
EDUCATION = "- A degree in computer science, or a comparable background.\n"
OFFER = """
## What we offer

- Twenty-five days of paid leave and a yearly learning budget.
- Health insurance for you and your family.
- A good chair, a quiet desk and a laptop of your choice.
"""
TIMELINE = """
## Hiring timeline

- A first interview with the engineering lead by 15 February 2027.
- A take-home exercise and a final conversation with the team.
- The job starts on 1 March 2027.
"""
APPLY = """
## How to apply

Send your CV and a short note about something you built to jobs@example.com.
We reply to every application.
"""

PARTS = {
    "location": FACTS["location"],
    "employment_type": FACTS["employment_type"],
    "salary": FACTS["salary"],
    "nature": NATURE,
    "skills": SKILLS,
    "experience": EXPERIENCE,
    "education": EDUCATION,
    "timeline": TIMELINE,
}


def complete_jd(without: str = "") -> str:
    """A complete description; ``without`` names one element to leave out."""

    def part(key: str) -> str:
        return "" if key == without else PARTS[key]

    return "".join(
        [
            TITLE,
            ABOUT,
            "\n",
            part("location"),
            part("employment_type"),
            part("salary"),
            ROLE,
            part("nature"),
            part("skills"),
            NICE,
            "\n## Qualifications\n\n",
            part("experience"),
            part("education"),
            OFFER,
            part("timeline"),
            APPLY,
        ]
    )


def keys(findings: list[Finding]) -> list[str]:
    return [f.key for f in findings]


def words(n: int) -> str:
    return " ".join(["lorem"] * n)


# -- a complete description -----------------------------------------------------------------------


def test_a_complete_description_has_no_findings() -> None:
    assert check_job_description(complete_jd()) == []


def test_a_complete_description_has_no_findings_with_its_context() -> None:
    assert check_job_description(complete_jd(), sample_context()) == []


def test_the_complete_description_is_within_the_length_limits() -> None:
    count = len(complete_jd().split())
    assert MIN_WORDS <= count <= MAX_WORDS


@pytest.mark.parametrize("key", sorted(PARTS))
def test_removing_one_element_yields_exactly_that_finding(key: str) -> None:
    text = complete_jd(without=key)
    assert len(text.split()) >= MIN_WORDS, "the test text must stay long enough"
    findings = check_job_description(text)
    assert keys(findings) == [key]
    assert findings[0].message == MESSAGES[key]


def test_findings_come_in_the_documented_order() -> None:
    findings = check_job_description("")
    assert keys(findings) == [k for k in FINDING_KEYS if k != "length_long"]


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


# -- length --------------------------------------------------------------------------------------


def test_a_short_but_complete_description_is_flagged_short() -> None:
    text = (
        "# Dev\n\nLocation: Cork. Full-time. €50,000.\n\n## What you will do\n\n"
        "- Build.\n- Test.\n- Ship.\n\n## Must-have skills\n\n- Python\n\n"
        "3 years of experience; a degree. Interviews in March 2027."
    )
    findings = check_job_description(text)
    assert keys(findings) == ["length_short"]
    assert f"{MIN_WORDS}" in findings[0].message


def test_a_very_long_description_is_flagged_long() -> None:
    text = complete_jd() + "\n" + words(MAX_WORDS)
    findings = check_job_description(text)
    assert keys(findings) == ["length_long"]
    assert str(MAX_WORDS) in findings[0].message


def test_the_length_limits_are_inclusive() -> None:
    # Exactly MIN_WORDS and exactly MAX_WORDS words are fine.
    assert "length_short" not in keys(check_job_description(words(MIN_WORDS)))
    assert "length_short" in keys(check_job_description(words(MIN_WORDS - 1)))
    assert "length_long" not in keys(check_job_description(words(MAX_WORDS)))
    assert "length_long" in keys(check_job_description(words(MAX_WORDS + 1)))


def test_the_word_count_is_in_the_message() -> None:
    (finding,) = [f for f in check_job_description(words(42)) if f.key == "length_short"]
    assert "42 words" in finding.message


def test_markdown_markers_are_not_words() -> None:
    text = "# \n\n- **\n\n---\n\n" + words(MIN_WORDS)
    assert "length_short" not in keys(check_job_description(text))
    assert "length_short" in keys(check_job_description("## - * " + words(MIN_WORDS - 1)))


# -- odd input -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\n\n\n"])
def test_empty_text_yields_every_content_finding_and_too_short(text: str) -> None:
    findings = check_job_description(text)
    assert keys(findings) == [key for key in FINDING_KEYS if key != "length_long"]
    assert keys(findings)[-1] == "length_short" and "0 words" in findings[-1].message


@pytest.mark.parametrize(
    "text",
    [
        "# Προγραμματιστής\n\nΑλέξανδρος Παπαδόπουλος — Αθήνα.\n\n- ένα\n- δύο",
        "# Разработчик\n\nИрина Петрова, Москва. ## \n* пункт",
        "# 软件工程师\n\n北京，全职。薪资：¥300,000。",
        "مطور برمجيات في دبي 🚀🚀🚀",
        "Ｆｕｌｌ－ｔｉｍｅ （fullwidth） ﬁ ligature",
        "\x00\x01\ufeff\u200b zero width and controls",
        "#" * 500,
        "- " * 1000,
        "**" * 1000 + "__" * 1000,
        "[link](http://example.com) ![img](x.png) `code` <b>html</b> &amp;",
        "\ud800 lone surrogate",
    ],
)
def test_non_english_and_odd_text_does_not_crash(text: str) -> None:
    findings = check_job_description(text)
    assert all(isinstance(f, Finding) and f.key in FINDING_KEYS for f in findings)


def test_non_english_words_are_counted() -> None:
    text = " ".join(["Αλέξανδρος", "Ирина", "Zoë", "naïve"] * 40)
    assert "length_short" not in keys(check_job_description(text))


def test_fullwidth_and_ligature_forms_are_folded() -> None:
    text = complete_jd(without="employment_type") + "Ｆｕｌｌ－ｔｉｍｅ."
    assert "employment_type" not in keys(check_job_description(text))


def test_an_empty_context_adds_nothing_and_breaks_nothing() -> None:
    context = JDContext(role=RoleFields(title=""))
    assert keys(check_job_description("", context)) == keys(check_job_description(""))
    assert check_job_description(complete_jd(), context) == []


def test_a_non_string_is_treated_as_empty() -> None:
    findings = check_job_description(None)  # type: ignore[arg-type]
    assert findings == check_job_description("")


# -- the messages ------------------------------------------------------------------------------


def test_every_message_is_one_plain_sentence() -> None:
    all_messages = [*MESSAGES.values()]
    all_messages += [f.message for f in check_job_description("")]
    all_messages += [f.message for f in check_job_description(words(MAX_WORDS + 1))]
    for message in all_messages:
        assert message[0].isupper(), message
        assert message.endswith("."), message
        assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
        assert "#" not in message and "*" not in message
    assert set(MESSAGES) | {"length_short", "length_long"} == set(FINDING_KEYS)


def test_findings_are_frozen() -> None:
    finding = check_job_description("")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.key = "other"  # type: ignore[misc]
