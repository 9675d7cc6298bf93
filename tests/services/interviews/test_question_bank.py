"""The question bank: the built-in files, and the user's own questions."""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import FrozenInstanceError

import pytest
from sqlmodel import select

from hiring_desk import bundled
from hiring_desk.domain.competencies import TECHNICAL, Competency
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.interviews import question_bank
from hiring_desk.services.interviews.question_bank import (
    GUIDANCE_LIMIT,
    TEXT_LIMIT,
    BankFileError,
    QuestionDraft,
    add_custom_question,
    builtin_question,
    builtin_questions,
    draft_from,
    get_question,
    list_questions,
    parse_ref,
    remove_custom_question,
    update_custom_question,
)
from hiring_desk.store import Workbook
from hiring_desk.store.models import AuditEvent

SENIORITIES = [s.value for s in Seniority]
#: What the bank promises, per competency: at least this many questions in all, and
#: at least this many for each seniority (system design: senior and lead only).
TECHNICAL_TOTAL, TECHNICAL_PER_SENIORITY = 5, 3
SOFT_TOTAL, SOFT_PER_SENIORITY = 3, 2
#: American spellings that should not appear in UK English text.
US_SPELLINGS = re.compile(
    r"\b(\w*(organiz|optimiz|prioritiz|analyz|behavior|favor|color|center|catalog)\w*|"
    r"license[ds]?\b)",
    re.IGNORECASE,
)


def _raw_files() -> dict[str, dict[str, object]]:
    folder = bundled.resource("question_bank")
    return {
        entry.name: tomllib.loads(entry.read_text(encoding="utf-8"))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }


# -- the built-in bank ------------------------------------------------------------------------


def test_there_is_one_file_per_competency_and_every_file_parses() -> None:
    assert sorted(_raw_files()) == sorted(f"{c.value}.toml" for c in Competency)
    questions = builtin_questions()
    assert {q.competency for q in questions} == {c.value for c in Competency}
    assert all(q.built_in and q.ref == f"bank:{q.bank_key}" for q in questions)


def test_keys_are_unique_across_all_files() -> None:
    keys = [q["key"] for data in _raw_files().values() for q in data["question"]]  # type: ignore[attr-defined]
    assert [k for k, n in Counter(keys).items() if n > 1] == []
    assert len(keys) == len(builtin_questions())


@pytest.mark.parametrize("competency", [c for c in Competency if c.is_technical])
def test_technical_competencies_have_enough_questions_for_every_seniority(
    competency: Competency,
) -> None:
    questions = list_questions(None, competency=competency.value)
    assert len(questions) >= TECHNICAL_TOTAL
    counts = Counter(s for q in questions for s in q.seniorities)
    if competency is Competency.SYSTEM_DESIGN:
        assert set(counts) == {"senior", "lead"}, "system design is for senior and lead only"
        wanted = ["senior", "lead"]
    else:
        wanted = SENIORITIES
    for seniority in wanted:
        assert counts[seniority] >= TECHNICAL_PER_SENIORITY, (competency, seniority)


@pytest.mark.parametrize("competency", [c for c in Competency if c not in TECHNICAL])
def test_soft_competencies_and_motivation_have_enough_questions(competency: Competency) -> None:
    questions = list_questions(None, competency=competency.value)
    assert len(questions) >= SOFT_TOTAL
    counts = Counter(s for q in questions for s in q.seniorities)
    for seniority in SENIORITIES:
        assert counts[seniority] >= SOFT_PER_SENIORITY, (competency, seniority)


def test_every_question_is_complete_and_written_in_uk_english() -> None:
    for q in builtin_questions():
        assert q.text.endswith(("?", ".")), q.bank_key
        assert q.strong and q.weak and q.strong != q.weak, q.bank_key
        assert q.seniorities, q.bank_key
        for text in (q.text, q.strong, q.weak):
            assert not US_SPELLINGS.search(text), (q.bank_key, US_SPELLINGS.search(text))
            assert "  " not in text


