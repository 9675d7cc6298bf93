"""Candidates from a CSV file: read it, map its columns, import the good rows at once.

All rows of one import go in one transaction: an import either happens (every
good row) or, if cancelled or failing, leaves the workbook as it was. Rows that
cannot be imported are listed with their line numbers and why.
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from hiring_desk.domain.vocab import Source, Stage
from hiring_desk.services.candidate_records import CandidateInput, check_candidate
from hiring_desk.services.company import currency_codes
from hiring_desk.services.errors import ServiceError, ValidationError
from hiring_desk.store import Workbook

MAX_BYTES = 50 * 1024 * 1024

#: Fields a column can map to, with the header names recognised for each.
FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "candidate", "candidate name"),
    "first_name": ("first name", "firstname", "given name", "forename"),
    "last_name": ("last name", "lastname", "surname", "family name"),
    "email": ("email", "e-mail", "email address", "mail"),
    "phone": ("phone", "telephone", "mobile", "phone number", "tel"),
    "location": ("location", "city", "based in"),
    "source": ("source", "channel", "found via"),
    "current_title": ("current title", "title", "job title", "position", "headline"),
    "years_experience": ("years of experience", "experience", "years", "yoe"),
    "salary_expectation": ("salary expectation", "salary", "expected salary"),
    "salary_currency": ("currency", "salary currency"),
    "notice_weeks": ("notice weeks", "notice", "notice period"),
    "skills": ("skills", "skill", "technologies", "tech stack"),
    "tags": ("tags", "labels"),
    "linkedin_url": ("linkedin", "linkedin url", "linkedin profile"),
    "github_url": ("github", "github url"),
    "portfolio_url": ("portfolio", "website", "portfolio url"),
    "notes": ("notes", "comments", "note"),
}
FIELD_LABELS: dict[str, str] = {key: names[0].capitalize() for key, names in FIELDS.items()}


class ImportCancelledError(ServiceError):
    """The person cancelled the import; nothing was imported."""


@dataclass(frozen=True)
class ParsedCsv:
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]  # (line number, cells)
    encoding: str
    delimiter: str


@dataclass
class ImportResult:
    imported: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    candidate_ids: list[int] = field(default_factory=list)


def read_csv(data: bytes, filename: str = "the file") -> ParsedCsv:
    """Decode (UTF-8 with or without BOM, else cp1252) and split (comma or semicolon)."""
    if len(data) > MAX_BYTES:
        raise ValidationError({"file": f"{filename} is larger than 50 MB"})
    if b"\x00" in data[:4096]:
        raise ValidationError({"file": f"{filename} is not a text (CSV) file"})
    try:
        text, encoding = data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
    first_line = text.split("\n", 1)[0]
    try:
        delimiter = csv.Sniffer().sniff(text[:8192], delimiters=",;").delimiter
    except csv.Error:
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = tuple(cell.strip() for cell in next(reader))
    except StopIteration:
        raise ValidationError({"file": f"{filename} is empty"}) from None
    except csv.Error as exc:
        raise ValidationError({"file": f"{filename} is not a readable CSV file ({exc})"}) from None
    rows: list[tuple[int, tuple[str, ...]]] = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, tuple(cells)))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise ValidationError(
            {"file": f"{filename}: line {reader.line_num} cannot be read ({exc})"}
        ) from None
    return ParsedCsv(header, tuple(rows), encoding, delimiter)


def auto_map(header: tuple[str, ...]) -> dict[int, str]:
    """Column index -> field, from the header names (case, spaces and _ ignored)."""
    lookup = {_norm(name): key for key, names in FIELDS.items() for name in names}
    mapping: dict[int, str] = {}
    for index, name in enumerate(header):
        key = lookup.get(_norm(name))
        if key and key not in mapping.values():
            mapping[index] = key
    return mapping


def _norm(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().casefold().lstrip("\ufeff"))


def row_record(cells: tuple[str, ...], mapping: dict[int, str]) -> CandidateInput:
    """The candidate a row describes; raises ValueError for unreadable numbers."""
    values: dict[str, str] = {}
    for index, key in mapping.items():
        if index < len(cells):
            values[key] = _unneutralise(cells[index].strip())
    name = values.get("name") or " ".join(
        part for part in (values.get("first_name", ""), values.get("last_name", "")) if part
    )

    def number(key: str) -> int | None:
        text = values.get(key, "").strip()
        if not text:
            return None
        if not re.fullmatch(r"\d{1,3}", text):
            raise ValueError(f"{FIELD_LABELS[key].lower()} '{text}' is not a whole number")
        return int(text)

    salary_text = values.get("salary_expectation", "").replace(",", "").replace(" ", "")
    salary: Decimal | None = None
    if salary_text:
        if not re.fullmatch(r"\d{1,12}(\.\d{1,4})?", salary_text):
            raise ValueError(
                f"salary expectation '{values['salary_expectation']}' is not an amount"
            )
        salary = Decimal(salary_text)
    return CandidateInput(
        name=name,
        email=values.get("email", ""),
        phone=values.get("phone", ""),
        location=values.get("location", ""),
        source=_source(values.get("source", "")),
        current_title=values.get("current_title", ""),
        years_experience=number("years_experience"),
        salary_expectation=salary,
        salary_currency=values.get("salary_currency") or None,
        notice_weeks=number("notice_weeks"),
        skills=_split(values.get("skills", "")),
        tags=_split(values.get("tags", "")),
        linkedin_url=values.get("linkedin_url", ""),
        github_url=values.get("github_url", ""),
        portfolio_url=values.get("portfolio_url", ""),
        notes=values.get("notes", ""),
    )


def _unneutralise(value: str) -> str:
    """Undo the apostrophe our CSV export puts before formula-like cells."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in re.split(r"[;,]", text) if part.strip())


def _source(text: str) -> str:
    key = text.strip().casefold().replace(" ", "_")
    return _source_keys().get(key, Source.OTHER.value)


@functools.cache
def _source_keys() -> dict[str, str]:
    """Each source's value and its label (folded, spaces as "_") -> the value."""
    keys: dict[str, str] = {}
    for source in Source:
        for key in (source.value, source.label.casefold().replace(" ", "_")):
            keys.setdefault(key, source.value)
    return keys


Progress = Callable[[int, int], bool]  # (done, total) -> keep going?


def import_candidates(
    workbook: Workbook,
    parsed: ParsedCsv,
    mapping: dict[int, str],
    *,
    role_id: int | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import every good row in one transaction; list the others with their reasons."""
    from hiring_desk.services import candidate_import_store

    if "name" not in mapping.values() and not {"first_name", "last_name"} & set(mapping.values()):
        raise ValidationError({"mapping": "choose the column that holds the candidates' names"})
    currencies = currency_codes()
    result = ImportResult()
    good: list[tuple[int, CandidateInput]] = []
    for line, cells in parsed.rows:
        try:
            record = row_record(cells, mapping)
        except ValueError as exc:
            result.skipped.append((line, str(exc)))
            continue
        cleaned, errors = check_candidate(record, currencies)
        if errors:
            first = next(iter(errors.items()))
            result.skipped.append((line, f"{first[0].replace('_', ' ')} {first[1]}"))
            continue
        good.append((line, cleaned))
    return candidate_import_store.store_rows(
        workbook, good, result, role_id=role_id, progress=progress
    )


__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "ImportCancelledError",
    "ImportResult",
    "ParsedCsv",
    "Stage",
    "auto_map",
    "import_candidates",
    "read_csv",
    "row_record",
]
