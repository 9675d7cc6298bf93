"""Offer-letter templates: the built-in ones, and the user's own.

Built-in templates ship in ``resources/offer_letters/``, one file each::

    format = "hiring-desk/offer-letter-template"
    version = 1
    key = "full-time-employee"
    name = "Full-time employee"
    description = "Who the template is for."
    employment_type = "full_time"      # the kind of offer it suits
    body = '''
    Dear {{ candidate.name }},
    ...
    '''

The user's own templates are rows of ``user_template`` (kind ``offer_letter``),
written from scratch or copied from another template, then edited. A key is a
built-in's key, or ``user:<id>`` for one of the user's own. The merge fields are
in ``domain.letter_fields``; a body is checked with ``letter_merge``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from sqlmodel import Session, col, select

from hiring_desk import bundled
from hiring_desk.domain.vocab import EmploymentType, TemplateKind
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean, length_problem, normalise_text
from hiring_desk.services.offers.letter_merge import template_problems
from hiring_desk.store import Workbook
from hiring_desk.store.models import UserTemplate
from hiring_desk.store.models._base import utcnow

FILE_FORMAT = "hiring-desk/offer-letter-template"
FILE_VERSION = 1
USER_PREFIX = "user:"
NAME_LIMIT = 120
BODY_LIMIT = 50_000

#: The built-in template for each kind of offer, in the order they are listed.
DEFAULT_FOR: dict[EmploymentType, str] = {
    EmploymentType.FULL_TIME: "full-time-employee",
    EmploymentType.PART_TIME: "part-time-employee",
    EmploymentType.CONTRACT: "fixed-term-contractor",
}

_KIND = TemplateKind.OFFER_LETTER.value


@dataclass(frozen=True)
class LetterTemplate:
    key: str
    name: str
    description: str
    employment_type: str  # the kind of offer it suits ("" for an own one not copied)
    body: str
    built_in: bool
    based_on: str | None = None  # the template an own one was copied from


# -- built-in templates ----------------------------------------------------------------------


@cache
def builtin_letter_templates() -> tuple[LetterTemplate, ...]:
    """The templates shipped with the app, in the order of ``DEFAULT_FOR``."""
    order = list(DEFAULT_FOR.values())
    found = [
        _parse_builtin(entry.read_text(encoding="utf-8"), entry.name)
        for entry in bundled.resource("offer_letters").iterdir()
        if entry.is_file() and entry.name.endswith(".toml")
    ]
    return tuple(
        sorted(found, key=lambda t: (order.index(t.key) if t.key in order else len(order), t.name))
    )


def _parse_builtin(text: str, filename: str) -> LetterTemplate:
    """A built-in template file; ValueError when it is not one (a packaging mistake)."""
    doc = tomllib.loads(text)
    if doc.get("format") != FILE_FORMAT or doc.get("version") != FILE_VERSION:
        raise ValueError(f"{filename} is not a version {FILE_VERSION} offer-letter template")
    values = {name: doc.get(name) for name in ("key", "name", "description", "body")}
    if not all(isinstance(value, str) and value.strip() for value in values.values()):
        raise ValueError(f"{filename} lacks a key, name, description or body")
    kind = doc.get("employment_type")
    if kind not in {e.value for e in EmploymentType}:
        raise ValueError(f"{filename} has no valid employment_type")
    return LetterTemplate(
        key=str(values["key"]),
        name=str(values["name"]),
        description=str(values["description"]),
        employment_type=str(kind),
        body=str(values["body"]).lstrip("\n"),
        built_in=True,
    )


def default_template_key(employment_type: str) -> str:
    """The built-in template for an offer of ``employment_type`` (full-time when unknown)."""
    try:
        return DEFAULT_FOR[EmploymentType(employment_type)]
    except ValueError:
        return DEFAULT_FOR[EmploymentType.FULL_TIME]


# -- all templates ---------------------------------------------------------------------------


def list_letter_templates(workbook: Workbook) -> list[LetterTemplate]:
    """Built-in templates first, then the user's own by name."""
    with workbook.transaction() as session:
        rows = session.exec(select(UserTemplate).where(UserTemplate.kind == _KIND)).all()
        own = [_from_row(row) for row in rows]
    own.sort(key=lambda t: (t.name.casefold(), t.key))
    return [*builtin_letter_templates(), *own]


