"""The interview question bank: the built-in questions and the user's own.

Built-in questions ship in ``resources/question_bank/``, one file per competency
key of :class:`~hiring_desk.domain.competencies.Competency`::

    format = "hiring-desk/question-bank"
    version = 1
    competency = "databases"

    [[question]]
    key = "databases-slow-list-endpoint"    # stable; plans refer to it
    seniorities = ["junior", "mid", "senior"]
    text = "..."
    strong = "What a strong answer covers."
    weak = "What a weak answer looks like."

They are read and checked once per process; a broken file is a programming error
(``BankFileError``), caught by the tests. The user's own questions live in the
workbook (``custom_question``). Every question has a reference, ``bank:<key>`` or
``custom:<id>``, which interview plans use to say where a question came from.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlmodel import Session, col, select

from hiring_desk import bundled
from hiring_desk.domain.competencies import Competency, competency_key, competency_label
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import clean, length_problem
from hiring_desk.store import Workbook
from hiring_desk.store.models import CustomQuestion

BANK_FORMAT = "hiring-desk/question-bank"
BANK_VERSION = 1
BANK_FOLDER = "question_bank"
BANK_PREFIX = "bank:"
CUSTOM_PREFIX = "custom:"
TEXT_LIMIT = 1000
GUIDANCE_LIMIT = 2000

_KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_QUESTION_FIELDS = frozenset({"key", "seniorities", "text", "strong", "weak"})
_SENIORITY_ORDER = tuple(s.value for s in Seniority)


class BankFileError(Exception):
    """A built-in question file that does not follow the format (a bug in the app)."""


@dataclass(frozen=True)
class Question:
    """A question from the bank, built in (``bank_key``) or the user's own (``custom_id``).

    ``seniorities`` empty means the question suits every seniority.
    """

    ref: str
    competency: str
    text: str
    strong: str
    weak: str
    seniorities: tuple[str, ...]
    bank_key: str | None = None
    custom_id: int | None = None

    @property
    def built_in(self) -> bool:
        return self.bank_key is not None

    @property
    def competency_label(self) -> str:
        return competency_label(self.competency)

    @property
    def seniority_labels(self) -> str:
        if not self.seniorities:
            return "Any"
        return ", ".join(Seniority(s).label for s in self.seniorities)

    def suits(self, seniority: str) -> bool:
        return not self.seniorities or seniority in self.seniorities


@dataclass(frozen=True)
class QuestionDraft:
    """What a person types for a question of their own."""

    competency: str
    text: str
    strong: str = ""
    weak: str = ""
    seniorities: tuple[str, ...] = ()


def draft_from(question: Question) -> QuestionDraft:
    """A draft holding a question's wording, e.g. to copy a built-in one and edit it."""
    return QuestionDraft(
        question.competency, question.text, question.strong, question.weak, question.seniorities
    )


# -- references -----------------------------------------------------------------------------


def bank_ref(key: str) -> str:
    return f"{BANK_PREFIX}{key}"


def custom_ref(question_id: int) -> str:
    return f"{CUSTOM_PREFIX}{question_id}"


def parse_ref(ref: str) -> tuple[str, str] | tuple[str, int]:
    """``("bank", key)`` or ``("custom", id)``; NotFoundError for anything else."""
    if ref.startswith(BANK_PREFIX) and ref[len(BANK_PREFIX) :]:
        return ("bank", ref[len(BANK_PREFIX) :])
    if ref.startswith(CUSTOM_PREFIX) and ref[len(CUSTOM_PREFIX) :].isdigit():
        return ("custom", int(ref[len(CUSTOM_PREFIX) :]))
    raise NotFoundError(f"'{ref}' does not name a question in the bank.")


# -- the built-in bank ----------------------------------------------------------------------


@cache
def builtin_questions() -> tuple[Question, ...]:
    """Every built-in question, competency by competency (in enum order), file order within."""
    by_competency: dict[Competency, tuple[Question, ...]] = {}
    for entry in bundled.resource(BANK_FOLDER).iterdir():
        if not entry.is_file() or not entry.name.endswith(".toml"):
            continue
        competency, questions = _parse_bank_file(entry.read_bytes(), entry.name)
        by_competency[competency] = questions
    missing = [c.value for c in Competency if c not in by_competency]
    if missing:
        raise BankFileError(f"No question file for: {', '.join(missing)}")
    ordered = tuple(q for c in Competency for q in by_competency[c])
    keys = [q.bank_key for q in ordered]
    duplicates = sorted({k for k in keys if keys.count(k) > 1 and k})
    if duplicates:
        raise BankFileError(f"Question keys used twice: {', '.join(duplicates)}")
    return ordered


