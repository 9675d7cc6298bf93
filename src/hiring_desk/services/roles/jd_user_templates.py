"""The job-description templates to choose from: built-in ones and the user's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlmodel import col, select

from hiring_desk import safe_output
from hiring_desk.domain.vocab import TemplateKind
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import (
    NotFoundError,
    ValidationError,
    reporting_write_failures,
)
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean, length_problem, normalise_text
from hiring_desk.services.roles.jd_templates import (
    JDTemplate,
    builtin_template,
    builtin_templates,
    check_template_body,
    parse_template_file,
    template_file_text,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import UserTemplate

USER_PREFIX = "user:"
FILE_LIMIT = 1024 * 1024


@dataclass(frozen=True)
class TemplateChoice:
    key: str  # a built-in key, or "user:<id>"
    name: str
    description: str
    built_in: bool


def list_templates(workbook: Workbook) -> list[TemplateChoice]:
    """Built-in templates first (in career-ladder order), then the user's, by name."""
    choices = [TemplateChoice(t.key, t.name, t.description, True) for t in builtin_templates()]
    with workbook.transaction() as session:
        rows = session.exec(
            select(UserTemplate).where(UserTemplate.kind == TemplateKind.JOB_DESCRIPTION.value)
        ).all()
    own = sorted(rows, key=lambda r: (r.name.casefold(), r.id or 0))
    choices += [TemplateChoice(f"{USER_PREFIX}{r.id}", r.name, "Your template", False) for r in own]
    return choices


def template(workbook: Workbook, key: str) -> JDTemplate:
    if not key.startswith(USER_PREFIX):
        return builtin_template(key)
    row = _user_row(workbook, key)
    return JDTemplate(
        key=key, name=row.name, seniority="mid", description="", body=row.content, built_in=False
    )


def template_body(workbook: Workbook, key: str) -> str:
    return template(workbook, key).body


def save_user_template(workbook: Workbook, name: str, body: str) -> TemplateChoice:
    """Keep ``body`` (Markdown with merge fields) as a template of the user's own."""
    require(workbook, Permission.TEMPLATES)
    name, body = clean(name), normalise_text(body)
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "is required"
    elif problem := length_problem(name, 120):
        errors["name"] = problem
    try:
        check_template_body(body)
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    with workbook.transaction() as session:
        row = UserTemplate(kind=TemplateKind.JOB_DESCRIPTION.value, name=name, content=body)
        session.add(row)
        session.flush()
        audit.record(session, "add", "user_template", row.id)
        return TemplateChoice(f"{USER_PREFIX}{row.id}", name, "Your template", False)


def delete_user_template(workbook: Workbook, key: str) -> None:
    require(workbook, Permission.TEMPLATES)
    row = _user_row(workbook, key)
    with workbook.transaction() as session:
        stored = session.get(UserTemplate, row.id)
        if stored is not None:
            session.delete(stored)
            audit.record(session, "remove", "user_template", row.id)


def import_template_file(workbook: Workbook, path: Path) -> TemplateChoice:
    """Add the template in a file exported from Hiring Desk (or written by hand)."""
    require(workbook, Permission.TEMPLATES)
    try:
        size = path.stat().st_size
        if size > FILE_LIMIT:
            raise ValidationError({"file": f"{path.name} is larger than 1 MB; not a template"})
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError({"file": f"{path.name}: {exc.strerror or exc}"}) from None
    parsed = parse_template_file(data, path.name)
    return save_user_template(workbook, parsed.name, parsed.body)


def export_template_file(workbook: Workbook, key: str, path: Path) -> Path:
    text = template_file_text(template(workbook, key))
    with reporting_write_failures(path):
        safe_output.write_text(path, text)
    return path


def _user_row(workbook: Workbook, key: str) -> UserTemplate:
    try:
        template_id = int(key.removeprefix(USER_PREFIX))
    except ValueError:
        raise NotFoundError(f"No template '{key}'.") from None
    with workbook.transaction() as session:
        row = session.exec(
            select(UserTemplate).where(
                col(UserTemplate.id) == template_id,
                UserTemplate.kind == TemplateKind.JOB_DESCRIPTION.value,
            )
        ).first()
    if row is None:
        raise NotFoundError(f"Template {key} no longer exists.")
    return row
