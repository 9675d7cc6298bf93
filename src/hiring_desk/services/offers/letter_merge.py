"""Filling an offer-letter template, after finding everything that would print wrongly.

The engine is the job-description one (``jd_templates.render``: Jinja2 in a
sandbox, with limits). What this module adds is the check that runs before a
letter is filled: a letter never prints a blank, a raw placeholder or a
field that does not exist. :func:`check_letter` lists, each with a sentence:

- a syntax error in the template;
- every name that is not a merge field (also in branches that would not run);
- every merge field the letter would print that is empty for this offer. A
  field used only in a test (``{% if offer.bonus %}``) or with a fallback
  (``{{ offer.bonus or "none" }}``) may be empty;
- the fields every printed letter shows whatever the template says: the
  candidate's address, the company's name and the signatory.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from jinja2 import TemplateSyntaxError, meta, nodes
from jinja2.sandbox import SandboxedEnvironment

from hiring_desk.domain.letter_fields import GROUPS, MERGE_FIELDS
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.roles.jd_templates import TemplateProblem, render

#: Merge fields the printed page shows outside the body (address block, signature).
LAYOUT_FIELDS: tuple[str, ...] = ("candidate.address", "company.name", "signatory.name")

#: What to do about an empty field, where a generic sentence would not say.
_EMPTY_SENTENCES: dict[str, str] = {
    "candidate.address": "The candidate has no postal address: add it to their record, "
    "as the letter is addressed to it.",
    "candidate.email": "The candidate has no email address in their record.",
    "company.name": "The company has no name: set it under Team & Company.",
    "company.address": "The company has no address: set it under Team & Company.",
    "signatory.name": "No one is chosen to sign offers: choose a signatory under Team & Company.",
    "signatory.title": "The signatory has no job title: add it to their entry under "
    "Team & Company.",
    "offer.start_date": "The offer has no start date: set it in the offer.",
    "offer.expiry_date": "The offer has no date by which to answer: set one in the offer.",
    "role.hiring_manager": "The role has no hiring manager: choose one in the role's brief.",
    "role.location": "The role's brief has no location.",
}


@dataclass(frozen=True)
class LetterProblem:
    """Something that stops a letter from printing: ``field`` is "" for the whole template."""

    field: str
    message: str  # one or two sentences, for people


class MergeContext(Protocol):
    """Display-ready values by merge field name (``"offer.salary"``)."""

    def values(self) -> dict[str, str]: ...


@dataclass(frozen=True)
class FieldSet:
    """What a kind of template may use: its groups, fields, and how an empty one is worded.

    Offer letters use :data:`LETTER_FIELDS`; other documents filled the same way
    (emails to candidates) pass their own set to :func:`check_letter`, :func:`fill`
    and :func:`fill_marked`.
    """

    groups: tuple[str, ...]
    descriptions: Mapping[str, str]  # every merge field and what it holds
    empty_sentences: Mapping[str, str] = field(default_factory=dict)
    always_shown: tuple[str, ...] = ()  # fields shown whatever the template says
    about: str = "this offer"  # "... is empty for this offer."
    heading: str = "The letter cannot be printed yet"


class LetterProblemsError(ServiceError):
    """A letter that cannot be printed yet; ``problems`` lists why."""

    def __init__(
        self, problems: list[LetterProblem], heading: str = "The letter cannot be printed yet"
    ) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        if count != 1:
            heading = f"{heading} ({count} problems)"
        super().__init__(f"{heading}: " + " ".join(p.message for p in self.problems))


def fill(body: str, context: MergeContext, fieldset: FieldSet | None = None) -> str:
    """``body`` with its merge fields filled in. Raises LetterProblemsError."""
    fieldset = fieldset or LETTER_FIELDS
    problems = check_letter(body, context, fieldset)
    if problems:
        raise LetterProblemsError(problems, fieldset.heading)
    return render(body, _mapping(context, fieldset, []))


def fill_marked(body: str, context: MergeContext, fieldset: FieldSet | None = None) -> str | None:
    """``body`` filled in with each empty field it prints shown as ``[missing: offer.bonus]``.

    For a preview while problems remain; None when the template cannot be
    filled in at all (a syntax error or a name that is not a merge field).
    """
    fieldset = fieldset or LETTER_FIELDS
    try:
        if _unknown_names(_parser().parse(body), fieldset):
            return None
        return render(body, _mapping(context, fieldset, [], marked=True))
    except (TemplateSyntaxError, TemplateProblem):
        return None


def check_letter(
    body: str, context: MergeContext, fieldset: FieldSet | None = None
) -> list[LetterProblem]:
    """Everything that stops ``body`` from printing for ``context`` (empty when it can)."""
    fieldset = fieldset or LETTER_FIELDS
    if not body.strip():
        return [LetterProblem("", "The template is empty.")]
    try:
        tree = _parser().parse(body)
    except TemplateSyntaxError as exc:
        where = f" on line {exc.lineno}" if exc.lineno else ""
        detail = " ".join((exc.message or str(exc)).split())
        return [LetterProblem("", f"The template has a syntax error{where}: {detail}.")]
    problems = _unknown_names(tree, fieldset)
    if not problems:
        printed: list[str] = []
        try:
            render(body, _mapping(context, fieldset, printed))
        except TemplateProblem as exc:
            reason = str(exc).rstrip(".")
            problems.append(LetterProblem("", f"{reason[:1].upper()}{reason[1:]}."))
        problems += [_empty(name, fieldset) for name in dict.fromkeys(printed)]
    values = context.values()
    reported = {p.field for p in problems}
    problems += [
        _empty(name, fieldset)
        for name in fieldset.always_shown
        if not values[name].strip() and name not in reported
    ]
    return problems


#: The merge fields of offer letters.
LETTER_FIELDS = FieldSet(GROUPS, MERGE_FIELDS, _EMPTY_SENTENCES, LAYOUT_FIELDS)


def template_problems(body: str) -> list[LetterProblem]:
    """What is wrong with a template itself (checked against a complete sample offer)."""
    from hiring_desk.domain.letter_fields import sample_context

    return check_letter(body, sample_context())


# -- the check -------------------------------------------------------------------------------


def _parser() -> SandboxedEnvironment:
    return SandboxedEnvironment()


def _unknown_names(tree: nodes.Template, fieldset: FieldSet) -> list[LetterProblem]:
    """Names and fields that are not merge fields, and groups printed whole."""
    problems: list[LetterProblem] = []
    known_globals = set(_parser().globals)
    groups, known = fieldset.groups, fieldset.descriptions
    for name in sorted(meta.find_undeclared_variables(tree) - set(groups) - known_globals):
        problems.append(LetterProblem(name, _not_a_field(name, fieldset)))
    seen: set[str] = set()
    for name, whole in _group_uses(tree, groups):
        if name in seen or name in known:
            continue
        seen.add(name)
        if whole:
            example = next(f for f in known if f.startswith(f"{name}."))
            problems.append(
                LetterProblem(
                    name,
                    f'"{name}" is a group of merge fields, not a field: use one of its '
                    f'fields, such as "{example}".',
                )
            )
        else:
            problems.append(LetterProblem(name, _not_a_field(name, fieldset)))
    return problems


def _group_uses(
    node: nodes.Node, groups: tuple[str, ...], parent: nodes.Node | None = None
) -> Iterator[tuple[str, bool]]:
    """("offer.salary", False) for each field read from a group; ("offer", True) for a group
    used whole."""
    if isinstance(node, nodes.Getattr | nodes.Getitem) and isinstance(node.node, nodes.Name):
        group = node.node.name
        if group in groups:
            key = node.attr if isinstance(node, nodes.Getattr) else _constant(node.arg)
            if key is not None:
                yield f"{group}.{key}", False
    elif (
        isinstance(node, nodes.Name)
        and node.ctx == "load"
        and node.name in groups
        and not (isinstance(parent, nodes.Getattr | nodes.Getitem) and parent.node is node)
    ):
        yield node.name, True
    for child in node.iter_child_nodes():
        yield from _group_uses(child, groups, node)


def _constant(arg: nodes.Expr) -> str | None:
    if isinstance(arg, nodes.Const) and isinstance(arg.value, str):
        return arg.value
    return None


def _not_a_field(name: str, fieldset: FieldSet) -> str:
    message = f'The template uses "{name}", which is not a merge field.'
    known = list(fieldset.descriptions)
    choices = known if "." in name else [*fieldset.groups, *known]
    close = difflib.get_close_matches(name, choices, n=1, cutoff=0.6)
    return f'{message} Did you mean "{close[0]}"?' if close else message


def _empty(name: str, fieldset: FieldSet) -> LetterProblem:
    sentence = fieldset.empty_sentences.get(name)
    if sentence is None:
        what = fieldset.descriptions.get(name, "a merge field")
        sentence = f'"{name}" ({what}) is empty for {fieldset.about}.'
    return LetterProblem(name, sentence)


# -- the values the template sees ------------------------------------------------------------


class _EmptyField:
    """A merge field with no value: false in a test, and noted when it would be printed."""

    __slots__ = ("_marked", "_name", "_printed")

    def __init__(self, name: str, printed: list[str], *, marked: bool = False) -> None:
        self._name = name
        self._printed = printed
        self._marked = marked

    def __bool__(self) -> bool:
        return False

    def __len__(self) -> int:
        return 0

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __eq__(self, other: object) -> bool:
        return other == "" or isinstance(other, _EmptyField)

    def __hash__(self) -> int:
        return hash("")

    def __str__(self) -> str:
        self._printed.append(self._name)
        return f"[missing: {self._name}]" if self._marked else ""


def _mapping(
    context: MergeContext, fieldset: FieldSet, printed: list[str], *, marked: bool = False
) -> dict[str, dict[str, object]]:
    """What the template sees: a dict per group; empty fields note in ``printed`` if printed."""
    mapping: dict[str, dict[str, object]] = {group: {} for group in fieldset.groups}
    for key, value in context.values().items():
        group, name = key.split(".", 1)
        empty = _EmptyField(key, printed, marked=marked)
        mapping[group][name] = value if value.strip() else empty
    return mapping
