"""The interview pack PDF: pages, names on every page, progress, cancelling, literal text."""

from __future__ import annotations

from dataclasses import replace
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

import pytest
from sqlmodel import select
from tests.pdf_helpers import page_texts, pdf_title, pdf_words

from hiring_desk.documents.interview_pack import PackProgress, build_pack
from hiring_desk.documents.interview_pack_views import PackData
from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.interviews import packs
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.services.roles import role_records
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.store import Workbook
from hiring_desk.store.models import Candidate

NASTY = "AT&T <b>Smith</b>"
#: Demo candidates of the Backend Developer role, one per script the demo holds.
SCRIPTS = ("王磊", "渡辺健二", "Ирина Соколова", "Nguyễn Thị Mai", "Łukasz Wiśniewski")


@pytest.fixture(scope="module")
def senior_pack(shared_demo: Workbook) -> PackData:
    role = role_records.find_role(shared_demo, "Senior Backend Developer")
    return packs.pack_for_role(shared_demo, role.id)


@pytest.fixture(scope="module")
def scripts_pack(shared_demo: Workbook) -> PackData:
    role = role_records.find_role(shared_demo, "Backend Developer")
    with shared_demo.transaction() as session:
        ids = [
            session.exec(select(Candidate.id).where(Candidate.name == name)).one()
            for name in SCRIPTS
        ]
    return packs.pack_for_role(shared_demo, role.id, [i for i in ids if i is not None])


def build(data: PackData, out: Path | BinaryIO) -> list[PackProgress]:
    return list(build_pack(data, out))


def sections(data: PackData, texts: list[str]) -> dict[str, list[str]]:
    """Candidate name -> the pages of their part of the pack (from their profile page on)."""
    starts = [i for i, text in enumerate(texts) if "CANDIDATE ·" in text]
    assert len(starts) == len(data.candidates), "one profile page per candidate"
    ends = [*starts[1:], len(texts)]
    return {
        person.name: texts[start:end]
        for person, start, end in zip(data.candidates, starts, ends, strict=True)
    }


# -- progress and writing --------------------------------------------------------------------


def test_progress_after_each_candidate_and_file_written_at_the_last(
    senior_pack: PackData, tmp_path: Path
) -> None:
    out = tmp_path / "pack.pdf"
    names = [c.name for c in senior_pack.candidates]
    seen: list[tuple[int, int, str, bool]] = []
    for step in build_pack(senior_pack, out):
        seen.append((step.done, step.total, step.candidate, out.exists()))
    total = len(names)
    assert seen == [(done, total, name, done == total) for done, name in enumerate(names, start=1)]
    assert pdf_words(out).count("CANDIDATE ·") == total
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"], "no temporary file is left"


def test_stopping_early_leaves_no_file(senior_pack: PackData, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    steps = build_pack(senior_pack, out)
    first = next(steps)
    assert first.done == 1 and first.total > 1
    steps.close()  # what a cancelled dialog or a garbage-collected generator does
    assert list(tmp_path.iterdir()) == []
    stream = BytesIO()
    steps = build_pack(senior_pack, stream)
    next(steps)
    steps.close()
    assert stream.getvalue() == b""


def test_writes_to_an_open_binary_file(senior_pack: PackData) -> None:
    stream = BytesIO()
    build(senior_pack, stream)
    assert pdf_title(stream) == "Interview pack: Senior Backend Developer"
    assert pdf_words(stream).startswith("Harbourlight Software Ltd")


def test_a_folder_that_does_not_exist_raises_and_leaves_nothing(
    senior_pack: PackData, tmp_path: Path
) -> None:
    with pytest.raises(OSError):
        build(senior_pack, tmp_path / "missing" / "pack.pdf")
    assert list(tmp_path.iterdir()) == []


def test_a_logo_that_is_not_an_image_is_refused(senior_pack: PackData, tmp_path: Path) -> None:
    broken = replace(senior_pack, company_logo=b"not an image")
    with pytest.raises(ValueError, match="logo"):
        build(broken, tmp_path / "pack.pdf")
    assert list(tmp_path.iterdir()) == []


# -- what is printed ---------------------------------------------------------------------------


def test_demo_pack_pages(senior_pack: PackData, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    build(senior_pack, out)
    texts = page_texts(out)
    total = len(texts)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {total}" in text
    cover = texts[0]
    assert "Harbourlight Software Ltd" in cover and "Senior Backend Developer" in cover
    assert "Confidential: contains personal data." in cover
    assert "Schedule" in cover and "Europe/Dublin" in cover
    for person in senior_pack.candidates:
        assert person.name in cover, "the cover lists everyone in the pack"
    by_person = sections(senior_pack, texts)
    for person in senior_pack.candidates:
        pages = by_person[person.name]
        assert all(person.name in page for page in pages), person.name
        joined = "\n".join(pages)
        for pack_round in person.rounds:
            assert pack_round.name in joined
            for question in pack_round.questions:
                first_words = " ".join(question.text.split()[:5])
                assert first_words in " ".join(joined.split())
        scorecards = [p for p in pages if "SCORECARD" in p]
        assert scorecards, person.name
        for page in scorecards:
            for label in ("Strong no", "Strong yes", "1 Weak", "4 Excellent", "Signature"):
                assert label in page
    with_questions = "\n".join(texts)
    assert "Strong answer:" in with_questions and "Weak answer:" in with_questions


def test_every_script_prints_the_exact_name_on_every_page(
    scripts_pack: PackData, senior_pack: PackData, tmp_path: Path
) -> None:
    for label, data in (("scripts", scripts_pack), ("senior", senior_pack)):
        out = tmp_path / f"{label}.pdf"
        build(data, out)
        texts = page_texts(out)
        assert "[U+" not in "".join(texts), "every one of these scripts has a bundled face"
        by_person = sections(data, texts)
        for person in data.candidates:
            for page in by_person[person.name]:
                assert person.name in page, f"{person.name} missing from a page"
    names = {c.name for c in (*scripts_pack.candidates, *senior_pack.candidates)}
    assert {"王磊", "渡辺健二", "Ирина Соколова", "김민준", "Αλέξανδρος Παπαδόπουλος"} <= names


def test_markup_characters_print_literally(workbook: Workbook, tmp_path: Path) -> None:
    role = role_records.create_role(
        workbook, RoleBrief(title="Ops <i>&</i> Data", skills=(SkillEntry("C#/.NET"),))
    ).id
    person = candidate_records.create_candidate(
        workbook,
        CandidateInput(name=NASTY, notes="Wrote <script>alert(1)</script> & left", skills=("C#",)),
    ).id
    application = stage_moves.apply(workbook, person, role).id
    stage_moves.move(workbook, application, "screening")
    stage_moves.move(workbook, application, "interview")
    data = packs.pack_for_role(workbook, role)
    out = tmp_path / "pack.pdf"
    build(data, out)
    texts = page_texts(out)
    assert "Ops <i>&</i> Data" in texts[0] and NASTY in texts[0]
    assert all(NASTY in page for page in texts[1:])
    joined = "\n".join(texts)
    assert "Wrote <script>alert(1)</script> & left" in joined
    assert "No questions planned for this round." in joined
