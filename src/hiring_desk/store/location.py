"""Where a workbook lives: a file, or a database on a PostgreSQL server named by a URL.

A workbook is named the same way everywhere (``--workbook``, ``hiring-desk FILE``,
File ▸ Open): a text that is a PostgreSQL URL (``postgresql://user@host:port/db``,
``postgresql://user@/db?host=/var/run/postgresql``, ``postgres://...``,
``postgresql+psycopg://...``) names a team workbook on a server; anything else names
a file, even a relative path that looks odd. ``parse_location`` is the one place that
tells them apart. It imports nothing beyond the standard library, so naming a file
workbook costs no database driver at start-up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import SplitResult, parse_qs, unquote, urlsplit, urlunsplit

#: The URL schemes of a PostgreSQL workbook (the driver suffix is optional).
_SCHEME = re.compile(r"^(postgresql|postgres)(\+psycopg)?://", re.IGNORECASE)
#: The driver every server workbook is opened with (psycopg 3).
DRIVER_SCHEME = "postgresql+psycopg"


@dataclass(frozen=True)
class ServerAddress:
    """A PostgreSQL database that holds (or is to hold) a team workbook.

    ``url`` is the URL as SQLAlchemy takes it (``postgresql+psycopg://...``), the
    password included when one was given; ``str()`` and ``display`` never show the
    password, so an address can go into a message, a log or a title bar.
    """

    url: str

    @property
    def database(self) -> str:
        return unquote(urlsplit(self.url).path.lstrip("/"))

    @property
    def name(self) -> str:
        """What a message calls the workbook: its database name (as a file's name)."""
        return self.database or "(no database)"

    @property
    def host(self) -> str:
        parts = urlsplit(self.url)
        if parts.hostname:
            return parts.hostname
        hosts = parse_qs(parts.query).get("host")
        return hosts[0] if hosts else "localhost"

    @property
    def display(self) -> str:
        """The URL without its password, in the user's own form (``postgresql://``)."""
        parts = urlsplit(self.url)
        netloc = parts.netloc
        if "@" in netloc:
            user_part, host_part = netloc.rsplit("@", 1)
            user = user_part.split(":", 1)[0]
            netloc = f"{user}@{host_part}"
        return urlunsplit(SplitResult("postgresql", netloc, parts.path, parts.query, ""))

    @property
    def password(self) -> str | None:
        parts = urlsplit(self.url)
        return unquote(parts.password) if parts.password is not None else None

    def with_database(self, database: str) -> ServerAddress:
        """The same server and user, another database (e.g. ``postgres`` to create one)."""
        parts = urlsplit(self.url)
        return ServerAddress(urlunsplit(parts._replace(path="/" + database)))

    def __str__(self) -> str:
        return self.display


#: A workbook's location: a file, or a database on a server.
Location = Path | ServerAddress


def is_server_url(text: object) -> bool:
    """Whether ``text`` is a PostgreSQL URL (a ``ServerAddress`` counts; a ``Path`` never)."""
    if isinstance(text, ServerAddress):
        return True
    return isinstance(text, str) and _SCHEME.match(text.strip()) is not None


def parse_location(text: str | Path | ServerAddress) -> Location:
    """A ``ServerAddress`` for a PostgreSQL URL, otherwise the file ``Path``.

    The scheme is normalised to the driver's (``postgres://`` and ``postgresql://``
    become ``postgresql+psycopg://``). A ``Path`` stays a file whatever it looks like:
    only text is read as a URL.
    """
    if isinstance(text, ServerAddress | Path):
        return text
    stripped = text.strip()
    match = _SCHEME.match(stripped)
    if match is None:
        return Path(text)
    return ServerAddress(f"{DRIVER_SCHEME}://{stripped[match.end() :]}")


def location_text(location: Location) -> str:
    """How the location is shown to a person: the file's path, or the URL without password."""
    return str(location)