def letter_template(workbook: Workbook, key: str) -> LetterTemplate:
    """The template with ``key``; raises NotFoundError."""
    if key.startswith(USER_PREFIX):
        with workbook.transaction() as session:
            return _from_row(_user_row(session, key))
    for template in builtin_letter_templates():
        if template.key == key:
            return template
    raise NotFoundError(f"There is no offer-letter template called '{key}'.")


# -- the user's own --------------------------------------------------------------------------


def save_own_template(
    workbook: Workbook,
    name: str,
    body: str,
    *,
    key: str | None = None,
    based_on: str | None = None,
) -> LetterTemplate:
    """Add a template of the user's own, or change one (``key``). Built-ins cannot change.

    Raises ValidationError for a missing or long name, or a body that cannot be
    filled in (syntax, unknown merge fields); NotFoundError for an unknown ``key``.
    """
    require(workbook, Permission.TEMPLATES)
    name = clean(name)
    body = normalise_text(body)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "is required"
    elif problem := length_problem(name, NAME_LIMIT):
        errors["name"] = problem
    if problem := length_problem(body, BODY_LIMIT):
        errors["body"] = problem
    elif problems := template_problems(body):
        errors["body"] = " ".join(p.message for p in problems)
    if key is not None and not key.startswith(USER_PREFIX):
        errors["name"] = "a built-in template cannot be changed: copy it and change the copy"
    if errors:
        raise ValidationError(errors)
    with workbook.transaction() as session:
        if key is None:
            row = UserTemplate(kind=_KIND, name=name, content=body, based_on=based_on)
            session.add(row)
            session.flush()
            audit.record(session, "add", "user_template", row.id)
        else:
            row = _user_row(session, key)
            row.name, row.content, row.updated_at = name, body, utcnow()
            session.add(row)
            audit.record(session, "edit", "user_template", row.id)
        return _from_row(row)


def copy_template(workbook: Workbook, key: str) -> LetterTemplate:
    """A new template of the user's own with the text of ``key``, named "… (copy)"."""
    require(workbook, Permission.TEMPLATES)
    source = letter_template(workbook, key)
    taken = {t.name.casefold() for t in list_letter_templates(workbook)}
    name = f"{source.name} (copy)"
    number = 2
    while name.casefold() in taken:
        name = f"{source.name} (copy {number})"
        number += 1
    based_on = source.key if source.built_in else source.based_on
    return save_own_template(workbook, name[:NAME_LIMIT], source.body, based_on=based_on)


def delete_own_template(workbook: Workbook, key: str) -> None:
    """Remove a template of the user's own. Letters already printed from it keep their text."""
    require(workbook, Permission.TEMPLATES)
    if not key.startswith(USER_PREFIX):
        raise ValidationError({"template": "a built-in template cannot be removed"})
    with workbook.transaction() as session:
        row = _user_row(session, key)
        session.delete(row)
        audit.record(session, "remove", "user_template", row.id)


def _user_row(session: Session, key: str) -> UserTemplate:
    try:
        template_id = int(key.removeprefix(USER_PREFIX))
    except ValueError:
        raise NotFoundError(f"There is no offer-letter template called '{key}'.") from None
    row = session.exec(
        select(UserTemplate).where(col(UserTemplate.id) == template_id, UserTemplate.kind == _KIND)
    ).first()
    if row is None:
        raise NotFoundError("That offer-letter template no longer exists.")
    return row


def _from_row(row: UserTemplate) -> LetterTemplate:
    based_on = row.based_on
    kinds = {t.key: t.employment_type for t in builtin_letter_templates()}
    return LetterTemplate(
        key=f"{USER_PREFIX}{row.id}",
        name=row.name,
        description="Your template",
        employment_type=kinds.get(based_on or "", ""),
        body=row.content,
        built_in=False,
        based_on=based_on,
    )
