"""Team workbooks on a PostgreSQL server: engines, what a database holds, errors in words.

Loaded only when a workbook named by a URL is opened (``store.workbook`` imports
it on demand), so a file workbook never loads psycopg or this module.

What differs from a workbook file, and why:

- No file lock: on a server many people work at once; PostgreSQL's own
  transactions keep them apart.
- No write-ahead-log switch and no file backups before an upgrade: the server
  keeps its own log, and a team workbook is backed up by the administrator's
  ``pg_dump`` (and by Save a Copy to a file). The upgrade itself runs in one
  transaction (PostgreSQL's DDL is transactional), so a failed one changes nothing.
- A database is a workbook when it holds the table ``hiring_desk_workbook``
  (made by revision 0001 on PostgreSQL, the counterpart of a file's
  ``application_id``) and Alembic's ``alembic_version``.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import psycopg
from psycopg.types.datetime import TimestamptzLoader
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from hiring_desk.store import migrate
from hiring_desk.store.engine import before_execute
from hiring_desk.store.errors import (
    MigrationError,
    NeedsUpgradeError,
    NotAWorkbookError,
    PasswordRefusedError,
    WorkbookError,
    WorkbookExistsError,
    WorkbookUnavailableError,
)
from hiring_desk.store.fileformat import MARKER_TABLE
from hiring_desk.store.location import ServerAddress

if TYPE_CHECKING:
    from hiring_desk.store.access import Access
    from hiring_desk.store.integrity import CheckReport

#: The format recorded in the marker table (``fileformat.MARKER_TABLE``).
MARKER_FORMAT = 1
#: Seconds to wait for a server before saying it does not answer.
CONNECT_TIMEOUT = 10


class _NaiveUtcLoader(TimestamptzLoader):
    """``timestamptz`` values read as naive UTC datetimes, as a workbook file gives them,
    so the services see the same values on either engine."""

    def load(self, data: Any) -> datetime:
        value = super().load(data)
        return value.astimezone(UTC).replace(tzinfo=None)


def _on_connect(dbapi_connection: psycopg.Connection[Any], _record: Any) -> None:
    dbapi_connection.adapters.register_loader("timestamptz", _NaiveUtcLoader)


def make_server_engine(address: ServerAddress, *, read_only: bool = False) -> Engine:
    """An engine on the team workbook's database: UTC session time, values hidden from
    errors (as a file's engine), text made storable (half characters replaced)."""
    options = "-c TimeZone=UTC"
    if read_only:
        options += " -c default_transaction_read_only=on"
    engine = create_engine(
        address.url,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={"connect_timeout": CONNECT_TIMEOUT, "options": options},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "before_cursor_execute", before_execute, retval=True)
    return engine


# -- what a database holds ------------------------------------------------------------------

EMPTY = "empty"
WORKBOOK = "workbook"
FOREIGN = "foreign"


def database_state(engine: Engine, address: ServerAddress) -> tuple[str, str | None]:
    """(``EMPTY`` | ``WORKBOOK`` | ``FOREIGN``, the workbook's revision or None).

    Only tables in the connection's schemas count (``current_schemas``): an empty
    database is one with no tables of its own. They are listed from the catalog,
    which shows every table, not only those the login was granted: a login not on
    a workbook's team is told so (``not_on_team``), not that the database is empty.
    Connection errors are turned into words (``server_error``).
    """
    try:
        with engine.connect() as connection:
            tables = {
                str(row[0])
                for row in connection.execute(
                    text(
                        "SELECT tablename FROM pg_catalog.pg_tables "
                        "WHERE schemaname = ANY (current_schemas(false))"
                    )
                )
            }
            if not tables:
                return EMPTY, None
            if MARKER_TABLE not in tables or "alembic_version" not in tables:
                return FOREIGN, None
            revision = connection.execute(
                text("SELECT version_num FROM alembic_version")
            ).scalar_one_or_none()
            return WORKBOOK, str(revision) if revision is not None else None
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) == "42501":  # a workbook it may not read
            raise not_on_team(address) from None
        raise server_error(address, exc) from None
    except psycopg.Error as exc:
        raise server_error(address, exc) from None


