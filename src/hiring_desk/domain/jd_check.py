"""Advice on a job description: what a good posting states that this one does not.

The checks follow the domain notes (section 2, "Write the job description"): a
description states the location, the skills and experience required, the
hiring timeline, the education, the nature of the job (role and
responsibilities), the employment type and the salary range, and it is clear
and concise (neither a stub nor a wall of text).

Everything is checked against the *text*, because the user may have edited
what the template produced; the role's own values (a :class:`JDContext`), when
given, are accepted as evidence too ("Cork, Ireland" in the text answers the
location check). Matching ignores case and accents. This is advice: odd input
never raises, it just yields findings.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from hiring_desk.domain.jd_fields import JDContext

#: Fewer words than this and the description is flagged as too short.
MIN_WORDS = 150
#: More words than this and the description is flagged as too long.
MAX_WORDS = 900

#: Every finding key, in the order findings are reported.
FINDING_KEYS: tuple[str, ...] = (
    "location",
    "skills",
    "experience",
    "timeline",
    "education",
    "nature",
    "employment_type",
    "salary",
    "length_short",
    "length_long",
)


@dataclass(frozen=True)
class Finding:
    """One thing the description should say but does not (or a length problem)."""

    key: str
    message: str


MESSAGES: dict[str, str] = {
    "location": (
        "Say where the job is based: add a “Location:” line with the city, "
        "or say whether the job is remote, on-site or hybrid."
    ),
    "skills": (
        "List the skills the job needs under a “Must-have skills” heading, one bullet per skill."
    ),
    "experience": (
        "Say how much experience the job needs, for example “3 years of experience with Python”."
    ),
    "timeline": (
        "Describe the hiring timeline: the interview steps, "
        "when you expect to decide and when the job starts."
    ),
    "education": (
        "State the education or qualifications the job needs "
        "(a degree, a certificate, or “equivalent experience”)."
    ),
    "nature": (
        "Describe what the job involves: add a “What you will do” section "
        "with at least three responsibilities."
    ),
    "employment_type": "Say whether the job is full-time, part-time or a contract.",
    "salary": (
        "State the salary range with its currency, for example “€55,000 – €68,000 per year”."
    ),
}


def check_job_description(text: str, context: JDContext | None = None) -> list[Finding]:
    """What ``text`` is missing, as findings in :data:`FINDING_KEYS` order (empty: all good)."""
    doc = _Document(text if isinstance(text, str) else "")
    missing: list[str] = [
        key
        for key, present in (
            ("location", _has_location(doc, context)),
            ("skills", _has_skills(doc, context)),
            ("experience", _has_experience(doc)),
            ("timeline", _has_timeline(doc, context)),
            ("education", _has_education(doc, context)),
            ("nature", _has_nature(doc)),
            ("employment_type", _has_employment_type(doc, context)),
            ("salary", _has_salary(doc, context)),
        )
        if not present
    ]
    findings = [Finding(key, MESSAGES[key]) for key in missing]

    words = doc.word_count
    if words < MIN_WORDS:
        findings.append(
            Finding(
                "length_short",
                f"The description has only {words} words; aim for at least {MIN_WORDS} "
                "so candidates understand the job.",
            )
        )
    elif words > MAX_WORDS:
        findings.append(
            Finding(
                "length_long",
                f"The description has {words} words; cut it to {MAX_WORDS} or fewer "
                "so candidates read it to the end.",
            )
        )
    return findings


# -- normalising ------------------------------------------------------------------------------

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc"), "'")


def _fold(value: str) -> str:
    """Lower case, no accents, ASCII dashes and apostrophes, single spaces."""
    decomposed = unicodedata.normalize("NFKD", value)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.translate(_DASHES).translate(_QUOTES)
    return " ".join(bare.casefold().split())


def _strip_marks(value: str) -> str:
    """Drop Markdown emphasis and code markers (``**Location:**`` reads as ``Location:``)."""
    return re.sub(r"[*_`\\]", "", value)


_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<text>.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?P<text>[^*_].*?)(\*\*|__)\s*:?\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•·]|\d{1,3}[.)])\s+\S")
_WORD = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass
class _Section:
    heading: str  # folded
    bullets: int = 0


class _Document:
    """The text, folded for matching, and its sections (by Markdown heading)."""

    def __init__(self, text: str) -> None:
        self.raw = text
        self.folded = _fold(_strip_marks(text))
        # Case kept (for currency codes), accents and marks dropped.
        self.cased = " ".join(
            "".join(
                ch
                for ch in unicodedata.normalize("NFKD", _strip_marks(text))
                if not unicodedata.combining(ch)
            ).split()
        )
        self.word_count = len(_WORD.findall(text))
        self.sections: list[_Section] = []
        body: list[str] = []
        current: _Section | None = None
        for line in text.splitlines():
            heading = _HEADING.match(line) or _BOLD_LINE.match(line)
            if heading:
                current = _Section(_fold(_strip_marks(heading.group("text"))))
                self.sections.append(current)
                continue
            body.append(line)
            if current is not None and _BULLET.match(line):
                current.bullets += 1
        #: The folded text without its heading lines.
        self.body = _fold(_strip_marks("\n".join(body)))

    def has(self, pattern: str) -> bool:
        """A regex (written for folded text) matches somewhere."""
        return re.search(pattern, self.folded) is not None

    def mentions(self, phrase: str) -> bool:
        """``phrase`` occurs as whole words (ignoring case, accents and spacing)."""
        folded = _fold(phrase)
        if not folded:
            return False
        pattern = rf"(?<!\w){re.escape(folded)}(?!\w)"
        return re.search(pattern, self.folded) is not None

    def mentions_any(self, phrases: Iterable[str]) -> bool:
        return any(self.mentions(p) for p in phrases)

    def section_bullets(self, heading_pattern: str) -> int:
        """Bullets in the sections whose heading matches ``heading_pattern``."""
        return sum(s.bullets for s in self.sections if re.search(heading_pattern, s.heading))

    def has_heading(self, heading_pattern: str) -> bool:
        return any(re.search(heading_pattern, s.heading) for s in self.sections)


# -- the checks ---------------------------------------------------------------------------------

_WORK_MODE = r"\b(remote|remotely|on-site|onsite|on site|hybrid|in-office|office-based)\b"


def _has_location(doc: _Document, context: JDContext | None) -> bool:
    if doc.has(r"\blocation\s*:") or doc.has(_WORK_MODE):
        return True
    if doc.has(r"\b(based|located) in\b"):
        return True
    if context is None:
        return False
    location = context.role.location
    parts = [p for p in re.split(r"[,;/\n]", location) if len(p.strip()) >= 3]
    return doc.mentions_any([location, *parts, context.role.work_mode])


def _has_skills(doc: _Document, context: JDContext | None) -> bool:
    listed = sum(
        s.bullets
        for s in doc.sections
        if re.search(r"skill|requirement|must-have|must have|what you bring", s.heading)
        and not re.search(r"nice|bonus|optional|plus|preferred|desirable", s.heading)
    )
    if listed >= 1:
        return True
    return context is not None and doc.mentions_any(context.must_have_skills)


def _has_experience(doc: _Document) -> bool:
    # "years", not "year": "per year" belongs to a salary.
    return doc.has(r"\b(years|yrs|experienc\w*)\b|\b\d+\+?\s?years?\b|\bone year\b")


_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?"
)
_DATE_PATTERNS = (
    rf"\b\d{{1,2}}(st|nd|rd|th)?( of)? {_MONTH}\b",  # 1 March, 1st of March
    rf"\b{_MONTH} \d{{1,2}}(st|nd|rd|th)?\b",  # March 1
    rf"\b{_MONTH},? \d{{4}}\b",  # March 2027
    r"\b\d{4}-\d{2}-\d{2}\b",  # 2027-03-01
    r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",  # 01/03/2027
)


def _has_timeline(doc: _Document, context: JDContext | None) -> bool:
    if doc.has_heading(r"timeline|hiring process|next steps|process"):
        return True
    if doc.has(
        r"\b(interview\w*|deadline|closing date|apply by|start date|starting date"
        r"|start(s|ing)?(?!-)\b|timeline)"
    ):
        return True
    if any(re.search(p, doc.folded) for p in _DATE_PATTERNS):
        return True
    return context is not None and doc.mentions_any(
        [context.role.start_by, context.role.target_date]
    )


def _has_education(doc: _Document, context: JDContext | None) -> bool:
    # Headings do not count: the templates' "Qualifications" heading may sit above
    # nothing but an experience bullet.
    if re.search(
        r"\b(degree|education|educated|qualification|qualified|diploma|bachelor|master'?s"
        r"|bsc|msc|mba|beng|meng|phd|doctorate|certificat\w*|certified|graduate"
        r"|apprenticeship)",
        doc.body,
    ):
        return True
    if doc.section_bullets(r"education") >= 1:
        return True
    return context is not None and doc.mentions(context.role.education)


def _has_nature(doc: _Document) -> bool:
    heading = r"responsib|duties|what you('ll| will) do|day to day|day-to-day|the job\b"
    if doc.section_bullets(heading) >= 3:
        return True
    return doc.has(r"responsibilit|\byou will\b|\byou'll\b")


def _has_employment_type(doc: _Document, context: JDContext | None) -> bool:
    if doc.has(
        r"\b(full-time|full time|fulltime|part-time|part time|parttime|contract|contractor"
        r"|freelance|fixed-term|fixed term|temporary|permanent|internship|seasonal)\b"
    ):
        return True
    return context is not None and doc.mentions(context.role.employment_type)


_SYMBOLS = "$€£¥₹₽₩₪₫₴₦₱₺₸₡₲₵₭₮₼₾฿¢"
_CODES = [
    "AED",
    "AUD",
    "BGN",
    "BRL",
    "CAD",
    "CHF",
    "CLP",
    "CNY",
    "COP",
    "CZK",
    "DKK",
    "EGP",
    "EUR",
    "GBP",
    "HKD",
    "HUF",
    "IDR",
    "ILS",
    "INR",
    "ISK",
    "JPY",
    "KES",
    "KRW",
    "MAD",
    "MXN",
    "MYR",
    "NGN",
    "NOK",
    "NZD",
    "PEN",
    "PHP",
    "PKR",
    "PLN",
    "QAR",
    "RON",
    "RSD",
    "RUB",
    "SAR",
    "SEK",
    "SGD",
    "THB",
    "TRY",
    "TWD",
    "UAH",
    "USD",
    "VND",
    "ZAR",
]
_CURRENCY_AMOUNT = re.compile(
    rf"[{_SYMBOLS}]\s?\d"
    rf"|\d[\d.,]*\s?[kKmM]?\s?[{_SYMBOLS}]"
    rf"|\b({'|'.join(_CODES)})\s?\d"
    rf"|\d[\d.,]*\s?[kKmM]?\s?({'|'.join(_CODES)})\b"
)


def _has_salary(doc: _Document, context: JDContext | None) -> bool:
    if _CURRENCY_AMOUNT.search(doc.cased):
        return True
    return context is not None and doc.mentions(context.role.salary_range)
