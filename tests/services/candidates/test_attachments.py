"""Attachments: type by content, safe text extraction, search, export, suggestions."""

from __future__ import annotations

import io
import os
import stat
import time
import zipfile

import pytest
from sqlmodel import select

from hiring_desk import paths
from hiring_desk.services.candidates import attachments, candidate_records, cv_text
from hiring_desk.services.candidates.attachments import add_attachment, suggest_from_text
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.store import Workbook, search
from hiring_desk.store.models import Attachment, AuditEvent

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


# -- sample files, made here ---------------------------------------------------------------


def make_pdf(*lines: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 16 * i, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def document_xml(*paragraphs: str) -> str:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )


def make_docx(document: str | bytes, extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def make_odt(*paragraphs: str) -> bytes:
    body = "".join(
        f'<text:p text:style-name="P1">{p}<text:s text:c="2"/>'
        f'<text:span text:style-name="T1">spanned</text:span> tail</text:p>'
        for p in paragraphs
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
        "<office:body><office:text><text:h>Curriculum vitae</text:h>"
        f"{body}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", cv_text.ODT, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return buffer.getvalue()


def make_zip(**files: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.fixture
def cid(workbook: Workbook) -> int:
    return candidate_records.create_candidate(workbook, CandidateInput(name="Ingrid Ødegård")).id


def found(workbook: Workbook, text: str) -> list[int]:
    with workbook.transaction() as session:
        return search.search_ids(session, text)


def stored_count(workbook: Workbook) -> int:
    with workbook.transaction() as session:
        return len(session.exec(select(Attachment)).all())


# -- accepted files, found by their words ---------------------------------------------------


def test_pdf_is_attached_and_its_words_searchable(workbook: Workbook, cid: int) -> None:
    data = make_pdf("Ingrid Odegard", "Expert in Zanzibarquux systems")
    info = add_attachment(workbook, cid, "cv.pdf", data)
    assert (info.mime, info.filename, info.size, info.kind) == (
        cv_text.PDF,
        "cv.pdf",
        len(data),
        "cv",
    )
    assert info.has_text and info.type_label == "PDF"
    assert found(workbook, "zanzibarquux") == [cid]
    assert attachments.attachment_content(workbook, info.id) == ("cv.pdf", cv_text.PDF, data)


def test_docx_made_by_hand_is_searchable(workbook: Workbook, cid: int) -> None:
    data = make_docx(document_xml("Quokkavelt engineer", "Second paragraph"))
    info = add_attachment(workbook, cid, "cv.docx", data)
    assert info.mime == cv_text.DOCX and info.has_text
    assert cv_text.extract_text(data, cv_text.DOCX) == "Quokkavelt engineer\nSecond paragraph"
    assert found(workbook, "Quokkavelt") == [cid]


def test_odt_is_searchable_with_spans_and_spaces(workbook: Workbook, cid: int) -> None:
    data = make_odt("Brontoglyph expert")
    info = add_attachment(workbook, cid, "cv.odt", data)
    assert info.mime == cv_text.ODT
    text = cv_text.extract_text(data, cv_text.ODT)
    assert text == "Curriculum vitae\nBrontoglyph expert  spanned tail"
    assert found(workbook, "brontoglyph") == [cid]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Søren — naïve café Wombatrix\r\n".encode(), "Søren — naïve café Wombatrix"),
        (b"\xef\xbb\xbfWith BOM Wombatrix", "With BOM Wombatrix"),
        ("Søren — naïve café Wombatrix €".encode("cp1252"), "Søren — naïve café Wombatrix €"),
    ],
    ids=["utf-8", "utf-8-bom", "cp1252"],
)
def test_text_files_in_utf8_and_cp1252(
    workbook: Workbook, cid: int, data: bytes, expected: str
) -> None:
    info = add_attachment(workbook, cid, "cv.txt", data)
    assert info.mime == cv_text.TXT
    assert cv_text.extract_text(data, cv_text.TXT) == expected
    assert found(workbook, "wombatrix") == [cid]


def test_type_comes_from_content_not_name(workbook: Workbook, cid: int) -> None:
    data = make_docx(document_xml("Renamed Flumpstein"))
    info = add_attachment(workbook, cid, "cv.pdf", data)
    assert info.mime == cv_text.DOCX and info.filename == "cv.pdf"
    path = attachments.export_to_private_temp(workbook, info.id)
    assert path.name == "cv.docx"
    text_info = add_attachment(workbook, cid, "notes.exe", b"just some plain notes")
    assert text_info.mime == cv_text.TXT
    assert attachments.export_to_private_temp(workbook, text_info.id).name == "notes.txt"


def test_damaged_pdf_is_attached_without_text(
    workbook: Workbook, cid: int, capfd: pytest.CaptureFixture[str]
) -> None:
    info = add_attachment(workbook, cid, "broken.pdf", b"%PDF-1.4 garbage")
    assert info.mime == cv_text.PDF and not info.has_text
    truncated = make_pdf("Half a file")
    add_attachment(workbook, cid, "half.pdf", truncated[: len(truncated) // 2])
    assert capfd.readouterr().err == ""  # pypdf's complaints stay off the console
    assert [a.has_text for a in attachments.list_attachments(workbook, cid)] == [False, False]


# -- refusals -------------------------------------------------------------------------------


def refused(workbook: Workbook, cid: int, name: str, data: bytes) -> str:
    with pytest.raises(ValidationError) as caught:
        add_attachment(workbook, cid, name, data)
    assert stored_count(workbook) == 0
    message = caught.value.errors["file"]
    assert "\n" not in message
    return message


def test_empty_and_oversized_files_are_refused(
    workbook: Workbook, cid: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert refused(workbook, cid, "cv.pdf", b"") == "cv.pdf is empty"
    monkeypatch.setattr(attachments, "MAX_BYTES", 100)
    assert "larger than" in refused(workbook, cid, "big.txt", b"a" * 101)
    add_attachment(workbook, cid, "fits.txt", b"a" * 100)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        (
            "cv.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(range(256)) * 4,
            "Windows program",
        ),
        ("cv.pdf", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "image"),
        ("cv.docx", make_zip(**{"readme.txt": b"hello", "data.bin": bytes(100)}), "archive"),
        ("cv.txt", bytes(range(256)) * 8, "not a PDF"),
    ],
    ids=["exe", "png", "other-zip", "binary"],
)
def test_other_kinds_of_file_are_refused(
    workbook: Workbook, cid: int, name: str, data: bytes, reason: str
) -> None:
    message = refused(workbook, cid, name, data)
    assert message.startswith(f"{name} ") and reason in message


def test_xml_entities_are_refused_never_expanded(workbook: Workbook, cid: int) -> None:
    lol = "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' if i else '<!ENTITY lol0 "lol">'
        for i in range(10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{lol}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>"
    )
    data = make_docx(xml)
    with pytest.raises(cv_text.UnsafeContentError):
        cv_text.extract_text(data, cv_text.DOCX)
    assert "refused" in refused(workbook, cid, "lol.docx", data)
    # A DTD with an external entity is refused the same way.
    external = xml.replace(lol, '<!ENTITY x SYSTEM "file:///etc/passwd">').replace("&lol9;", "&x;")
    refused(workbook, cid, "xxe.docx", make_docx(external))


@pytest.mark.parametrize("megabytes", [60, 5], ids=["over-size-cap", "over-ratio"])
def test_zip_bomb_entry_is_not_expanded(workbook: Workbook, cid: int, megabytes: int) -> None:
    data = make_docx(bytes(megabytes * 1024 * 1024))
    assert len(data) < 1024 * 1024
    started = time.monotonic()
    message = refused(workbook, cid, "bomb.docx", data)
    assert "unpack" in message
    assert time.monotonic() - started < 10


def test_too_many_entries_are_refused(workbook: Workbook, cid: int) -> None:
    extra = {f"word/media/{i}.xml": b"x" for i in range(cv_text.MAX_ENTRIES)}
    refused(workbook, cid, "many.docx", make_docx(document_xml("x"), extra))


def test_duplicates_are_refused_per_candidate(workbook: Workbook, cid: int) -> None:
    add_attachment(workbook, cid, "cv.txt", b"Same CV text")
    with pytest.raises(ValidationError) as caught:
        add_attachment(workbook, cid, "copy.txt", b"Same CV text")
    assert caught.value.errors["file"] == "copy.txt is already attached as cv.txt"
    other = candidate_records.create_candidate(workbook, CandidateInput(name="Kari Nordmann")).id
    add_attachment(workbook, other, "cv.txt", b"Same CV text")


def test_unknown_candidate_and_attachment(workbook: Workbook) -> None:
    with pytest.raises(NotFoundError):
        add_attachment(workbook, 999, "cv.txt", b"text")
    with pytest.raises(NotFoundError):
        attachments.remove_attachment(workbook, 999)
    with pytest.raises(NotFoundError):
        attachments.attachment_content(workbook, 999)


# -- names, export, listing, removal -------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\kari\\Documents\\cv.txt", "cv.txt"),
        ("cv\u202etxt.exe\x00\n", "cvtxt.exe"),
        ("..", "attachment"),
        ("x" * 300 + ".pdf", "x" * 196 + ".pdf"),
    ],
)
def test_file_names_are_sanitised_base_names(
    workbook: Workbook, cid: int, given: str, stored: str
) -> None:
    info = add_attachment(workbook, cid, given, f"text for {given!r}".encode())
    assert info.filename == stored
    assert len(info.filename) <= 200