def not_on_team(address: ServerAddress, login: str | None = None) -> WorkbookUnavailableError:
    """The refusal for a login the workbook's team does not include."""
    who = login or address.user or "this login"
    return WorkbookUnavailableError(
        address,
        f"the login {who} is not on this workbook's team; ask one of its admins to add "
        f"you (hiring-desk team add NAME --login {who} --role ROLE)",
    )


def sign_in(engine: Engine, address: ServerAddress) -> Access:
    """Who the engine's login is on the team workbook, and what they may do
    (``store.access``); a login not on the team is refused."""
    from hiring_desk.store.access import read_access

    try:
        with engine.connect() as connection:
            access = read_access(connection)
    except DBAPIError as exc:
        raise server_error(address, exc) from None
    if not access.role:
        raise not_on_team(address, access.login)
    return access


def refuse_foreign(address: ServerAddress) -> NotAWorkbookError:
    return NotAWorkbookError(
        address,
        "the database holds tables of something else, not a Hiring Desk workbook; "
        "it was left untouched (use an empty database for a new team workbook)",
    )


# -- errors in words ------------------------------------------------------------------------

_BY_SQLSTATE = {
    "28P01": "the server refused the password; check the user name and password",
    "28000": "the server does not let this user in from here; ask its administrator",
    "3D000": "the database does not exist on the server; create it first (createdb {db})",
    "42501": "permission denied: the user may not use this database; ask its administrator",
    "42P04": "the database already exists on the server",
    "53300": "the server has too many connections open; try again later",
    "57P03": "the server is starting up or shutting down; try again in a moment",
    "25006": "the workbook was opened to read only; nothing can be changed through it",
}


def server_error(address: ServerAddress, error: BaseException) -> WorkbookError:
    """A ``WorkbookUnavailableError`` saying in plain words why the server failed.

    Told apart by the server's SQLSTATE code, or for failures to connect (which come
    without one) by libpq's message; the words never quote the message itself, which
    may name the host's addresses, and never the password.
    """
    found = getattr(error, "orig", None) or error
    state = getattr(found, "sqlstate", None)
    message = str(found).lower()
    if state == "28P01" or (
        "password" in message and ("failed" in message or "no password supplied" in message)
    ):
        return PasswordRefusedError(address, _BY_SQLSTATE["28P01"])
    if state in _BY_SQLSTATE:
        return WorkbookUnavailableError(address, _BY_SQLSTATE[state].format(db=address.database))
    if "not permitted to log in" in message:
        reason = (
            f"the login {address.user} may not sign in (it was removed from the team or "
            "disabled); ask one of the workbook's admins"
        )
    elif "does not exist" in message and "role" in message:
        reason = (
            f"the server has no login named {address.user}; check the user name, or ask "
            "one of the workbook's admins to add you"
        )
    elif "does not exist" in message and "database" in message:
        reason = _BY_SQLSTATE["3D000"].format(db=address.database)
    elif "pg_hba.conf" in message:
        reason = _BY_SQLSTATE["28000"]
    elif "permission denied" in message:
        reason = _BY_SQLSTATE["42501"]
    elif "timeout" in message:
        reason = f"the server at {address.host} did not answer in time; check the address"
    elif isinstance(found, psycopg.OperationalError):
        reason = (
            f"the server at {address.host} cannot be reached; check that it is running "
            "and that the address and port are right"
        )
    else:
        reason = f"the server reported an error ({type(found).__name__})"
    return WorkbookUnavailableError(address, reason)


def create_database(address: ServerAddress) -> None:
    """``CREATE DATABASE`` for ``address`` on its server (for a user allowed to)."""
    engine = create_engine(
        address.with_database("postgres").url,
        isolation_level="AUTOCOMMIT",
        connect_args={"connect_timeout": CONNECT_TIMEOUT},
    )
    try:
        with engine.connect() as connection:
            name = address.database.replace('"', '""')
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except DBAPIError as exc:
        raise server_error(address, exc) from None
    finally:
        engine.dispose()


