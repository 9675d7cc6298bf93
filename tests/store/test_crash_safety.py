"""Crash safety: a process writing candidates is killed 50 times; nothing committed is lost.

``crash_writer.py`` forks a writer process per round. The writer opens the
workbook as the app does and adds candidates through the real service, one
transaction each, printing ``committed ID`` after each call returns. This test
kills it with SIGKILL after a random delay (counted from its first commit in most
rounds, from its opening the workbook in every fifth), then opens the same file
again and checks it:

- ``PRAGMA integrity_check`` says "ok" and no foreign key is broken;
- the lock was released: the test (and then the next writer) can open the file;
- every id the writer reported is there (a committed action is never lost);
- besides those, at most ONE more candidate is there, and it is the one that was
  in flight: newer than every reported id, and written whole (its skills, tag,
  search entry and audit event). It is allowed because the writer prints an id
  only after the commit has returned: a kill between the commit reaching the
  file and the line reaching the pipe leaves a committed row that was never
  reported. Its transaction finished, so it must be complete. Anything more
  (two unreported rows, or a row without its skills or audit event) fails.

SIGKILL loses no data the OS has already been handed, so this proves the
transactions are atomic and committed ones survive the app dying; it says
nothing about power loss, where ``synchronous=NORMAL`` in WAL mode may lose the
last commits but still never damages the file.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import pytest
from tests.store.crash_writer import SKILLS, TAG

from hiring_desk.store import Workbook
from hiring_desk.store.engine import connect_raw

ROUNDS = 50
#: The longest wait before the writer is killed. A candidate takes a few
#: milliseconds, so rounds end anywhere in the first few dozen transactions, inside
#: or between them.
MAX_DELAY_S = 0.25
#: One round in this many starts its wait as soon as the workbook is open (a kill may
#: land in the first transaction); the others wait for the first commit, so the kills
#: land among candidates being written however slow a loaded machine is.
FROM_OPEN_EVERY = 5
WRITER = Path(__file__).with_name("crash_writer.py")


@dataclass
class Round:
    pid: int | None = None
    opened: bool = False
    reported: list[int] = field(default_factory=list)
    status: int | None = None


class Zygote:
    """The helper process that forks one writer per round."""

    def __init__(self, workbook_path: Path, log: IO[str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(workbook_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            text=True,
            bufsize=1,
        )
        self.log = log
        assert self.read_line() == "zygote ready"

    def read_line(self) -> str:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            self.log.flush()
            raise AssertionError(
                f"the writer helper stopped: {Path(self.log.name).read_text()[-2000:]}"
            )
        return line.strip()

    def start_writer(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()

    def take(self, round_: Round) -> str:
        """Read one line into ``round_``; returns its kind."""
        line = self.read_line()
        kind, _, rest = line.partition(" ")
        if kind == "pid":
            round_.pid = int(rest)
        elif kind == "opened":
            round_.opened = True
        elif kind == "committed":
            round_.reported.append(int(rest))
        elif kind == "exit":
            round_.status = int(rest.split()[1])
        elif kind == "error":
            raise AssertionError(f"the writer failed: {rest}")
        else:
            raise AssertionError(f"unexpected line from the writer: {line!r}")
        return kind

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def zygote(tmp_path: Path) -> Iterator[Zygote]:
    Workbook.create(tmp_path / "crash.hiringdesk").close()
    with (tmp_path / "writer.log").open("w") as log:
        helper = Zygote(tmp_path / "crash.hiringdesk", log)
        try:
            yield helper
        finally:
            helper.close()


def run_round(zygote: Zygote, delay: float, *, after_first_commit: bool) -> Round:
    """Start a writer, let it write for ``delay`` seconds after it opened the workbook
    (or after its first commit), SIGKILL it, collect its lines."""
    round_ = Round()
    zygote.start_writer()
    while round_.pid is None or not round_.opened:
        zygote.take(round_)
    while after_first_commit and not round_.reported:
        zygote.take(round_)
    time.sleep(delay)
    os.kill(round_.pid, signal.SIGKILL)
    while zygote.take(round_) != "exit":
        pass
    return round_


def check_file(path: Path) -> set[int]:
    """Open the workbook as the app would, check it, and return its candidate ids."""
    # Opening takes the lock (so the dead writer's lock is gone), recovers the WAL
    # and runs quick_check; integrity_check below is the thorough one.
    with Workbook.open(path):
        conn = connect_raw(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            ids = {row[0] for row in conn.execute("SELECT id FROM candidate")}
            incomplete = conn.execute(
                """
                SELECT c.id FROM candidate c
                WHERE (SELECT count(*) FROM candidate_skill s WHERE s.candidate_id = c.id) != ?
                   OR (SELECT count(*) FROM candidate_tag t
                       WHERE t.candidate_id = c.id AND t.tag = ?) != 1
                   OR (SELECT count(*) FROM candidate_search f WHERE f.rowid = c.id) != 1
                   OR (SELECT count(*) FROM audit_event a WHERE a.entity = 'candidate'
                       AND a.action = 'add' AND a.entity_id = c.id) != 1
                """,
                (len(SKILLS), TAG),
            ).fetchall()
            assert incomplete == [], f"candidates written in part: {incomplete}"
            orphans = conn.execute(
                "SELECT count(*) FROM candidate_search"
                " WHERE rowid NOT IN (SELECT id FROM candidate)"
            ).fetchone()[0]
            assert orphans == 0, "search entries of candidates that were never committed"
        finally:
            conn.close()
    return ids


def test_killing_a_writer_50_times_loses_nothing_committed(zygote: Zygote, tmp_path: Path) -> None:
    path = tmp_path / "crash.hiringdesk"
    seed = random.randrange(1 << 30)
    rng = random.Random(seed)
    known: set[int] = set()
    in_flight_committed = 0
    started = time.monotonic()

    for number in range(1, ROUNDS + 1):
        where = f"round {number} (seed {seed})"
        after_first_commit = number % FROM_OPEN_EVERY != 0
        round_ = run_round(
            zygote, rng.uniform(0, MAX_DELAY_S), after_first_commit=after_first_commit
        )
        assert round_.status is not None
        assert os.WIFSIGNALED(round_.status), f"{where}: the writer was not killed"
        assert os.WTERMSIG(round_.status) == signal.SIGKILL

        ids = check_file(path)

        reported = set(round_.reported)
        assert not reported & known, f"{where}: an id was reused"
        lost = (known | reported) - ids
        assert not lost, f"{where}: committed candidates are gone: {sorted(lost)}"
        unreported = ids - known - reported
        assert len(unreported) <= 1, f"{where}: more than the action in flight: {unreported}"
        if unreported:
            (extra,) = unreported
            assert extra > max(known | reported, default=0), (
                f"{where}: the unreported candidate {extra} is not the one in flight"
            )
            in_flight_committed += 1
        known = ids

    elapsed = time.monotonic() - started
    print(
        f"{ROUNDS} kills in {elapsed:.1f} s: {len(known)} candidates kept, "
        f"{in_flight_committed} committed in flight but not yet reported (seed {seed})"
    )
