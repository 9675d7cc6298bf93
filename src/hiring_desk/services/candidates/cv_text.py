"""What kind of document a file is (by its content), and its plain text for search.

Four kinds are known: PDF, Word (.docx), OpenDocument text (.odt) and plain text.
The kind is read from the bytes, never from the file name. Text extraction is
defensive: archives are checked against decompression bombs before anything is
inflated, XML is parsed with ``defusedxml`` with DTDs forbidden (no entity
expansion, no external references), a PDF is read in a separate process within
limits of pages, time and memory (``pdf_reading``), and a damaged PDF simply
yields no text.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from xml.etree.ElementTree import Element

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT = "application/vnd.oasis.opendocument.text"
TXT = "text/plain"

#: Each known kind: a label for people and the extension files of it get.
KINDS: dict[str, tuple[str, str]] = {
    PDF: ("PDF", ".pdf"),
    DOCX: ("Word document", ".docx"),
    ODT: ("OpenDocument text", ".odt"),
    TXT: ("plain text", ".txt"),
}

MAX_TEXT_CHARS = 1_000_000
#: Archive limits: any entry we read, and the archive as a whole.
MAX_ENTRY_BYTES = 50 * 1024 * 1024
MAX_RATIO = 200
RATIO_CHECK_FROM = 1024 * 1024  # tiny entries can't be bombs; their ratio says little
MAX_ENTRIES = 2000

_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_DOCX_PARTS = ("word/document.xml", "[Content_Types].xml")

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_ODT_PARAGRAPHS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})

#: Control characters other than tab and newline (after line ends became \n).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NOT_TEXT_SHARE = 0.05  # at most this share of control characters in a text file

#: Signatures of common files that are not CVs, to say what they are when refused.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"\xcf\xfa\xed\xfe", "a program"),
    (b"\xca\xfe\xba\xbe", "a program"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"PK\x03\x04", "an archive that is not a Word or OpenDocument text document"),
    (b"\xd0\xcf\x11\xe0", "an old-style Office file; save it as .docx or PDF"),
)


class UnsafeContentError(ValueError):
    """A document built to harm its reader (a decompression bomb, XML entities)."""


class UnknownTypeError(ValueError):
    """Content that is none of the known kinds; ``str(error)`` says what it seems to be."""


# -- what is it? -------------------------------------------------------------------------


def detect_mime(data: bytes) -> str:
    """The kind of ``data`` (one of ``KINDS``), by its content alone.

    Raises UnknownTypeError for anything else, and UnsafeContentError for an
    archive with an absurd number of entries.
    """
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"PK"):
        mime = _zip_kind(data)
        if mime is not None:
            return mime
    if decode_text(data) is not None:
        return TXT
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise UnknownTypeError(f"is {what}")
    raise UnknownTypeError("is not a PDF, Word (.docx), OpenDocument (.odt) or plain-text file")


def _zip_kind(data: bytes) -> str | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = _checked_infos(archive)
            names = {info.filename for info in infos}
            if all(part in names for part in _DOCX_PARTS):
                return DOCX
            mimetype = next((i for i in infos if i.filename == "mimetype"), None)
            if (
                mimetype is not None
                and mimetype.file_size <= len(_ODT_MIMETYPE) + 2
                and archive.read(mimetype).strip() == _ODT_MIMETYPE
            ):
                return ODT
    except UnsafeContentError:
        raise
    except Exception:  # a damaged or exotic archive: zipfile raises many kinds of error
        return None
    return None


def decode_text(data: bytes) -> str | None:
    """``data`` as text (UTF-8 with or without BOM, else cp1252), or None if it isn't text."""
    if b"\x00" in data:
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            return None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return None
    unprintable = len(text) - len(_CONTROL.sub("", text.replace("\f", "")))
    if unprintable > len(text) * _NOT_TEXT_SHARE:
        return None
    return text


# -- its text ------------------------------------------------------------------------------


def extract_text(data: bytes, mime: str) -> str:
    """The plain text of a document of kind ``mime``; "" when none can be read."""
    return read_text(data, mime)[0]


