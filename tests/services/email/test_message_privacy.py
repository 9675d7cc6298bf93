"""Messages are personal data: the access export includes them; erasure removes them."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sqlalchemy import func, select
from tests.services.email.email_setup import candidate_with_everything

from hiring_desk.services.email.messages import (
    MessageSubject,
    messages_of,
    prepare_message,
    write_message,
)
from hiring_desk.services.privacy import consent_retention
from hiring_desk.services.privacy.erasure import erase_candidate
from hiring_desk.store import Workbook, models


def _one_message(workbook: Workbook, tmp_path: Path) -> int:
    setup = candidate_with_everything(workbook)
    about = MessageSubject(
        setup.candidate_id, interview_id=setup.interview_id, sender_id=setup.sender_id
    )
    write_message(
        workbook, prepare_message(workbook, "interview-invitation", about), tmp_path / "m.eml"
    )
    return setup.candidate_id


def test_the_access_export_holds_each_message_and_its_text(
    workbook: Workbook, tmp_path: Path
) -> None:
    candidate_id = _one_message(workbook, tmp_path)
    out = tmp_path / "export.zip"
    consent_retention.export_candidate(workbook, candidate_id, out)
    with zipfile.ZipFile(out) as archive:
        data = json.loads(archive.read("candidate.json"))
    (message,) = data["messages"]
    assert message["template_name"] == "Interview invitation"
    assert message["subject"].startswith("Interview for Backend Developer")
    assert "11:00 to 12:00 (Europe/Athens)" in message["body"]
    assert message["attachments"] == ["interview.ics"]
    assert message["made_by"] == "Niamh Gallagher"
    assert message["recipient"] == "zoi@example.gr"
    assert any(entry["entity"] == "candidate_message" for entry in data["activity"])


def test_erasure_removes_the_messages(workbook: Workbook, tmp_path: Path) -> None:
    candidate_id = _one_message(workbook, tmp_path)
    erase_candidate(workbook, candidate_id)
    assert messages_of(workbook, candidate_id) == []
    with workbook.transaction() as session:
        left = session.execute(select(func.count()).select_from(models.CandidateMessage))
        assert left.scalar_one() == 0
