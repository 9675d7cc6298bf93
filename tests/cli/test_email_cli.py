"""``email templates``, ``email draft`` and ``import email`` on the command line."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from tests.cli.cli_setup import run
from tests.services.candidates.email_files import application, make_pdf
from tests.services.email.email_setup import (
    GREEK,
    Setup,
    add_candidate,
    attachments_of,
    candidate_with_everything,
    parse_eml,
)

from hiring_desk.services.candidates import attachments, candidate_records
from hiring_desk.services.email.messages import messages_of
from hiring_desk.services.pipeline import stage_moves
from hiring_desk.store import Workbook


def _workbook(tmp_path: Path) -> tuple[Path, Setup]:
    path = tmp_path / "w.hiringdesk"
    with Workbook.create(path) as workbook:
        setup = candidate_with_everything(workbook)
    return path, setup


def test_templates_are_listed_with_the_workbooks_own(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, _err = run(capsys, "email", "templates")
    assert code == 0
    assert "interview-invitation       [en] Interview invitation  (about an interview)" in out
    assert len(out.splitlines()) == 10
    code, out, _err = run(capsys, "email", "templates", "--language", "de")
    assert out.strip() == "No templates in that language."


def test_an_interview_invitation_is_drafted_with_its_calendar_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, setup = _workbook(tmp_path)
    out_file = tmp_path / "invite.eml"
    code, out, err = run(
        capsys,
        "email", "draft", "-w", path, "--template", "Interview invitation",
        "--candidate", setup.candidate_id, "--interview", setup.interview_id,
        "--out", out_file,
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out.strip() == f"Wrote {out_file} (attached: interview.ics)"
    message = parse_eml(out_file)
    assert message["To"].addresses[0].display_name == GREEK
    assert message["From"].addresses[0].addr_spec == "niamh@harbourlight.ie"  # the signatory
    ics = attachments_of(message)["interview.ics"]
    assert len(list(icalendar.Calendar.from_ical(ics).walk("VEVENT"))) == 1
    with Workbook.open(path) as workbook:
        assert [m.template_name for m in messages_of(workbook, setup.candidate_id)] == [
            "Interview invitation"
        ]


def test_a_missing_field_is_named_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, setup = _workbook(tmp_path)
    out_file = tmp_path / "offer.eml"
    code, _out, err = run(
        capsys, "email", "draft", "-w", path, "--template", "offer",
        "--candidate", setup.candidate_id, "--out", out_file,
    )  # fmt: skip
    assert code == 1
    assert "This template is about an offer: pick one." in err
    assert not out_file.exists()


def test_several_candidates_get_a_folder_of_drafts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, setup = _workbook(tmp_path)
    with Workbook.open(path) as workbook:
        other = add_candidate(workbook, "Ana Sousa", "ana@example.pt", setup.role_id)
    folder = tmp_path / "drafts"
    code, out, _err = run(
        capsys, "email", "draft", "-w", path, "--template", "rejection-after-screening",
        "--candidate", setup.candidate_id, "--candidate", other, "--from", "Niamh Gallagher",
        "--reason", "We chose someone closer to Dublin.", "--out", folder,
    )  # fmt: skip
    assert code == 0 and out.strip() == f"Wrote 2 drafts to {folder}"
    bodies = [parse_eml(p).get_body(("plain",)) for p in sorted(folder.iterdir())]
    assert all(b is not None and "closer to Dublin" in b.get_content() for b in bodies)


def test_import_email_makes_candidates_and_keeps_csv_import_working(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path, setup = _workbook(tmp_path)
    cv = make_pdf("Ana Sousa", "Erlang")
    first = tmp_path / "ana.eml"
    first.write_bytes(
        application("Ana Sousa", "ana@example.pt", files=(("cv.pdf", "application/pdf", cv),))
    )
    second = tmp_path / "bad.eml"
    second.write_bytes(
        application(
            "Bo Li", "bo@example.cn", files=(("cv.exe", "application/octet-stream", b"MZ" * 40),)
        )
    )
    code, out, _err = run(
        capsys, "import", "email", first, second, "-w", path, "--role", setup.role_id
    )
    assert code == 0
    assert out.splitlines() == [
        "Imported 2 of 2 messages; skipped 0.",
        "bad.eml: cv.exe was not kept: programs and archives are never kept.",
    ]
    with Workbook.open(path) as workbook:
        people = {r.name: r.id for r in candidate_records.list_candidates(workbook)}
        assert [
            a.filename for a in attachments.list_attachments(workbook, people["Ana Sousa"])
        ] == ["cv.pdf"]
        assert attachments.list_attachments(workbook, people["Bo Li"]) == []
        (applied,) = stage_moves.applications_of(workbook, people["Bo Li"])
        assert applied.stage == "applied"
    table = tmp_path / "people.csv"
    table.write_text("name,email\nCarla Ruiz,carla@example.es\n", encoding="utf-8")
    code, out, _err = run(capsys, "import", "candidates", table, "-w", path)
    assert code == 0 and out.startswith("Imported 1 of 1 row from people.csv")
