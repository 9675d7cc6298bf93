"""Every command that writes ``--out`` refuses the workbook it reads (issue #14).

Pointed at the workbook itself, a symlink or a hard link to it, the command
fails with one line on stderr, and the workbook is byte for byte what it was,
still opens and still passes ``check``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.services.offers.comparison_setup import demo_shortlist

from hiring_desk.cli import main
from hiring_desk.services.demo.demo_workbook import create_demo_workbook
from hiring_desk.services.workbook.opening import open_workbook


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[int]]:
    path = tmp_path_factory.mktemp("demo") / "demo.hiringdesk"
    workbook = create_demo_workbook(path)
    try:
        _role, shortlist = demo_shortlist(workbook)
    finally:
        workbook.close()
    return path, shortlist


@pytest.fixture
def demo(demo_template: tuple[Path, list[int]], tmp_path: Path) -> Path:
    copy = tmp_path / "hire.hiringdesk"
    shutil.copy(demo_template[0], copy)
    return copy


def _shortlist(demo_template: tuple[Path, list[int]]) -> list[str]:
    return [arg for candidate in demo_template[1] for arg in ("--candidate", str(candidate))]


#: Each writing command, with arguments that write a file when --out is an ordinary one.
COMMANDS: dict[str, Callable[[list[str]], list[str]]] = {
    "export candidates": lambda _: ["export", "candidates"],
    "export candidate": lambda _: ["export", "candidate", "1"],
    "export jd": lambda _: ["export", "jd", "--role", "1", "--format", "md"],
    "export ics": lambda _: ["export", "ics", "--role", "Backend Developer"],
    "print jd": lambda _: ["print", "jd", "--role", "1"],
    "print offer": lambda _: ["print", "offer", "--offer", "1"],
    "print pack": lambda _: ["print", "pack", "--role", "Senior Backend Developer"],
    "print comparison": lambda shortlist: [
        "print",
        "comparison",
        "--role",
        "Backend Developer",
        *shortlist,
    ],
}


def _run(capsys: pytest.CaptureFixture[str], argv: list[str | Path]) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_untouched(capsys: pytest.CaptureFixture[str], workbook: Path, digest: str) -> None:
    assert _digest(workbook) == digest
    assert _run(capsys, ["check", "--workbook", workbook]) == (0, "ok\n", "")
    with open_workbook(workbook) as opened:
        assert opened.path == workbook.absolute()


@pytest.mark.parametrize("target", ["itself", "symlink", "hard link"])
@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_command_refuses_to_write_over_its_workbook(
    capsys: pytest.CaptureFixture[str],
    demo: Path,
    demo_template: tuple[Path, list[int]],
    tmp_path: Path,
    name: str,
    target: str,
) -> None:
    out = demo
    if target == "symlink":
        out = tmp_path / "output.file"
        out.symlink_to(demo)
    elif target == "hard link":
        out = tmp_path / "output.file"
        os.link(demo, out)
    digest = _digest(demo)
    listing = sorted(p.name for p in tmp_path.iterdir())
    argv = [*COMMANDS[name](_shortlist(demo_template)), "--workbook", demo, "--out", out]
    code, stdout, err = _run(capsys, argv)
    assert (code, stdout) == (1, "")
    assert err.startswith(f"hiring-desk: Could not write {out.name}: it is ")
    assert err.count("\n") == 1 and "choose another file name" in err
    assert target != "symlink" or (out.is_symlink() and f"a link to {demo}" in err)
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # no temporary file left
    _assert_untouched(capsys, demo, digest)


@pytest.mark.parametrize("suffix", ["-wal", "-shm"])
def test_the_workbooks_working_files_are_refused(
    capsys: pytest.CaptureFixture[str], demo: Path, suffix: str
) -> None:
    out = demo.with_name(demo.name + suffix)
    code, _, err = _run(capsys, ["export", "candidates", "-w", demo, "--out", out])
    assert code == 1 and "working file" in err
    assert not out.exists()


def test_replacing_an_ordinary_file_says_so(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "candidates.csv"
    code, stdout, _ = _run(capsys, ["export", "candidates", "-w", demo, "--out", out])
    assert code == 0 and "Replaced" not in stdout
    code, stdout, err = _run(capsys, ["export", "candidates", "-w", demo, "--out", out])
    assert (code, err) == (0, "")
    assert stdout.splitlines()[-1] == f"Replaced the existing file {out}"


def test_a_process_pointed_at_a_symlink_to_its_workbook(demo: Path, tmp_path: Path) -> None:
    link = tmp_path / "candidates.csv"
    link.symlink_to(demo)
    digest = _digest(demo)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    export = ["export", "candidates", "-w", str(demo), "--out", str(link)]
    done = subprocess.run(
        [sys.executable, "-m", "hiring_desk", *export],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.count("\n") == 1 and "the workbook itself" in done.stderr
    assert link.is_symlink() and _digest(demo) == digest
    check = subprocess.run(
        [sys.executable, "-m", "hiring_desk", "check", "-w", str(demo)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert (check.returncode, check.stdout) == (0, "ok\n")
