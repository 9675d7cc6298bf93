"""Offer letters: the merge fields a template can use, and the letter as printed.

Templates are Jinja2 (run sandboxed). They see six groups of display-ready
strings, each the empty string when not set (money and dates are already
formatted for the workbook's locale and the offer's currency):

- ``candidate``: who the offer is for, and where the letter goes;
- ``role``: the job, from the role's brief;
- ``company`` and ``signatory``: who makes the offer, and who signs it;
- ``offer``: the terms;
- ``letter``: the letter itself (its date).

The letter body is plain text: a blank line starts a new paragraph, a single
line break stays a line break, a paragraph of one line starting with ``# `` is
a heading, a paragraph whose every line starts with ``- `` is a list, and
``**words**`` are bold. :func:`body_markdown` turns it into Markdown for a
preview that shows it as it prints.

A :class:`PrintedLetter` is everything a printed letter shows, stored with the
offer when it is first printed, so a reprint years later is the same letter.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from hiring_desk.domain import jd_fields
from hiring_desk.domain.vocab import EmploymentType

LETTER_FORMAT = "hiring-desk/offer-letter"

_BLANK_LINES = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"^\s*[-•]\s+")
#: Every character Markdown may read as markup, for text that must show as typed.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~&])")
#: ``**words**`` in a letter's body: printed bold.
BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def escape_markdown(text: str) -> str:
    """``text`` as Markdown that shows it exactly (each line kept as a line)."""
    lines = (_escaped(line.strip()) for line in text.splitlines())
    return "  \n".join(line for line in lines if line)


def body_markdown(body: str) -> str:
    """A letter's body as Markdown: its paragraphs, headings, lists and bold as printed.

    A single line break inside a paragraph stays a line break (Markdown would
    join the lines), and only ``**bold**``, ``# `` headings and ``- `` lists are
    read as markup; everything else shows as typed.
    """
    blocks: list[str] = []
    for block in _BLANK_LINES.split(body.replace("\r\n", "\n").strip()):
        lines = [line.rstrip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) == 1 and lines[0].startswith("# "):
            blocks.append(f"### {_inline_markdown(lines[0][2:].strip())}")
        elif all(_LIST_ITEM.match(line) for line in lines):
            blocks.append(
                "\n".join(
                    f"- {_inline_markdown(_LIST_ITEM.sub('', line, count=1))}" for line in lines
                )
            )
        else:
            blocks.append("  \n".join(_inline_markdown(line) for line in lines))
    return "\n\n".join(blocks)


def _inline_markdown(text: str) -> str:
    """One line: escaped, except its ``**bold**`` runs."""
    parts: list[str] = []
    last = 0
    for match in BOLD.finditer(text):
        parts.append(_escaped(text[last : match.start()]))
        parts.append(f"**{_escaped(match.group(1))}**")
        last = match.end()
    parts.append(_escaped(text[last:]))
    return "".join(parts)


def _escaped(text: str) -> str:
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


LETTER_VERSION = 1


@dataclass(frozen=True)
class CandidateFields:
    name: str = ""
    first_name: str = ""
    last_name: str = ""
    address: str = ""  # lines separated by newlines
    email: str = ""


@dataclass(frozen=True)
class RoleFields:
    title: str = ""
    location: str = ""
    work_mode: str = ""  # "On-site", "Remote", "Hybrid"
    project: str = ""
    project_duration: str = ""
    hiring_manager: str = ""
    hiring_manager_title: str = ""


CompanyFields = jd_fields.Letterhead


@dataclass(frozen=True)
class SignatoryFields:
    name: str = ""
    title: str = ""


@dataclass(frozen=True)
class OfferFields:
    salary: str = ""  # "€65,000" (cents only when there are some)
    pay_period: str = ""  # "per year", "per month", "per hour"
    currency: str = ""  # "EUR"
    bonus: str = ""
    start_date: str = ""  # "4 January 2027"
    employment_type: str = ""  # "Full-time", "Part-time", "Contract"
    probation: str = ""
    working_hours: str = ""
    place_of_work: str = ""
    benefits: str = ""  # one per line
    expiry_date: str = ""
    conditions: str = ""


@dataclass(frozen=True)
class LetterFields:
    date: str = ""


@dataclass(frozen=True)
class LetterContext:
    candidate: CandidateFields = field(default_factory=CandidateFields)
    role: RoleFields = field(default_factory=RoleFields)
    company: CompanyFields = field(default_factory=CompanyFields)
    signatory: SignatoryFields = field(default_factory=SignatoryFields)
    offer: OfferFields = field(default_factory=OfferFields)
    letter: LetterFields = field(default_factory=LetterFields)

    def values(self) -> dict[str, str]:
        """Every merge field's value by its name (``"offer.salary"``)."""
        return {
            f"{group.name}.{name}": value
            for group in fields(self)
            for name, value in asdict(getattr(self, group.name)).items()
        }

    def terms(self) -> tuple[tuple[str, str], ...]:
        """The rows of the terms table: (label, value), only the ones with a value."""
        offer = self.offer
        salary = " ".join(p for p in (offer.salary, offer.pay_period) if p)
        contract = offer.employment_type == EmploymentType.CONTRACT.label
        rows = (
            ("Role", self.role.title),
            ("Fee" if contract else "Salary", salary if offer.salary else ""),
            ("Bonus", offer.bonus),
            ("Start date", offer.start_date),
            ("Engagement" if contract else "Employment type", offer.employment_type),
            ("Probation", offer.probation),
            ("Working hours", offer.working_hours),
            ("Place of work", offer.place_of_work),
            ("Benefits", offer.benefits),
            ("Please answer by", offer.expiry_date),
            ("Conditions", offer.conditions),
        )
        return tuple((label, value) for label, value in rows if value.strip())


