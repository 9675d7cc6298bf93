"""Email templates: the built-in ones are complete, the user's own are checked and kept."""

from __future__ import annotations

import pytest

from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.email.email_templates import (
    builtin_email_templates,
    copy_template,
    delete_own_template,
    email_template,
    list_email_templates,
    save_own_template,
    template_languages,
    template_problems,
)
from hiring_desk.store import Workbook

EXPECTED = {
    "acknowledgement",
    "screening-invitation",
    "interview-invitation",
    "rescheduling",
    "rejection-after-screening",
    "rejection-after-interview",
    "offer",
    "offer-reminder",
    "withdrawal-acknowledged",
    "hired-welcome",
}


def test_every_built_in_template_fills_in_without_a_problem() -> None:
    templates = builtin_email_templates()
    assert {t.key for t in templates} == EXPECTED
    assert templates[0].key == "acknowledgement"
    for template in templates:
        assert template_problems(template.subject, template.body) == [], template.key
        assert template.language == "en"


def test_unknown_fields_are_named_with_a_suggestion() -> None:
    problems = template_problems("Hello {{ candidate.nme }}", "{{ interview.tme }} {{ offer }}")
    messages = [p.message for p in problems]
    assert messages[0].startswith('Subject: The template uses "candidate.nme"')
    assert 'Did you mean "candidate.name"?' in messages[0]
    assert any('"interview.tme"' in m and '"interview.time"' in m for m in messages)
    assert any('"offer" is a group of merge fields' in m for m in messages)


def test_own_templates_are_kept_per_language_and_can_change(workbook: Workbook) -> None:
    own = save_own_template(
        workbook,
        "Einladung",
        "Einladung: {{ role.title }}",
        "Hallo {{ candidate.first_name }},\n\nbis bald!\n{{ sender.name }}",
        language="de",
    )
    assert own.key.startswith("user:") and not own.built_in
    assert [t.name for t in list_email_templates(workbook, "de")] == ["Einladung"]
    assert template_languages(workbook) == ["en", "de"]
    changed = save_own_template(
        workbook, "Einladung", "Termin: {{ role.title }}", own.body, language="de", key=own.key
    )
    assert (
        email_template(workbook, own.key).subject == changed.subject == "Termin: {{ role.title }}"
    )
    assert email_template(workbook, "einladung").key == own.key  # by name too
    copy = copy_template(workbook, "offer", language="fr")
    assert (copy.name, copy.language, copy.needs) == ("Offer (copy)", "fr", "offer")
    delete_own_template(workbook, own.key)
    assert [t.name for t in list_email_templates(workbook, "de")] == []


def test_a_broken_template_is_refused_with_the_field_named(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as caught:
        save_own_template(workbook, "", "{{ role.titel }}", "{% if %}", language="english!")
    errors = caught.value.errors
    assert set(errors) == {"name", "language", "subject", "body"}
    assert "role.title" in errors["subject"]
    assert "syntax error" in errors["body"]
    with pytest.raises(ValidationError, match="built-in"):
        delete_own_template(workbook, "offer")
    assert list_email_templates(workbook, "en") == list(builtin_email_templates())
