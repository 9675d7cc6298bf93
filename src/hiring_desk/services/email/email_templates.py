"""Email templates: the built-in ones, and the user's own, each in one language.

Built-in templates ship in ``resources/email_templates/``, one TOML file each
(``format = "hiring-desk/email-template"``, a key, name, language, what the
message is about (``needs``: "", "interview" or "offer"), a subject and a body).
The user's own are rows of ``user_template`` (kind ``email``) whose content is
a small JSON document with the language, what it needs, the subject and body;
their key is ``user:<id>``. Subject and body are checked with the offer
letters' checks (``letter_merge``) against the email merge fields.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from functools import cache

from sqlmodel import Session, select

from hiring_desk import bundled
from hiring_desk.domain.email_fields import (
    EMAIL_ALWAYS_SHOWN,
    EMAIL_EMPTY_SENTENCES,
    EMAIL_GROUPS,
    EMAIL_MERGE_FIELDS,
    sample_context,
)
from hiring_desk.domain.vocab import Stage, TemplateKind
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean, length_problem, normalise_text
from hiring_desk.services.offers.letter_merge import (
    FieldSet,
    LetterProblem,
    check_letter,
    fill_marked,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import UserTemplate
from hiring_desk.store.models._base import utcnow

FILE_FORMAT = "hiring-desk/email-template"
FILE_VERSION = 1
USER_PREFIX = "user:"
NAME_LIMIT = 120
SUBJECT_LIMIT = 250
BODY_LIMIT = 20_000
NEEDS = ("", "interview", "offer")

#: The merge fields of emails, checked the way offer letters are.
EMAIL_FIELDS = FieldSet(
    EMAIL_GROUPS,
    EMAIL_MERGE_FIELDS,
    EMAIL_EMPTY_SENTENCES,
    EMAIL_ALWAYS_SHOWN,
    about="this message",
    heading="The message cannot be made yet",
)

_KIND = TemplateKind.EMAIL.value


@dataclass(frozen=True)
class EmailTemplate:
    key: str
    name: str
    language: str  # "en", "de", ...
    needs: str  # "", "interview" or "offer": what the message is about
    subject: str
    body: str
    built_in: bool


@cache
def builtin_email_templates() -> tuple[EmailTemplate, ...]:
    """The templates shipped with the app, in their intended order."""
    found = []
    for entry in bundled.resource("email_templates").iterdir():
        if entry.is_file() and entry.name.endswith(".toml"):
            found.append(_parse_builtin(entry.read_text(encoding="utf-8"), entry.name))
    found.sort()
    return tuple(template for _order, template in found)


def _parse_builtin(text: str, filename: str) -> tuple[int, EmailTemplate]:
    doc = tomllib.loads(text)
    if doc.get("format") != FILE_FORMAT or doc.get("version") != FILE_VERSION:
        raise ValueError(f"{filename} is not a version {FILE_VERSION} email template")
    keys = ("key", "name", "language", "subject", "body")
    values = {name: doc.get(name) for name in keys}
    if not all(isinstance(value, str) and value.strip() for value in values.values()):
        raise ValueError(f"{filename} lacks one of {', '.join(keys)}")
    if doc.get("needs", "") not in NEEDS:
        raise ValueError(f"{filename} needs something unknown")
    template = EmailTemplate(
        key=str(values["key"]),
        name=str(values["name"]),
        language=str(values["language"]),
        needs=str(doc.get("needs", "")),
        subject=str(values["subject"]),
        body=str(values["body"]).lstrip("\n"),
        built_in=True,
    )
    return int(doc.get("order", 99)), template


#: The built-in templates the window's other places open the compose dialog with.
INTERVIEW_INVITATION = "interview-invitation"
RESCHEDULING = "rescheduling"
OFFER = "offer"
REJECTION_AFTER_SCREENING = "rejection-after-screening"
REJECTION_AFTER_INTERVIEW = "rejection-after-interview"
#: Stages a candidate leaves before any interview.
_BEFORE_INTERVIEWS = frozenset({Stage.APPLIED.value, Stage.SCREENING.value})


def rejection_template(stage_before: str) -> str:
    """The rejection for a candidate turned down at ``stage_before``: "after screening"
    before any interview, "after interview" from the interview stage on."""
    if stage_before.partition("#")[0] in _BEFORE_INTERVIEWS:  # a role's own step: its phase
        return REJECTION_AFTER_SCREENING
    return REJECTION_AFTER_INTERVIEW


def list_email_templates(workbook: Workbook, language: str | None = None) -> list[EmailTemplate]:
    """Built-in templates first, then the user's own by name; only ``language``'s if given."""
    with workbook.transaction() as session:
        rows = session.exec(select(UserTemplate).where(UserTemplate.kind == _KIND)).all()
        own = sorted((_from_row(row) for row in rows), key=lambda t: (t.name.casefold(), t.key))
    every = [*builtin_email_templates(), *own]
    return [t for t in every if language is None or t.language == language]


def template_languages(workbook: Workbook) -> list[str]:
    """The languages templates exist in, English first."""
    found = {t.language for t in list_email_templates(workbook)}
    return sorted(found, key=lambda code: (code != "en", code))


def email_template(workbook: Workbook, key: str) -> EmailTemplate:
    """The template with ``key``, or its name (case aside); raises NotFoundError."""
    if key.startswith(USER_PREFIX):
        with workbook.transaction() as session:
            return _from_row(_user_row(session, key))
    every = list_email_templates(workbook)
    for template in every:
        if template.key == key:
            return template
    for template in every:
        if template.name.casefold() == key.strip().casefold():
            return template
    raise NotFoundError(f"There is no email template called '{key}'.")


def template_problems(subject: str, body: str) -> list[LetterProblem]:
    """What is wrong with a template itself (checked against a complete sample)."""
    context = sample_context()
    return _prefixed("Subject", check_letter(subject, context, EMAIL_FIELDS)) + check_letter(
        body, context, EMAIL_FIELDS
    )


def sample_preview(subject: str, body: str) -> tuple[str, str]:
    """Subject and body filled in for a complete sample candidate ("" where they cannot be)."""
    context = sample_context()
    merged_subject = fill_marked(subject, context, EMAIL_FIELDS) or ""
    return " ".join(merged_subject.split()), fill_marked(body, context, EMAIL_FIELDS) or ""


def _prefixed(where: str, problems: list[LetterProblem]) -> list[LetterProblem]:
    return [LetterProblem(p.field, f"{where}: {p.message}") for p in problems]


def save_own_template(
    workbook: Workbook,
    name: str,
    subject: str,
    body: str,
    *,
    language: str = "en",
    needs: str = "",
    key: str | None = None,
) -> EmailTemplate:
    """Add a template of the user's own, or change one (``key``). Built-ins cannot change.

    Raises ValidationError naming the field (name, language, subject, body).
    """
    require(workbook, Permission.TEMPLATES)
    name = clean(name)
    language = clean(language).lower()
    subject = " ".join(normalise_text(subject, multiline=False).split())
    body = normalise_text(body)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "is required"
    elif problem := length_problem(name, NAME_LIMIT):
        errors["name"] = problem
    if not language or len(language) > 12 or not language.replace("-", "").isalpha():
        errors["language"] = "give a language code such as en, de or pt-br"
    if needs not in NEEDS:
        errors["needs"] = "choose nothing, an interview or an offer"
    if problem := length_problem(subject, SUBJECT_LIMIT):
        errors["subject"] = problem
    elif subject_problems := check_letter(subject, sample_context(), EMAIL_FIELDS):
        errors["subject"] = " ".join(p.message for p in subject_problems)
    if problem := length_problem(body, BODY_LIMIT):
        errors["body"] = problem
    elif body_problems := check_letter(body, sample_context(), EMAIL_FIELDS):
        errors["body"] = " ".join(p.message for p in body_problems)
    if key is not None and not key.startswith(USER_PREFIX):
        errors["name"] = "a built-in template cannot be changed: copy it and change the copy"
    if errors:
        raise ValidationError(errors)
    content = json.dumps(
        {"language": language, "needs": needs, "subject": subject, "body": body},
        ensure_ascii=False,
    )
    with workbook.transaction() as session:
        if key is None:
            row = UserTemplate(kind=_KIND, name=name, content=content)
            session.add(row)
            session.flush()
            audit.record(session, "add", "user_template", row.id)
        else:
            row = _user_row(session, key)
            row.name, row.content, row.updated_at = name, content, utcnow()
            session.add(row)
            audit.record(session, "edit", "user_template", row.id)
        return _from_row(row)


def copy_template(workbook: Workbook, key: str, language: str | None = None) -> EmailTemplate:
    """A new template of the user's own with the text of ``key``, named "… (copy)"."""
    require(workbook, Permission.TEMPLATES)
    source = email_template(workbook, key)
    taken = {t.name.casefold() for t in list_email_templates(workbook)}
    name, number = f"{source.name} (copy)", 2
    while name.casefold() in taken:
        name, number = f"{source.name} (copy {number})", number + 1
    return save_own_template(
        workbook,
        name[:NAME_LIMIT],
        source.subject,
        source.body,
        language=language or source.language,
        needs=source.needs,
    )


