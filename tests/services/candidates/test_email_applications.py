"""Applications received by email: sender, CV, note, duplicates, refused attachments."""

from __future__ import annotations

import mailbox
from email import message_from_bytes
from pathlib import Path

import pytest
from tests.services.candidates.email_files import application, make_pdf

from hiring_desk.services.candidates import attachments, candidate_records
from hiring_desk.services.candidates.email_applications import import_email_files
from hiring_desk.services.candidates.email_reading import html_to_text, read_message
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook, models, search

JOSE = "José Müller-Øberg"
CHINESE = "王小明"


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_a_multipart_message_with_a_pdf_cv_makes_a_searchable_candidate(
    workbook: Workbook, tmp_path: Path
) -> None:
    cv = make_pdf("Jose Muller-Oberg", "Kubernetes operator and Rust developer")
    data = application(JOSE, "jose@example.es", files=(("CV José.pdf", "application/pdf", cv),))
    report = import_email_files(workbook, [_write(tmp_path, "jose.eml", data)])
    assert report.summary == "Imported 1 of 1 message; skipped 0."
    (candidate_id,) = report.candidate_ids
    detail = candidate_records.get_candidate(workbook, candidate_id)
    assert (detail.record.name, detail.record.email) == (JOSE, "jose@example.es")
    assert detail.record.notes.startswith("Applied by email: Application: Backend Developer")
    assert "please find my CV attached" in detail.record.notes
    (file,) = attachments.list_attachments(workbook, candidate_id)
    assert file.filename == "CV José.pdf"
    with workbook.transaction() as session:
        assert search.search_ids(session, "kubernetes") == [candidate_id]


def test_an_encoded_non_latin_sender_is_decoded(workbook: Workbook, tmp_path: Path) -> None:
    data = application(CHINESE, "xiaoming@example.cn", text="你好，附上我的简历。")
    assert b"=?utf-8?" in data.split(b"\r\n\r\n")[0]  # the header really is RFC 2047 encoded
    report = import_email_files(workbook, [_write(tmp_path, "wang.eml", data)])
    detail = candidate_records.get_candidate(workbook, report.candidate_ids[0])
    assert detail.record.name == CHINESE
    assert "你好，附上我的简历。" in detail.record.notes


def test_an_html_only_message_keeps_its_words_not_its_markup(
    workbook: Workbook, tmp_path: Path
) -> None:
    html = (
        "<html><head><style>p {color: red}</style></head><body>"
        "<p>Dear team,</p><p>I would <b>love</b> to join&nbsp;you.</p>"
        "<script>alert(1)</script></body></html>"
    )
    data = application("Ana Sousa", "ana@example.pt", text=None, html=html)
    report = import_email_files(workbook, [_write(tmp_path, "ana.eml", data)])
    notes = candidate_records.get_candidate(workbook, report.candidate_ids[0]).record.notes
    assert notes.endswith("\n\nDear team,\n\nI would love to join you.")
    assert "<" not in notes and "color" not in notes and "alert" not in notes


@pytest.mark.parametrize(
    ("filename", "mime", "content"),
    [
        ("setup.exe", "application/octet-stream", b"MZ\x90\x00" + b"\x00" * 64),
        ("cv.pdf", "application/pdf", b"MZ\x90\x00" + b"\x00" * 64),  # a program renamed
        ("cv.zip", "application/zip", b"PK\x03\x04" + b"\x00" * 64),
        ("cv.txt", "text/plain", b"\x7fELF\x02\x01\x01" + b"\x00" * 64),
    ],
)
def test_programs_and_archives_are_refused_and_never_stored(
    workbook: Workbook, tmp_path: Path, filename: str, mime: str, content: bytes
) -> None:
    cv = make_pdf("Real CV")
    data = application(
        "Ana Sousa",
        "ana@example.pt",
        files=((filename, mime, content), ("cv-real.pdf", "application/pdf", cv)),
    )
    report = import_email_files(workbook, [_write(tmp_path, "ana.eml", data)])
    (candidate_id,) = report.candidate_ids
    files = attachments.list_attachments(workbook, candidate_id)
    assert [f.filename for f in files] == ["cv-real.pdf"]
    (note,) = [line for line in report.lines() if "was not kept" in line]
    assert note.startswith(f"ana.eml: {filename} was not kept: ")
    with workbook.transaction() as session:
        stored = session.exec(models.Attachment.__table__.select()).all()  # type: ignore[attr-defined]
        assert all(row.content != content for row in stored)


def test_duplicates_are_reported_like_the_csv_import(workbook: Workbook, tmp_path: Path) -> None:
    existing = candidate_records.create_candidate(
        workbook, CandidateInput(name="Ana Sousa", email="ana@example.pt")
    ).id
    same_name = candidate_records.create_candidate(
        workbook, CandidateInput(name="Tom Keane", email="tk@elsewhere.ie")
    ).id
    box_path = tmp_path / "inbox.mbox"
    box = mailbox.mbox(box_path)
    for data in (
        application("Ana S.", "ANA@example.pt"),
        application("Tom Keane", "tom@example.ie"),
        application("Maeve Walsh", "maeve@example.ie"),
        application("Maeve Walsh", "maeve@example.ie", subject="Again"),
    ):
        box.add(mailbox.mboxMessage(message_from_bytes(data)))
    box.close()
    report = import_email_files(workbook, [box_path])
    assert report.summary == "Imported 2 of 4 messages; skipped 2."
    lines = report.lines()
    assert (
        f"inbox.mbox, message 1: skipped: already in the workbook as candidate {existing}, "
        "Ana Sousa"
    ) in lines
    assert "inbox.mbox, message 4: skipped: the same person as message 3" in lines
    (possible,) = report.possible_duplicates
    assert possible.existing_id == same_name and possible.new_id in report.candidate_ids
    assert any(line.startswith("inbox.mbox, message 2: imported, but it may be") for line in lines)


def test_with_a_role_each_new_candidate_applies(workbook: Workbook, tmp_path: Path) -> None:
    with workbook.transaction() as session:
        role = models.Role(title="Backend Developer")
        session.add(role)
        session.flush()
        role_id = role.id
    assert role_id is not None
    data = application("Ana Sousa", "ana@example.pt")
    report = import_email_files(workbook, [_write(tmp_path, "a.eml", data)], role_id=role_id)
    (info,) = stage_moves.applications_of(workbook, report.candidate_ids[0])
    assert (info.role_id, info.stage) == (role_id, "applied")
    with pytest.raises(ServiceError, match="Role: does not exist"):
        import_email_files(workbook, [_write(tmp_path, "b.eml", data)], role_id=role_id + 99)


def test_a_file_that_is_not_a_message_is_named(workbook: Workbook, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match=r"notes\.txt is not an email message"):
        import_email_files(workbook, [_write(tmp_path, "notes.txt", b"\x00\x01binary")])


def test_reading_needs_no_workbook() -> None:
    message = read_message(application("Ana Sousa", "ana@example.pt"), "a.eml")
    assert (message.name, message.email, message.documents) == ("Ana Sousa", "ana@example.pt", ())
    assert html_to_text("<p>One</p><p>Two<br>Three</p>") == "One\n\nTwo\nThree"
