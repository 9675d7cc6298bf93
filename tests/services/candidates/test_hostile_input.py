"""Hostile text at every service that takes text: cleaned, limited, never a crash.

Each entry point gets the same table of strings: a NUL, a right-to-left override
that disguises a file name, half of a character (a lone surrogate), other control
characters, Windows line endings and a 10,000-character string. What is stored
(read back from the workbook, not the value the call returned) must be plain text,
and a string over the field's documented limit must be refused with a message
naming the field, never cut silently or stored.
"""

from __future__ import annotations

import csv
import os
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.services.interviews.schedule_setup import make_desk, schedule

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.attachments import add_attachment, list_attachments
from hiring_desk.services.candidates.csv_export import export_csv
from hiring_desk.services.candidates.csv_import import import_candidates, read_delimited
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.validation import BIDI_CONTROLS
from hiring_desk.services.interviews import interview_records, question_bank
from hiring_desk.services.interviews.question_bank import QuestionDraft
from hiring_desk.services.offers import letter_templates
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import jd_user_templates, job_descriptions, role_records
from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.team import company, rejection_reasons, team_members
from hiring_desk.store import Workbook

#: name -> (hostile text, what must be stored).
HOSTILE: dict[str, tuple[str, str]] = {
    "nul": ("Ad\x00a", "Ada"),
    "rtl override": ("cv\u202efdp.exe", "cvfdp.exe"),
    "isolates": ("\u2067Ada\u2069 Lovelace", "Ada Lovelace"),
    "lone surrogate": ("Ad\ud800a", "Ada"),
    "escape and bell": ("\x1b[31mAda\x07", "[31mAda"),
    "decomposed accents": ("Zoe\u0308", "Zoë"),
    "surrogate pair": ("Ada \ud83d\ude00", "Ada 😀"),
}
LONG = "x" * 10_000


def assert_plain(text: str) -> None:
    for ch in text:
        category = unicodedata.category(ch)
        assert ch in "\n\t" or category not in ("Cc", "Cs", "Co"), f"{ch!r} in {text!r}"
        assert ch not in BIDI_CONTROLS, f"{ch!r} in {text!r}"
    assert text == unicodedata.normalize("NFC", text)


@dataclass(frozen=True)
class Entry:
    """A service call that stores ``value`` and returns what the workbook then holds."""

    store: Callable[[Workbook, str], str]
    limit: int | None  # None: longer than LONG is allowed
    field: str  # the ValidationError key for a value over the limit


