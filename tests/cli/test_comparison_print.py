"""``print comparison`` on the demo workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.cli_setup import run
from tests.pdf_helpers import pdf_words
from tests.services.offers.comparison_setup import demo_shortlist

from hiring_desk.services.demo.demo_workbook import create_demo_workbook


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, list[int]]:
    path = tmp_path / "demo.hiringdesk"
    workbook = create_demo_workbook(path)
    try:
        _role_id, ids = demo_shortlist(workbook)
    finally:
        workbook.close()
    return path, ids


def print_comparison(
    capsys: pytest.CaptureFixture[str], workbook: Path, out: Path, *argv: str | int
) -> tuple[int, str, str]:
    """``print comparison --workbook WORKBOOK ARGV --out OUT`` in this process."""
    return run(capsys, "print", "comparison", "--workbook", workbook, *argv, "--out", out)


def test_print_comparison_of_three(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, ids = demo
    out = tmp_path / "comparison.pdf"
    picks: list[str | int] = []
    for candidate in ids:
        picks += ["--candidate", candidate]
    code, stdout, err = print_comparison(capsys, path, out, "--role", "Backend Developer", *picks)
    assert (code, err) == (0, "")
    assert stdout == f"Wrote the comparison of 3 candidates for 'Backend Developer' to {out}\n"
    assert "Shortlist comparison: Backend Developer" in pdf_words(out)


def test_one_candidate_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, ids = demo
    out = tmp_path / "comparison.pdf"
    code, stdout, err = print_comparison(capsys, path, out, "--role", "1", "--candidate", ids[0])
    assert code != 0 and stdout == ""
    assert err.count("\n") == 1 and "Pick 2 to 5 candidates" in err
    assert not out.exists()
