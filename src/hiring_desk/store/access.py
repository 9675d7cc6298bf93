"""Sign-in and roles on a team workbook, enforced by the PostgreSQL server.

Every person signs in as their own PostgreSQL login; ``team_member.login`` maps
the login to the person and ``team_member.access_role`` says what they may do.
The server enforces it in two layers:

- **Grants**: each workbook has four group roles (``group_role``: ``hd_<database>_
  <role>``); a login is a member of the one its role names. The groups are granted
  which tables (and for an interviewer, which columns: never a salary) they may
  read and which they may change (``apply_grants``, run when the team is set up
  and after each upgrade, so new tables are covered).
- **Row-level security** (revision 0011): which rows of those tables: an
  interviewer's candidates, a hiring manager's roles, scorecards kept independent.

The workbook's owner (whoever made it, or a superuser) is always an admin and is
not held by the policies, so a team workbook nobody else signs in to works as
before. Admins get ``CREATEROLE`` so they can add people. A workbook file has
none of this (``Access`` is ``None`` there: one user, no sign-in).

Loaded only for a team workbook (it imports psycopg's SQL composition).
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from psycopg import sql
from sqlalchemy import Connection, text

from hiring_desk.domain.team_roles import TeamRole

ADMIN = TeamRole.ADMIN.value
RECRUITER = TeamRole.RECRUITER.value
HIRING_MANAGER = TeamRole.HIRING_MANAGER.value
INTERVIEWER = TeamRole.INTERVIEWER.value
#: The four roles, most rights first.
ROLES = tuple(role.value for role in TeamRole)

#: Columns an interviewer is never granted: what a candidate expects to earn and a
#: role's budget. (Offers are not granted to them at all.)
SALARY_COLUMNS = {
    "candidate": (
        "salary_expectation_minor",
        "salary_expectation_max_minor",
        "salary_currency",
        "salary_period",
    ),
    "role": ("salary_min_minor", "salary_max_minor", "salary_currency", "salary_period"),
}
#: A role's budget, which only an admin sets.
BUDGET_COLUMNS = SALARY_COLUMNS["role"]

# What each role may change (every role reads every table it is not denied below).
_CANDIDATE_WORK = (
    "candidate",
    "candidate_skill",
    "candidate_tag",
    "attachment",
    "candidate_search",
    "candidate_message",
)
_PIPELINE_WORK = (
    "application",
    "stage_event",
    "interview",
    "interview_interviewer",
    "offer",
    "scorecard",
    "scorecard_rating",
    "role_stage",
    "interview_plan",
    "interview_round",
    "round_question",
    "custom_question",
    "task",
    "reminder_state",
)
_WRITES: dict[str, tuple[str, ...]] = {
    RECRUITER: _CANDIDATE_WORK + _PIPELINE_WORK,
    HIRING_MANAGER: (*_PIPELINE_WORK, "role_skill", "job_description"),
    INTERVIEWER: ("scorecard", "scorecard_rating"),
}
#: Tables a role may not read at all.
_HIDDEN: dict[str, tuple[str, ...]] = {INTERVIEWER: ("offer", "candidate_message")}

#: A login the app creates or maps: letters, digits and ``_ . @ -``, as people type them.
_LOGIN = re.compile(r"^[A-Za-z_][A-Za-z0-9_.@-]{0,62}$")


@dataclass(frozen=True)
class Access:
    """Who this connection is on a team workbook, and what they may do."""

    login: str
    #: Their team member (None: the owner, not on the team list).
    member_id: int | None
    member_name: str
    #: One of ``ROLES``, or "" when the login is not on the team.
    role: str
    #: The login made the workbook (or is a superuser): always an admin.
    is_owner: bool

    @property
    def sees_salaries(self) -> bool:
        """False for an interviewer: the server grants them no salary column."""
        return self.role != INTERVIEWER

    @property
    def who(self) -> str:
        """Their name and login, for a status bar: "Dana Ruiz (dana)", or the login."""
        return f"{self.member_name} ({self.login})" if self.member_name else self.login


def read_access(connection: Connection) -> Access:
    """The signed-in login's access, as the server's functions (revision 0011) see it."""
    row = connection.execute(
        text(
            "SELECT session_user, hd_member_id(), hd_access_role(), hd_is_owner(), "
            "(SELECT name FROM team_member WHERE id = hd_member_id())"
        )
    ).one()
    login, member_id, role, is_owner, name = row
    return Access(str(login), member_id, str(name or ""), str(role or ""), bool(is_owner))


def login_problem(login: str) -> str | None:
    """Why ``login`` cannot name a login, or None."""
    if not login:
        return "is required"
    if not _LOGIN.match(login):
        return (
            "may hold letters, digits and _ . @ - only, start with a letter, "
            "and be at most 63 characters"
        )
    return None


def group_role(database: str, role: str) -> str:
    """The workbook's group role for ``role``: ``hd_<database>_<role>`` (a hash of the
    database's name when the name would be too long or holds other characters)."""
    plain = re.sub(r"[^a-z0-9_]", "_", database.lower())
    name = f"hd_{plain}_{role}"
    if len(name) > 63 or plain != database:
        digest = hashlib.sha256(database.encode()).hexdigest()[:12]
        name = f"hd_{plain[:20]}_{digest}_{role}"
    return name


def _database(connection: Connection) -> str:
    return str(connection.execute(text("SELECT current_database()")).scalar_one())


def _run(connection: Connection, statement: sql.Composable) -> None:
    raw = connection.connection.driver_connection
    assert raw is not None
    connection.exec_driver_sql(statement.as_string(raw))


def _exists(connection: Connection, role_name: str) -> bool:
    found = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": role_name}
    ).first()
    return found is not None