#: The groups a template sees.
GROUPS: tuple[str, ...] = tuple(group.name for group in fields(LetterContext))

#: Every merge field, with what it holds (shown in the template editor).
MERGE_FIELDS: dict[str, str] = {
    "candidate.name": "the candidate's full name, as in their record",
    "candidate.first_name": "the first word of the candidate's name",
    "candidate.last_name": "the rest of the candidate's name after the first word",
    "candidate.address": "the candidate's postal address, over several lines",
    "candidate.email": "the candidate's email address",
    "role.title": "the job title",
    "role.location": "where the role is based, from the brief",
    "role.work_mode": "On-site, Remote or Hybrid",
    "role.project": "the project the role works on, from the brief",
    "role.project_duration": "how long that project is expected to last",
    "role.hiring_manager": "the role's hiring manager",
    "role.hiring_manager_title": "the hiring manager's job title",
    "company.name": "the company's name",
    "company.address": "the company's address, over several lines",
    "signatory.name": "who signs offers for the company (Team & Company)",
    "signatory.title": "the signatory's job title",
    "offer.salary": "the salary or fee with its currency, e.g. €65,000",
    "offer.pay_period": "per year, per month or per hour",
    "offer.currency": "the currency code, e.g. EUR",
    "offer.bonus": "the bonus, as written in the offer",
    "offer.start_date": "the first day of work, e.g. 4 January 2027",
    "offer.employment_type": "Full-time, Part-time or Contract",
    "offer.probation": "the probation period, as written in the offer",
    "offer.working_hours": "the working hours, as written in the offer",
    "offer.place_of_work": "where the work is done, as written in the offer",
    "offer.benefits": "the benefits, one per line",
    "offer.expiry_date": "the date by which the candidate should answer",
    "offer.conditions": "what the offer depends on (references, right to work, ...)",
    "letter.date": "the date the letter is first printed",
}


def split_name(name: str) -> tuple[str, str]:
    """("Aoife", "Ní Bhriain") from "Aoife Ní Bhriain"; a one-word name is all first name."""
    first, _, rest = " ".join(name.split()).partition(" ")
    return first, rest