def test_export_to_private_temp(workbook: Workbook, cid: int) -> None:
    data = make_pdf("Exported")
    info = add_attachment(workbook, cid, "../../etc/passwd", data)
    path = attachments.export_to_private_temp(workbook, info.id)
    assert path.name == "passwd.pdf"
    assert paths.opened_files_dir() in path.parents
    assert path.read_bytes() == data
    again = attachments.export_to_private_temp(workbook, info.id)
    assert again.parent != path.parent
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_list_newest_first_and_remove_unindexes(workbook: Workbook, cid: int) -> None:
    first = add_attachment(workbook, cid, "cv.txt", b"Gloopernaut developer")
    second = add_attachment(workbook, cid, "letter.txt", b"Dear team", kind="cover_letter")
    listed = attachments.list_attachments(workbook, cid)
    assert [a.id for a in listed] == [second.id, first.id]
    assert listed[0].kind == "cover_letter" and listed[1].has_text
    assert found(workbook, "gloopernaut") == [cid]
    attachments.remove_attachment(workbook, first.id)
    assert found(workbook, "gloopernaut") == []
    assert [a.id for a in attachments.list_attachments(workbook, cid)] == [second.id]


def test_audit_has_no_file_names(workbook: Workbook, cid: int) -> None:
    info = add_attachment(workbook, cid, "Ingrid_Odegard_CV.txt", b"CV")
    attachments.remove_attachment(workbook, info.id)
    with workbook.transaction() as session:
        events = session.exec(select(AuditEvent).where(AuditEvent.entity == "attachment")).all()
        details = [e.detail for e in events]
    assert len(details) == 2
    assert not any("Ingrid" in d or "Odegard" in d for d in details)