def read_text(data: bytes, mime: str) -> tuple[str, str]:
    """(plain text, why it was not read) of a document of kind ``mime``.

    The reason is "" when the text was read (or the document has none); otherwise
    the text is "" and the reason says which limit the document went over (see
    ``pdf_reading``). Raises UnsafeContentError for a Word or OpenDocument file
    that is a decompression bomb or whose XML declares a DTD or entities.
    """
    if mime == PDF:
        from hiring_desk.services.candidates.pdf_reading import read_pdf

        reading = read_pdf(data, MAX_TEXT_CHARS)
        return normalise(reading.text), reading.unread_reason
    if mime == DOCX:
        text = _docx_text(_zip_entry(data, "word/document.xml"))
    elif mime == ODT:
        text = _odt_text(_zip_entry(data, "content.xml"))
    elif mime == TXT:
        text = decode_text(data) or ""
    else:
        return "", ""
    return normalise(text), ""


def normalise(text: str) -> str:
    """NFC, line ends as \\n, control characters other than newline and tab removed, capped."""
    text = text[: MAX_TEXT_CHARS * 2]
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub("", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()[:MAX_TEXT_CHARS]


def _checked_infos(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnsafeContentError(f"has more than {MAX_ENTRIES} files inside")
    return infos


def _zip_entry(data: bytes, name: str) -> bytes | None:
    """The bytes of one archive entry, after the bomb checks; None if it is missing or damaged."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:
        return None
    with archive:
        infos = _checked_infos(archive)
        info = next((i for i in infos if i.filename == name), None)
        if info is None:
            return None
        if info.file_size > MAX_ENTRY_BYTES:
            raise UnsafeContentError("is too large once unpacked")
        if info.file_size > RATIO_CHECK_FROM and (
            info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
        ):
            raise UnsafeContentError("unpacks to far more than its size (a zip bomb?)")
        try:
            with archive.open(info) as entry:
                content = entry.read(MAX_ENTRY_BYTES + 1)
        except Exception:  # bad CRC, unsupported compression, encryption, truncation
            return None
    if len(content) > MAX_ENTRY_BYTES:
        raise UnsafeContentError("is too large once unpacked")
    return content


def _parse(xml: bytes | None) -> Element | None:
    """The parsed XML; None if damaged; UnsafeContentError if it has a DTD or entities."""
    if xml is None:
        return None
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root: Element = fromstring(xml, forbid_dtd=True, forbid_entities=True)
    except DefusedXmlException:
        raise UnsafeContentError("contains XML declarations that are not allowed") from None
    except (ParseError, ValueError, RecursionError):
        return None
    return root


def _docx_text(xml: bytes | None) -> str:
    root = _parse(xml)
    if root is None:
        return ""
    return "".join(_docx_parts(root))


def _docx_parts(root: Element) -> Iterator[str]:
    for element in root.iter():
        tag = element.tag
        if tag == f"{_W}p":
            yield "\n"
        elif tag == f"{_W}t":
            yield element.text or ""
        elif tag == f"{_W}tab":
            yield "\t"
        elif tag in (f"{_W}br", f"{_W}cr"):
            yield "\n"


def _odt_text(xml: bytes | None) -> str:
    root = _parse(xml)
    if root is None:
        return ""
    parts: list[str] = []
    # An explicit stack (not recursion), so deeply nested XML cannot overflow it.
    stack: list[tuple[Element, bool] | str] = [(root, False)]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        element, in_paragraph = item
        tag = element.tag
        if tag == f"{_TEXT}s":
            parts.append(" " * _space_count(element.get(f"{_TEXT}c")))
            continue
        if tag == f"{_TEXT}tab":
            parts.append("\t")
            continue
        if tag == f"{_TEXT}line-break":
            parts.append("\n")
            continue
        paragraph = tag in _ODT_PARAGRAPHS
        inside = in_paragraph or paragraph
        pending: list[tuple[Element, bool] | str] = []
        if inside and element.text:
            pending.append(element.text)
        for child in element:
            pending.append((child, inside))
            if inside and child.tail:
                pending.append(child.tail)
        if paragraph:
            pending.append("\n")
        stack.extend(reversed(pending))
    return "".join(parts)


def _space_count(value: str | None) -> int:
    try:
        return min(max(int(value or "1"), 1), 100)
    except ValueError:
        return 1
