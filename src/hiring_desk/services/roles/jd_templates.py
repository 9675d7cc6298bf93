"""Job-description templates: the built-in set, rendering, checking, and the file format.

A template is Markdown with Jinja2 merge fields (see ``hiring_desk.domain.jd_fields``),
rendered in Jinja's sandbox. Built-in templates ship in ``resources/jd_templates/``
in the same file format people use to import and export their own::

    format = "hiring-desk/jd-template"
    version = 1
    key = "senior-backend-developer"   # optional in user files
    name = "Senior Backend Developer"
    seniority = "senior"               # junior | mid | senior | lead
    description = "Who this template is for."
    body = '''
    # {{ role.title }}
    ...
    '''
"""

from __future__ import annotations

import operator
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any

import tomli_w
from jinja2 import StrictUndefined, TemplateSyntaxError, meta
from jinja2.exceptions import SecurityError, UndefinedError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import missing

from hiring_desk import bundled
from hiring_desk.domain.jd_fields import CompanyFields, JDContext, RoleFields, sample_context
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common.errors import NotFoundError, ServiceError, ValidationError

FILE_FORMAT = "hiring-desk/jd-template"
FILE_VERSION = 1
FILE_SUFFIX = ".toml"
MAX_FILE_BYTES = 1024 * 1024
MAX_NAME_LENGTH = 200
MAX_DESCRIPTION_LENGTH = 1000

#: The names a template may use (besides Jinja's own globals such as ``range``).
MERGE_NAMES = frozenset({"role", "company", "must_have_skills", "nice_to_have_skills"})

#: Built-ins on the career ladder come first, in this order; specialisations follow by name.
_LADDER = (
    "junior-backend-developer",
    "backend-developer",
    "senior-backend-developer",
    "lead-backend-developer",
)

_MAX_REPEAT = 100_000  # longest string or list that ``*`` may build
_MAX_EXPONENT = 100


@dataclass(frozen=True)
class JDTemplate:
    key: str
    name: str
    seniority: str
    description: str
    body: str
    built_in: bool


class TemplateProblem(ServiceError):  # noqa: N818 (the name the callers use)
    """A template that cannot be rendered; the message is one line, for people."""


# -- the built-in templates ------------------------------------------------------------------


@cache
def builtin_templates() -> tuple[JDTemplate, ...]:
    """The templates shipped with the app: the career ladder first, then specialisations."""
    found: list[JDTemplate] = []
    for entry in bundled.resource("jd_templates").iterdir():
        if entry.is_file() and entry.name.endswith(FILE_SUFFIX):
            template = parse_template_file(entry.read_bytes(), entry.name)
            found.append(replace(template, built_in=True))
    return tuple(sorted(found, key=_ladder_position))


def builtin_template(key: str) -> JDTemplate:
    for template in builtin_templates():
        if template.key == key:
            return template
    raise NotFoundError(f"There is no built-in job-description template called '{key}'.")


def _ladder_position(template: JDTemplate) -> tuple[int, str]:
    if template.key in _LADDER:
        return (_LADDER.index(template.key), "")
    return (len(_LADDER), template.name.casefold())


# -- rendering -------------------------------------------------------------------------------


class _MergeFieldUndefined(StrictUndefined):
    """StrictUndefined whose message names the merge field, e.g. ``role.salary``."""

    __slots__ = ()

    @property
    def _undefined_message(self) -> str:
        if self._undefined_hint is not None:
            return self._undefined_hint
        if self._undefined_obj is missing:
            return f"unknown merge field '{self._undefined_name}'"
        owner = _owner_name(self._undefined_obj)
        if owner is not None:
            return f"unknown merge field '{owner}.{self._undefined_name}'"
        return str(super()._undefined_message)


_OWNERS = {
    frozenset(RoleFields.__annotations__): "role",
    frozenset(f.name for f in fields(CompanyFields)): "company",
}


def _owner_name(obj: object) -> str | None:
    """The merge field name ("role", "company") when ``obj`` is that field's mapping."""
    if isinstance(obj, Mapping):
        return _OWNERS.get(frozenset(obj))
    return None