@cache
def _builtin_index() -> dict[str, Question]:
    return {q.bank_key: q for q in builtin_questions() if q.bank_key}


def builtin_question(key: str) -> Question:
    question = _builtin_index().get(key)
    if question is None:
        raise NotFoundError(f"There is no built-in question '{key}'.")
    return question


def _parse_bank_file(data: bytes, name: str) -> tuple[Competency, tuple[Question, ...]]:
    def fail(problem: str) -> BankFileError:
        return BankFileError(f"{name}: {problem}")

    try:
        raw = tomllib.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise fail(f"not valid TOML ({exc})") from exc
    if raw.get("format") != BANK_FORMAT or raw.get("version") != BANK_VERSION:
        raise fail(f"format must be '{BANK_FORMAT}', version {BANK_VERSION}")
    competency = competency_key(str(raw.get("competency", "")))
    if competency is None or f"{competency.value}.toml" != name:
        raise fail("competency must be a known key and match the file name")
    entries = raw.get("question")
    if not isinstance(entries, list) or not entries:
        raise fail("has no [[question]] entries")
    prefix = competency.value.replace("_", "-") + "-"
    questions = []
    for number, entry in enumerate(entries, 1):
        try:
            questions.append(_parse_entry(entry, competency, prefix))
        except ValueError as exc:
            raise fail(f"question {number}: {exc}") from exc
    return competency, tuple(questions)


def _parse_entry(entry: Any, competency: Competency, prefix: str) -> Question:
    if not isinstance(entry, dict):
        raise ValueError("is not a table")
    if set(entry) != _QUESTION_FIELDS:
        raise ValueError(f"fields must be exactly {sorted(_QUESTION_FIELDS)}")
    key = entry["key"]
    if not isinstance(key, str) or not _KEY_PATTERN.match(key) or not key.startswith(prefix):
        raise ValueError(f"key {key!r} must be lower-case words joined by '-', after '{prefix}'")
    texts: dict[str, str] = {}
    for field, limit in (
        ("text", TEXT_LIMIT),
        ("strong", GUIDANCE_LIMIT),
        ("weak", GUIDANCE_LIMIT),
    ):
        value = entry[field]
        if not isinstance(value, str) or not value.strip() or len(value) > limit:
            raise ValueError(f"{key}: {field} must be text of 1 to {limit} characters")
        texts[field] = value.strip()
    seniorities = entry["seniorities"]
    if (
        not isinstance(seniorities, list)
        or not seniorities
        or any(s not in _SENIORITY_ORDER for s in seniorities)
        or len(set(seniorities)) != len(seniorities)
    ):
        raise ValueError(f"{key}: seniorities must list some of {', '.join(_SENIORITY_ORDER)}")
    return Question(
        ref=bank_ref(key),
        competency=competency.value,
        text=texts["text"],
        strong=texts["strong"],
        weak=texts["weak"],
        seniorities=_in_seniority_order(seniorities),
        bank_key=key,
    )


# -- listing --------------------------------------------------------------------------------


def list_questions(
    workbook: Workbook | None,
    *,
    competency: str | None = None,
    seniority: str | None = None,
    search: str = "",
) -> list[Question]:
    """Built-in and own questions, competency by competency, own ones after the built-ins.

    ``workbook`` None lists the built-in questions only. ``competency`` and
    ``seniority`` narrow the list; ``search`` matches words in the question, its
    guidance and its competency, ignoring case and accents.
    """
    own: list[Question] = []
    if workbook is not None:
        with workbook.transaction() as session:
            own = custom_questions_in(session)
    order = {c.value: i for i, c in enumerate(Competency)}
    combined = sorted(
        [*builtin_questions(), *own],
        key=lambda q: (order.get(q.competency, len(order)), not q.built_in),
    )
    return [
        q
        for q in combined
        if (competency is None or q.competency == competency)
        and (seniority is None or q.suits(seniority))
        and matches_search(q, search)
    ]


def get_question(workbook: Workbook | None, ref: str) -> Question:
    kind, value = parse_ref(ref)
    if kind == "bank":
        return builtin_question(str(value))
    if workbook is None:
        raise NotFoundError("Your own questions are kept in a workbook, and none is open.")
    with workbook.transaction() as session:
        return load_question(session, ref)


def load_question(session: Session, ref: str) -> Question:
    """The question ``ref`` names, read in the caller's transaction."""
    kind, value = parse_ref(ref)
    if kind == "bank":
        return builtin_question(str(value))
    row = session.get(CustomQuestion, value)
    if row is None:
        raise NotFoundError("That question is no longer in the bank.")
    return _from_row(row)