def set_up_groups(connection: Connection) -> None:
    """Make the workbook's four group roles and grant them what they may do, once: when
    they are there already, so are their grants (an upgrade grants its new tables)."""
    database = _database(connection)
    made = False
    for role in ROLES:
        name = group_role(database, role)
        if not _exists(connection, name):
            _run(connection, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(name)))
            made = True
    if made:
        apply_grants(connection)


def groups_exist(connection: Connection) -> bool:
    """True once the workbook's team has been set up (its group roles exist)."""
    return _exists(connection, group_role(_database(connection), ADMIN))


def apply_grants(connection: Connection) -> None:
    """Grant the four groups their tables and columns, every table of the workbook's
    schema included (run again after an upgrade adds tables)."""
    database = _database(connection)
    tables = [
        str(row[0])
        for row in connection.execute(
            text(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
        )
    ]
    columns: dict[str, list[str]] = {}
    for table, column in connection.execute(
        text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY ordinal_position"
        )
    ):
        columns.setdefault(str(table), []).append(str(column))
    schema = sql.Identifier(str(connection.execute(text("SELECT current_schema()")).scalar_one()))
    for role in ROLES:
        group = sql.Identifier(group_role(database, role))
        _run(connection, sql.SQL("GRANT USAGE ON SCHEMA {} TO {}").format(schema, group))
        _run(
            connection,
            sql.SQL("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}").format(
                schema, group
            ),
        )
        for table in tables:
            _grant_table(connection, role, group, table, columns.get(table, []))


def _grant_table(
    connection: Connection, role: str, group: sql.Identifier, table: str, columns: list[str]
) -> None:
    name = sql.Identifier(table)
    _run(connection, sql.SQL("REVOKE ALL ON {} FROM {}").format(name, group))
    if role == ADMIN:
        _run(connection, sql.SQL("GRANT ALL ON {} TO {}").format(name, group))
        return
    if table in _HIDDEN.get(role, ()):
        return
    hidden = SALARY_COLUMNS.get(table, ()) if role == INTERVIEWER else ()
    if hidden:
        shown = sql.SQL(", ").join(sql.Identifier(c) for c in columns if c not in hidden)
        _run(connection, sql.SQL("GRANT SELECT ({}) ON {} TO {}").format(shown, name, group))
    else:
        _run(connection, sql.SQL("GRANT SELECT ON {} TO {}").format(name, group))
    if table == "audit_event":
        _run(connection, sql.SQL("GRANT INSERT ON {} TO {}").format(name, group))
    elif table in _WRITES.get(role, ()):
        _run(connection, sql.SQL("GRANT INSERT, UPDATE, DELETE ON {} TO {}").format(name, group))
    elif table == "role" and role == HIRING_MANAGER:  # their own roles' brief, not the budget
        brief = sql.SQL(", ").join(
            sql.Identifier(c) for c in columns if c not in BUDGET_COLUMNS and c != "id"
        )
        _run(connection, sql.SQL("GRANT UPDATE ({}) ON {} TO {}").format(brief, name, group))


# -- logins --------------------------------------------------------------------------------


def login_exists(connection: Connection, login: str) -> bool:
    return _exists(connection, login)


def owns_workbook(connection: Connection, login: str) -> bool:
    """True when ``login`` made the workbook (owns its tables) or is a superuser: an
    admin whatever the team list says. False for a login the server does not have."""
    owns = connection.execute(
        text(
            "SELECT CASE WHEN r.rolsuper THEN true ELSE pg_has_role(r.oid, (SELECT relowner "
            "FROM pg_class WHERE oid = 'hiring_desk_workbook'::regclass), 'USAGE') END "
            "FROM pg_roles r WHERE r.rolname = :login"
        ),
        {"login": login},
    ).scalar_one_or_none()
    return bool(owns)


def one_time_password() -> str:
    """A password to hand over once (the person changes it when they first sign in)."""
    return secrets.token_urlsafe(12)


def create_login(connection: Connection, login: str, password: str) -> None:
    """``CREATE ROLE login LOGIN PASSWORD ...`` (needs ``CREATEROLE``)."""
    _run(
        connection,
        sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
            sql.Identifier(login), sql.Literal(password)
        ),
    )


def give_role(connection: Connection, login: str, role: str) -> None:
    """Make ``login`` a member of ``role``'s group only, able to sign in; an admin may
    also create logins (``CREATEROLE``)."""
    database = _database(connection)
    who = sql.Identifier(login)
    for other in ROLES:
        if other != role:
            _run(
                connection,
                sql.SQL("REVOKE {} FROM {}").format(
                    sql.Identifier(group_role(database, other)), who
                ),
            )
    _run(
        connection,
        sql.SQL("GRANT {} TO {}").format(sql.Identifier(group_role(database, role)), who),
    )
    rights = "LOGIN CREATEROLE" if role == ADMIN else "LOGIN NOCREATEROLE"
    _run(connection, sql.SQL("ALTER ROLE {} " + rights).format(who))


def take_away(connection: Connection, login: str) -> None:
    """Remove ``login`` from the workbook's groups and disable it (``NOLOGIN``); the
    login itself stays, so the history that names it stays meaningful."""
    database = _database(connection)
    who = sql.Identifier(login)
    for role in ROLES:
        _run(
            connection,
            sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(group_role(database, role)), who),
        )
    _run(connection, sql.SQL("ALTER ROLE {} NOLOGIN NOCREATEROLE").format(who))


def change_own_password(connection: Connection, password: str) -> None:
    """The signed-in login's new password (any login may change its own)."""
    _run(
        connection,
        sql.SQL("ALTER ROLE CURRENT_USER PASSWORD {}").format(sql.Literal(password)),
    )
