"""Reading applications that arrived by email: ``.eml`` files and ``.mbox`` mailboxes.

Each message becomes a :class:`ReceivedMessage`: the sender's name and address
(RFC 2047 words decoded by the ``email`` package), the subject, the text of the
body (plain text preferred; HTML turned into text when there is nothing else),
and its attachments sorted into documents worth keeping and files refused.

A file is a document only when its name ends in .pdf, .docx, .odt or .txt AND
its content is that kind of document (``cv_text.detect_mime``): an executable
renamed ``cv.pdf`` or a ``.zip`` is refused with a sentence, and never stored.
Nothing here touches the workbook.
"""

from __future__ import annotations

import mailbox
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses
from html.parser import HTMLParser
from pathlib import Path

from hiring_desk.file_names import split_extension
from hiring_desk.services.candidates import cv_text

#: The documents an application may carry, by extension, and what their content must be.
DOCUMENT_KINDS: dict[str, str] = {
    ".pdf": cv_text.PDF,
    ".docx": cv_text.DOCX,
    ".odt": cv_text.ODT,
    ".txt": cv_text.TXT,
}

#: Names that say "program" or "archive" whatever the content turns out to be.
_PROGRAM_EXTENSIONS = (
    ".exe .com .bat .cmd .msi .scr .pif .js .jse .vbs .vbe .ps1 .sh .jar .apk .app .dll "
    ".lnk .zip .rar .7z .tar .gz .tgz .bz2 .xz .iso .img .dmg .cab"
)
_PROGRAMS = frozenset(_PROGRAM_EXTENSIONS.split())

_BLANK_LINES = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class ReceivedFile:
    filename: str
    data: bytes


@dataclass(frozen=True)
class ReceivedMessage:
    """One message, as far as an application goes."""

    source: str  # "cv.eml", or "inbox.mbox, message 3"
    name: str  # the sender's name; "" when the message gives none
    email: str
    subject: str
    body: str
    documents: tuple[ReceivedFile, ...]
    refused: tuple[str, ...]  # one sentence per attachment refused


class UnreadableMailError(ValueError):
    """A file that holds no message; ``str(error)`` says why, naming the file."""


def read_mail_files(paths: Sequence[Path]) -> list[ReceivedMessage]:
    """Every message in these files, in order; UnreadableMailError for a file with none."""
    found: list[ReceivedMessage] = []
    for path in paths:
        found += list(_messages_in(path))
    return found


def _messages_in(path: Path) -> Iterator[ReceivedMessage]:
    try:
        with path.open("rb") as handle:
            head = handle.read(5)
    except OSError as exc:
        raise UnreadableMailError(f"Could not read {path.name}: {exc.strerror or exc}") from None
    if path.suffix.lower() == ".mbox" or head == b"From ":
        box = mailbox.mbox(path, create=False)
        try:
            keys = list(box.keys())
            if not keys:
                raise UnreadableMailError(f"{path.name} holds no messages.")
            for number, key in enumerate(keys, 1):
                yield read_message(box.get_bytes(key), f"{path.name}, message {number}")
        finally:
            box.close()
        return
    yield read_message(path.read_bytes(), path.name)


def read_message(data: bytes, source: str) -> ReceivedMessage:
    """One message's sender, subject, text and attachments."""
    message = BytesParser(policy=policy.default).parsebytes(data)
    if not isinstance(message, EmailMessage) or not (message["From"] or message["Subject"]):
        raise UnreadableMailError(f"{source} is not an email message.")
    sender = message.get("Reply-To") if _no_from(message) else message.get("From")
    pairs = getaddresses([str(sender or "")])
    name, address = pairs[0] if pairs else ("", "")
    documents: list[ReceivedFile] = []
    refused: list[str] = []
    for part in message.iter_attachments():
        if not isinstance(part, EmailMessage):
            continue
        filename = str(part.get_filename() or "").strip() or "unnamed attachment"
        payload = part.get_payload(decode=True)
        data_bytes = payload if isinstance(payload, bytes) else b""
        problem = document_problem(filename, data_bytes)
        if problem:
            refused.append(f"{filename} was not kept: {problem}.")
        else:
            documents.append(ReceivedFile(filename, data_bytes))
    return ReceivedMessage(
        source=source,
        name=" ".join(name.split()),
        email=address.strip(),
        subject=" ".join(str(message.get("Subject") or "").split()),
        body=_body_text(message),
        documents=tuple(documents),
        refused=tuple(refused),
    )


def _no_from(message: EmailMessage) -> bool:
    return not str(message.get("From") or "").strip()


def document_problem(filename: str, data: bytes) -> str:
    """Why this attachment is not a document to keep ("" when it is one)."""
    _stem, extension = split_extension(filename)
    extension = extension.lower()
    if extension in _PROGRAMS:
        return "programs and archives are never kept"
    if not data:
        return "it is empty"
    if data[:2] == b"MZ" or data[:4] == b"\x7fELF":
        return "it is a program"
    try:
        kind = cv_text.detect_mime(data)
    except cv_text.UnknownTypeError as exc:
        return f"it {exc}"
    except cv_text.UnsafeContentError as exc:
        return f"it {exc}"
    expected = DOCUMENT_KINDS.get(extension)
    if expected is None:
        return "only PDF, Word (.docx), OpenDocument (.odt) and text (.txt) files are kept"
    if kind != expected:
        return f"its name ends in {extension} but it is not that kind of file"
    return ""


def _body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if not isinstance(part, EmailMessage):
        return ""
    try:
        content = part.get_content()
    except (LookupError, ValueError):  # an unknown charset, a broken encoding
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    text = str(content)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").splitlines())
    return _BLANK_LINES.sub("\n\n", text).strip()


class _TextOfHtml(HTMLParser):
    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})
    _HIDDEN = frozenset({"script", "style", "head", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN:
            self._hidden += 1
        elif tag in self._BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN:
            self._hidden = max(self._hidden - 1, 0)
        elif tag in {"p", "div", "li", "tr"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The words of an HTML message, a line per paragraph (no markup, scripts or styles)."""
    reader = _TextOfHtml()
    reader.feed(html)
    reader.close()
    lines = "".join(reader.parts).splitlines()
    text = "\n".join(" ".join(line.split()) for line in lines)
    return _BLANK_LINES.sub("\n\n", text).strip()