class _TemplateEnvironment(SandboxedEnvironment):
    """The sandbox, plus limits on ``*`` and ``**`` so a template cannot exhaust memory."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "**":
            if isinstance(right, int) and abs(right) > _MAX_EXPONENT:
                raise SecurityError("exponent is too large")
            return operator.pow(left, right)
        for seq, count in ((left, right), (right, left)):
            if (
                isinstance(seq, str | list | tuple)
                and isinstance(count, int)
                and len(seq) * count > _MAX_REPEAT
            ):
                raise SecurityError("repeated text or list would be too long")
        return operator.mul(left, right)


@cache
def _environment() -> _TemplateEnvironment:
    return _TemplateEnvironment(
        undefined=_MergeFieldUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render(body: str, context: Mapping[str, Any]) -> str:
    """``body`` with its merge fields filled from ``context`` (see ``JDContext.as_mapping``).

    Trailing spaces are removed, any run of blank lines becomes one blank line,
    and the text ends with a single newline. Raises TemplateProblem.
    """
    env = _environment()
    try:
        template = env.from_string(body)
        text = template.render(dict(context))
    except TemplateSyntaxError as exc:
        raise TemplateProblem(_syntax_message(exc)) from exc
    except SecurityError as exc:
        raise TemplateProblem(f"not allowed in a template: {_one_line(str(exc))}") from exc
    except UndefinedError as exc:
        raise TemplateProblem(_one_line(str(exc))) from exc
    except Exception as exc:  # a template is user input: any other failure is its problem
        raise TemplateProblem(
            f"the template could not be filled in: {_one_line(str(exc))}"
        ) from exc
    return _tidy(text)


def _tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    joined = "\n".join(lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", joined) + "\n"


def _syntax_message(exc: TemplateSyntaxError) -> str:
    where = f" on line {exc.lineno}" if exc.lineno else ""
    return f"syntax error{where}: {_one_line(exc.message or str(exc))}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


# -- checking --------------------------------------------------------------------------------


def _empty_context() -> dict[str, Any]:
    """Every optional field empty: catches fields used only in ``{% else %}`` branches."""
    return JDContext(role=RoleFields(title="Backend Developer")).as_mapping()


def check_template_body(body: str) -> None:
    """Refuse a body that is empty, malformed or uses a merge field that does not exist.

    Raises ValidationError({"body": message}).
    """
    if not body.strip():
        raise ValidationError({"body": "is required"})
    env = _environment()
    try:
        parsed = env.parse(body)
    except TemplateSyntaxError as exc:
        raise ValidationError({"body": _syntax_message(exc)}) from exc
    unknown = sorted(meta.find_undeclared_variables(parsed) - MERGE_NAMES - set(env.globals))
    if unknown:
        names = ", ".join(f"'{name}'" for name in unknown)
        plural = "s" if len(unknown) > 1 else ""
        raise ValidationError({"body": f"unknown merge field{plural} {names}"})
    try:
        render(body, sample_context().as_mapping())
    except TemplateProblem as exc:
        raise ValidationError({"body": str(exc)}) from exc
    try:
        render(body, _empty_context())
    except TemplateProblem as exc:
        raise ValidationError({"body": f"{exc} (when the optional fields are empty)"}) from exc


# -- the file format -------------------------------------------------------------------------


def parse_template_file(data: bytes, filename: str) -> JDTemplate:
    """Read a template file (see the module docstring). Raises ValidationError({"file": ...})."""

    def refuse(reason: str) -> ValidationError:
        return ValidationError(
            {"file": f"{filename} is not a Hiring Desk job-description template ({reason})"}
        )

    if len(data) > MAX_FILE_BYTES:
        raise refuse("the file is larger than 1 MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise refuse("it is not UTF-8 text") from None
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise refuse(f"it is not valid TOML: {_one_line(str(exc))}") from None
    file_format = doc.get("format")
    if file_format is None:
        raise refuse(f'it has no format = "{FILE_FORMAT}" line')
    if file_format != FILE_FORMAT:
        raise refuse(f"its format is {file_format!r}, expected {FILE_FORMAT!r}")
    version = doc.get("version")
    if version is None:
        raise refuse("it has no version")
    if type(version) is not int or version != FILE_VERSION:
        raise refuse(f"version {version!r} is not supported; this app reads version {FILE_VERSION}")
    fields: dict[str, str] = {}
    for field in ("name", "body", "description", "key", "seniority"):
        value = doc.get(field, "")
        if not isinstance(value, str):
            raise refuse(f"{field} must be text")
        fields[field] = value
    name = _one_line(fields["name"])
    body = fields["body"].replace("\r\n", "\n")
    if not name:
        raise refuse("it has no name")
    if len(name) > MAX_NAME_LENGTH:
        raise refuse(f"its name is longer than {MAX_NAME_LENGTH} characters")
    if not body.strip():
        raise refuse("it has no body")
    description = fields["description"].strip()
    if len(description) > MAX_DESCRIPTION_LENGTH:
        raise refuse(f"its description is longer than {MAX_DESCRIPTION_LENGTH} characters")
    try:
        check_template_body(body)
    except ValidationError as exc:
        raise refuse(f"its body has a problem: {exc.errors['body']}") from None
    seniority = fields["seniority"].strip().lower()
    return JDTemplate(
        key=slugify(fields["key"]) or slugify(name) or "template",
        name=name,
        seniority=seniority if seniority in {s.value for s in Seniority} else Seniority.MID.value,
        description=description,
        body=body,
        built_in=False,
    )


def slugify(text: str) -> str:
    """Turn "Senior Backend Developer" into "senior-backend-developer" (ASCII, digits, dashes)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80].strip("-")


_FILE_HEADER = (
    "# A Hiring Desk job-description template.\n"
    "# The body is Markdown with merge fields such as {{ role.title }}.\n"
)


def template_file_text(template: JDTemplate) -> str:
    """``template`` in the file format, ready to save as UTF-8.

    Written by tomli-w; the body as a multi-line string, so it reads as typed.
    """
    document = {
        "format": FILE_FORMAT,
        "version": FILE_VERSION,
        "key": template.key,
        "name": template.name,
        "seniority": template.seniority,
        "description": template.description,
        "body": template.body,
    }
    return _FILE_HEADER + tomli_w.dumps(document, multiline_strings=True)
