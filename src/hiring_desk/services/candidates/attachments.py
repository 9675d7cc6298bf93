"""Files kept with a candidate (CVs, cover letters): add, list, open, remove, suggest.

A file is accepted only if its content is a PDF, a Word (.docx) or OpenDocument
text (.odt) document or plain text (see ``cv_text``); its name is only a label,
kept as a sanitised base name and never used as a path. Its text is extracted
when it is added and goes into the candidate search index in the same
transaction. ``suggest_from_text`` offers contact details and skills found in a
CV for the user to confirm; it never changes a record by itself.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, col, select

from hiring_desk.file_names import base_name, safe_file_name, split_extension
from hiring_desk.services.candidates import cv_text, opened_copies
from hiring_desk.services.candidates.erased_guard import refuse_if_erased
from hiring_desk.services.common import audit
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.common.validation import normalise_text
from hiring_desk.store import Workbook, search, snapshots
from hiring_desk.store.models import Attachment, Candidate
from hiring_desk.store.snapshots import Snapshot

__all__ = [
    "MAX_BYTES",
    "AttachmentInfo",
    "Suggestions",
    "add_attachment",
    "attachment_content",
    "export_to_private_temp",
    "list_attachments",
    "remove_attachment",
    "safe_filename",
    "suggest_from_text",
    "type_label",
]

MAX_BYTES = 20 * 1024 * 1024
MAX_NAME_BYTES = 200
MAX_KIND_CHARS = 40
_FALLBACK_NAME = "attachment"


@dataclass(frozen=True)
class AttachmentInfo:
    id: int
    candidate_id: int
    filename: str
    mime: str
    size: int
    added_at: datetime
    kind: str
    has_text: bool
    #: Why its text was not read ("" when it was): it went over a limit.
    unread_reason: str = ""

    @property
    def type_label(self) -> str:
        return type_label(self.mime)

    @property
    def text_state(self) -> str:
        """ "text found", "no text found" or "text not read: <why>", to show with the file."""
        if self.unread_reason:
            return f"text not read: {self.unread_reason}"
        return "text found" if self.has_text else "no text found"


@dataclass(frozen=True)
class Suggestions:
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    links: tuple[str, ...]
    skills: tuple[str, ...]


def type_label(mime: str) -> str:
    """ "PDF", "Word document", ... for a stored mime type."""
    return cv_text.KINDS.get(mime, (mime, ""))[0]


# -- adding and removing -------------------------------------------------------------------


def add_attachment(
    workbook: Workbook, candidate_id: int, filename: str, data: bytes, kind: str = "cv"
) -> AttachmentInfo:
    """Keep ``data`` with the candidate and index its text; refused with a reason if unfit.

    Raises ValidationError (``file`` or ``kind``) for an empty, too large, unknown,
    unsafe or duplicate file, NotFoundError if the candidate does not exist.
    """
    require(workbook, Permission.CANDIDATES)
    name = safe_filename(filename)
    kind = " ".join(normalise_text(kind, multiline=False).split())
    if not kind or len(kind) > MAX_KIND_CHARS:
        raise ValidationError({"kind": f"Give a kind of at most {MAX_KIND_CHARS} characters."})
    if not data:
        raise ValidationError({"file": f"{name} is empty"})
    if len(data) > MAX_BYTES:
        limit = MAX_BYTES / (1024 * 1024)
        raise ValidationError({"file": f"{name} is larger than the limit of {limit:g} MB"})
    try:
        mime = cv_text.detect_mime(data)
        text, unread_reason = cv_text.read_text(data, mime)
    except cv_text.UnknownTypeError as exc:
        raise ValidationError({"file": f"{name} {exc}"}) from None
    except cv_text.UnsafeContentError as exc:
        raise ValidationError({"file": f"{name} was refused: it {exc}"}) from None
    digest = hashlib.sha256(data).hexdigest()
    with workbook.transaction() as session:
        if session.get(Candidate, candidate_id) is None:
            raise NotFoundError(f"Candidate {candidate_id} does not exist.")
        refuse_if_erased(session, candidate_id)
        existing = session.exec(
            select(Attachment.filename).where(
                Attachment.candidate_id == candidate_id, Attachment.sha256 == digest
            )
        ).first()
        if existing is not None:
            raise ValidationError({"file": f"{name} is already attached as {existing}"})
        row = Attachment(
            candidate_id=candidate_id,
            filename=name,
            mime=mime,
            size=len(data),
            sha256=digest,
            content=data,
            text=text,
            unread_reason=unread_reason,
            kind=kind,
        )
        session.add(row)
        session.flush()
        assert row.id is not None
        search.index_candidate(session, candidate_id)
        audit.record(
            session,
            "add",
            "attachment",
            row.id,
            {"candidate_id": candidate_id, "mime": mime, "size": len(data)},
        )
        return _info(row)


def remove_attachment(workbook: Workbook, attachment_id: int) -> Snapshot:
    """Delete a file and take its text out of the candidate's search entry.

    Returns what went, for ``services.undo.restore_deleted``.
    """
    require(workbook, Permission.CANDIDATES)
    with workbook.transaction() as session:
        row = _load(session, attachment_id)
        candidate_id = row.candidate_id
        snapshot = snapshots.take(session, "attachment", attachment_id)
        session.delete(row)
        search.index_candidate(session, candidate_id)
        audit.record(session, "remove", "attachment", attachment_id, {"candidate_id": candidate_id})
    opened_copies.remove_attachment_copies(workbook.location, candidate_id, attachment_id)
    return snapshot


# -- reading -----------------------------------------------------------------------------------


def list_attachments(workbook: Workbook, candidate_id: int) -> list[AttachmentInfo]:
    """A candidate's files, newest first (the contents stay in the workbook)."""
    statement = (
        sa.select(
            col(Attachment.id),
            col(Attachment.candidate_id),
            col(Attachment.filename),
            col(Attachment.mime),
            col(Attachment.size),
            col(Attachment.added_at),
            col(Attachment.kind),
            sa.func.length(col(Attachment.text)) > 0,
            col(Attachment.unread_reason),
        )
        .where(col(Attachment.candidate_id) == candidate_id)
        .order_by(col(Attachment.added_at).desc(), col(Attachment.id).desc())
    )
    with workbook.transaction() as session:
        rows = session.execute(statement).all()
    return [
        AttachmentInfo(
            id=aid or 0,
            candidate_id=cid,
            filename=filename,
            mime=mime,
            size=size,
            added_at=added_at,
            kind=kind,
            has_text=bool(has_text),
            unread_reason=unread_reason,
        )
        for aid, cid, filename, mime, size, added_at, kind, has_text, unread_reason in rows
    ]


