"""Opening, creating, locking and closing a workbook file."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from hiring_desk import WORKBOOK_SUFFIX
from hiring_desk.safe_output import register_open_workbook, unregister_open_workbook
from hiring_desk.store import migrate
from hiring_desk.store.backup import CopyWriteError, backup_name, copy_workbook
from hiring_desk.store.engine import connect_raw, make_engine, make_read_only_engine
from hiring_desk.store.errors import (
    CANNOT_OPEN,
    Failure,
    MigrationError,
    NeedsUpgradeError,
    NotAWorkbookError,
    ServerWorkbookError,
    WorkbookDamagedError,
    WorkbookError,
    WorkbookExistsError,
    WorkbookUnavailableError,
    cannot_open_failure,
    database_failure,
    is_damage,
)
from hiring_desk.store.fileformat import APPLICATION_ID, check_is_workbook
from hiring_desk.store.integrity import quick_check
from hiring_desk.store.location import Location, ServerAddress, parse_location
from hiring_desk.store.lock import WorkbookLock, real_path, same_file
from hiring_desk.store.notify import MEMBER_KEY, ChangeFollower, Notice, announce_writes

if TYPE_CHECKING:
    from hiring_desk.store.access import Access

#: The ``Session.info`` key holding the acting team member's id (services.audit reads it).
ACTING_MEMBER = "acting_member_id"


class Workbook:
    """An open workbook: a locked file, or a team workbook on a PostgreSQL server.

    Use ``transaction()`` for every unit of work. ``location`` is where it lives
    (the file's ``Path`` or the server's ``ServerAddress``); ``path`` is the file
    and exists only for a file workbook (a team workbook raises
    ``ServerWorkbookError``, which says how it is backed up instead).
    """

    def __init__(
        self,
        location: Location,
        engine: Engine,
        lock: WorkbookLock | None,
        *,
        read_only: bool = False,
        access: Access | None = None,
    ) -> None:
        self.location: Location = location
        self._file = location if isinstance(location, Path) else None
        #: Opened by ``open_read_only``: it can be read, never written.
        self.read_only = read_only
        self.engine = engine
        self._lock = lock
        self._open = True
        if self._file is not None:
            register_open_workbook(self._file)  # no export or print may write over it
        #: The team member using this handle (None: nobody chosen). Every session
        #: from ``transaction()`` carries it as ``session.info[ACTING_MEMBER]``.
        self.acting_member_id: int | None = None
        #: Who signed in to a team workbook and what they may do (None: a workbook
        #: file, one user who may do everything). Their member is the acting one.
        self.access = access
        if access is not None:
            self.acting_member_id = access.member_id
        self._session_class = Session
        if access is not None and not access.sees_salaries:
            from hiring_desk.store.salary_hiding import SalaryHidingSession

            self._session_class = SalaryHidingSession
        self._on_close: dict[str, Callable[[], None]] = {}
        #: A team workbook's writes notify the others (``store.notify``); its token.
        self._origin = "" if self._file is not None or read_only else announce_writes(engine)

    @property
    def path(self) -> Path:
        """The workbook's file (as it was named). A team workbook has none:
        ``ServerWorkbookError`` says so, and how it is backed up instead."""
        if self._file is None:
            raise ServerWorkbookError(self.location)
        return self._file

    @property
    def is_file(self) -> bool:
        """True for a workbook file, False for a team workbook on a server."""
        return self._file is not None

    @property
    def display_name(self) -> str:
        """Where the workbook is, for a title bar or a message: the file's path, or the
        server's URL without its password."""
        return str(self.location)

    # -- opening ----------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str | ServerAddress, *, backup_dir: Path | None = None) -> Workbook:
        """Open an existing workbook, upgrading it (after a backup) if it is older.

        Files that are not workbooks, or come from a newer version, are refused
        and left unchanged. A PostgreSQL URL opens a team workbook (``store.server``).
        """
        location = _location(path)
        if isinstance(location, ServerAddress):
            from hiring_desk.store import server

            return cls._signed_in(location, server.open_server(location))
        path = location
        if not path.exists():
            raise NotAWorkbookError(path, "the file does not exist")
        check_is_workbook(path)
        lock = WorkbookLock(path)
        lock.acquire()
        try:
            _prepare_existing(path, backup_dir)
            return cls(path, make_engine(path), lock)
        except BaseException:
            lock.release()
            raise

    @classmethod
    def open_read_only(cls, path: Path | str | ServerAddress) -> Workbook:
        """Open a workbook to read it only, even while a window or a command has it open.

        No lock is needed (SQLite's write-ahead log lets readers be), nothing is
        written to the file and nothing is upgraded: an older workbook is refused
        with ``NeedsUpgradeError``, a newer one with ``NewerSchemaError``. Any attempt
        to write through it fails.
        """
        location = _location(path)
        if isinstance(location, ServerAddress):
            from hiring_desk.store import server

            engine = server.open_server(location, read_only=True)
            return cls._signed_in(location, engine, read_only=True)
        path = location
        if not path.exists():
            raise NotAWorkbookError(path, "the file does not exist")
        check_is_workbook(path)
        engine, lock = make_read_only_engine(path)
        try:
            _check_revision_to_read(path, engine)
            return cls(path, engine, lock or WorkbookLock(path), read_only=True)
        except BaseException:
            engine.dispose()
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def create(cls, path: Path | str | ServerAddress) -> Workbook:
        """Create a new, empty workbook. Refuses to overwrite an existing file.

        For a PostgreSQL URL the database must exist and be empty.
        """
        location = _location(path)
        if isinstance(location, ServerAddress):
            from hiring_desk.store import server

            return cls._signed_in(location, server.create_server(location))
        path = location
        if path.exists():
            raise WorkbookExistsError(path, "a file with this name already exists")
        real = real_path(path)  # a link to a file yet to be made: make that file
        real.parent.mkdir(parents=True, exist_ok=True)
        lock = WorkbookLock(path)
        lock.acquire()
        partial = real.with_name(real.name + ".new")
        try:
            partial.unlink(missing_ok=True)
            _create_schema(partial)
            if real.exists():
                raise WorkbookExistsError(path, "a file with this name already exists")
            partial.replace(real)
            return cls(path, make_engine(path), lock)
        except BaseException:
            partial.unlink(missing_ok=True)
            lock.release()
            raise

    @classmethod
    def open_or_create(
        cls, path: Path | str | ServerAddress, *, backup_dir: Path | None = None
    ) -> Workbook:
        location = _location(path)
        if isinstance(location, ServerAddress):
            from hiring_desk.store import server

            return cls._signed_in(location, server.open_or_create_server(location))
        path = location
        if path.exists():
            return cls.open(path, backup_dir=backup_dir)
        return cls.create(path)

    @classmethod
    def _signed_in(
        cls, address: ServerAddress, engine: Engine, *, read_only: bool = False
    ) -> Workbook:
        """A team workbook's handle, its login's access read (``store.access``)."""
        from hiring_desk.store import server

        try:
            access = server.sign_in(engine, address)
        except BaseException:
            engine.dispose()
            raise
        return cls(address, engine, None, read_only=read_only, access=access)

    # -- using ------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        info = {ACTING_MEMBER: self.acting_member_id}
        with (
            self._session_class(self.engine, expire_on_commit=False, info=info) as session,
            session.begin(),
        ):
            if self._origin:  # who made the change, for the notice sent at commit
                session.connection().info[MEMBER_KEY] = self.acting_member_id
            yield session

    def follow_changes(self, on_notice: Callable[[Notice], object]) -> bool:
        """Call ``on_notice`` (on a thread of its own) each time another handle on this
        team workbook commits a change, until the workbook is closed; False (and
        nothing done) for a workbook file, which nobody else writes meanwhile."""
        if not isinstance(self.location, ServerAddress):
            return False
        follower = ChangeFollower(self.location, on_notice, self._origin)
        follower.start()
        self.on_close("follow_changes", follower.stop)
        return True

    @property
    def real_path(self) -> Path:
        """The file itself, symbolic links followed (``path`` is the name it was opened by)."""
        return real_path(self.path)

    def on_close(self, name: str, callback: Callable[[], None]) -> None:
        """Call ``callback`` once, after the workbook is closed (one per ``name``: a
        second with the same name replaces the first)."""
        self._on_close[name] = callback

    def close(self) -> None:
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()
        callbacks, self._on_close = self._on_close, {}
        for callback in callbacks.values():
            callback()
        if self._open:
            self._open = False
            if self._file is not None:
                unregister_open_workbook(self._file)

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def name(self) -> str:
        """The file's name, or the server database's."""
        return self.location.name


