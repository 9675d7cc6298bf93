"""One row of an import as a candidate record: defaults instead of refusals.

A row is skipped only when it cannot be saved at all: no name, email or phone
(with an email or phone but no name, that becomes the name), or a name too long
to store. Everything else is saved: an amount without a currency takes the
import's default currency; a value that cannot be read or does not pass its check
(an amount that could be read two ways, "5 years" where a number belongs, an email
address without an @) is kept word for word in the notes as ``Column: value`` and
named in the report, never guessed; and so are the columns no field takes.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from hiring_desk.domain.formatting import DEFAULT_LOCALE, major_to_minor
from hiring_desk.domain.money import MoneyAmount, UnreadableAmount, read_currency, read_money
from hiring_desk.domain.vocab import Source, WorkMode
from hiring_desk.services.candidates.csv_import_columns import FIELD_LABELS, column_name
from hiring_desk.services.candidates.record_checks import (
    NAME_LIMIT,
    NOTES_LIMIT,
    CandidateInput,
    candidate_input,
    check_candidate,
)

#: Fields whose value, when it does not pass its check, is moved to the notes.
_KEPT_WHEN_WRONG = frozenset(
    {
        "email",
        "phone",
        "location",
        "postal_address",
        "current_title",
        "linkedin_url",
        "github_url",
        "portfolio_url",
        "years_experience",
        "notice_weeks",
        "salary_expectation",
        "salary_expectation_max",
        "tags",
        "skills",
    }
)
_YEARS = re.compile(r"(\d{1,3})(?:[.,]0+)?\s*(?:\+|years?|yrs?\.?|y)?", re.IGNORECASE)
_WEEKS = re.compile(r"(\d{1,3})(?:[.,]0+)?\s*(?:weeks?|wks?\.?|w)?", re.IGNORECASE)
_BRACKETED = re.compile(r"[(\[]\s*([^)\]]*?)\s*[)\]]")
_LIST_SEPARATORS = re.compile(r"[;,|\n]")
_WORK_MODES = {
    "on site": WorkMode.ON_SITE,
    "onsite": WorkMode.ON_SITE,
    "office": WorkMode.ON_SITE,
    "in office": WorkMode.ON_SITE,
    "remote": WorkMode.REMOTE,
    "hybrid": WorkMode.HYBRID,
}


@dataclass(frozen=True)
class ImportOptions:
    """How to read the rows: which column holds what, and the defaults."""

    mapping: Mapping[int, str]
    default_currency: str
    locale: str = DEFAULT_LOCALE
    role_id: int | None = None  # apply every imported candidate to this role


class ReadRow(NamedTuple):
    line: int
    record: CandidateInput  # checked and cleaned, ready to save
    said: tuple[str, ...]  # for the report: values kept in the notes, defaults taken


class SkippedRow(NamedTuple):
    line: int
    reason: str


@dataclass(slots=True)
class _Cells:
    """One row's values by field, and what was moved to its notes."""

    values: dict[str, str]
    columns: dict[str, tuple[int, str]]  # field -> its column: index, name (the file's)
    #: (column index, "Column: value") for the notes, which list them in column order.
    kept: list[tuple[int, str]] = field(default_factory=list)
    said: list[str] = field(default_factory=list)
    took_default_currency: bool = False
    source: str = Source.OTHER.value

    def keep(self, key: str, reason: str) -> None:
        raw = self.values.pop(key)
        index, column = self.columns[key]
        self.kept.append((index, f"{column}: {raw}"))
        self.said.append(f"{FIELD_LABELS[key].lower()} '{raw}' kept in the notes: {reason}")


