"""A team workbook's committed writes reach the other handles on it (LISTEN/NOTIFY)."""

from __future__ import annotations

import queue
from collections.abc import Iterator

import psycopg
import pytest
from tests.engines import PgServer

from hiring_desk.store import Workbook
from hiring_desk.store.location import ServerAddress
from hiring_desk.store.models import TeamMember
from hiring_desk.store.notify import ALL_KINDS, Notice, libpq_url, written_table

WAIT = 10.0


@pytest.mark.parametrize(
    ("statement", "table"),
    [
        ('INSERT INTO "candidate" (name) VALUES (%s)', "candidate"),
        ("  update application SET stage = 'x'", "application"),
        ("DELETE FROM stage_event WHERE id = 1", "stage_event"),
        ("SELECT * FROM candidate", None),
        ("WITH x AS (SELECT 1) SELECT 1", None),
    ],
)
def test_the_table_a_statement_writes_is_read_off_it(statement: str, table: str | None) -> None:
    assert written_table(statement) == table


@pytest.fixture
def two_handles(pg_server: PgServer) -> Iterator[tuple[Workbook, Workbook]]:
    with pg_server.database("empty") as url, Workbook.open(url) as a, Workbook.open(url) as b:
        yield a, b


def _follow(workbook: Workbook) -> queue.Queue[Notice]:
    notices: queue.Queue[Notice] = queue.Queue()
    assert workbook.follow_changes(notices.put)
    follower = workbook._on_close["follow_changes"].__self__  # type: ignore[attr-defined]
    assert follower.listening.wait(WAIT)
    return notices


def _add_member(workbook: Workbook, name: str) -> int:
    with workbook.transaction() as session:
        member = TeamMember(name=name)
        session.add(member)
        session.flush()
        assert member.id is not None
        return member.id


def test_a_write_on_one_handle_reaches_the_other(two_handles: tuple[Workbook, Workbook]) -> None:
    a, b = two_handles
    notices = _follow(a)
    b.acting_member_id = _add_member(b, "Ada")  # nobody acting yet
    first = notices.get(timeout=WAIT)
    assert first.kinds == {"team"}
    assert first.member_id is None
    _add_member(b, "Grace")
    second = notices.get(timeout=WAIT)
    assert second.member_id == b.acting_member_id
    assert "Grace" not in repr(second) and "Ada" not in repr(second)


def test_own_and_rolled_back_writes_announce_nothing(
    two_handles: tuple[Workbook, Workbook],
) -> None:
    a, b = two_handles
    notices = _follow(a)
    _add_member(a, "Own change")  # the window announced it itself
    with pytest.raises(RuntimeError), b.transaction() as session:
        session.add(TeamMember(name="Undone"))
        session.flush()
        raise RuntimeError("undo")
    _add_member(b, "Kept")
    assert notices.get(timeout=WAIT).origin != ""  # the first notice is b's kept one
    assert notices.empty()


@pytest.mark.sqlite_only
def test_a_file_workbook_has_nothing_to_follow(workbook: Workbook) -> None:
    assert not workbook.follow_changes(lambda _notice: None)


def test_a_dropped_connection_is_made_again(two_handles: tuple[Workbook, Workbook]) -> None:
    a, b = two_handles
    notices = _follow(a)
    follower = a._on_close["follow_changes"].__self__  # type: ignore[attr-defined]
    dropped = follower.backend_pid
    assert isinstance(a.location, ServerAddress)
    with psycopg.connect(libpq_url(a.location), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (dropped,))
    again = notices.get(timeout=WAIT)  # what was sent meanwhile is lost: anything may have
    assert again.kinds == ALL_KINDS
    assert follower.backend_pid != dropped
    _add_member(b, "After")
    assert notices.get(timeout=WAIT).kinds == {"team"}


def test_closing_the_workbook_stops_following(pg_server: PgServer) -> None:
    with pg_server.database("empty") as url:
        a = Workbook.open(url)
        _follow(a)
        follower = a._on_close["follow_changes"].__self__  # type: ignore[attr-defined]
        a.close()
        assert not follower._thread.is_alive()