def sample_context() -> LetterContext:
    """A complete, realistic context: every field set (for previews and template checks)."""
    jd = jd_fields.sample_context()  # the same role and company as the job descriptions'
    role, company = jd.role, jd.company
    return LetterContext(
        candidate=CandidateFields(
            name="Aoife Byrne",
            first_name="Aoife",
            last_name="Byrne",
            address="12 Harbour View\nCobh\nCo. Cork\nP24 X2Y3",
            email="aoife.byrne@example.com",
        ),
        role=RoleFields(
            title=role.title,
            location=role.location,
            work_mode=role.work_mode,
            project=role.project,
            project_duration="nine months",
            hiring_manager=role.hiring_manager,
            hiring_manager_title=role.hiring_manager_title,
        ),
        company=CompanyFields(name=company.name, address=company.address),
        signatory=SignatoryFields(name=company.signatory, title=company.signatory_title),
        offer=OfferFields(
            salary="€62,000",
            pay_period="per year",
            currency="EUR",
            bonus="Up to 5% of salary, paid each spring",
            start_date="1 March 2027",
            employment_type="Full-time",
            probation="Six months",
            working_hours="37.5 hours a week, Monday to Friday",
            place_of_work="Our Cork office two days a week; home on the others",
            benefits="25 days' annual leave\nHealth insurance\nPension contribution of 5%",
            expiry_date="12 February 2027",
            conditions="Two satisfactory references",
        ),
        letter=LetterFields(date="5 February 2027"),
    )


@dataclass(frozen=True)
class PrintedLetter:
    """Everything a printed offer letter shows (the logo aside), as plain text values."""

    template: str  # the key of the template it was filled from
    date: str
    company_name: str
    company_address: str
    recipient: str  # the candidate's name, then the address lines
    body: str
    terms: tuple[tuple[str, str], ...]
    signatory_name: str
    signatory_title: str
    candidate_name: str
    title: str  # e.g. "Offer of employment: Backend Developer" (PDF metadata)

    def to_text(self) -> str:
        """The letter as stored with the offer (JSON; one document per offer)."""
        data: dict[str, Any] = {"format": LETTER_FORMAT, "version": LETTER_VERSION}
        data.update(asdict(self))
        data["terms"] = [list(row) for row in self.terms]
        return json.dumps(data, ensure_ascii=False, indent=1)

    @classmethod
    def from_text(cls, text: str) -> PrintedLetter:
        """Read :meth:`to_text` back. Other text is kept as the body of a bare letter."""
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if not isinstance(data, dict) or data.get("format") != LETTER_FORMAT:
            return cls("", "", "", "", "", text, (), "", "", "", "")
        values: dict[str, Any] = {}
        for item in fields(cls):
            value = data.get(item.name, "")
            if item.name == "terms":
                rows = value if isinstance(value, list) else []
                values["terms"] = tuple(
                    (str(row[0]), str(row[1]))
                    for row in rows
                    if isinstance(row, list) and len(row) == 2
                )
            else:
                values[item.name] = value if isinstance(value, str) else ""
        return cls(**values)

    def markdown(self) -> str:
        """The whole letter as Markdown, top to bottom (for a preview that renders it)."""
        parts = [
            escape_markdown("\n".join(p for p in (self.company_name, self.company_address) if p)),
            escape_markdown(self.date),
            escape_markdown(self.recipient),
            body_markdown(self.body),
        ]
        if self.terms:
            rows = [
                f"| **{escape_markdown(label)}** | {escape_markdown('; '.join(lines))} |"
                for label, lines in ((label, value.splitlines()) for label, value in self.terms)
            ]
            parts.append("\n".join(["| Summary of terms | |", "|---|---|", *rows]))
        signer = ", ".join(p for p in (self.signatory_name, self.signatory_title) if p)
        parts.append(escape_markdown(f"Signed for {self.company_name}: {signer}".rstrip(": ")))
        parts.append(escape_markdown(f"Accepted by: {self.candidate_name}"))
        return "\n\n".join(p for p in parts if p) + "\n"

    def plain_text(self) -> str:
        """The whole letter as plain text, top to bottom (for a preview)."""
        parts = [
            "\n".join(p for p in (self.company_name, self.company_address) if p),
            self.date,
            self.recipient,
            self.body.strip(),
        ]
        if self.terms:
            width = max(len(label) for label, _ in self.terms)
            rows = []
            for label, value in self.terms:
                lines = value.splitlines() or [""]
                rows.append(f"{label.ljust(width)}  {lines[0]}")
                rows += [f"{' ' * width}  {line}" for line in lines[1:]]
            parts.append("\n".join(rows))
        signer = ", ".join(p for p in (self.signatory_name, self.signatory_title) if p)
        parts.append(f"Signed for {self.company_name}: {signer}".rstrip(": "))
        parts.append(f"Accepted by: {self.candidate_name}")
        return "\n\n".join(p for p in parts if p) + "\n"