def custom_questions_in(session: Session) -> list[Question]:
    """The user's own questions, oldest first, read in the caller's transaction."""
    rows = session.exec(select(CustomQuestion).order_by(col(CustomQuestion.id))).all()
    return [_from_row(row) for row in rows]


def matches_search(question: Question, search: str) -> bool:
    """True if every word of ``search`` occurs in the question, its guidance or competency."""
    words = fold(search).split()
    if not words:
        return True
    haystack = fold(
        " ".join((question.text, question.strong, question.weak, question.competency_label))
    )
    return all(word in haystack for word in words)


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced text for comparisons ("Ødegård" -> "odegard")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.split())


#: Letters that carry no separable accent, spelled as people type them without one.
_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i"}
)


# -- the user's own questions -----------------------------------------------------------------


def add_custom_question(workbook: Workbook, draft: QuestionDraft) -> Question:
    require(workbook, Permission.QUESTION_BANK)
    checked = check_draft(draft)
    with workbook.transaction() as session:
        row = CustomQuestion(
            competency=checked.competency,
            text=checked.text,
            strong_answer=checked.strong,
            weak_answer=checked.weak,
            seniorities=",".join(checked.seniorities),
        )
        session.add(row)
        session.flush()
        audit.record(session, "add", "custom_question", row.id)
        return _from_row(row)


def update_custom_question(workbook: Workbook, question_id: int, draft: QuestionDraft) -> Question:
    require(workbook, Permission.QUESTION_BANK)
    checked = check_draft(draft)
    with workbook.transaction() as session:
        row = session.get(CustomQuestion, question_id)
        if row is None:
            raise NotFoundError("That question is no longer in the bank.")
        row.competency = checked.competency
        row.text = checked.text
        row.strong_answer = checked.strong
        row.weak_answer = checked.weak
        row.seniorities = ",".join(checked.seniorities)
        session.add(row)
        audit.record(session, "edit", "custom_question", question_id)
        return _from_row(row)


def remove_custom_question(workbook: Workbook, question_id: int) -> None:
    """Remove an own question from the bank; plans that use it keep their copy."""
    require(workbook, Permission.QUESTION_BANK)
    with workbook.transaction() as session:
        row = session.get(CustomQuestion, question_id)
        if row is not None:
            session.delete(row)
            audit.record(session, "remove", "custom_question", question_id)


def check_draft(draft: QuestionDraft, *, with_seniorities: bool = True) -> QuestionDraft:
    """The draft tidied, or ValidationError naming each bad field.

    ``with_seniorities`` False skips the seniority check (a question typed into a
    round belongs to that role's plan, not to the bank).
    """
    errors: dict[str, str] = {}
    competency = competency_key(draft.competency)
    if competency is None:
        errors["competency"] = "is not a known competency"
    text = clean(draft.text)
    if not text:
        errors["text"] = "is empty"
    elif problem := length_problem(text, TEXT_LIMIT):
        errors["text"] = problem
    strong, weak = clean(draft.strong), clean(draft.weak)
    for field, value in (("strong", strong), ("weak", weak)):
        if problem := length_problem(value, GUIDANCE_LIMIT):
            errors[field] = problem
    seniorities: tuple[str, ...] = ()
    if with_seniorities:
        wanted = [clean(s) for s in draft.seniorities]
        bad = [s for s in wanted if s not in _SENIORITY_ORDER]
        if bad:
            errors["seniorities"] = (
                f"'{bad[0]}' is not a seniority (use {', '.join(_SENIORITY_ORDER)})"
            )
        elif not wanted:
            errors["seniorities"] = "choose at least one seniority"
        else:
            seniorities = _in_seniority_order(wanted)
    if errors:
        raise ValidationError(errors)
    assert competency is not None
    return QuestionDraft(competency.value, text, strong, weak, seniorities)


def _from_row(row: CustomQuestion) -> Question:
    assert row.id is not None
    stored = [s.strip() for s in row.seniorities.split(",") if s.strip() in _SENIORITY_ORDER]
    return Question(
        ref=custom_ref(row.id),
        competency=row.competency,
        text=row.text,
        strong=row.strong_answer,
        weak=row.weak_answer,
        seniorities=_in_seniority_order(stored),
        custom_id=row.id,
    )


def _in_seniority_order(values: list[str]) -> tuple[str, ...]:
    return tuple(s for s in _SENIORITY_ORDER if s in values)
