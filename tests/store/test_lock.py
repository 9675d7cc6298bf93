"""One Hiring Desk window per workbook: the lock beside the file."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlmodel import select

from hiring_desk.store import Workbook, WorkbookLockedError
from hiring_desk.store.lock import WorkbookLock, lock_path_for
from hiring_desk.store.models import TeamMember

#: Only a workbook file has these (the file lock: on a server many people work at once).
pytestmark = pytest.mark.sqlite_only

HOLDER = textwrap.dedent(
    """
    import sys
    import time

    from hiring_desk.store import Workbook

    workbook = Workbook.open(sys.argv[1])
    print("ready", flush=True)
    time.sleep(120)
    """
)


def _snapshot(path: Path) -> dict[str, bytes]:
    """The bytes of the workbook and of any WAL beside it."""
    files = [path, path.with_name(path.name + "-wal")]
    return {p.name: p.read_bytes() for p in files if p.exists()}


def test_lock_file_is_hidden_beside_the_workbook(tmp_path: Path) -> None:
    path = tmp_path / "Team plans.hiringdesk"
    assert lock_path_for(path) == tmp_path / ".Team plans.hiringdesk.lock"
    with Workbook.create(path):
        assert lock_path_for(path).exists()


def test_a_second_open_is_refused_with_a_clear_message(workbook: Workbook) -> None:
    with pytest.raises(WorkbookLockedError) as info:
        Workbook.open(workbook.path)

    message = str(info.value)
    assert workbook.path.name in message
    assert "already open" in message
    assert "\n" not in message
    assert info.value.path == workbook.path


def test_a_second_open_through_another_spelling_of_the_path_is_refused(
    workbook: Workbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workbook.path.parent)
    with pytest.raises(WorkbookLockedError):
        Workbook.open(workbook.path.name)
    with pytest.raises(WorkbookLockedError):
        Workbook.open(Path("..") / workbook.path.parent.name / workbook.path.name)


def test_the_refused_second_open_changes_nothing(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(TeamMember(name="Ada"))
    before = _snapshot(workbook.path)

    with pytest.raises(WorkbookLockedError):
        Workbook.open(workbook.path)

    assert _snapshot(workbook.path) == before
    # The first window still works and still holds the lock.
    with workbook.transaction() as session:
        session.add(TeamMember(name="Grace"))
    with workbook.transaction() as session:
        assert sorted(m.name for m in session.exec(select(TeamMember))) == ["Ada", "Grace"]
    with pytest.raises(WorkbookLockedError):
        Workbook.open(workbook.path)


def test_open_works_again_after_close(tmp_path: Path) -> None:
    path = tmp_path / "again.hiringdesk"
    first = Workbook.create(path)
    with pytest.raises(WorkbookLockedError):
        Workbook.open(path)
    first.close()

    second = Workbook.open(path)
    try:
        with pytest.raises(WorkbookLockedError):
            Workbook.open(path)
    finally:
        second.close()
    Workbook.open(path).close()


def test_leaving_the_with_block_releases_the_lock(tmp_path: Path) -> None:
    path = tmp_path / "with.hiringdesk"
    with Workbook.create(path):
        pass
    with Workbook.open(path):
        pass
    Workbook.open(path).close()


def test_closing_twice_is_harmless(tmp_path: Path) -> None:
    path = tmp_path / "twice.hiringdesk"
    workbook = Workbook.create(path)
    workbook.close()
    workbook.close()
    Workbook.open(path).close()


def test_two_different_workbooks_can_be_open_at_once(tmp_path: Path) -> None:
    with (
        Workbook.create(tmp_path / "one.hiringdesk") as one,
        Workbook.create(tmp_path / "two.hiringdesk") as two,
    ):
        assert one.path != two.path


def test_workbook_lock_refuses_a_second_holder(tmp_path: Path) -> None:
    path = tmp_path / "raw.hiringdesk"
    first, second = WorkbookLock(path), WorkbookLock(path)
    first.acquire()
    try:
        assert first.is_locked
        with pytest.raises(WorkbookLockedError):
            second.acquire()
        assert not second.is_locked
    finally:
        first.release()
    assert not first.is_locked
    second.acquire()
    second.release()


@pytest.mark.timeout(90)
def test_the_lock_is_released_when_the_holding_process_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "crash.hiringdesk"
    Workbook.create(path).close()
    before = path.read_bytes()

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
        cwd=tmp_path,
    )
    try:
        assert holder.stdout is not None
        line = holder.stdout.readline()
        if line.strip() != "ready":
            holder.kill()
            _, err = holder.communicate(timeout=30)
            pytest.fail(f"the holding process did not start: {line!r} {err}")

        with pytest.raises(WorkbookLockedError) as info:
            Workbook.open(path)
        assert "already open" in str(info.value)
        assert path.read_bytes() == before
    finally:
        holder.kill()
        holder.communicate(timeout=30)

    assert holder.returncode != 0  # it was killed, it did not close the workbook itself
    with Workbook.open(path) as workbook, workbook.transaction() as session:
        session.add(TeamMember(name="After the crash"))
    with Workbook.open(path) as workbook, workbook.transaction() as session:
        assert [m.name for m in session.exec(select(TeamMember))] == ["After the crash"]


# -- the lock belongs to the file, not to the name (#14.7) ---------------------------------


def test_a_second_open_through_a_symbolic_link_is_refused(
    workbook: Workbook, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = elsewhere / "Shortcut.hiringdesk"
    link.symlink_to(workbook.path)
    before = _snapshot(workbook.path)

    with pytest.raises(WorkbookLockedError) as info:
        Workbook.open(link)

    assert "already open" in str(info.value) and info.value.path == link
    assert lock_path_for(link) == lock_path_for(workbook.path)
    assert not (elsewhere / ".Shortcut.hiringdesk.lock").exists()
    assert _snapshot(workbook.path) == before


def test_a_workbook_opened_through_a_link_locks_the_file_itself(tmp_path: Path) -> None:
    real = tmp_path / "real.hiringdesk"
    Workbook.create(real).close()
    link = tmp_path / "link.hiringdesk"
    link.symlink_to(real)
    with Workbook.open(link) as through_link:
        assert through_link.path == link and through_link.real_path == real
        with pytest.raises(WorkbookLockedError):
            Workbook.open(real)


def test_a_second_open_through_a_hard_link_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "w.hiringdesk"
    Workbook.create(path).close()
    other_name = tmp_path / "other-name.hiringdesk"
    os.link(path, other_name)  # one file, two names, each with its own lock file
    for first, second in ((path, other_name), (other_name, path)):
        with Workbook.open(first), pytest.raises(WorkbookLockedError):
            Workbook.open(second)


# -- who holds the lock (#14.8) --------------------------------------------------------------


def _hold_in_another_process(path: Path, kind: str) -> subprocess.Popen[str]:
    script = HOLDER.replace(
        "from hiring_desk.store import Workbook",
        "from hiring_desk.store import Workbook\n"
        f"from hiring_desk.store.lock import set_holder_kind\nset_holder_kind({kind!r})",
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", script, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    )
    assert holder.stdout is not None
    line = holder.stdout.readline()
    if line.strip() != "ready":
        holder.kill()
        pytest.fail(f"the holding process did not start: {line!r} {holder.communicate()[1]}")
    return holder


@pytest.mark.timeout(90)
@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("cli", "another Hiring Desk program (a command-line run, pid {pid})"),
        ("window", "another Hiring Desk window"),
    ],
)
def test_the_refusal_says_what_holds_the_workbook(tmp_path: Path, kind: str, expected: str) -> None:
    path = tmp_path / "held.hiringdesk"
    Workbook.create(path).close()
    holder = _hold_in_another_process(path, kind)
    try:
        with pytest.raises(WorkbookLockedError) as info:
            Workbook.open(path)
        message = str(info.value)
        # A second refused attempt reads the same (the first did not wipe the record).
        with pytest.raises(WorkbookLockedError) as again:
            Workbook.open(path)
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    assert message.endswith(expected.format(pid=holder.pid))
    assert str(again.value) == message
    if kind == "cli":
        assert "window" not in message