def _location(named: Path | str | ServerAddress) -> Location:
    """A file's absolute path, or the server address a PostgreSQL URL names."""
    location = parse_location(named)
    if isinstance(location, ServerAddress):
        return location
    return Path(location).expanduser().absolute()


def ensure_suffix(path: Path) -> Path:
    """``path`` with the workbook extension added if it has none."""
    return path if path.suffix else path.with_suffix(WORKBOOK_SUFFIX)


def _create_schema(path: Path) -> None:
    conn = sqlite3.connect(str(path))
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    engine = make_engine(path)
    try:
        migrate.upgrade(engine)
    finally:
        engine.dispose()


def _prepare_existing(path: Path, backup_dir: Path | None) -> None:
    """Check an existing workbook and bring its schema up to date."""
    try:
        conn = connect_raw(path)
        try:
            problems = quick_check(conn)
            revision = migrate.read_revision(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise _open_failure(path, exc) from None
    if problems:
        raise WorkbookDamagedError(path, f"the workbook is damaged ({problems[0]})")
    if migrate.check_revision(path, revision):
        assert revision is not None
        _upgrade(path, revision, backup_dir)
    try:
        _use_wal(path)
    except sqlite3.DatabaseError as exc:
        raise _open_failure(path, exc) from None


def _check_revision_to_read(path: Path, engine: Engine) -> None:
    try:
        connection = engine.raw_connection()
        try:
            revision = migrate.read_revision(connection.driver_connection)  # type: ignore[arg-type]
        finally:
            connection.close()
    except (sqlite3.DatabaseError, DBAPIError) as exc:
        error = exc.orig if isinstance(exc, DBAPIError) else exc
        if not isinstance(error, sqlite3.DatabaseError):
            raise
        raise _open_failure(path, error) from None
    if migrate.check_revision(path, revision):
        raise NeedsUpgradeError(
            path,
            "made by an older version of Hiring Desk, it needs an upgrade before it can be "
            "read; open it in Hiring Desk once (which upgrades it after a backup), then try again",
        )


def _open_failure(path: Path, error: sqlite3.DatabaseError) -> WorkbookError:
    """Damage only when SQLite found damage; a read-only folder or a busy disk is not."""
    if is_damage(error):
        return WorkbookDamagedError(path, f"the workbook is damaged ({error})")
    failure = database_failure(error) or Failure(str(error), "try again")
    if failure is CANNOT_OPEN:
        failure = cannot_open_failure(path)
    return WorkbookUnavailableError(path, failure.text)


def _use_wal(path: Path) -> None:
    """Put the workbook in WAL mode (a copy made elsewhere may not be)."""
    conn = connect_raw(path)
    try:
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def _upgrade(path: Path, revision: str, backup_dir: Path | None) -> None:
    if backup_dir is None:
        from hiring_desk import paths

        backup_dir = paths.backup_dir()
    try:
        copy_workbook(path, backup_dir / backup_name(path, f"before-upgrade-{revision}"))
    except (OSError, sqlite3.Error, CopyWriteError) as exc:
        raise MigrationError(path, f"could not back up before upgrading ({exc})") from None
    engine = make_engine(path)
    try:
        migrate.upgrade(engine)
    except Exception as exc:
        raise MigrationError(
            path,
            f"upgrading from schema {revision} failed and was undone; "
            f"the file is unchanged ({exc})",
        ) from None
    finally:
        engine.dispose()


__all__ = [
    "ACTING_MEMBER",
    "ServerAddress",
    "Workbook",
    "WorkbookError",
    "ensure_suffix",
    "real_path",
    "same_file",
]
