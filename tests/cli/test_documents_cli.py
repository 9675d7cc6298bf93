"""``print jd`` and ``export jd`` on the demo workbook."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.cli_setup import run
from tests.pdf_helpers import pdf_words

from hiring_desk.services.roles.briefs import RoleBrief
from hiring_desk.services.roles.role_records import create_role


def test_print_jd_by_title(capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "jd.pdf"
    code, stdout, err = run(
        capsys, "print", "jd", "--workbook", demo, "--role", "Backend Developer", "--out", out
    )
    assert (code, err) == (0, "")
    assert "Backend Developer" in stdout
    text = pdf_words(out)
    assert "Backend Developer" in text and "Harbourlight" in text and "Page 1 of" in text


@pytest.mark.parametrize(("fmt", "marker"), [("md", "# "), ("txt", "====="), ("html", "<h1>")])
def test_export_jd_formats(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, fmt: str, marker: str
) -> None:
    out = tmp_path / f"jd.{fmt}"
    code, _, err = run(
        capsys, "export", "jd", "--workbook", demo, "--role", "1", "--format", fmt, "--out", out
    )
    assert (code, err) == (0, "")
    text = out.read_text(encoding="utf-8")
    assert marker in text and "Backend Developer" in text


def test_unknown_role_and_missing_jd_are_one_line(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "print", "jd", "--workbook", demo, "--role", "Chef", "--out", tmp_path / "x.pdf"
    )
    assert code == 1 and err.count("\n") == 1 and "Chef" in err
    from hiring_desk.services.workbook.opening import open_workbook

    with open_workbook(demo) as workbook:
        create_role(workbook, RoleBrief(title="Data Engineer"))
    code, _, err = run(
        capsys,
        "export",
        "jd",
        "--workbook",
        demo,
        "--role",
        "Data Engineer",
        "--format",
        "md",
        "--out",
        tmp_path / "x.md",
    )
    assert code == 1 and "no saved job description" in err and err.count("\n") == 1
    assert not (tmp_path / "x.md").exists() and not (tmp_path / "x.pdf").exists()


def test_export_needs_a_format(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    code, _, err = run(
        capsys, "export", "jd", "--workbook", demo, "--role", "1", "--out", tmp_path / "x"
    )
    assert code == 2 and "--format" in err


def test_list_candidates_search_finds_cv_words(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    import json

    # "Fernhill" appears only inside one demo candidate's CV.
    code, out, err = run(
        capsys, "list", "candidates", "--workbook", demo, "--search", "fernhill", "--json"
    )
    assert (code, err) == (0, "")
    assert [c["name"] for c in json.loads(out)] == ["Siobhán Kearney"]
    code, out, _ = run(capsys, "list", "candidates", "--workbook", demo, "--search", "KJAER")
    assert code == 0 and "Søren Kjær" in out
    code, out, _ = run(capsys, "list", "candidates", "--workbook", demo, "--search", 'a"b OR %')
    assert code == 0
    code, _, err = run(capsys, "list", "roles", "--workbook", demo, "--search", "x")
    assert code == 1 and "list candidates" in err
