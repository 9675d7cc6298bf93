"""Drafts as files a mail program opens: ``.eml`` messages, a folder of them, an mbox.

A draft is a standard Internet message (``email.message.EmailMessage`` with the
SMTP policy: CRLF line ends, UTF-8 text, names in RFC 2047 words), From the
team member writing, To the candidate, with ``X-Unsent: 1`` so mail programs
that know the header (Outlook) open it ready to send. Attachments ride as
MIME parts. When none are needed, :func:`mailto_url` gives a ``mailto:`` link
instead. Every file is written through ``safe_output``.
"""

from __future__ import annotations

import mailbox
from collections.abc import Sequence
from dataclasses import dataclass
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from urllib.parse import quote

from hiring_desk import clock, safe_output
from hiring_desk.file_names import safe_file_name


@dataclass(frozen=True)
class DraftFile:
    """A file attached to a draft."""

    filename: str
    mime: str  # "application/pdf"
    data: bytes


@dataclass(frozen=True)
class Draft:
    """One message ready to be written as a file."""

    from_name: str
    from_address: str
    to_name: str
    to_address: str
    subject: str
    body: str
    attachments: tuple[DraftFile, ...] = ()


def build_message(draft: Draft) -> EmailMessage:
    """The draft as an Internet message (raises ValueError for an address it cannot use)."""
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = _address(draft.from_name, draft.from_address)
    message["To"] = _address(draft.to_name, draft.to_address)
    message["Subject"] = draft.subject
    message["Date"] = format_datetime(clock.now().astimezone())
    domain = draft.from_address.rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message["X-Unsent"] = "1"
    message.set_content(draft.body, charset="utf-8")
    for item in draft.attachments:
        main, _, sub = (item.mime or "application/octet-stream").partition("/")
        params = {"charset": "utf-8"} if item.mime == "text/calendar" else None
        message.add_attachment(
            item.data,
            maintype=main,
            subtype=sub or "octet-stream",
            filename=item.filename,
            params=params,
        )
    return message


def message_bytes(draft: Draft) -> bytes:
    return build_message(draft).as_bytes()


def _address(name: str, address: str) -> Address:
    user, at, domain = address.strip().rpartition("@")
    if not at or not user or not domain:
        raise ValueError(f"{address!r} is not an email address")
    return Address(display_name=" ".join(name.split()), username=user, domain=domain)


def mailto_url(to_address: str, subject: str, body: str) -> str:
    """A ``mailto:`` link (RFC 6068) opening a new message with the subject and body."""
    to = quote(to_address.strip(), safe="@")
    text = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{to}?subject={quote(subject, safe='')}&body={quote(text, safe='')}"


def draft_file_name(draft: Draft, fallback: str = "message") -> str:
    """``"Aoife Byrne - Interview for ....eml"``: safe on every system."""
    return safe_file_name(f"{draft.to_name} - {draft.subject}", fallback, extension=".eml")


def write_eml(draft: Draft, out: Path) -> Path:
    """Write one draft as ``out`` (an ``.eml`` file)."""
    safe_output.write_bytes(out, message_bytes(draft))
    return out


def write_folder(drafts: Sequence[Draft], folder: Path) -> list[Path]:
    """One ``.eml`` per draft in ``folder``, named after the candidate and subject (never
    over one another: a second draft of the same name gets " (2)")."""
    written: list[Path] = []
    taken: set[str] = set()
    for number, draft in enumerate(drafts, 1):
        name = draft_file_name(draft, f"message {number}")
        stem, extension = name.removesuffix(".eml"), ".eml"
        count = 2
        while name.casefold() in taken or (folder / name).exists():
            name = f"{stem} ({count}){extension}"
            count += 1
        taken.add(name.casefold())
        written.append(write_eml(draft, folder / name))
    return written


def write_mbox(drafts: Sequence[Draft], out: Path) -> Path:
    """All the drafts in one mbox file (mail programs import it as a folder of messages)."""
    with safe_output.staged_path(out) as temporary:
        box = mailbox.mbox(temporary, create=True)
        try:
            for draft in drafts:
                box.add(mailbox.mboxMessage(build_message(draft)))
            box.flush()
        finally:
            box.close()
    return out