def delete_own_template(workbook: Workbook, key: str) -> None:
    """Remove a template of the user's own. Messages already made keep their text."""
    require(workbook, Permission.TEMPLATES)
    if not key.startswith(USER_PREFIX):
        raise ValidationError({"template": "a built-in template cannot be removed"})
    with workbook.transaction() as session:
        row = _user_row(session, key)
        session.delete(row)
        audit.record(session, "delete", "user_template", row.id)


def _user_row(session: Session, key: str) -> UserTemplate:
    try:
        row_id = int(key.removeprefix(USER_PREFIX))
    except ValueError:
        row_id = -1
    row = session.get(UserTemplate, row_id)
    if row is None or row.kind != _KIND:
        raise NotFoundError(f"There is no email template called '{key}'.")
    return row


def _from_row(row: UserTemplate) -> EmailTemplate:
    try:
        data = json.loads(row.content)
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}

    def text(name: str, default: str = "") -> str:
        value = data.get(name, default)
        return value if isinstance(value, str) else default

    return EmailTemplate(
        key=f"{USER_PREFIX}{row.id}",
        name=row.name,
        language=text("language", "en"),
        needs=text("needs") if text("needs") in NEEDS else "",
        subject=text("subject"),
        body=text("body"),
        built_in=False,
    )
