"""Privacy: the access export of everything held about a candidate."""

from __future__ import annotations

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from tests.services.privacy.privacy_setup import (
    EMAIL,
    NAME,
    PHONE,
    TODAY,
    Person,
    add_person,
    cv_text,
)

from hiring_desk.services.common.errors import NotFoundError, ServiceError
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.privacy.access_export import attachment_file_name
from hiring_desk.services.privacy.erasure import erased_name
from hiring_desk.services.today import tasks
from hiring_desk.services.today.tasks import TaskDraft
from hiring_desk.store import Workbook


@pytest.fixture
def person(workbook: Workbook) -> Person:
    return add_person(workbook)


# -- the access export --------------------------------------------------------------------


def test_export_holds_everything_about_the_candidate(
    workbook: Workbook, person: Person, tmp_path: Path
) -> None:
    consent_retention.set_consent(
        workbook, person.candidate_id, date(2026, 3, 1), "By email", date(2027, 3, 1), today=TODAY
    )
    tasks.add_task(
        workbook, TaskDraft("Ask Ingrid for references", date(2026, 4, 2), person.candidate_id)
    )
    out = tmp_path / "export" / "ingrid.zip"
    out.parent.mkdir()
    report = consent_retention.export_candidate(workbook, person.candidate_id, out)
    assert report.path == out and report.files == 1
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        data = json.loads(archive.read("candidate.json"))
        (file_name,) = [n for n in names if n.startswith("attachments/")]
        assert archive.read(file_name) == cv_text()
    assert names[0] == "candidate.json"
    assert file_name.startswith("attachments/attachment-") and file_name.endswith(".txt")
    record = data["candidate"]
    assert (record["name"], record["email"], record["phone"]) == (NAME, EMAIL, PHONE)
    assert record["salary_expectation"] == "72000.00"
    assert record["skills"] == ["Python", "PostgreSQL"] and record["tags"] == ["pycon"]
    assert data["consent"] == {
        "given_at": "2026-03-01T00:00:00+00:00",
        "method": "By email",
        "until": "2027-03-01",
    }
    (application,) = data["applications"]
    assert application["role"] == "Backend Developer" and application["stage"] == "rejected"
    assert [e["to_stage"] for e in application["stage_history"]] == [
        "applied",
        "screening",
        "interview",
        "rejected",
    ]
    assert application["stage_history"][1]["by"] == "Ana Silva"
    (interview,) = application["interviews"]
    assert interview["interviewers"] == ["Ana Silva"]
    (card,) = interview["scorecards"]
    assert card["recommendation"] == "yes" and card["interviewer"] == "Ana Silva"
    assert {r["competency"]: r["rating"] for r in card["ratings"]}["databases"] == 4
    (offer,) = application["offers"]
    assert offer["salary"] == "70000.00" and "Dear Ingrid" in offer["letter_text"]
    (attachment,) = data["attachments"]
    assert (
        attachment["file"] == file_name and attachment["original_name"] == "Ingrid Ødegård CV.txt"
    )
    assert EMAIL in attachment["extracted_text"]
    (task,) = data["tasks"]
    assert (task["title"], task["due_on"], task["done_at"]) == (
        "Ask Ingrid for references",
        "2026-04-02",
        None,
    )
    actions = [(a["action"], a["entity"]) for a in data["activity"]]
    assert ("add", "candidate") in actions and ("consent", "candidate") in actions
    assert ("add", "attachment") in actions and ("move", "application") in actions
    assert ("add", "scorecard") in actions
    kari = consent_retention.export_candidate(workbook, person.other_id, tmp_path / "kari.zip")
    with zipfile.ZipFile(kari.path) as archive:
        other = json.loads(archive.read("candidate.json"))
    assert other["applications"] == [] and other["attachments"] == []
    assert all(a["entity_id"] == person.other_id for a in other["activity"])


def test_export_replaces_a_file_whole_and_refuses_a_folder(
    workbook: Workbook, person: Person, tmp_path: Path
) -> None:
    out = tmp_path / "ingrid.zip"
    out.write_bytes(b"old")
    consent_retention.export_candidate(workbook, person.candidate_id, out)
    assert zipfile.is_zipfile(out)
    assert [p.name for p in tmp_path.iterdir() if "ingrid" in p.name] == ["ingrid.zip"]
    with pytest.raises(ServiceError, match="is a folder"):
        consent_retention.export_candidate(workbook, person.candidate_id, tmp_path)
    with pytest.raises(NotFoundError):
        consent_retention.export_candidate(workbook, 999, tmp_path / "nobody.zip")
    assert not (tmp_path / "nobody.zip").exists()


@pytest.mark.parametrize(
    ("name", "mime", "expected"),
    [
        ("Ingrid Ødegård CV.pdf", "application/pdf", "attachment-7-Ingrid_Ødegård_CV.pdf"),
        ("../../etc/passwd", "text/plain", "attachment-7-passwd.txt"),
        ("..\\..\\Windows\\evil.exe", "application/pdf", "attachment-7-evil.pdf"),
        ("", "text/plain", "attachment-7-attachment.txt"),
        ("...", "text/plain", "attachment-7-attachment.txt"),
        ("CON.pdf", "application/pdf", "attachment-7-_CON.pdf"),  # as file_names makes it
        ("a:b*c?.pdf", "application/octet-stream", "attachment-7-a_b_c.bin"),
        ("x" * 300 + ".pdf", "application/pdf", "attachment-7-" + "x" * 60 + ".pdf"),
    ],
)
def test_attachment_names_in_the_export_are_made_here(name: str, mime: str, expected: str) -> None:
    made = attachment_file_name(7, name, mime)
    assert made == expected
    assert "/" not in made and "\\" not in made and ".." not in made


def test_an_erased_candidate_exports_what_is_left(
    workbook: Workbook, person: Person, tmp_path: Path
) -> None:
    consent_retention.erase_candidate(workbook, person.candidate_id)
    report = consent_retention.export_candidate(
        workbook, person.candidate_id, tmp_path / "left.zip"
    )
    with zipfile.ZipFile(report.path) as archive:
        text = archive.read("candidate.json").decode()
    assert report.files == 0
    assert "Ingrid" not in text and EMAIL not in text
    assert json.loads(text)["candidate"]["name"] == erased_name(person.candidate_id)
