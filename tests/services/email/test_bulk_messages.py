"""Many candidates at once: a folder of drafts or one mbox, all checked before any is made."""

from __future__ import annotations

import mailbox
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from tests.services.email.email_setup import (
    GREEK,
    add_candidate,
    candidate_with_everything,
    parse_eml,
)

from hiring_desk.services.email.bulk_messages import (
    BulkProblemsError,
    prepare_bulk,
    preview_bulk,
    write_bulk,
)
from hiring_desk.services.email.messages import messages_of
from hiring_desk.store import Workbook


def test_one_draft_each_in_a_folder(workbook: Workbook, tmp_path: Path) -> None:
    setup = candidate_with_everything(workbook)
    other = add_candidate(workbook, "Ana Sousa", "ana@example.pt", setup.role_id)
    ids = [setup.candidate_id, other]
    preview = preview_bulk(workbook, "rejection-after-screening", ids, sender_id=setup.sender_id)
    assert preview.count == 2 and preview.first is not None
    assert preview.first.body.startswith("Hi Ζωή,")
    prepared = prepare_bulk(
        workbook, "rejection-after-screening", ids, sender_id=setup.sender_id, reason=""
    )
    folder = tmp_path / "drafts"
    folder.mkdir()
    files, records = write_bulk(workbook, prepared, folder, mbox=False)
    assert sorted(p.name for p in folder.iterdir()) == sorted(p.name for p in files)
    assert len(files) == 2 and all(p.suffix == ".eml" for p in files)
    recipients = sorted(parse_eml(p)["To"].addresses[0].addr_spec for p in files)
    assert recipients == ["ana@example.pt", "zoi@example.gr"]
    assert [len(messages_of(workbook, cid)) for cid in ids] == [1, 1]
    assert {r.candidate_id for r in records} == set(ids)


def test_one_mbox_file(workbook: Workbook, tmp_path: Path) -> None:
    setup = candidate_with_everything(workbook)
    other = add_candidate(workbook, "Ana Sousa", "ana@example.pt", setup.role_id)
    prepared = prepare_bulk(
        workbook, "acknowledgement", [setup.candidate_id, other], sender_id=setup.sender_id
    )
    out = tmp_path / "all.mbox"
    write_bulk(workbook, prepared, out, mbox=True)
    box = mailbox.mbox(out)
    parsed = [BytesParser(policy=policy.default).parsebytes(m.as_bytes()) for m in box]
    assert [m["To"].addresses[0].display_name for m in parsed] == [GREEK, "Ana Sousa"]


def test_nothing_is_made_while_a_candidate_has_no_address(
    workbook: Workbook, tmp_path: Path
) -> None:
    setup = candidate_with_everything(workbook)
    other = add_candidate(workbook, "Ana Sousa", "", setup.role_id)
    with pytest.raises(BulkProblemsError, match="Ana Sousa") as caught:
        prepare_bulk(
            workbook, "acknowledgement", [setup.candidate_id, other], sender_id=setup.sender_id
        )
    assert [p[0] for p in caught.value.problems] == [other]
    assert messages_of(workbook, setup.candidate_id) == []
