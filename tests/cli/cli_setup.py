"""Running the command line in this process or as a process, and reading what it prints."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hiring_desk.cli import main
from hiring_desk.cli.output import display_width
from hiring_desk.store import Workbook


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path | int) -> tuple[int, str, str]:
    """``main(argv)`` in this process: exit code, stdout, stderr (never a traceback)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


CJK_NAME = "山田太郎"


def run_process(home: Path, *argv: str | Path) -> subprocess.CompletedProcess[str]:
    """``python -m hiring_desk argv`` as a real process with a private data folder."""
    env = dict(os.environ)
    env["HIRING_DESK_HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-m", "hiring_desk", *(str(a) for a in argv)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr
    return result


def assert_one_line_failure(err: str) -> None:
    assert err.startswith("hiring-desk: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1


def new_workbook(path: Path) -> Path:
    Workbook.create(path).close()
    return path


def table_lines(out: str) -> list[str]:
    lines = out.splitlines()
    assert len(lines) >= 2
    assert set(lines[1].replace(" ", "")) == {"-"}  # the rule under the header
    return lines


def column_start(line: str, text: str) -> int:
    """The display column where ``text`` starts in ``line``."""
    return display_width(line[: line.index(text)])