def attachment_content(workbook: Workbook, attachment_id: int) -> tuple[str, str, bytes]:
    """(file name, mime type, bytes) of one attachment."""
    with workbook.transaction() as session:
        row = _load(session, attachment_id)
        return row.filename, row.mime, bytes(row.content)


def export_to_private_temp(workbook: Workbook, attachment_id: int) -> Path:
    """Write a copy of an attachment to a new private temporary folder, for a viewer.

    The folder is made for this copy alone (mode 0o700), the file is 0o600, and its
    extension always matches the content (.pdf, .docx, .odt, .txt), so the system
    opens it with a document viewer and never runs it. Nothing is opened here. The
    copy goes when the workbook closes, the file is removed or the candidate erased
    (see ``opened_copies``).
    """
    with workbook.transaction() as session:
        row = _load(session, attachment_id)
        candidate_id, name = row.candidate_id, _export_name(row.filename, row.mime)
        data = bytes(row.content)
    return opened_copies.write_copy(workbook, candidate_id, attachment_id, name, data)


def _load(session: Session, attachment_id: int) -> Attachment:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise NotFoundError(f"Attachment {attachment_id} does not exist.")
    return row


def _info(row: Attachment) -> AttachmentInfo:
    assert row.id is not None
    return AttachmentInfo(
        id=row.id,
        candidate_id=row.candidate_id,
        filename=row.filename,
        mime=row.mime,
        size=row.size,
        added_at=row.added_at,
        kind=row.kind,
        has_text=bool(row.text),
        unread_reason=row.unread_reason,
    )


# -- names ---------------------------------------------------------------------------------------


def safe_filename(filename: str) -> str:
    """The base name of ``filename`` as a safe file name (``file_names``), at most 200 bytes.

    Directories are dropped whichever separator they use; "", "." and ".." become
    "attachment". The extension is kept when a long name is shortened.
    """
    return safe_file_name(
        base_name(filename), _FALLBACK_NAME, keep_extension=True, max_bytes=MAX_NAME_BYTES
    )


def _export_name(filename: str, mime: str) -> str:
    """The stored name with the extension of the content's kind."""
    stem, _extension = split_extension(safe_filename(filename))
    return safe_file_name(stem, _FALLBACK_NAME, extension=cv_text.KINDS.get(mime, ("", ".bin"))[1])


# -- suggestions ---------------------------------------------------------------------------------

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d \t().\-/]{6,22}\d(?!\w)")
_NOT_PHONE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}\s*[-/]\s*\d{4}")
_URL = re.compile(
    r"\bhttps?://[^\s<>\"'()\[\]{}]+"
    r"|(?<![\w./@-])(?:www\.)?(?:linkedin\.com/in|github\.com)/[^\s<>\"'()\[\]{}]+",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?'\")]}"


def suggest_from_text(text: str, catalog_skills: Iterable[str] | None = None) -> Suggestions:
    """Emails, phone numbers, links and catalog skills found in ``text``, in order found.

    Skills match as whole words, ignoring case, except one- and two-letter names
    ("C", "Go", "R"), which must match exactly. Without ``catalog_skills``, the
    built-in catalog is used.
    """
    if catalog_skills is None:
        from hiring_desk.services.roles.skills_catalog import all_skills

        catalog_skills = all_skills()
    text = unicodedata.normalize("NFC", text)
    emails = _unique(m.group(0).strip(".").lower() for m in _EMAIL.finditer(text))
    links = _unique(_link(m.group(0)) for m in _URL.finditer(text))
    without_links = _URL.sub(" ", _EMAIL.sub(" ", text))
    phones = _unique(_phone(m.group(0)) for m in _PHONE.finditer(without_links))
    skills = _unique(s for s in catalog_skills if _skill_pattern(s).search(text))
    return Suggestions(emails=emails, phones=phones, links=links, skills=skills)


def _unique(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _link(found: str) -> str:
    link = found.rstrip(_TRAILING)
    if not link.lower().startswith(("http://", "https://")):
        link = "https://" + link
    return link


def _phone(found: str) -> str | None:
    candidate = found.strip()
    digits = re.sub(r"\D", "", candidate)
    if not 8 <= len(digits) <= 15:
        return None
    if _NOT_PHONE.fullmatch(candidate):
        return None  # a date or a span of years
    return " ".join(candidate.split())


@lru_cache(maxsize=1024)
def _skill_pattern(skill: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in skill.split()]
    body = r"\s+".join(words)
    flags = 0 if len(skill.strip()) <= 2 else re.IGNORECASE
    # Not inside a longer word, nor part of "C++"/"C#"/"Node.js"-like names.
    return re.compile(rf"(?<![\w+#])(?<!\w\.){body}(?![\w+#]|\.\w)", flags)
