"""The PostgreSQL server the tests run team workbooks on, and a database per test.

The server is ``HIRING_DESK_TEST_PG`` (default: the local socket, user root). The
empty-workbook schema and the demo are built once per run, into the template
databases ``hdtest_tpl_<pid>_empty`` and ``hdtest_tpl_<pid>_demo``; each test gets
``CREATE DATABASE ... TEMPLATE`` of one (a file copy on the server) and the
database is dropped after it. Helper threads make the next tests' databases while
a test runs and drop the last ones' meanwhile, so a test rarely waits for either.
What this run made is dropped at its end; databases left by runs whose process is
gone are dropped at the start.

``HIRING_DESK_TEST_ENGINES=sqlite`` runs the file workbooks only (a quick local
run); otherwise a server that does not answer fails the run, never skips it.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import queue
import re
import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

import pytest

DEFAULT_SERVER = "postgresql://root@/postgres?host=/var/run/postgresql"
_PREFIX = "hdtest_"
_OURS = re.compile(r"^hdtest_(?:tpl_)?(\d+)_")
_MOST_PENDING_DROPS = 3
#: Threads making and dropping databases: the server mostly waits on its disk for
#: each, so three at once go about three times as fast as one.
_HELPERS = 3


def engine_names() -> tuple[str, ...]:
    """The engines this run tests on (``HIRING_DESK_TEST_ENGINES``, comma-separated)."""
    wanted = os.environ.get("HIRING_DESK_TEST_ENGINES", "sqlite,postgresql")
    names = tuple(name.strip() for name in wanted.split(",") if name.strip())
    unknown = set(names) - {"sqlite", "postgresql"}
    if unknown or not names:
        raise pytest.UsageError(f"HIRING_DESK_TEST_ENGINES: unknown engine(s) {sorted(unknown)}")
    return names


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PgServer:
    """The test server: template databases and a database per test."""

    def __init__(self, url: str) -> None:
        from hiring_desk.store.location import ServerAddress, parse_location

        address = parse_location(url)
        if not isinstance(address, ServerAddress):
            raise pytest.UsageError(f"HIRING_DESK_TEST_PG is not a PostgreSQL URL: {url}")
        self.address = address
        self._pid = os.getpid()
        self._numbers = itertools.count(1)
        self._templates: dict[str, str] = {}
        #: Databases made ahead from each template, ready for the next test.
        self._ready: dict[str, deque[str]] = {}
        self._jobs: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._workers: list[threading.Thread] = []
        #: Drops not done yet: a test waits when there are this many, so a slow server
        #: slows the run rather than piling up databases.
        self._pending_drops = threading.BoundedSemaphore(_MOST_PENDING_DROPS)

    @classmethod
    def find(cls) -> PgServer:
        """The server of ``HIRING_DESK_TEST_PG``; fails the run (loudly) if it does not
        answer, with what to do."""
        server = cls(os.environ.get("HIRING_DESK_TEST_PG", DEFAULT_SERVER))
        try:
            server._execute("SELECT 1")
        except Exception as exc:  # any failure to reach it fails the run, in words
            pytest.fail(
                f"The PostgreSQL test server ({server.address}) does not answer: "
                f"{type(exc).__name__}: {exc}. Start it (.ci/run does), set "
                "HIRING_DESK_TEST_PG to one that runs, or HIRING_DESK_TEST_ENGINES=sqlite "
                "to test on workbook files only.",
                pytrace=False,
            )
        server._drop_leftovers()
        return server

    def url(self, database: str) -> str:
        return self.address.with_database(database).url

    def _execute(self, sql: str) -> list[tuple[Any, ...]]:
        import psycopg

        dsn = self.address.url.replace("postgresql+psycopg://", "postgresql://", 1)
        with psycopg.connect(dsn, autocommit=True, connect_timeout=10) as conn:
            cursor = conn.execute(sql)  # type: ignore[call-overload]
            return cursor.fetchall() if cursor.description else []

    def _drop(self, name: str) -> None:
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _drop_leftovers(self) -> None:
        for (name,) in self._execute(
            f"SELECT datname FROM pg_database WHERE datname LIKE '{_PREFIX}%'"
        ):
            found = _OURS.match(str(name))
            if found and not _alive(int(found.group(1))):
                self._drop(str(name))
        for (name,) in self._execute(  # team logins and groups (tests/team_logins.py)
            f"SELECT rolname FROM pg_roles WHERE rolname LIKE '{_PREFIX}%' "
            f"OR rolname LIKE 'hd_{_PREFIX}%'"
        ):
            found = _OURS.match(str(name).removeprefix("hd_"))
            if found and not _alive(int(found.group(1))):
                with contextlib.suppress(Exception):  # still used by a live database
                    self.drop_role(str(name))

    def drop_role(self, name: str) -> None:
        self._execute(f'DROP ROLE IF EXISTS "{name}"')

    @contextlib.contextmanager
    def team_database(self) -> Iterator[str]:
        """A new copy of the demo (its URL), dropped when the block ends, with the group
        roles and logins a team made in it (``hdtest_<pid>_<n>_...``)."""
        name = self._new_name()
        self._create(name, self._template("demo"))
        try:
            yield self.url(name)
        finally:
            self._drop(name)
            for (role,) in self._execute(
                f"SELECT rolname FROM pg_roles WHERE rolname LIKE '{name}\\_%' "
                f"OR rolname LIKE 'hd\\_{name}\\_%'"
            ):
                self.drop_role(str(role))

    def _later(self, job: Callable[[], None]) -> None:
        """Run ``job`` on a helper thread (started on first use)."""
        if not self._workers:
            self._workers = [
                threading.Thread(target=self._work, name=f"pg-test-dbs-{n}", daemon=True)
                for n in range(_HELPERS)
            ]
            for worker in self._workers:
                worker.start()
        self._jobs.put(job)

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            with contextlib.suppress(Exception):  # a failed job: the test makes its own
                job()

    def _make_ahead(self, kind: str) -> None:
        name = self._new_name()
        self._create(name, self._templates[kind])
        self._ready[kind].append(name)

    def _create(self, name: str, template: str | None) -> None:
        """A new database; its commits do not wait for the disk (``synchronous_commit``
        off: a crash of the server could lose the last ones, nothing else), which
        makes the tests that commit hundreds of times as quick as on a file."""
        # FILE_COPY copies the template's files (after a checkpoint); WAL_LOG, the
        # default, writes every page of it to the write-ahead log: slower here.
        from_template = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        self._execute(f'CREATE DATABASE "{name}"{from_template}')
        self._execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')

    def _new_name(self) -> str:
        return f"{_PREFIX}{self._pid}_{next(self._numbers)}"

    def drop_all(self) -> None:
        """Drop every database this run made (templates included)."""
        for _worker in self._workers:
            self._jobs.put(None)
        for worker in self._workers:
            worker.join()
        for (name,) in self._execute(
            f"SELECT datname FROM pg_database WHERE datname LIKE '{_PREFIX}%{self._pid}_%'"
        ):
            if (found := _OURS.match(str(name))) and int(found.group(1)) == self._pid:
                self._drop(str(name))

    def _template(self, kind: str) -> str:
        """The template database of ``kind`` ("empty" or "demo"), built on first use."""
        if kind in self._templates:
            return self._templates[kind]
        name = f"{_PREFIX}tpl_{self._pid}_{kind}"
        self._drop(name)
        self._create(name, None)
        url = self.url(name)
        if kind == "demo":
            from hiring_desk.services.demo.demo_workbook import create_demo_workbook

            create_demo_workbook(url).close()
        else:
            from hiring_desk.store import Workbook

            Workbook.create(url).close()
        self._templates[kind] = name
        return name

    @contextlib.contextmanager
    def database(self, kind: str) -> Iterator[str]:
        """The URL of a new database made from the template of ``kind`` (or empty for
        "none"), dropped when the block ends."""
        if kind == "none":
            name = self._new_name()
            self._create(name, None)
        else:
            template = self._template(kind)
            ready = self._ready.setdefault(kind, deque())
            try:
                name = ready.popleft()
            except IndexError:
                name = self._new_name()
                self._create(name, template)
            self._later(lambda: self._make_ahead(kind))
        try:
            yield self.url(name)
        finally:
            self._pending_drops.acquire()
            self._later(lambda: self._drop_then_release(name))

    def _drop_then_release(self, name: str) -> None:
        try:
            self._drop(name)
        finally:
            self._pending_drops.release()