# -- opening and creating ----------------------------------------------------------------------


def open_server(address: ServerAddress, *, read_only: bool = False) -> Engine:
    """An engine on the team workbook at ``address``, its schema brought up to date.

    An empty database, a database of something else and one from a newer version
    are refused and left untouched. Read-only: nothing is upgraded (an older workbook
    is refused with ``NeedsUpgradeError``) and every transaction is read-only.
    """
    engine = make_server_engine(address, read_only=read_only)
    try:
        state, revision = database_state(engine, address)
        if state == EMPTY:
            raise NotAWorkbookError(
                address,
                "the database is empty, no workbook was made in it yet "
                "(create one there, or fill it with 'hiring-desk demo --workbook URL')",
            )
        if state == FOREIGN:
            raise refuse_foreign(address)
        if migrate.check_revision(address, revision):
            if read_only:
                raise NeedsUpgradeError(
                    address,
                    "made by an older version of Hiring Desk, it needs an upgrade before "
                    "it can be read; open it in Hiring Desk once, then try again",
                )
            _upgrade(engine, address, revision)
        return engine
    except BaseException:
        engine.dispose()
        raise


def create_server(address: ServerAddress) -> Engine:
    """An engine on a new, empty team workbook made in the empty database at ``address``."""
    engine = make_server_engine(address)
    try:
        state, _revision = database_state(engine, address)
        if state == WORKBOOK:
            raise WorkbookExistsError(address, "the database already holds a workbook")
        if state == FOREIGN:
            raise refuse_foreign(address)
        _upgrade(engine, address, None)
        return engine
    except BaseException:
        engine.dispose()
        raise


def open_or_create_server(address: ServerAddress) -> Engine:
    """``open_server``, or ``create_server`` when the database is empty."""
    engine = make_server_engine(address)
    try:
        state, _revision = database_state(engine, address)
    finally:
        engine.dispose()
    return create_server(address) if state == EMPTY else open_server(address)


def _upgrade(engine: Engine, address: ServerAddress, revision: str | None) -> None:
    """Build or upgrade the schema in one transaction. No backup is taken first, unlike
    a file: the server's database is backed up by its administrator (``pg_dump``), and
    PostgreSQL undoes a failed upgrade completely (its DDL is transactional)."""
    try:
        migrate.upgrade(engine)
        _grant_new_tables(engine)
    except DBAPIError as exc:
        failure = server_error(address, exc)
        if revision is None:
            raise failure from None
        raise MigrationError(
            address,
            f"upgrading from schema {revision} failed and was undone; "
            f"the database is unchanged ({failure.reason})",
        ) from None


def _grant_new_tables(engine: Engine) -> None:
    """After an upgrade, the team's groups (if it has them) get the new tables too."""
    from hiring_desk.store import access

    with engine.begin() as connection:
        if access.groups_exist(connection):
            access.apply_grants(connection)


def check_server(address: ServerAddress) -> CheckReport:
    """The health check of a team workbook, read-only: the workbook's mark, its schema
    revision and its tables and columns. (Damage and broken references are the
    server's to prevent: it enforces foreign keys and checksums its own pages.)"""
    from hiring_desk.store.integrity import CheckReport, check_revision

    engine = make_server_engine(address, read_only=True)
    try:
        state, revision = database_state(engine, address)
        if state == EMPTY:
            raise NotAWorkbookError(address, "the database is empty; it holds no workbook")
        if state == FOREIGN:
            raise refuse_foreign(address)
        report = CheckReport(revision=revision)
        with engine.connect() as connection:
            format_row = connection.execute(
                text(f"SELECT format FROM {MARKER_TABLE}")
            ).scalar_one_or_none()
            if format_row != MARKER_FORMAT:
                report.problems.append(f"the workbook mark ({MARKER_TABLE}) is missing or wrong")
            check_revision(connection, report)
        return report
    except DBAPIError as exc:
        raise server_error(address, exc) from None
    finally:
        engine.dispose()