class RowReader:
    """Turns the rows of one file into records; counts what the whole file should hear."""

    def __init__(
        self, header: tuple[str, ...], options: ImportOptions, currencies: frozenset[str]
    ) -> None:
        self._options = options
        self._currencies = currencies
        self._width = len(header)
        self._fields = sorted(options.mapping.items())
        #: The cells a row needs for every mapped field to have its column.
        self._needed = max((index for index, _key in self._fields), default=-1) + 1
        self._names = {i: column_name(header, i) for i in range(len(header))}
        self._columns = {key: (i, self._names[i]) for i, key in self._fields if i < len(header)}
        self._unmapped = [i for i in range(len(header)) if i not in options.mapping]
        #: A currency the salary column's header names: "Salary (EUR)".
        self._header_currency = next(
            (
                code
                for i, key in self._fields
                if key.startswith("salary_expectation") and i < len(header)
                for note in _BRACKETED.findall(header[i])
                if (code := read_currency(note, options.locale))
            ),
            None,
        )
        #: Rows whose amount took the default currency, and sources saved as Other.
        self.default_currency_rows = 0
        self.unknown_sources: Counter[str] = Counter()

    def read(self, line: int, cells: tuple[str, ...]) -> ReadRow | SkippedRow:
        row = self._cells(cells)
        record, errors = self._checked(row)
        if "name" in errors:
            if record.name:
                return SkippedRow(line, f"the name is longer than {NAME_LIMIT} characters")
            return SkippedRow(line, "no name, email address or phone number")
        if errors:  # none is expected: every other value was moved to the notes
            wrong = "; ".join(f"{key.replace('_', ' ')} {text}" for key, text in errors.items())
            return SkippedRow(line, wrong)
        return ReadRow(line, record, tuple(row.said))

    # -- the steps -------------------------------------------------------------------------

    def _cells(self, cells: tuple[str, ...]) -> _Cells:
        width = len(cells)
        fields = self._fields if width >= self._needed else self._fields_within(width)
        values = {
            key: text if text[0] != "'" else _without_export_apostrophe(text)
            for index, key in fields
            if (text := cells[index].strip())
        }
        row = _Cells(values, self._columns)
        for index in self._unmapped:
            if index < width and (text := cells[index].strip()):
                text = _without_export_apostrophe(text)
                row.kept.append((index, f"{self._names[index]}: {text}"))
        extra = (
            [
                (i, f"Column {i + 1}: {text}")
                for i, cell in enumerate(cells[self._width :], start=self._width)
                if (text := cell.strip())
            ]
            if width > self._width
            else None
        )
        if extra:
            row.kept += extra
            row.said.append("more cells than the header names; the others are in the notes")
        if "source" in values:
            row.source = self._source(values["source"], row)
        return row

    def _fields_within(self, width: int) -> list[tuple[int, str]]:
        """The mapped fields whose column a row of ``width`` cells has."""
        return [(index, key) for index, key in self._fields if index < width]

    def _checked(self, row: _Cells) -> tuple[CandidateInput, dict[str, str]]:
        """The record, after moving every value that fails its check to the notes."""
        while True:
            record = self._record(row)
            cleaned, errors = check_candidate(record, self._currencies)
            if not errors:
                break
            wrong = [key for key in errors if key in _KEPT_WHEN_WRONG and key in row.values]
            if not wrong:
                break
            for key in wrong:
                row.keep(key, errors[key].rstrip("."))
        if "name" not in errors and not (row.values.get("name") or _joined_name(row.values)):
            used = "email address" if cleaned.email else "phone number"
            row.said.append(f"no name; the {used} is used as the name")
        if record.salary_expectation is not None and row.took_default_currency:
            self.default_currency_rows += 1
        return cleaned, errors

    def _record(self, row: _Cells) -> CandidateInput:
        """The record the row's values make (each value that cannot be read is moved to
        the notes on the way)."""
        values = row.values
        low, high, currency = self._salary(row)
        name = values.get("name") or _joined_name(values)
        if row.kept:
            kept = [text for _index, text in sorted(row.kept)]
            notes = "\n".join(part for part in (values.get("notes", ""), *kept) if part)
        else:
            notes = values.get("notes", "")
        if len(notes) > NOTES_LIMIT:
            notes = notes[:NOTES_LIMIT]
            cut = f"the notes were cut at {NOTES_LIMIT:,} characters"
            if cut not in row.said:
                row.said.append(cut)
        get = values.get
        return candidate_input(
            {
                "name": name or get("email", "") or get("phone", ""),
                "email": get("email", ""),
                "phone": get("phone", ""),
                "location": get("location", ""),
                "postal_address": get("postal_address", ""),
                "linkedin_url": get("linkedin_url", ""),
                "github_url": get("github_url", ""),
                "portfolio_url": get("portfolio_url", ""),
                "source": row.source,
                "current_title": get("current_title", ""),
                "years_experience": _whole(row, "years_experience", _YEARS),
                "salary_expectation": low,
                "salary_expectation_max": high,
                "salary_currency": currency,
                "notice_weeks": _whole(row, "notice_weeks", _WEEKS),
                "work_mode_preference": _work_mode(row),
                "notes": notes,
                "skills": _split(get("skills", "")),
                "tags": _split(get("tags", "")),
            }
        )

    def _salary(self, row: _Cells) -> tuple[Decimal | None, Decimal | None, str | None]:
        """The expectation's ends and currency: the cell's own, the currency column's, or
        the default."""
        locale, values = self._options.locale, row.values
        column_currency: str | None = None
        if "salary_currency" in values:
            column_currency = read_currency(values["salary_currency"], locale)
            if column_currency is None:
                row.keep("salary_currency", "is not a currency symbol or ISO code")
        amounts: list[MoneyAmount] = []
        for key in ("salary_expectation", "salary_expectation_max"):
            if key not in values:
                continue
            reading = read_money(values[key], locale)
            if isinstance(reading, UnreadableAmount):
                row.keep(key, reading.reason)
            elif reading is not None:
                amounts.append(reading)
        if not amounts:
            return None, None, None
        named = {amount.currency for amount in amounts if amount.currency}
        if len(named) > 1:
            for key in ("salary_expectation", "salary_expectation_max"):
                if key in values:
                    row.keep(key, "the two amounts name different currencies")
            return None, None, None
        currency = (named.pop() if named else None) or column_currency or self._header_currency
        row.took_default_currency = currency is None
        currency = currency or self._options.default_currency
        if len(amounts) == 1 and amounts[0].high is None:  # one amount: most rows
            low, high = amounts[0].low, None
        else:
            ends = sorted({amounts[0].low, *(a.high or a.low for a in amounts)})
            low, high = ends[0], (ends[-1] if len(ends) > 1 else None)
        try:
            for amount in (low, high):
                if amount is not None:
                    major_to_minor(amount, currency)
        except ValueError as exc:
            for key in ("salary_expectation", "salary_expectation_max"):
                if key in values:
                    row.keep(key, str(exc))
            return None, None, None
        return low, high, currency

    def _source(self, text: str, row: _Cells) -> str:
        """The source a cell names; one the app does not list is Other, the text in the notes."""
        value = _source_keys().get(text.casefold().replace(" ", "_").replace("-", "_"))
        if value is None:
            self.unknown_sources[text] += 1
            index, column = row.columns["source"]
            row.kept.append((index, f"{column}: {text}"))
            return Source.OTHER.value
        return value


