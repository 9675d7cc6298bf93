"""The benchmarks' team workbooks on a PostgreSQL server, copied from the cached files.

The server is ``HIRING_DESK_BENCH_PG`` (default: the local socket, user root, as the
tests use); a server that does not answer makes the PostgreSQL rows say "no server".
A synthetic workbook of N candidates on the server is a copy of the cached file of
N (``generate.ensure_workbook``): ``Workbook.create`` on a new database (the real
migrations), then every table of the models' metadata in dependency order with
SQLAlchemy Core inserts, the id sequences moved past the copied ids, the search
index rebuilt as the app keeps it, and ``ANALYZE`` (as the server's autovacuum
would do soon after). The database is named after the size, the schema revision and
the generator version (``hd_bench_50000_<revision>_g1``) and kept between runs, as
the cached files are; a changed schema or generator makes a new one.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy as sa
from sqlmodel import SQLModel

import hiring_desk.store.models  # noqa: F401  (the tables, in SQLModel.metadata)
from benchmarks import generate
from hiring_desk.store import Workbook, search
from hiring_desk.store.location import ServerAddress, parse_location
from hiring_desk.store.migrate import SCHEMA_HEAD

DEFAULT_SERVER = "postgresql://root@/postgres?host=/var/run/postgresql"
PREFIX = "hd_bench"
_CHUNK = 5_000


def server_url() -> str:
    """The maintenance database's URL (``postgres``) of the benchmark server."""
    return os.environ.get("HIRING_DESK_BENCH_PG", DEFAULT_SERVER)


def libpq(url: str) -> str:
    return re.sub(r"^[^:]*://", "postgresql://", url, count=1)


def database_url(name: str) -> str:
    """The URL of database ``name`` on the benchmark server."""
    address = parse_location(server_url())
    assert isinstance(address, ServerAddress)
    return libpq(address.with_database(name).url)


def server_answers() -> bool:
    """True if the benchmark server takes a connection within a few seconds."""
    try:
        with psycopg.connect(libpq(server_url()), connect_timeout=3):
            return True
    except psycopg.Error:
        return False


def _admin() -> psycopg.Connection[Any]:
    return psycopg.connect(libpq(server_url()), autocommit=True)


def _exists(name: str) -> bool:
    with _admin() as conn:
        return (
            conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            is not None
        )


def drop_database(name: str) -> None:
    with _admin() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_databases(prefix: str) -> None:
    """Drop every database whose name starts with ``prefix`` (a test's own)."""
    with _admin() as conn:
        names = [
            str(row[0])
            for row in conn.execute(
                "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", (prefix,)
            )
        ]
    for name in names:
        drop_database(name)


def create_database(name: str, template: str | None = None) -> None:
    drop_database(name)
    with _admin() as conn:
        extra = f' TEMPLATE "{template}"' if template else ""
        conn.execute(f'CREATE DATABASE "{name}"{extra}')


def database_name(count: int, prefix: str = PREFIX) -> str:
    return f"{prefix}_{count}_{SCHEMA_HEAD}_g{generate.GENERATOR_VERSION}".lower()


def ensure_database(count: int, cache: Path, prefix: str = PREFIX) -> str:
    """The URL of the server workbook of ``count`` candidates, copied first if missing."""
    name = database_name(count, prefix)
    if not _exists(name):
        source = generate.ensure_workbook(count, cache)
        making = f"{name}_making"
        create_database(making)
        copy_workbook(source, database_url(making))
        with _admin() as conn:
            conn.execute(f'ALTER DATABASE "{making}" RENAME TO "{name}"')
    return database_url(name)


def ensure_empty_database(prefix: str = PREFIX) -> str:
    """The name of an empty workbook database (schema only), a template for imports."""
    name = f"{prefix}_empty_{SCHEMA_HEAD}".lower()
    if not _exists(name):
        making = f"{name}_making"
        create_database(making)
        Workbook.create(database_url(making)).close()
        with _admin() as conn:
            conn.execute(f'ALTER DATABASE "{making}" RENAME TO "{name}"')
    return name


@contextlib.contextmanager
def fresh_copy(template: str, name: str) -> Iterator[str]:
    """A new database made from ``template`` (a file copy on the server); its URL,
    dropped afterwards."""
    create_database(name, template)
    try:
        yield database_url(name)
    finally:
        drop_database(name)


def copy_workbook(source: Path, url: str) -> None:
    """Copy the workbook file ``source`` into the empty database at ``url``."""
    tables = SQLModel.metadata.sorted_tables  # dependency order
    reader = Workbook.open_read_only(source)
    target = Workbook.create(url)
    try:
        with reader.engine.connect() as src, target.transaction() as session:
            connection = session.connection()
            for table in reversed(tables):  # rows the migrations made, if any
                connection.execute(table.delete())
            for table in tables:
                result = src.execute(sa.select(table)).mappings()
                while chunk := result.fetchmany(_CHUNK):
                    connection.execute(table.insert(), [dict(row) for row in chunk])
                _move_sequence(connection, table)
            search.rebuild(session)
    finally:
        target.close()
        reader.close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("ANALYZE")


def _move_sequence(connection: sa.Connection, table: sa.Table) -> None:
    """The table's id sequence past the copied ids (new rows must not collide)."""
    if "id" not in table.c or not isinstance(table.c.id.type, sa.Integer):
        return
    sequence = connection.execute(
        sa.text("SELECT pg_get_serial_sequence(:table, 'id')"), {"table": table.name}
    ).scalar()
    if sequence is not None:
        connection.execute(
            sa.text(
                "SELECT setval(:sequence, "
                f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"
            ),
            {"sequence": sequence},
        )