# -- suggestions --------------------------------------------------------------------------------


def test_suggestions_from_cv_text() -> None:
    text = (
        "Ingrid Ødegård\n"
        "ingrid.odegard@example.no | +47 555 01 234\n"
        "linkedin.com/in/ingrid-odegard, https://github.com/ingrid.\n"
        "2015 - 2019: Backend at Google, mostly python and postgresql; some C.\n"
        "Let's go! Node.js, not Go. ASP.NET wasn't mine.\n"
    )
    found = suggest_from_text(text)
    assert found.emails == ("ingrid.odegard@example.no",)
    assert found.phones == ("+47 555 01 234",)
    assert found.links == ("https://linkedin.com/in/ingrid-odegard", "https://github.com/ingrid")
    assert {"Python", "PostgreSQL", "Node.js", "C", "Go"} <= set(found.skills)
    assert ".NET" not in found.skills


def test_short_skills_need_exact_case_and_whole_words() -> None:
    catalog = ["Go", "C", "C#", "R", "Python"]
    assert suggest_from_text("Worked at Google with go and c.", catalog).skills == ()
    assert suggest_from_text("C# and Python, R too", catalog).skills == ("C#", "R", "Python")
    assert suggest_from_text("GO PYTHON", catalog).skills == ("Python",)
