"""Which column of an import holds what: header names people use, in any case.

A header is compared without case, accents, spaces, punctuation or a ``(weeks)``
style note, so "E-mail", "EMAIL ADDRESS" and "e_mail" all name the email. Columns
no field takes are kept in each candidate's notes as ``Column: value``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

#: Fields a column can map to, with the header names recognised for each.
FIELDS: dict[str, tuple[str, ...]] = {
    "name": ("name", "full name", "candidate", "candidate name", "applicant", "applicant name"),
    "first_name": ("first name", "firstname", "given name", "forename", "first"),
    "last_name": ("last name", "lastname", "surname", "family name", "last"),
    "email": ("email", "e-mail", "email address", "e-mail address", "mail", "emailaddress"),
    "phone": (
        "phone",
        "telephone",
        "mobile",
        "mobile phone",
        "mobile number",
        "cell",
        "cell phone",
        "phone number",
        "tel",
        "contact number",
    ),
    "location": ("location", "city", "based in", "town", "current location"),
    "postal_address": ("postal address", "address", "street address", "home address"),
    "source": ("source", "channel", "found via", "origin", "sourced from", "lead source"),
    "current_title": (
        "current title",
        "title",
        "job title",
        "position",
        "current position",
        "current role",
        "headline",
        "occupation",
    ),
    "years_experience": (
        "years of experience",
        "experience",
        "years",
        "yoe",
        "years experience",
        "experience years",
        "total experience",
    ),
    "salary_expectation": (
        "salary expectation",
        "salary",
        "expected salary",
        "desired salary",
        "salary expectations",
        "expected compensation",
        "compensation",
        "salary requirement",
        "salary expectation min",
        "salary min",
    ),
    "salary_expectation_max": (
        "salary expectation max",
        "salary max",
        "max salary",
        "maximum salary",
    ),
    "salary_currency": ("currency", "salary currency"),
    "notice_weeks": ("notice weeks", "notice", "notice period", "notice period weeks"),
    "work_mode_preference": ("work mode", "work mode preference", "prefers", "workplace"),
    "skills": ("skills", "skill", "technologies", "tech stack", "key skills"),
    "tags": ("tags", "labels", "tag"),
    "linkedin_url": ("linkedin", "linkedin url", "linkedin profile", "linked in"),
    "github_url": ("github", "github url", "github profile"),
    "portfolio_url": ("portfolio", "website", "portfolio url", "personal website", "web"),
    "notes": ("notes", "comments", "note", "comment", "remarks"),
}
FIELD_LABELS: dict[str, str] = {
    key: names[0].capitalize().replace("Linkedin", "LinkedIn").replace("Github", "GitHub")
    for key, names in FIELDS.items()
}

_NOTE_IN_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^\w]+|_+")


def header_key(name: str) -> str:
    """A header name as it is compared: "E-Mail (work)" -> "e mail"."""
    decomposed = unicodedata.normalize("NFKD", name.lstrip("\ufeff"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_NOT_WORD.sub(" ", _NOTE_IN_BRACKETS.sub(" ", bare)).split())


_LOOKUP = {header_key(name): key for key, names in FIELDS.items() for name in names}


def auto_map(header: tuple[str, ...]) -> dict[int, str]:
    """Column index -> field, from the header names; a field goes to its first column."""
    mapping: dict[int, str] = {}
    for index, name in enumerate(header):
        key = _LOOKUP.get(header_key(name))
        if key and key not in mapping.values():
            mapping[index] = key
    return mapping


def column_name(header: tuple[str, ...], index: int) -> str:
    """A column's name for notes and the report ("Column 7" when its header is empty)."""
    name = header[index].strip() if index < len(header) else ""
    return name or f"Column {index + 1}"


def header_warnings(header: tuple[str, ...]) -> list[str]:
    """Header names used twice (compared as ``header_key`` does), named for the report."""
    seen: dict[str, int] = {}
    warnings = []
    for index, name in enumerate(header):
        key = header_key(name)
        if not key:
            continue
        if key in seen:
            warnings.append(
                f"The column name '{name}' is used twice (columns {seen[key] + 1} and "
                f"{index + 1}); unless you map it, column {index + 1} is kept in the notes."
            )
        else:
            seen[key] = index
    return warnings


def unmapped_columns(header: tuple[str, ...], mapping: Mapping[int, str]) -> list[str]:
    """The columns no field takes (their values go to the notes), by name."""
    return [column_name(header, i) for i in range(len(header)) if i not in mapping]
