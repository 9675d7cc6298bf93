"""A table from a delimited text file as people have them (CSV, Excel's "Unicode text").

Decoding: a byte-order mark says UTF-8, UTF-16 or UTF-32; otherwise UTF-16 without
one is recognised by its zero bytes, then UTF-8 is tried, and anything else is
detected by charset-normalizer: its answer is taken for Cyrillic, Greek, CJK and
other scripts it tells apart well, while text in Latin letters is read as
Windows-1252 (what Excel on Western Windows writes, Latin-1 included) whenever that
reads it, since on a short sample its guesses among the Latin encodings are unsure.
The separator (comma, semicolon, tab or vertical bar) is the one that splits the
first lines into the same number of columns.

Nothing is dropped quietly. A row is read with the ``csv`` module, quoted line
breaks included; but a row that runs on over several lines because of a stray
quote (it has a different number of cells than the header, whole rows of the file
inside one cell, or it runs to the end of the file) is reported by its first line
and the lines after it are read as rows again, so one bad quote costs one row, not
the rest of the file. NUL characters are removed and the lines that had them named.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from dataclasses import dataclass

from hiring_desk.services.candidates.bulk_work import cyclic_gc_paused
from hiring_desk.services.candidates.import_report import ReportLine
from hiring_desk.services.common.errors import ValidationError

MAX_BYTES = 100 * 1024 * 1024

DELIMITERS = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE, whose mark starts the same
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NOT_TEXT = (
    (b"PK\x03\x04", "an Excel workbook or another zip file; save it as CSV first"),
    (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls); save it as CSV first"),
    (b"%PDF", "a PDF, not a table"),
)
_LABELS = {
    "utf-8": "UTF-8",
    "utf-8-sig": "UTF-8 (with BOM)",
    "utf-16": "UTF-16",
    "utf-16-le": "UTF-16 (little-endian, no BOM)",
    "utf-16-be": "UTF-16 (big-endian, no BOM)",
    "utf-32": "UTF-32",
    "cp1252": "Windows-1252",
    "latin_1": "Latin-1",
    "cp932": "Shift-JIS (Windows)",
}
#: Scripts whose encodings charset-normalizer tells apart well; for the rest (Latin
#: letters) Windows-1252 is taken whenever it reads the file, as Excel writes it.
_OTHER_SCRIPTS = (
    "Cyrillic",
    "Greek",
    "Arabic",
    "Hebrew",
    "CJK",
    "Hiragana",
    "Katakana",
    "Hangul",
    "Thai",
    "Devanagari",
    "Armenian",
    "Georgian",
)
_WIDE = ["utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be"]
_SNIFF_LINES = 50
_DETECT_SAMPLE = 64 * 1024
_NON_ASCII_LINE = re.compile(rb"[^\n]*[\x80-\xff][^\n]*\n?")


@dataclass(frozen=True)
class DelimitedText:
    filename: str
    header: tuple[str, ...]
    header_line: int
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (first line, cells)
    unreadable: tuple[ReportLine, ...]  # rows that could not be read: skipped
    warnings: tuple[ReportLine, ...]  # about lines that were read (0: the whole file)
    encoding: str  # as people name it ("UTF-16", "Windows-1252")
    delimiter: str

    @property
    def row_count(self) -> int:
        """Data rows: those read and those that could not be."""
        return len(self.rows) + len(self.unreadable)

    @property
    def delimiter_name(self) -> str:
        return DELIMITERS.get(self.delimiter, repr(self.delimiter))


def read_delimited(data: bytes, filename: str = "the file") -> DelimitedText:
    """Decode and split ``data``; ValidationError({"file": ...}) when it is no table."""
    if len(data) > MAX_BYTES:
        raise ValidationError({"file": f"{filename} is larger than {MAX_BYTES >> 20} MB"})
    for signature, what in _NOT_TEXT:
        if data.startswith(signature):
            raise ValidationError({"file": f"{filename} is {what}"})
    text, codec, warnings = _decode(data, filename)
    with cyclic_gc_paused():
        lines = io.StringIO(text, newline="").readlines()
        if "\x00" in text:
            warnings.append(_remove_nuls(lines))
        delimiter = _sniff(lines)
        header_index, header = _header(lines, delimiter)
        if header is None:
            raise ValidationError({"file": f"{filename} is empty"})
        rows, unreadable = _rows(lines, header_index + 1, delimiter, len(header))
    return DelimitedText(
        filename=filename,
        header=tuple(cell.strip().lstrip("\ufeff") for cell in header),
        header_line=header_index + 1,
        rows=tuple(rows),
        unreadable=tuple(unreadable),
        warnings=tuple(warnings),
        encoding=_label(codec),
        delimiter=delimiter,
    )


# -- decoding ----------------------------------------------------------------------------


def _label(codec: str) -> str:
    """An encoding as people name it: "Windows-1252", "UTF-16", "Shift-JIS (Windows)"."""
    if codec in _LABELS:
        return _LABELS[codec]
    if codec.startswith("cp125"):
        return f"Windows-{codec[2:]}"
    return codec.upper().replace("_", "-")


def _decode(data: bytes, filename: str) -> tuple[str, str, list[ReportLine]]:
    codec = _encoding(data)
    if codec is None:
        raise ValidationError({"file": f"{filename} is not a text (CSV) file"})
    try:
        return data.decode(codec), codec, []
    except UnicodeDecodeError:
        warning = ReportLine(0, "Some characters could not be read; they show as �.")
        return data.decode(codec, errors="replace"), codec, [warning]


def _encoding(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    head = data[:4096]
    if head.count(0) * 4 > len(head):  # text in UTF-16 without a mark: every other byte 0
        return "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _detected(data)
    return "utf-8"


def _detected(data: bytes) -> str | None:
    """charset-normalizer's answer for the lines that are not plain ASCII."""
    import charset_normalizer

    sample = b"".join(
        match.group() for match in itertools.islice(_NON_ASCII_LINE.finditer(data), 2000)
    )[:_DETECT_SAMPLE]
    best = charset_normalizer.from_bytes(sample, cp_exclusion=_WIDE).best()
    if best is None:
        return None
    other_script = any(script in name for name in best.alphabets for script in _OTHER_SCRIPTS)
    if not other_script:
        try:
            sample.decode("cp1252")
        except UnicodeDecodeError:
            return str(best.encoding)
        return "cp1252"  # its guesses among Latin encodings are unsure on a short sample
    return str(best.encoding)


