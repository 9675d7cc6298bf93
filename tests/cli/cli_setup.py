"""Running the command line in this process, for tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from hiring_desk.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path | int) -> tuple[int, str, str]:
    """``main(argv)`` in this process: exit code, stdout, stderr (never a traceback)."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err
