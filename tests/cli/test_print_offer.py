"""``print offer``: the letter is printed once, kept, and reprinted the same."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli.cli_setup import run
from tests.pdf_helpers import page_texts, pdf_words

from hiring_desk.store import Workbook
from hiring_desk.store.models import Application, Candidate, Offer


def print_offer(
    capsys: pytest.CaptureFixture[str], demo: Path, out: Path, *more: str
) -> tuple[int, str, str]:
    return run(capsys, "print", "offer", "--workbook", demo, "--offer", "1", "--out", out, *more)


def test_the_first_print_keeps_the_letter(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    out = tmp_path / "offer.pdf"
    code, stdout, err = print_offer(capsys, demo, out)
    assert (code, err) == (0, "")
    assert stdout == (
        f"Wrote the offer letter for Margaux Lefèvre to {out} "
        "(the letter from template 'full-time-employee', now kept with the offer)\n"
    )
    text = pdf_words(out)
    assert "Dear Margaux Lefèvre," in text and "€88,000 per year" in text
    assert "Niamh Gallagher" in text and "Page 1 of" in text


def test_a_reprint_says_so_and_is_the_same_letter(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    print_offer(capsys, demo, tmp_path / "first.pdf")
    with Workbook.open(demo) as workbook, workbook.transaction() as session:
        offer = session.get(Offer, 1)
        assert offer is not None
        offer.salary_minor = 12_345_600
    code, stdout, err = print_offer(capsys, demo, tmp_path / "again.pdf")
    assert (code, err) == (0, "")
    assert "(the letter as first printed on " in stdout
    assert pdf_words(tmp_path / "again.pdf") == pdf_words(tmp_path / "first.pdf")


def test_another_template_for_a_printed_letter_is_refused(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    print_offer(capsys, demo, tmp_path / "first.pdf")
    out = tmp_path / "other.pdf"
    code, stdout, err = print_offer(capsys, demo, out, "--template", "part-time-employee")
    assert (code, stdout) == (1, "")
    assert err.startswith("hiring-desk: This letter was printed on ") and "Regenerate" in err
    assert err.count("\n") == 1 and not out.exists()


def test_regenerate_is_refused_for_a_sent_offer(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    print_offer(capsys, demo, tmp_path / "first.pdf")
    code, _, err = print_offer(capsys, demo, tmp_path / "again.pdf", "--regenerate")
    assert code == 1
    assert "only while the offer is a draft or approved" in err


def test_a_draft_offer_regenerated_with_another_template_is_marked_draft(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    with Workbook.open(demo) as workbook, workbook.transaction() as session:
        offer = session.get(Offer, 1)
        assert offer is not None
        offer.status = "approved"
    print_offer(capsys, demo, tmp_path / "approved.pdf")
    with Workbook.open(demo) as workbook, workbook.transaction() as session:
        offer = session.get(Offer, 1)
        assert offer is not None
        offer.status = "draft"
    out = tmp_path / "part-time.pdf"
    code, stdout, err = print_offer(
        capsys, demo, out, "--template", "part-time-employee", "--regenerate"
    )
    assert code == 0
    assert err == (
        "Note: This offer is not approved yet, so the letter is marked DRAFT. "
        "Approve the offer to print it clean.\n"
    )
    assert "template 'part-time-employee', now kept" in stdout
    assert "part-time employee" in pdf_words(out)
    assert all("DRAFT" in page for page in page_texts(out))
    assert not any("DRAFT" in page for page in page_texts(tmp_path / "approved.pdf"))


def test_missing_fields_are_listed_and_nothing_is_printed(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path
) -> None:
    with Workbook.open(demo) as workbook, workbook.transaction() as session:
        offer = session.get(Offer, 1)
        assert offer is not None
        offer.start_date = None
        application = session.get(Application, offer.application_id)
        assert application is not None
        candidate = session.get(Candidate, application.candidate_id)
        assert candidate is not None
        candidate.postal_address = ""
    out = tmp_path / "offer.pdf"
    code, stdout, err = print_offer(capsys, demo, out)
    assert (code, stdout) == (1, "")
    assert err.startswith("hiring-desk: The letter cannot be printed yet (2 problems): ")
    assert "no start date" in err and "no postal address" in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--offer", "99"), "Offer 99 does not exist."),
        (("--offer", "1", "--template", "nope"), "no offer-letter template called 'nope'"),
    ],
)
def test_unknown_offers_and_templates(
    capsys: pytest.CaptureFixture[str],
    demo: Path,
    tmp_path: Path,
    argv: tuple[str, ...],
    message: str,
) -> None:
    out = tmp_path / "offer.pdf"
    code, _, err = run(capsys, "print", "offer", "--workbook", demo, *argv, "--out", out)
    assert code == 1 and message in err
    assert not out.exists()


def test_the_offer_id_must_be_a_number(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    code, _, err = run(
        capsys, "print", "offer", "--workbook", demo, "--offer", "one", "--out", "x.pdf"
    )
    assert code == 2 and "invalid int value" in err


def test_print_help_names_offer(capsys: pytest.CaptureFixture[str]) -> None:
    code, stdout, _ = run(capsys, "--help")
    assert code == 0 and re.search(r"print a document to PDF \([^)]*\boffer\b", stdout)
    code, stdout, _ = run(capsys, "print", "offer", "--help")
    assert code == 0 and "--regenerate" in stdout and "--template KEY" in stdout


def test_print_offer_as_a_process(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "offer.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hiring_desk",
            "print",
            "offer",
            "-w",
            str(demo),
            "--offer",
            "1",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "Dear Margaux Lefèvre," in pdf_words(out)
