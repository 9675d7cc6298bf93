"""A candidate's record as the editor captures it, and its field checks."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass, field, fields
from decimal import Decimal
from unicodedata import is_normalized
from urllib.parse import urlsplit

from hiring_desk.domain.vocab import PayPeriod, Source, WorkMode
from hiring_desk.services.common.validation import email_problem, normalise_text, too_long

NAME_LIMIT = 200
SHORT_LIMIT = 200
NOTES_LIMIT = 20_000
TAG_LIMIT = 50
SKILL_LIMIT = 100
ADDRESS_LIMIT = 1000
URL_LIMIT = 500
#: An http(s) address of the usual shape, which the full check always accepts as it is.
_PLAIN_WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:[/?#]\S*)?", re.I)
_SOURCES = frozenset(s.value for s in Source)
_WORK_MODES = frozenset(w.value for w in WorkMode)


@dataclass(frozen=True)
class CandidateInput:
    """Everything the candidate editor captures. Money is in major units."""

    name: str
    email: str = ""
    phone: str = ""
    location: str = ""
    postal_address: str = ""
    linkedin_url: str = ""
    github_url: str = ""
    portfolio_url: str = ""
    source: str = Source.OTHER.value
    current_title: str = ""
    years_experience: int | None = None
    salary_expectation: Decimal | None = None
    salary_expectation_max: Decimal | None = None  # a range's upper end
    salary_currency: str | None = None
    salary_period: str = PayPeriod.YEAR.value
    notice_weeks: int | None = None
    work_mode_preference: str | None = None
    notes: str = ""
    skills: tuple[str, ...] = field(default_factory=tuple)
    tags: tuple[str, ...] = field(default_factory=tuple)


def _defaults() -> dict[str, object]:
    found: dict[str, object] = {}
    for f in fields(CandidateInput):
        if f.default is not MISSING:
            found[f.name] = f.default
        elif f.default_factory is not MISSING:
            found[f.name] = f.default_factory()  # an empty tuple: shared safely
    return found


_DEFAULTS = _defaults()


def candidate_input(values: dict[str, object]) -> CandidateInput:
    """``CandidateInput(**values)`` (``name`` included), made without the frozen
    dataclass's per-field ``__setattr__``: an import makes two per row, many thousands
    (a tenth of a microsecond instead of three). The same object in every way."""
    record = object.__new__(CandidateInput)
    record.__dict__.update(_DEFAULTS)
    record.__dict__.update(values)
    return record


def plain_text(value: str, *, multiline: bool = False) -> str:
    """Text from outside, normalised by ``validation.normalise_text`` and stripped.

    Line breaks and tabs survive only in multi-line fields.
    """
    if value.isascii() and value.isprintable():  # nothing to clean: most text
        return value.strip()
    return normalise_text(value, multiline=multiline).strip()


def _plain_all(values: tuple[str, ...]) -> list[str]:
    """``plain_text`` of each single-line value; at once when none needs cleaning (an
    import checks many thousands of records, a dozen values each)."""
    joined = "".join(values)
    if joined.isprintable() and (joined.isascii() or is_normalized("NFC", joined)):
        return [value.strip() for value in values]
    return [plain_text(value) for value in values]


def check_candidate(
    data: CandidateInput, currencies: frozenset[str]
) -> tuple[CandidateInput, dict[str, str]]:
    """The cleaned record and a message per field that is wrong."""
    errors: dict[str, str] = {}
    name, email, phone, location, current_title, linkedin, github, portfolio, currency_text = (
        _plain_all(
            (
                data.name,
                data.email,
                data.phone,
                data.location,
                data.current_title,
                data.linkedin_url,
                data.github_url,
                data.portfolio_url,
                data.salary_currency or "",
            )
        )
    )
    if not name:
        errors["name"] = "is required"
    elif len(name) > NAME_LIMIT:
        errors["name"] = too_long(NAME_LIMIT)
    email = email.lower()
    if problem := email_problem(email):
        errors["email"] = problem
    if phone and (sum(map(str.isdigit, phone)) < 6 or len(phone) > 40):
        errors["phone"] = "does not look like a phone number"
    if len(location) > SHORT_LIMIT:
        errors["location"] = too_long(SHORT_LIMIT)
    if len(current_title) > SHORT_LIMIT:
        errors["current_title"] = too_long(SHORT_LIMIT)
    urls = {}
    for key, given in (
        ("linkedin_url", linkedin),
        ("github_url", github),
        ("portfolio_url", portfolio),
    ):
        url, problem = _web_address(given)
        if problem:
            errors[key] = problem
        urls[key] = url
    if data.source not in _SOURCES:
        errors["source"] = f"'{data.source}' is not one of the sources"
    if data.work_mode_preference and data.work_mode_preference not in _WORK_MODES:
        errors["work_mode_preference"] = "is not one of on-site, remote, hybrid"
    if data.years_experience is not None and not 0 <= data.years_experience <= 60:
        errors["years_experience"] = "must be between 0 and 60"
    if data.notice_weeks is not None and not 0 <= data.notice_weeks <= 52:
        errors["notice_weeks"] = "must be between 0 and 52 weeks"
    currency = currency_text.upper() or None
    low, high = data.salary_expectation, data.salary_expectation_max
    if low is not None:
        if low < 0:
            errors["salary_expectation"] = "must not be negative"
        elif high is not None and high < low:
            errors["salary_expectation"] = "runs from the higher amount to the lower"
        if currency is None:
            errors["salary_currency"] = "is needed with a salary expectation"
    elif high is not None:
        errors["salary_expectation"] = "needs its lower end too"
    if currency is not None and currency not in currencies:
        errors["salary_currency"] = f"'{currency}' is not an ISO 4217 currency code"
    notes = plain_text(data.notes, multiline=True)
    if len(notes) > NOTES_LIMIT:
        errors["notes"] = too_long(NOTES_LIMIT)
    postal_address = plain_text(data.postal_address, multiline=True)
    if len(postal_address) > ADDRESS_LIMIT:
        errors["postal_address"] = too_long(ADDRESS_LIMIT)
    tags = _unique(map(plain_text, data.tags))
    if max(map(len, tags), default=0) > TAG_LIMIT:
        errors["tags"] = f"each tag must be at most {TAG_LIMIT} characters"
    skills = _unique(map(_clean_skill, data.skills))
    if max(map(len, skills), default=0) > SKILL_LIMIT:
        errors["skills"] = f"each skill must be at most {SKILL_LIMIT} characters"
    # As dataclasses.replace, without its per-field loop (an import cleans many thousands).
    cleaned = object.__new__(CandidateInput)
    cleaned.__dict__.update(data.__dict__)
    cleaned.__dict__.update(
        {
            "name": name,
            "email": email,
            "phone": phone,
            "location": location,
            "postal_address": postal_address,
            "current_title": current_title,
            "salary_currency": currency,
            "salary_expectation_max": None if high == low else high,
            "notes": notes,
            "tags": tags,
            "skills": skills,
            "linkedin_url": urls["linkedin_url"],
            "github_url": urls["github_url"],
            "portfolio_url": urls["portfolio_url"],
        }
    )
    return cleaned, errors


@functools.lru_cache(maxsize=4096)  # an import cleans the same few skills thousands of times
def _clean_skill(text: str) -> str:
    """A skill as typed, cleaned and in the catalog's spelling when it names one."""
    return _canonical_skill()(plain_text(text))


@functools.cache
def _canonical_skill() -> Callable[[str], str]:
    """``skills_catalog.canonical_skill``, imported once on first use rather than by an
    import statement per record (3.5 µs each with PySide6's import hook in place)."""
    from hiring_desk.services.roles.skills_catalog import canonical_skill

    return canonical_skill


def _web_address(url: str) -> tuple[str, str | None]:
    """``url`` with https:// added when it has no scheme, and what is wrong with it."""
    if not url or (len(url) <= URL_LIMIT and _PLAIN_WEB_ADDRESS.fullmatch(url)):
        return url, None
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme and scheme not in ("http", "https") and "." not in scheme:
        return url, "must be a web address (https://…)"
    if "://" not in url:
        url = f"https://{url}"
        parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > URL_LIMIT:
        return url, "must be a web address (https://…)"
    return url, None


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    """The non-empty values, each once (the first of those equal but for case)."""
    given = tuple(values)
    if len(given) < 2:  # most tag lists: nothing to compare
        return given if not given or given[0] else ()
    first: dict[str, str] = {}
    for value in given:
        if value:
            first.setdefault(value.casefold(), value)
    return tuple(first.values())
