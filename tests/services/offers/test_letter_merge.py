"""Checking an offer-letter template before it prints: unknown fields, empty fields, syntax."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hiring_desk.domain.letter_fields import LetterContext, sample_context
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.offers.letter_merge import (
    LetterProblemsError,
    check_letter,
    fill,
    fill_marked,
    template_problems,
)


def without(context: LetterContext, *fields: str) -> LetterContext:
    """``context`` with the named fields ("offer.bonus") emptied."""
    for name in fields:
        group, field = name.split(".")
        context = replace(context, **{group: replace(getattr(context, group), **{field: ""})})
    return context


def fields_of(body: str, context: LetterContext) -> list[str]:
    return [problem.field for problem in check_letter(body, context)]


def test_a_complete_letter_fills_in() -> None:
    text = fill(
        "Dear {{ candidate.name }},\n\n{{ offer.salary }} {{ offer.pay_period }}",
        (sample_context()),
    )
    assert text == "Dear Aoife Byrne,\n\n€62,000 per year\n"


def test_an_unknown_field_is_reported_with_a_suggestion() -> None:
    problems = check_letter("{{ offer.salry }}", sample_context())
    assert [p.field for p in problems] == ["offer.salry"]
    assert problems[0].message == (
        'The template uses "offer.salry", which is not a merge field. Did you mean "offer.salary"?'
    )


def test_unknown_names_are_found_in_branches_that_would_not_run() -> None:
    body = "{% if offer.bonus %}{{ candidate.nickname }}{% endif %}{% if false %}{{ x }}{% endif %}"
    assert fields_of(body, without(sample_context(), "offer.bonus")) == ["x", "candidate.nickname"]


def test_a_group_printed_whole_is_reported() -> None:
    problems = check_letter("{{ offer }}", sample_context())
    assert [p.field for p in problems] == ["offer"]
    assert "group of merge fields" in problems[0].message


def test_fields_read_by_subscript_are_checked_too() -> None:
    assert fields_of("{{ offer['salary'] }}", sample_context()) == []
    assert fields_of("{{ offer['pay'] }}", sample_context()) == ["offer.pay"]


def test_an_empty_field_that_would_print_is_reported() -> None:
    context = without(sample_context(), "offer.start_date", "offer.bonus")
    problems = check_letter("Start: {{ offer.start_date }}. {{ offer.start_date }}.", context)
    assert [p.field for p in problems] == ["offer.start_date"]  # once, however often used
    assert problems[0].message == "The offer has no start date: set it in the offer."


def test_an_empty_field_in_a_test_or_with_a_fallback_is_fine() -> None:
    context = without(sample_context(), "offer.bonus")
    body = "{% if offer.bonus %}Bonus: {{ offer.bonus }}{% endif %}{{ offer.bonus or 'none' }}"
    assert check_letter(body, context) == []
    assert fill(body, context) == "none\n"


def test_an_empty_field_passed_through_a_filter_is_still_reported() -> None:
    context = without(sample_context(), "offer.probation")
    assert fields_of("{{ offer.probation | upper }}", context) == ["offer.probation"]


def test_a_generic_sentence_names_the_field_and_what_it_holds() -> None:
    context = without(sample_context(), "offer.working_hours")
    (problem,) = check_letter("{{ offer.working_hours }}", context)
    assert problem.message == (
        '"offer.working_hours" (the working hours, as written in the offer) is empty for this '
        "offer."
    )


@pytest.mark.parametrize(
    ("field", "words"),
    [
        ("candidate.address", "no postal address"),
        ("company.name", "no name"),
        ("signatory.name", "choose a signatory"),
    ],
)
def test_what_every_printed_letter_shows_is_required(field: str, words: str) -> None:
    problems = check_letter("Hello.", without(sample_context(), field))
    assert [p.field for p in problems] == [field]
    assert words in problems[0].message


def test_a_syntax_error_is_one_problem_with_its_line() -> None:
    (problem,) = check_letter("Dear you,\n\n{% if offer.bonus %}", sample_context())
    assert problem.field == ""
    assert problem.message.startswith("The template has a syntax error on line 3")


def test_an_empty_template_is_a_problem() -> None:
    assert [p.message for p in check_letter(" \n", sample_context())] == ["The template is empty."]


def test_a_template_that_fails_while_filling_is_a_problem() -> None:
    (problem,) = check_letter("{{ 1 / 0 }}", sample_context())
    assert "division by zero" in problem.message


def test_the_sandbox_and_its_limits_still_apply() -> None:
    (unsafe,) = check_letter("{{ candidate.name.__class__ }}", sample_context())
    assert unsafe.message == (
        "Not allowed in a template: access to attribute '__class__' of 'str' object is unsafe."
    )
    (huge,) = check_letter("{{ 'x' * 10000000 }}", sample_context())
    assert huge.message == "Not allowed in a template: repeated text or list would be too long."


def test_filling_refuses_with_every_problem_listed() -> None:
    context = without(sample_context(), "offer.start_date", "candidate.address")
    with pytest.raises(LetterProblemsError) as caught:
        fill("{{ offer.start_date }} {{ offer.nope }}", context)
    assert isinstance(caught.value, ServiceError)
    assert [p.field for p in caught.value.problems] == ["offer.nope", "candidate.address"]
    assert "2 problems" in str(caught.value) and "offer.nope" in str(caught.value)


def test_template_problems_use_a_complete_sample() -> None:
    assert template_problems("Dear {{ candidate.name }}, {{ offer.bonus }}") == []
    assert [p.field for p in template_problems("{{ candidate.age }}")] == ["candidate.age"]


def test_user_text_in_fields_is_filled_in_as_is() -> None:
    context = replace(
        sample_context(),
        candidate=replace(sample_context().candidate, name="{{ offer.salary }} <b>&"),
    )
    assert fill("Dear {{ candidate.name }},", context) == "Dear {{ offer.salary }} <b>&,\n"


def test_a_draft_shows_where_fields_are_missing() -> None:
    context = without(sample_context(), "offer.start_date", "offer.bonus")
    body = "Start: {{ offer.start_date }}.{% if offer.bonus %} Bonus.{% endif %}"
    assert fill_marked(body, context) == "Start: [missing: offer.start_date].\n"
    assert fill_marked("{{ offer.nope }}", context) is None
    assert fill_marked("{% if %}", context) is None
