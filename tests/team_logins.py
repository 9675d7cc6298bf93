"""A team workbook with people signed in as each role, on the test PostgreSQL server.

``team`` (a fixture of ``tests/conftest.py``) is a fresh copy of the demo on the
server, its owner the test server's superuser, and four people added through
``services.team.team_access`` as a real admin would:

- ``admin``: Ana Admin, a new member;
- ``recruiter``: Rob Recruiter, a new member;
- ``hiring_manager``: Tomás Ó Briain, the demo's hiring manager of both roles;
- ``interviewer``: Priya Raman, who interviews in the demo.

Their logins are ``<database>_<role>``; the server trusts local connections, so
each signs in by user name. ``open(role)`` opens the workbook as that person;
``sql(role, query)`` runs SQL as them directly (psycopg, no app in between).
The database, its group roles and the logins are dropped after the test.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from hiring_desk.store import Workbook
from hiring_desk.store.location import ServerAddress, parse_location

PEOPLE = {
    "admin": "Ana Admin",
    "recruiter": "Rob Recruiter",
    "hiring_manager": "Tomás Ó Briain",
    "interviewer": "Priya Raman",
}


@dataclass
class Team:
    owner_url: str
    logins: dict[str, str] = field(default_factory=dict)
    member_ids: dict[str, int] = field(default_factory=dict)

    @property
    def database(self) -> str:
        address = parse_location(self.owner_url)
        assert isinstance(address, ServerAddress)
        return address.database

    def url(self, role: str) -> str:
        """The workbook's URL signed in as the person of ``role`` (or a login)."""
        login = self.logins.get(role, role)
        plain = self.owner_url.replace("postgresql+psycopg://", "postgresql://", 1)
        assert plain.startswith("postgresql://root@"), plain
        return plain.replace("postgresql://root@", f"postgresql://{login}@", 1)

    def open(self, role: str) -> Workbook:
        return Workbook.open(self.url(role))

    @contextmanager
    def connection(self, role: str) -> Iterator[Any]:
        import psycopg

        with psycopg.connect(self.url(role), autocommit=True) as conn:
            yield conn

    def sql(self, role: str, query: str, *params: Any) -> list[tuple[Any, ...]]:
        """Run ``query`` as the person of ``role``; its rows (a refusal raises psycopg's error)."""
        with self.connection(role) as conn:
            cursor = conn.execute(query, params or None)
            return cursor.fetchall() if cursor.description else []

    def add(self, role: str, name: str, login_role: str | None = None) -> str:
        """Add ``name`` as ``login_role`` (default ``role``) with the login
        ``<database>_<role>``, through the service, as the owner; the login."""
        from hiring_desk.services.team import team_access

        login = f"{self.database}_{role}"
        with Workbook.open(self.owner_url) as owner:
            added = team_access.add_person(owner, name, login, login_role or role)
        self.logins[role] = login
        self.member_ids[role] = added.person.member_id
        return login


def make_team(owner_url: str) -> Team:
    team = Team(owner_url)
    for role, name in PEOPLE.items():
        team.add(role, name)
    return team
