"""``attach``: each file on its own; refused ones reported on stderr, exit 1 at the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cli.cli_setup import run

from hiring_desk.cli.attach import human_size
from hiring_desk.services.candidates import attachments, candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.store import Workbook, search


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, int]:
    path = tmp_path / "cli.hiringdesk"
    with Workbook.create(path) as workbook:
        cid = candidate_records.create_candidate(workbook, CandidateInput(name="Ingrid Ødegård")).id
    return path, cid


def test_good_file_attached_refused_one_reported(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, int], tmp_path: Path
) -> None:
    path, cid = book
    good = tmp_path / "cv.txt"
    good.write_text("Ingrid's CV: Snorkelwhip engineer\n", encoding="utf-8")
    bad = tmp_path / "setup.pdf"
    bad.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00" + bytes(range(256)))
    code, out, err = run(capsys, "attach", "--workbook", path, "--candidate", cid, good, bad)
    assert code == 1
    assert out.splitlines() == [
        "Attached cv.txt to Ingrid Ødegård (plain text, 34 bytes, text found)"
    ]
    assert len(err.splitlines()) == 1
    assert "setup.pdf" in err and "Windows program" in err
    with Workbook.open(path) as workbook:
        listed = attachments.list_attachments(workbook, cid)
        assert [a.filename for a in listed] == ["cv.txt"]
        with workbook.transaction() as session:
            assert search.search_ids(session, "snorkelwhip") == [cid]


def test_all_good_exits_0_and_missing_file_is_refused(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, int], tmp_path: Path
) -> None:
    path, cid = book
    good = tmp_path / "letter.txt"
    good.write_bytes(b"Dear team")
    code, _, err = run(
        capsys, "attach", "-w", path, "--candidate", cid, "--kind", "cover_letter", good
    )
    assert (code, err) == (0, "")
    code, _, err = run(capsys, "attach", "-w", path, "--candidate", cid, tmp_path / "nope.pdf")
    assert code == 1 and "nope.pdf" in err and len(err.splitlines()) == 1


def test_sizes_for_people() -> None:
    assert [human_size(n) for n in (34, 1024, 120 * 1024 + 1, 3_565_158)] == [
        "34 bytes",
        "1 KB",
        "121 KB",
        "3.4 MB",
    ]


def test_unknown_candidate_fails_in_one_line(
    capsys: pytest.CaptureFixture[str], book: tuple[Path, int], tmp_path: Path
) -> None:
    path, _ = book
    good = tmp_path / "cv.txt"
    good.write_bytes(b"text")
    code, out, err = run(capsys, "attach", "-w", path, "--candidate", 999, good)
    assert code == 1 and out == ""
    assert err.strip() == "hiring-desk: Candidate 999 does not exist."
