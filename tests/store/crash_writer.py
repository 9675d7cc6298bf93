"""A process that writes candidates until it is killed, for tests/store/test_crash_safety.py.

Run as ``python crash_writer.py WORKBOOK``. Importing the app takes most of a
second, which 50 fresh interpreters would spend 50 times; so this process imports
everything once and then, for each ``go`` line on stdin, forks a writer. The
writer is an ordinary process of its own: it opens the workbook (taking the lock,
checking and preparing the file exactly as the app does), prints ``opened``, then
adds candidates through ``services.candidates.create_candidate`` (one transaction
each) and prints ``committed ID`` only after that call has returned. The test
kills the writer with SIGKILL; this process then prints ``exit PID STATUS``.
No database connection exists in this process before a fork, so a writer never
shares one.

Lines on stdout (each written with one ``write``, so they never interleave):
``zygote ready``, ``pid PID``, ``opened``, ``committed ID``, ``error MESSAGE``,
``exit PID STATUS``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.store import Workbook

#: The skills and tag every written candidate gets, so the test can check that a
#: candidate was written whole (row, skills, tag, search entry, audit event) or not at all.
SKILLS = ("Python", "PostgreSQL")
TAG = "crash-test"


def say(line: str) -> None:
    """One line to stdout in a single write, so lines of two processes never mix."""
    os.write(sys.stdout.fileno(), f"{line}\n".encode())


def write_until_killed(path: Path) -> None:
    workbook = Workbook.open(path)
    say("opened")
    number = 0
    while True:
        number += 1
        record = CandidateInput(
            name=f"Writer {os.getpid()} candidate {number}",
            email=f"w{os.getpid()}.{number}@example.com",
            skills=SKILLS,
            tags=(TAG,),
            notes="Written by the crash test. " * 20,
        )
        detail = candidate_records.create_candidate(workbook, record)
        say(f"committed {detail.id}")


def main() -> None:
    path = Path(sys.argv[1])
    say("zygote ready")
    for line in sys.stdin:
        if line.strip() != "go":
            break
        pid = os.fork()
        if pid == 0:
            try:
                write_until_killed(path)
            except BaseException as exc:
                say(f"error {type(exc).__name__}: {exc}")
            finally:
                os._exit(3)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"exit {pid} {status}")


if __name__ == "__main__":
    main()