def test_texts_are_not_repeated() -> None:
    texts = [q.text.casefold() for q in builtin_questions()]
    assert len(set(texts)) == len(texts)


def test_builtin_question_by_key() -> None:
    question = builtin_question("databases-slow-list-endpoint")
    assert question.competency == "databases"
    assert question.competency_label == "Databases and data modelling"
    assert "junior" in question.seniorities
    with pytest.raises(NotFoundError):
        builtin_question("no-such-question")
    with pytest.raises(FrozenInstanceError):
        question.text = "changed"  # type: ignore[misc]


GOOD_FILE = """
format = "hiring-desk/question-bank"
version = 1
competency = "testing"

[[question]]
key = "testing-example"
seniorities = ["junior"]
text = "Why?"
strong = "Because."
weak = "Shrugs."
"""


def test_a_good_file_parses() -> None:
    competency, questions = question_bank._parse_bank_file(GOOD_FILE.encode(), "testing.toml")
    assert competency is Competency.TESTING
    assert [q.bank_key for q in questions] == ["testing-example"]


@pytest.mark.parametrize(
    ("change", "name"),
    [
        (("version = 1", "version = 2"), "testing.toml"),
        (("", ""), "languages.toml"),  # competency does not match the file name
        (('"testing-example"', '"example"'), "testing.toml"),  # key without its prefix
        (('"testing-example"', '"testing example"'), "testing.toml"),
        (('["junior"]', '["graduate"]'), "testing.toml"),
        (('["junior"]', "[]"), "testing.toml"),
        (('weak = "Shrugs."', ""), "testing.toml"),  # a field missing
        (('weak = "Shrugs."', 'weak = "Shrugs."\nextra = 1'), "testing.toml"),
        (('text = "Why?"', 'text = "   "'), "testing.toml"),
        (('text = "Why?"', f'text = "{"x" * (TEXT_LIMIT + 1)}"'), "testing.toml"),
        (("[[question]]", "[question"), "testing.toml"),  # not TOML
    ],
)
def test_a_broken_file_is_refused(change: tuple[str, str], name: str) -> None:
    text = GOOD_FILE.replace(*change) if change[0] else GOOD_FILE
    with pytest.raises(BankFileError, match=re.escape(name)):
        question_bank._parse_bank_file(text.encode(), name)


# -- listing and searching ----------------------------------------------------------------------


def test_list_filters_by_competency_and_seniority() -> None:
    junior_design = list_questions(None, competency="system_design", seniority="junior")
    assert junior_design == []
    lead = list_questions(None, seniority="lead")
    assert lead and all("lead" in q.seniorities for q in lead)
    everything = list_questions(None)
    assert len(everything) == len(builtin_questions())
    order = [c.value for c in Competency]
    positions = [order.index(q.competency) for q in everything]
    assert positions == sorted(positions)


def test_search_ignores_case_accents_and_word_order(workbook: Workbook) -> None:
    found = list_questions(None, search="IDEMPOTENCY key")
    assert [q.bank_key for q in found] == ["apis-idempotency"]
    add_custom_question(
        workbook,
        QuestionDraft(
            "communication", "How would you brief Ødegård on the release?", "", "", ("mid",)
        ),
    )
    mine = list_questions(workbook, search="odegard")
    assert [q.text for q in mine] == ["How would you brief Ødegård on the release?"]
    by_label = list_questions(None, search="data modelling")
    assert by_label and all(q.competency == "databases" for q in by_label)
    assert list_questions(None, search="   ") == list_questions(None)


def test_own_questions_follow_the_built_in_ones_of_their_competency(workbook: Workbook) -> None:
    own = add_custom_question(
        workbook, QuestionDraft("apis", "What is a webhook?", "", "", ("junior", "mid"))
    )
    apis = list_questions(workbook, competency="apis")
    assert apis[-1] == own
    assert all(q.built_in for q in apis[:-1])
    assert own not in list_questions(None, competency="apis")
    assert own in list_questions(workbook, seniority="junior")
    assert own not in list_questions(workbook, seniority="lead")


