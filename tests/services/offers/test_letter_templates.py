"""Offer-letter templates: the three built-in letters, and the user's own."""

from __future__ import annotations

import itertools
import re
from dataclasses import replace

import pytest
from sqlmodel import select

from hiring_desk.domain.letter_fields import LetterContext, sample_context
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.offers.letter_merge import fill, template_problems
from hiring_desk.services.offers.letter_templates import (
    builtin_letter_templates,
    copy_template,
    default_template_key,
    delete_own_template,
    letter_template,
    list_letter_templates,
    save_own_template,
)
from hiring_desk.services.roles import jd_user_templates
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent

KEYS = ["full-time-employee", "part-time-employee", "fixed-term-contractor"]
OPTIONAL = [
    "offer.bonus",
    "offer.conditions",
    "offer.working_hours",
    "role.hiring_manager",
    "role.hiring_manager_title",
    "role.project",
    "role.project_duration",
]


def without(context: LetterContext, fields: tuple[str, ...]) -> LetterContext:
    for name in fields:
        group, field = name.split(".")
        context = replace(context, **{group: replace(getattr(context, group), **{field: ""})})
    return context


# -- built-in templates ----------------------------------------------------------------------


def test_three_built_in_templates_one_per_kind_of_offer() -> None:
    templates = builtin_letter_templates()
    assert [t.key for t in templates] == KEYS
    assert [t.employment_type for t in templates] == ["full_time", "part_time", "contract"]
    assert all(t.built_in and t.name and t.description for t in templates)


def test_each_kind_of_offer_has_its_default_template() -> None:
    assert default_template_key("full_time") == "full-time-employee"
    assert default_template_key("part_time") == "part-time-employee"
    assert default_template_key("contract") == "fixed-term-contractor"
    assert default_template_key("something else") == "full-time-employee"


@pytest.mark.parametrize("key", KEYS)
def test_a_built_in_template_has_no_problems(key: str) -> None:
    assert template_problems(letter_template_body(key)) == []


@pytest.mark.parametrize("key", KEYS)
def test_a_built_in_letter_is_complete(key: str) -> None:
    text = fill(letter_template_body(key), sample_context())
    for value in ("Aoife Byrne", "Backend Developer", "Example Software Ltd", "1 March 2027"):
        assert value in text
    assert "€62,000 per year" in text and "12 February 2027" in text
    assert "{" not in text and "}" not in text


@pytest.mark.parametrize("key", KEYS)
def test_a_built_in_letter_reads_well_whichever_optional_fields_are_empty(key: str) -> None:
    body = letter_template_body(key)
    for count in range(len(OPTIONAL) + 1):
        for empty in itertools.combinations(OPTIONAL, count):
            text = fill(body, without(sample_context(), empty))
            assert not re.search(r"(?<!\n)\n(?!\n)", text.rstrip("\n")), (empty, text)
            assert not re.search(r"  | [.,]|\.\.", text), (empty, text)


def letter_template_body(key: str) -> str:
    return next(t.body for t in builtin_letter_templates() if t.key == key)


# -- the user's own --------------------------------------------------------------------------


def test_no_own_templates_at_first(workbook: Workbook) -> None:
    assert [t.key for t in list_letter_templates(workbook)] == KEYS


def test_save_an_own_template_and_read_it_back(workbook: Workbook) -> None:
    saved = save_own_template(workbook, "  Short offer ", "Dear {{ candidate.name }},")
    assert saved.key.startswith("user:") and saved.name == "Short offer"
    assert not saved.built_in and saved.description == "Your template"
    assert letter_template(workbook, saved.key) == saved
    assert [t.key for t in list_letter_templates(workbook)] == [*KEYS, saved.key]


def test_own_templates_are_listed_by_name_after_the_built_ins(workbook: Workbook) -> None:
    b = save_own_template(workbook, "beta", "Hello.")
    a = save_own_template(workbook, "Alpha", "Hello.")
    assert [t.key for t in list_letter_templates(workbook)][3:] == [a.key, b.key]


def test_a_template_with_an_unknown_field_is_refused(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as caught:
        save_own_template(workbook, "Mine", "Dear {{ candidate.nme }},")
    assert caught.value.errors == {
        "body": 'The template uses "candidate.nme", which is not a merge field. '
        'Did you mean "candidate.name"?'
    }


def test_a_template_needs_a_name_and_a_body(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as caught:
        save_own_template(workbook, " ", "")
    assert caught.value.errors == {"name": "is required", "body": "The template is empty."}
    with pytest.raises(ValidationError) as caught:
        save_own_template(workbook, "x" * 121, "Hello.")
    assert caught.value.errors == {"name": "must be at most 120 characters"}


def test_edit_an_own_template(workbook: Workbook) -> None:
    saved = save_own_template(workbook, "Mine", "Hello.")
    edited = save_own_template(workbook, "Mine, edited", "Hello again.", key=saved.key)
    assert edited.key == saved.key
    assert letter_template(workbook, saved.key).body == "Hello again."
    assert letter_template(workbook, saved.key).name == "Mine, edited"


def test_a_built_in_template_cannot_be_edited_or_removed(workbook: Workbook) -> None:
    with pytest.raises(ValidationError, match="copy it"):
        save_own_template(workbook, "Mine", "Hello.", key="full-time-employee")
    with pytest.raises(ValidationError, match="built-in"):
        delete_own_template(workbook, "full-time-employee")


def test_copy_a_built_in_to_edit(workbook: Workbook) -> None:
    first = copy_template(workbook, "part-time-employee")
    second = copy_template(workbook, "part-time-employee")
    assert (first.name, second.name) == ("Part-time employee (copy)", "Part-time employee (copy 2)")
    assert first.body == letter_template_body("part-time-employee")
    assert first.based_on == "part-time-employee" and first.employment_type == "part_time"
    third = copy_template(workbook, first.key)  # a copy of a copy remembers the built-in
    assert third.based_on == "part-time-employee"


def test_remove_an_own_template(workbook: Workbook) -> None:
    saved = save_own_template(workbook, "Mine", "Hello.")
    delete_own_template(workbook, saved.key)
    with pytest.raises(NotFoundError):
        letter_template(workbook, saved.key)
    with pytest.raises(NotFoundError):
        delete_own_template(workbook, saved.key)


def test_unknown_keys_are_not_found(workbook: Workbook) -> None:
    for key in ("no-such-template", "user:99", "user:abc"):
        with pytest.raises(NotFoundError):
            letter_template(workbook, key)


def test_job_description_templates_are_kept_apart(workbook: Workbook) -> None:
    jd = jd_user_templates.save_user_template(workbook, "My JD", "# {{ role.title }}")
    assert [t.key for t in list_letter_templates(workbook)] == KEYS
    with pytest.raises(NotFoundError):
        letter_template(workbook, jd.key)


def test_changes_are_audited(workbook: Workbook) -> None:
    saved = save_own_template(workbook, "Mine", "Hello.")
    save_own_template(workbook, "Mine", "Hello again.", key=saved.key)
    delete_own_template(workbook, saved.key)
    with workbook.transaction() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.entity == "user_template"))
        assert [e.action for e in events] == ["add", "edit", "remove"]
