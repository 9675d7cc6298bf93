"""``hiring-desk list audit``: the activity log, without anyone's personal details."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.cli_setup import run

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.common import audit
from hiring_desk.services.team import team_members
from hiring_desk.store import Workbook


@pytest.fixture
def logged(tmp_path: Path) -> Path:
    path = tmp_path / "log.hiringdesk"
    with Workbook.create(path) as workbook:
        ada = team_members.add_member(workbook, "Ada Lovelace", "Founder")
        audit.set_acting_member(workbook, ada.id)
        cid = candidate_records.create_candidate(
            workbook, CandidateInput(name="Kofi Mensah", email="kofi@example.gh")
        ).id
        candidate_records.update_candidate(workbook, cid, CandidateInput(name="Kofi A. Mensah"))
    return path


def test_list_audit_as_a_table(capsys: pytest.CaptureFixture[str], logged: Path) -> None:
    code, out, err = run(capsys, "list", "audit", "--workbook", logged)

    assert (code, err) == (0, "")
    header, rule, *rows = out.splitlines()
    assert set(rule) <= {"-", " "}
    assert header.split() == ["ID", "When", "Who", "Action", "Record", "Record", "ID"]
    assert len(rows) == 3
    assert rows[0].split()[0] == "3" and "Ada Lovelace" in rows[0] and "edit" in rows[0]
    assert rows[2].split()[0] == "1" and "team_member" in rows[2] and "UTC" in rows[2]
    assert "Kofi" not in out and "kofi@" not in out


def test_list_audit_as_json(capsys: pytest.CaptureFixture[str], logged: Path) -> None:
    code, out, _err = run(capsys, "list", "audit", "--workbook", logged, "--json")

    assert code == 0
    events = json.loads(out)
    assert [(e["who"], e["action"], e["entity"], e["entity_id"]) for e in events] == [
        ("Ada Lovelace", "edit", "candidate", 1),
        ("Ada Lovelace", "add", "candidate", 1),
        ("", "add", "team_member", 1),
    ]
    assert set(events[0]) == {"id", "at", "who", "login", "action", "entity", "entity_id"}
    assert all(e["login"] == "" for e in events)  # a workbook file has no sign-in
    assert events[0]["at"].endswith("+00:00")
    assert "Kofi" not in out
