"""Writing results: lines, JSON and aligned text tables."""

from __future__ import annotations

import contextlib
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from hiring_desk.cli.registry import EXIT_FAILURE, PROG, CommandError
from hiring_desk.services.workbook.locations import ServerAddress

Json = Any  # a value json.dumps accepts


@dataclass(frozen=True)
class Column:
    header: str
    right: bool = False  # right-align (numbers)


def _clean_cell(text: str) -> str:
    """One line of printable text: control characters (newlines, tabs) become spaces."""
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in text)


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: wide (CJK) characters take two, marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int, right: bool) -> str:
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def format_table(columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> str:
    """An aligned text table: a header row, a rule, then one line per row."""
    cells = [[_clean_cell(value) for value in row] for row in rows]
    widths = [display_width(column.header) for column in columns]
    for row in cells:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], display_width(value))

    def line(values: Sequence[str], right: Sequence[bool]) -> str:
        padded = (_pad(v, w, r) for v, w, r in zip(values, widths, right, strict=True))
        return "  ".join(padded).rstrip()

    aligned = [column.right for column in columns]
    lines = [
        line([column.header for column in columns], aligned),
        line(["-" * width for width in widths], [False] * len(columns)),
    ]
    lines.extend(line(row, aligned) for row in cells)
    return "\n".join(lines)


def write(text: str, stream: IO[str] | None) -> None:
    """Write one line; characters the stream's encoding lacks become replacements."""
    if stream is None:  # a windowed launcher may have no console at all
        return
    try:
        stream.write(text + "\n")
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        stream.write(text.encode(encoding, "replace").decode(encoding) + "\n")
    stream.flush()


def out(text: str) -> None:
    write(text, sys.stdout)


def out_json(value: Json) -> None:
    import codecs
    import json

    text = json.dumps(value, ensure_ascii=False, indent=2)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        codecs.lookup(encoding)
        text.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        # Still valid JSON: \u escapes for what this console cannot show.
        text = json.dumps(value, ensure_ascii=True, indent=2)
    out(text)


def one_line(text: str) -> str:
    lines = [part.strip() for part in str(text).splitlines() if part.strip()]
    return lines[0] if lines else ""


def fail(message: str) -> int:
    write(f"{PROG}: {one_line(message)}", sys.stderr)
    return EXIT_FAILURE


@contextlib.contextmanager
def writing_out_file(path: Path, workbook: Path | ServerAddress) -> Iterator[None]:
    """Around a command that writes ``--out``: refuse an unsafe target before any work.

    ``safe_output.refuse_unsafe_target`` raises (one line on stderr, exit 1,
    nothing written) for the workbook itself, a link to it, its working files,
    another database, the backups folder, a folder, a pipe... Once the command
    has written the file, says so if it replaced an existing one.
    """
    from hiring_desk.safe_output import UnsafeOutputError, refuse_unsafe_target

    try:
        refuse_unsafe_target(path, workbooks=[workbook] if isinstance(workbook, Path) else [])
    except UnsafeOutputError as exc:  # worded like a write that failed in a service
        raise CommandError(f"Could not write {path.name or path}: {exc.reason}") from None
    replacing = path.exists()
    yield
    if replacing:
        out(f"Replaced the existing file {path}")


def os_error_message(exc: OSError) -> str:
    if exc.strerror and exc.filename:
        return f"{Path(str(exc.filename)).name or exc.filename}: {exc.strerror}"
    return exc.strerror or str(exc) or type(exc).__name__