def _remove_nuls(lines: list[str]) -> ReportLine:
    numbers = [n for n, line in enumerate(lines, start=1) if "\x00" in line]
    for n in numbers:
        lines[n - 1] = lines[n - 1].replace("\x00", "")
    listed = ", ".join(map(str, numbers[:20])) + (" and more" if len(numbers) > 20 else "")
    where = f"lines {listed}" if len(numbers) > 1 else f"line {listed}"
    return ReportLine(0, f"NUL characters (a sign of a damaged file) were removed from {where}.")


# -- splitting ---------------------------------------------------------------------------


def _sniff(lines: list[str]) -> str:
    """The separator that splits the first lines into the most, equal, columns."""
    sample = [line for line in lines[: _SNIFF_LINES * 2] if line.strip()][:_SNIFF_LINES]
    best, best_score = ",", (0, 0)
    for delimiter in DELIMITERS:
        try:
            counts = [len(row) for row in csv.reader(sample, delimiter=delimiter)]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        score = (sum(count == counts[0] for count in counts), counts[0])
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _header(lines: list[str], delimiter: str) -> tuple[int, list[str] | None]:
    """The index of the first line with text, and its cells."""
    for index, line in enumerate(lines):
        if line.strip():
            cells = next(csv.reader([line], delimiter=delimiter), [])
            if any(cell.strip() for cell in cells):
                return index, cells
    return len(lines), None


def _rows(
    lines: list[str], start: int, delimiter: str, columns: int
) -> tuple[list[tuple[int, tuple[str, ...]]], list[ReportLine]]:
    """Every row from ``lines[start]`` on, and the rows that could not be read."""
    rows: list[tuple[int, tuple[str, ...]]] = []
    unreadable: list[ReportLine] = []
    base: int | None = start
    while base is not None and base < len(lines):
        reader = csv.reader(itertools.islice(lines, base, None), delimiter=delimiter)
        done = 0  # lines the rows read so far took
        restart: int | None = None
        try:
            for cells in reader:
                first, done = base + done, reader.line_num
                end = base + done
                if not "".join(cells).strip():
                    continue
                problem = (
                    _runs_on(cells, lines, first, end, delimiter, columns)
                    if end - first > 1 or end == len(lines)
                    else None
                )
                if problem is not None:
                    unreadable.append(ReportLine(first + 1, problem))
                    restart = first + 1
                    break
                rows.append((first + 1, tuple(cells)))
        except csv.Error:  # a cell longer than the csv module allows: a quote left open
            unreadable.append(ReportLine(base + done + 1, RUNS_ON))
            restart = base + done + 1
        base = restart
    return rows, unreadable


RUNS_ON = (
    "a quote opened in this row is not closed where the row ends, so the row runs on "
    "over the next lines; it was not imported, and the lines after it were read as rows"
)
RUNS_TO_END = "a quote opened in this row is never closed; the row was not imported"
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _runs_on(
    cells: list[str], lines: list[str], first: int, end: int, delimiter: str, columns: int
) -> str | None:
    """Why the row in ``lines[first:end]`` is a stray quote's doing, or None if it is not."""
    if end == len(lines) and _open_at_end(lines[first:end], delimiter):
        return RUNS_TO_END if end - first == 1 else RUNS_ON
    if end - first == 1:
        return None
    if len(cells) != columns:
        return RUNS_ON
    whole_rows_inside = columns >= 3 and any(
        part.count(delimiter) >= columns - 1
        for cell in cells
        if "\n" in cell or "\r" in cell
        for part in _LINE_BREAK.split(cell)
    )
    return RUNS_ON if whole_rows_inside else None


def _open_at_end(lines: list[str], delimiter: str) -> bool:
    """Whether these lines end inside a quoted cell."""
    try:
        for _cells in csv.reader(lines, delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False