# -- single values ---------------------------------------------------------------------------


def _without_export_apostrophe(value: str) -> str:
    """Undo the apostrophe a CSV export (ours too) puts before formula-like cells."""
    if len(value) > 1 and value[0] == "'" and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def _joined_name(values: Mapping[str, str]) -> str:
    return " ".join(part for part in (values.get("first_name"), values.get("last_name")) if part)


def _whole(row: _Cells, key: str, pattern: re.Pattern[str]) -> int | None:
    text = row.values.get(key)
    if text is None:
        return None
    number = _whole_number(pattern, text)
    if number is None:
        row.keep(key, "is not a whole number")
    return number


@functools.lru_cache(maxsize=1024)  # the same few numbers, row after row
def _whole_number(pattern: re.Pattern[str], text: str) -> int | None:
    found = pattern.fullmatch(text)
    return None if found is None else int(found[1])


def _work_mode(row: _Cells) -> str | None:
    text = row.values.get("work_mode_preference")
    if text is None:
        return None
    mode = _WORK_MODES.get(" ".join(text.casefold().replace("-", " ").split()))
    if mode is None:
        row.keep("work_mode_preference", "is not on-site, remote or hybrid")
        return None
    return mode.value


def _split(text: str) -> tuple[str, ...]:
    """ "Python; SQL, Go" -> ("Python", "SQL", "Go")."""
    return tuple(filter(None, map(str.strip, _LIST_SEPARATORS.split(text))))


@functools.cache
def _source_keys() -> dict[str, str]:
    """Each source's value and its label (folded, spaces as "_") -> the value."""
    keys: dict[str, str] = {}
    for source in Source:
        for key in (source.value, source.label.casefold().replace(" ", "_")):
            keys.setdefault(key, source.value)
    return keys
