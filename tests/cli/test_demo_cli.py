"""``hiring-desk demo``: creating the demo workbook, never over an existing file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.cli_setup import assert_one_line_failure, run, run_process

from hiring_desk.store import Workbook

# -- demo -----------------------------------------------------------------------------


def test_demo_creates_a_workbook_that_checks_and_lists(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "demo.hiringdesk"
    code, out, err = run(capsys, "demo", "--workbook", path)
    assert (code, err) == (0, "")
    assert out.count("\n") == 1
    assert out.startswith("Created demo workbook ")
    assert "demo.hiringdesk" in out
    assert path.is_file()
    assert run(capsys, "check", "--workbook", path) == (0, "ok\n", "")
    for kind in ("roles", "candidates"):
        code, out, _ = run(capsys, "list", kind, "--workbook", path, "--json")
        assert code == 0
        assert json.loads(out), f"the demo workbook has no {kind}"
    Workbook.open(path).close()  # the demo command closed (and unlocked) it


def test_demo_uses_the_path_exactly_as_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "no-suffix"
    assert run(capsys, "demo", "--workbook", path)[0] == 0
    assert path.is_file()
    assert not path.with_suffix(".hiringdesk").exists()


def test_demo_refuses_to_overwrite(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "precious.hiringdesk"
    path.write_bytes(b"my precious data")
    code, out, err = run(capsys, "demo", "--workbook", path)
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "precious.hiringdesk" in err
    assert "already exists" in err
    assert path.read_bytes() == b"my precious data"


def test_demo_refuses_to_overwrite_a_workbook(
    capsys: pytest.CaptureFixture[str], populated: Path
) -> None:
    before = populated.read_bytes()
    code, _, err = run(capsys, "demo", "--workbook", populated)
    assert code == 1
    assert_one_line_failure(err)
    assert populated.read_bytes() == before


def test_demo_as_a_process(tmp_path: Path) -> None:
    path = tmp_path / "demo.hiringdesk"
    result = run_process(tmp_path / "home", "demo", "--workbook", path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("Created demo workbook ")
    assert path.is_file()
    again = run_process(tmp_path / "home", "demo", "--workbook", path)
    assert again.returncode == 1
    assert_one_line_failure(again.stderr)
