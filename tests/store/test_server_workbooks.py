"""Team workbooks on PostgreSQL: named by a URL, refused when not ours, errors in words."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from tests.engines import PgServer, engine_names

from hiring_desk.store import (
    NewerSchemaError,
    NotAWorkbookError,
    ServerWorkbookError,
    Workbook,
    WorkbookError,
    WorkbookExistsError,
    integrity,
)
from hiring_desk.store.location import ServerAddress, is_server_url, parse_location
from hiring_desk.store.server import MARKER_TABLE, server_error

SOCKET = "/var/run/postgresql"

# -- telling a URL from a file name (no server needed) ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "postgresql://user@host:5432/db",
        f"postgresql://user@/db?host={SOCKET}",
        "postgres://user@host/db",
        "postgresql+psycopg://user@host/db",
        "PostgreSQL://user@host/db",
        "  postgresql://user@host/db ",
    ],
)
def test_a_postgresql_url_names_a_server(text: str) -> None:
    assert is_server_url(text)
    found = parse_location(text)
    assert isinstance(found, ServerAddress)
    assert found.url.startswith("postgresql+psycopg://")
    assert str(found).startswith("postgresql://")


@pytest.mark.parametrize(
    "text",
    ["plans.hiringdesk", "postgresql:/x", "postgresql", "./postgresql://x", "postgresql:x", "a b"],
)
def test_anything_else_names_a_file(text: str) -> None:
    assert not is_server_url(text)
    assert parse_location(text) == Path(text)


def test_a_path_stays_a_file_whatever_it_looks_like() -> None:
    odd = Path("postgresql:") / "x"
    assert parse_location(odd) is odd


def test_the_address_never_shows_the_password() -> None:
    address = parse_location("postgresql://ana:s3cret@db.example:5433/hiring")
    assert isinstance(address, ServerAddress)
    assert address.password == "s3cret"
    assert str(address) == "postgresql://ana@db.example:5433/hiring"
    assert (address.name, address.host) == ("hiring", "db.example")
    assert "s3cret" not in str(WorkbookError(address, "x"))


def test_the_socket_address_names_its_folder_as_host() -> None:
    address = parse_location(f"postgresql://root@/hd?host={SOCKET}")
    assert isinstance(address, ServerAddress)
    assert (address.name, address.host) == ("hd", SOCKET)


def test_errors_from_the_server_are_told_by_their_code() -> None:
    address = ServerAddress("postgresql+psycopg://ana:s3cret@db.example/hiring")
    assert "refused the password" in server_error(address, psycopg.errors.InvalidPassword()).reason
    denied = server_error(address, psycopg.errors.InsufficientPrivilege())
    assert "permission denied" in denied.reason
    missing = server_error(address, psycopg.errors.InvalidCatalogName())
    assert "does not exist" in missing.reason and "createdb hiring" in missing.reason


def test_a_connection_lost_mid_operation_is_told_in_words() -> None:
    from sqlalchemy.exc import OperationalError

    from hiring_desk.store.errors import SERVER_LOST, SERVER_REFUSED, database_failure

    cut = OperationalError("SELECT ...", {}, psycopg.errors.AdminShutdown())
    assert database_failure(cut) is SERVER_LOST
    assert "undone" in SERVER_LOST.sentence
    assert database_failure(psycopg.OperationalError("server closed the connection")) is (
        SERVER_LOST
    )
    assert database_failure(psycopg.errors.InsufficientPrivilege()) is SERVER_REFUSED
    assert database_failure(psycopg.errors.UniqueViolation()) is None  # a bug, not the server


# -- on the server ------------------------------------------------------------------------

needs_server = pytest.mark.skipif(
    "postgresql" not in engine_names(), reason="HIRING_DESK_TEST_ENGINES leaves PostgreSQL out"
)


def _sql(url: str, statement: str) -> None:
    with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
        conn.execute(statement)  # type: ignore[call-overload]


@needs_server
def test_a_team_workbook_has_no_file(pg_server: PgServer) -> None:
    with pg_server.database("empty") as url, Workbook.open(url) as workbook:
        assert not workbook.is_file
        assert workbook.display_name.startswith("postgresql://")
        assert workbook.name == parse_location(url).name  # type: ignore[union-attr]
        with pytest.raises(ServerWorkbookError, match="pg_dump"):
            _ = workbook.path
        # Two people at once: no lock keeps the second out.
        with Workbook.open(url) as second, second.transaction() as session:
            assert session.execute(sa.text("SELECT count(*) FROM candidate")).scalar_one() == 0
        assert integrity.check_workbook(workbook.location).ok


@needs_server
def test_create_refuses_a_database_holding_a_workbook(pg_server: PgServer) -> None:
    with pg_server.database("empty") as url, pytest.raises(WorkbookExistsError):
        Workbook.create(url)


@needs_server
def test_open_refuses_an_empty_database(pg_server: PgServer) -> None:
    with pg_server.database("none") as url:
        with pytest.raises(NotAWorkbookError, match="empty"):
            Workbook.open(url)
        with Workbook.open_or_create(url) as workbook:  # ... which open_or_create fills
            assert integrity.check_workbook(workbook.location).ok


@needs_server
def test_a_database_of_something_else_is_refused_and_left_untouched(pg_server: PgServer) -> None:
    with pg_server.database("none") as url:
        _sql(url, "CREATE TABLE invoices (id integer)")
        for opening in (Workbook.open, Workbook.create, Workbook.open_or_create):
            with pytest.raises(NotAWorkbookError, match="untouched"):
                opening(url)
        with pytest.raises(NotAWorkbookError):
            integrity.check_workbook(parse_location(url))
        with psycopg.connect(url.replace("+psycopg", "")) as conn:
            tables = conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchall()
        assert tables == [("invoices",)]


@needs_server
def test_a_workbook_from_a_newer_version_is_refused_and_left_untouched(
    pg_server: PgServer,
) -> None:
    with pg_server.database("empty") as url:
        _sql(url, "UPDATE alembic_version SET version_num = '9999_future'")
        with pytest.raises(NewerSchemaError, match="newer version"):
            Workbook.open(url)
        report = integrity.check_workbook(parse_location(url))
        assert not report.ok and report.revision == "9999_future"


@needs_server
def test_check_finds_a_missing_mark_and_a_missing_column(pg_server: PgServer) -> None:
    with pg_server.database("empty") as url:
        _sql(url, f"DELETE FROM {MARKER_TABLE}")
        _sql(url, "ALTER TABLE candidate DROP COLUMN notes")
        problems = integrity.check_workbook(parse_location(url)).problems
        assert any("mark" in p for p in problems)
        assert any("candidate lacks the column(s) notes" in p for p in problems)


@needs_server
def test_a_user_without_permission_is_told_so(pg_server: PgServer) -> None:
    role = f"hdtest_nobody_{os.getpid()}"
    with pg_server.database("empty") as url:
        database = parse_location(url).name  # type: ignore[union-attr]
        _sql(url, f'REVOKE CONNECT ON DATABASE "{database}" FROM PUBLIC')
        _sql(url, f'DROP ROLE IF EXISTS "{role}"')
        _sql(url, f'CREATE ROLE "{role}" LOGIN')
        try:
            other = url.replace("://root@", f"://{role}@", 1)
            with pytest.raises(WorkbookError, match="permission denied") as caught:
                Workbook.open(other)
            assert "Traceback" not in str(caught.value)
        finally:
            _sql(url, f'DROP ROLE IF EXISTS "{role}"')