def _candidate(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        name = value if field == "name" else "Probe"
        fields = {} if field == "name" else {field: value}
        cid = candidate_records.create_candidate(wb, CandidateInput(name=name, **fields)).id  # type: ignore[arg-type]
        return str(getattr(candidate_records.get_candidate(wb, cid).record, field))

    return store


def _candidate_list(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        fields = {field: (value,)}
        cid = candidate_records.create_candidate(wb, CandidateInput(name="Probe", **fields)).id  # type: ignore[arg-type]
        return "".join(getattr(candidate_records.get_candidate(wb, cid).record, field))

    return store


def _tag_many(wb: Workbook, value: str) -> str:
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Probe")).id
    candidate_records.tag_many(wb, [cid], value)
    return "".join(candidate_records.get_candidate(wb, cid).record.tags)


def _member(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        name, title = (value, "") if field == "name" else ("Probe", value)
        member = team_members.add_member(wb, name, title)
        return str(getattr(team_members.get_member(wb, member.id), field))

    return store


def _company(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        name, address = (value, "") if field == "name" else ("Probe Ltd", value)
        company.update_company(
            wb,
            name=name,
            address=address,
            signatory_id=None,
            default_currency="EUR",
            locale="en_GB",
        )
        return str(getattr(company.get_company(wb), field))

    return store


def _role(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        brief = RoleBrief(title=value) if field == "title" else RoleBrief("Probe", **{field: value})  # type: ignore[arg-type]
        role = role_records.create_role(wb, brief)
        return str(getattr(role_records.get_role(wb, role.id).brief, field))

    return store


def _reason(wb: Workbook, value: str) -> str:
    reason_id = rejection_reasons.add_reason(wb, value)
    return dict(rejection_reasons.list_reasons(wb))[reason_id]


def _question(wb: Workbook, value: str) -> str:
    draft = QuestionDraft(competency="problem_solving", text=value, seniorities=("mid",))
    ref = question_bank.add_custom_question(wb, draft).ref
    return question_bank.get_question(wb, ref).text


def _jd(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        role = role_records.create_role(wb, RoleBrief(title="Probe"))
        body, note = (value, "") if field == "body" else ("Body", value)
        saved = job_descriptions.save_version(wb, role.id, body, note=note)
        return str(getattr(job_descriptions.get_version(wb, saved.id), field)).strip()

    return store


def _stage_note(wb: Workbook, value: str) -> str:
    role = role_records.create_role(wb, RoleBrief(title="Probe"))
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Probe")).id
    stage_moves.apply(wb, cid, role.id, note=value)
    return stage_moves.timeline(wb, cid)[0].note


def _jd_template(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        name, body = (value, "Body") if field == "name" else ("Probe", value)
        key = jd_user_templates.save_user_template(wb, name, body).key
        if field == "name":
            return next(t.name for t in jd_user_templates.list_templates(wb) if t.key == key)
        return jd_user_templates.template_body(wb, key)

    return store


def _letter_template(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        name, body = (value, "Body") if field == "name" else ("Probe", value)
        key = letter_templates.save_own_template(wb, name, body).key
        return str(getattr(letter_templates.letter_template(wb, key), field))

    return store


def _attachment_kind(wb: Workbook, value: str) -> str:
    cid = candidate_records.create_candidate(wb, CandidateInput(name="Probe")).id
    add_attachment(wb, cid, "cv.txt", b"A CV", kind=value)
    return list_attachments(wb, cid)[0].kind


def _interview(field: str) -> Callable[[Workbook, str], str]:
    def store(wb: Workbook, value: str) -> str:
        desk = make_desk(wb)
        changes: dict[str, object] = {field: value}
        if field == "round_name":
            changes["round_id"] = None
        interview_id = schedule(wb, desk, **changes)
        return str(getattr(interview_records.get_interview(wb, interview_id), field))

    return store


ENTRIES: dict[str, Entry] = {
    "candidate name": Entry(_candidate("name"), 200, "name"),
    "candidate location": Entry(_candidate("location"), 200, "location"),
    "candidate current title": Entry(_candidate("current_title"), 200, "current_title"),
    "candidate postal address": Entry(_candidate("postal_address"), 1000, "postal_address"),
    "candidate notes": Entry(_candidate("notes"), 20_000, "notes"),
    "candidate skill": Entry(_candidate_list("skills"), 100, "skills"),
    "candidate tag": Entry(_candidate_list("tags"), 50, "tags"),
    "tag many": Entry(_tag_many, 50, "tag"),
    "team member name": Entry(_member("name"), 200, "name"),
    "team member title": Entry(_member("title"), 200, "title"),
    "company name": Entry(_company("name"), 200, "name"),
    "company address": Entry(_company("address"), 1000, "address"),
    "role title": Entry(_role("title"), 200, "title"),
    "role location": Entry(_role("location"), 200, "location"),
    "role notes": Entry(_role("notes"), 10_000, "notes"),
    "rejection reason": Entry(_reason, 200, "reason"),
    "own question": Entry(_question, 1000, "text"),
    "job description": Entry(_jd("body"), 100_000, "body"),
    "stage move note": Entry(_stage_note, None, ""),  # kept to its first 500 characters
    "own JD template name": Entry(_jd_template("name"), 120, "name"),
    "own JD template body": Entry(_jd_template("body"), None, ""),
    "own letter template name": Entry(_letter_template("name"), 120, "name"),
    "own letter template body": Entry(_letter_template("body"), 50_000, "body"),
    "attachment kind": Entry(_attachment_kind, 40, "kind"),
    "interview round": Entry(_interview("round_name"), 200, "round"),
    "interview place": Entry(_interview("location"), 500, "location"),
    "interview notes": Entry(_interview("notes"), 5000, "notes"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
@pytest.mark.parametrize("entry", list(ENTRIES))
def test_hostile_text_is_stored_as_plain_text(workbook: Workbook, entry: str, case: str) -> None:
    given, expected = HOSTILE[case]
    stored = ENTRIES[entry].store(workbook, given)
    assert_plain(stored)
    assert stored == expected


@pytest.mark.parametrize("entry", list(ENTRIES))
def test_ten_thousand_characters_are_refused_over_the_limit(workbook: Workbook, entry: str) -> None:
    spec = ENTRIES[entry]
    if spec.limit is not None and spec.limit < len(LONG):
        with pytest.raises(ValidationError) as refused:
            spec.store(workbook, LONG)
        assert spec.field in refused.value.errors
        assert f"{spec.limit}" in str(refused.value.errors[spec.field]).replace(",", "")
    else:
        stored = spec.store(workbook, LONG)
        assert stored in (LONG, LONG[:500])


def test_line_breaks_survive_where_text_has_lines(workbook: Workbook) -> None:
    stored = _candidate("notes")(workbook, "one\r\ntwo\rthree\n\tfour\x0b")
    assert stored == "one\ntwo\nthree\n\tfour"
    assert _candidate("name")(workbook, "Ada\r\nLovelace") == "AdaLovelace"


def test_a_file_name_in_another_encoding_is_attached(workbook: Workbook, tmp_path: Path) -> None:
    """On Linux, a file name that is not UTF-8 reaches Python with lone surrogates."""
    raw = tmp_path / os.fsdecode(b"cv-\xff\xfe.txt")
    raw.write_bytes(b"A CV in plain text")
    cid = candidate_records.create_candidate(workbook, CandidateInput(name="Probe")).id

    info = add_attachment(workbook, cid, raw.name, raw.read_bytes())

    (stored,) = list_attachments(workbook, cid)
    assert stored.filename == info.filename == "cv-.txt"


def test_an_imported_csv_row_is_cleaned_like_typed_text(workbook: Workbook) -> None:
    data = "name,email,notes\nAd\u202ea\x07,ada@example.org,=cmd|' /C calc'!A0\r\n".encode()
    table = read_delimited(data)

    result = import_candidates(workbook, table)

    record = candidate_records.get_candidate(workbook, result.candidate_ids[0]).record
    assert (record.name, record.notes) == ("Ada", "=cmd|' /C calc'!A0")


def test_searching_for_hostile_text_finds_nothing_and_does_not_fail(workbook: Workbook) -> None:
    candidate_records.create_candidate(workbook, CandidateInput(name="Kofi Mensah"))
    for given, _expected in [*HOSTILE.values(), (LONG, "")]:
        assert candidate_records.list_candidates(workbook, given) == []
    assert [c.name for c in candidate_records.list_candidates(workbook, "mensah")] == [
        "Kofi Mensah"
    ]


FORMULAS = ("=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", '=HYPERLINK("x")')


def test_every_exported_text_cell_is_safe_in_a_spreadsheet(
    workbook: Workbook, tmp_path: Path
) -> None:
    role = role_records.create_role(workbook, RoleBrief(title="=Role()"))
    for formula in FORMULAS:
        cid = candidate_records.create_candidate(
            workbook,
            CandidateInput(
                name=formula,
                location=formula,
                current_title=formula,
                skills=(formula,),
                tags=(formula[:20],),
                notes=formula,
            ),
        ).id
        stage_moves.apply(workbook, cid, role.id)
    out = tmp_path / "out.csv"

    assert export_csv(workbook, out) == len(FORMULAS)

    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [cell for row in rows[1:] for cell in row]
    assert cells
    live = [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert live == []
    assert sum(cell.startswith("'=") for cell in cells) >= len(FORMULAS)
