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
from urllib.parse import SplitResult, parse_qs, quote, unquote, urlencode, urlsplit, urlunsplit

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

    @property
    def user(self) -> str:
        return unquote(urlsplit(self.url).username or "")

    @property
    def label(self) -> str:
        """ "database on host", for a title bar ("on this computer" for a local socket)."""
        host = self.host
        where = "this computer" if host.startswith("/") else host
        return f"{self.name} on {where}"

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


#: Hosts on this computer: a connection to them needs no encryption.
_LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
#: The port a PostgreSQL server listens on unless told otherwise.
DEFAULT_PORT = 5432


def is_local_host(host: str) -> bool:
    """Whether ``host`` is this computer: a socket folder, ``localhost`` or a loopback address."""
    host = host.strip()
    return not host or host.startswith("/") or host.lower() in _LOCAL_HOSTS


def server_url(
    host: str, database: str, user: str, *, port: int = DEFAULT_PORT, password: str = ""
) -> ServerAddress:
    """The address of ``database`` on a PostgreSQL server, from a connect form's fields.

    ``host`` is a host name or address, or a folder holding the server's socket
    (``/var/run/postgresql``), which goes in ``?host=``. User, password and database
    are quoted, so any character in them (``@``, ``/``, ``:``, ``%``, a space) stays
    theirs. A server that is not on this computer is asked for an encrypted connection
    (``sslmode=require``). An empty password is left out (the keyring or the server's
    trust may supply one).
    """
    host = host.strip()
    credentials = quote(user, safe="")
    if password:
        credentials += ":" + quote(password, safe="")
    query: dict[str, str] = {}
    if host.startswith("/"):
        query["host"] = host
        location = ""
    else:
        location = f"[{host}]" if ":" in host else host  # an IPv6 address is bracketed
    if port != DEFAULT_PORT:
        if host.startswith("/"):
            query["port"] = str(port)
        else:
            location += f":{port}"
    if not is_local_host(host):
        query["sslmode"] = "require"
    netloc = f"{credentials}@{location}" if credentials else location
    path = "/" + quote(database, safe="")
    return ServerAddress(urlunsplit((DRIVER_SCHEME, netloc, path, urlencode(query, safe="/"), "")))


def without_password(address: ServerAddress) -> ServerAddress:
    """The same address with no password in it: what settings and the keyring key on."""
    parts = urlsplit(address.url)
    netloc = parts.netloc
    if "@" in netloc:
        user_part, host_part = netloc.rsplit("@", 1)
        netloc = f"{user_part.split(':', 1)[0]}@{host_part}"
    return ServerAddress(urlunsplit(parts._replace(netloc=netloc)))


def with_password(address: ServerAddress, password: str) -> ServerAddress:
    """The same address with ``password`` (quoted) in place of any it had."""
    parts = urlsplit(without_password(address).url)
    user_part, at, host_part = parts.netloc.rpartition("@")
    netloc = f"{user_part}:{quote(password, safe='')}@{host_part}" if at else parts.netloc
    return ServerAddress(urlunsplit(parts._replace(netloc=netloc)))