# -- the user's own questions -------------------------------------------------------------------


def test_add_edit_and_remove_an_own_question(workbook: Workbook) -> None:
    draft = QuestionDraft(
        " databases ",
        "  How do you back up a PostgreSQL database?  ",
        "Names pg_dump and point-in-time recovery.",
        "Copies the data folder while it runs.",
        ("senior", "junior", "senior"),
    )
    added = add_custom_question(workbook, draft)
    assert added.ref == f"custom:{added.custom_id}" and not added.built_in
    assert added.competency == "databases"
    assert added.text == "How do you back up a PostgreSQL database?"
    assert added.seniorities == ("junior", "senior")
    assert get_question(workbook, added.ref) == added

    edited = update_custom_question(
        workbook,
        added.custom_id or 0,
        QuestionDraft(
            "security", "How do you protect a database backup?", "Encrypts it.", "", ("lead",)
        ),
    )
    assert (edited.competency, edited.seniorities, edited.weak) == ("security", ("lead",), "")
    assert get_question(workbook, added.ref) == edited

    remove_custom_question(workbook, added.custom_id or 0)
    with pytest.raises(NotFoundError):
        get_question(workbook, added.ref)
    remove_custom_question(workbook, added.custom_id or 0)  # already gone: nothing to do
    with workbook.transaction() as session:
        actions = [
            e.action
            for e in session.exec(select(AuditEvent).where(AuditEvent.entity == "custom_question"))
        ]
    assert actions == ["add", "edit", "remove"]


@pytest.mark.parametrize(
    ("draft", "field", "message"),
    [
        (QuestionDraft("databases", "   ", "", "", ("mid",)), "text", "is empty"),
        (QuestionDraft("cooking", "Why?", "", "", ("mid",)), "competency", "not a known"),
        (QuestionDraft("databases", "Why?", "", "", ("graduate",)), "seniorities", "graduate"),
        (QuestionDraft("databases", "Why?", "", "", ()), "seniorities", "at least one"),
        (QuestionDraft("databases", "x" * (TEXT_LIMIT + 1), "", "", ("mid",)), "text", "at most"),
        (
            QuestionDraft("databases", "Why?", "s" * (GUIDANCE_LIMIT + 1), "", ("mid",)),
            "strong",
            "at most",
        ),
        (
            QuestionDraft("databases", "Why?", "", "w" * (GUIDANCE_LIMIT + 1), ("mid",)),
            "weak",
            "at most",
        ),
    ],
)
def test_bad_own_questions_are_refused_field_by_field(
    workbook: Workbook, draft: QuestionDraft, field: str, message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        add_custom_question(workbook, draft)
    assert field in caught.value.errors
    assert message in caught.value.errors[field]
    assert list_questions(workbook) == list_questions(None)


def test_editing_a_question_that_is_gone_says_so(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        update_custom_question(workbook, 999, QuestionDraft("apis", "Why?", "", "", ("mid",)))


def test_a_built_in_question_can_be_copied_into_an_own_one(workbook: Workbook) -> None:
    original = builtin_question("testing-flaky-tests")
    copy = add_custom_question(workbook, draft_from(original))
    assert (copy.text, copy.strong, copy.weak, copy.seniorities) == (
        original.text,
        original.strong,
        original.weak,
        original.seniorities,
    )
    assert copy.ref != original.ref


def test_references() -> None:
    assert parse_ref("bank:apis-idempotency") == ("bank", "apis-idempotency")
    assert parse_ref("custom:12") == ("custom", 12)
    for bad in ("bank:", "custom:x", "custom:", "apis-idempotency", ""):
        with pytest.raises(NotFoundError):
            parse_ref(bad)
    assert get_question(None, "bank:apis-idempotency").bank_key == "apis-idempotency"
    with pytest.raises(NotFoundError):
        get_question(None, "custom:1")
