"""``print comparison`` on the demo workbook."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from tests.services.comparison_setup import demo_shortlist

from hiring_desk.cli import main
from hiring_desk.services.demo import create_demo_workbook


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Path, list[int]]:
    path = tmp_path / "demo.hiringdesk"
    workbook = create_demo_workbook(path)
    try:
        _role_id, ids = demo_shortlist(workbook)
    finally:
        workbook.close()
    return path, ids


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path | int) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def test_print_comparison_of_three(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, ids = demo
    out = tmp_path / "comparison.pdf"
    picks: list[str | int] = []
    for candidate in ids:
        picks += ["--candidate", candidate]
    code, stdout, err = _run(
        capsys,
        "print",
        "comparison",
        "--workbook",
        path,
        "--role",
        "Backend Developer",
        *picks,
        "--out",
        out,
    )
    assert (code, err) == (0, "")
    assert stdout == f"Wrote the comparison of 3 candidates for 'Backend Developer' to {out}\n"
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(out.read_bytes())).pages)
    assert "Shortlist comparison: Backend Developer" in " ".join(text.split())


def test_one_candidate_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], demo: tuple[Path, list[int]], tmp_path: Path
) -> None:
    path, ids = demo
    out = tmp_path / "comparison.pdf"
    code, stdout, err = _run(
        capsys,
        "print",
        "comparison",
        "--workbook",
        path,
        "--role",
        "1",
        "--candidate",
        ids[0],
        "--out",
        out,
    )
    assert code != 0 and stdout == ""
    assert err.count("\n") == 1 and "Pick 2 to 5 candidates" in err
    assert not out.exists()
