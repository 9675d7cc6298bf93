"""Copies of attachments opened in a viewer: private, and gone once no longer needed.

They are removed when the workbook closes, when the file is removed, when the
candidate is erased, and, for a run that was killed, at the next start.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.services.privacy.privacy_setup import NAME, add_person

from hiring_desk import paths
from hiring_desk.services.candidates import attachments, candidate_records, opened_copies
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.privacy import consent_retention
from hiring_desk.store import Workbook


def _candidate(workbook: Workbook, name: str = "Kari Nordmann") -> int:
    return candidate_records.create_candidate(workbook, CandidateInput(name=name)).id


def _opened(workbook: Workbook, candidate_id: int, text: str = "A CV") -> Path:
    """Attach a text file to the candidate and open it; the copy's path."""
    info = attachments.add_attachment(workbook, candidate_id, f"{text}.txt", text.encode())
    path = attachments.export_to_private_temp(workbook, info.id)
    assert path.read_text() == text
    return path


def test_copies_go_into_one_folder_for_this_run(workbook: Workbook) -> None:
    cid = _candidate(workbook)
    first, second = _opened(workbook, cid, "First"), _opened(workbook, cid, "Second")
    base = paths.opened_files_dir()
    runs = {p.relative_to(base).parts[0] for p in (first, second)}
    assert len(runs) == 1 and runs.pop().startswith(f"run-{os.getpid()}-")
    # The folders are named by numbers only, never by the workbook or the person.
    folders = str(first.parent.relative_to(base))
    assert Path(workbook.name).stem not in folders and "Kari" not in folders


def test_closing_the_workbook_removes_its_copies(tmp_path: Path) -> None:
    closing = Workbook.create(tmp_path / "closing.hiringdesk")
    staying = Workbook.create(tmp_path / "staying.hiringdesk")
    try:
        gone = _opened(closing, _candidate(closing))
        kept = _opened(staying, _candidate(staying))
        closing.close()
        assert not gone.exists() and not gone.parent.exists()
        assert kept.exists()
    finally:
        staying.close()
    assert not kept.exists()


def test_removing_a_file_removes_its_copies(workbook: Workbook) -> None:
    cid = _candidate(workbook)
    info = attachments.add_attachment(workbook, cid, "cv.txt", b"Removed soon")
    copies = [attachments.export_to_private_temp(workbook, info.id) for _ in range(2)]
    other = _opened(workbook, cid, "Kept")
    attachments.remove_attachment(workbook, info.id)
    assert not any(path.exists() for path in copies)
    assert other.exists()


def test_erasing_a_candidate_removes_their_copies_at_once(workbook: Workbook) -> None:
    person = add_person(workbook)
    theirs = [
        attachments.export_to_private_temp(workbook, a.id)
        for a in attachments.list_attachments(workbook, person.candidate_id)
    ]
    assert theirs and all(path.exists() for path in theirs)
    other = _opened(workbook, person.other_id, "Another CV")
    consent_retention.erase_candidate(workbook, person.candidate_id)
    assert not any(path.exists() for path in theirs)
    assert not any(NAME in str(p) for p in paths.opened_files_dir().rglob("*"))
    assert other.exists()


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path

    from hiring_desk.services.candidates import attachments
    from hiring_desk.services.candidates import candidate_records
    from hiring_desk.services.candidates.record_checks import CandidateInput
    from hiring_desk.store import Workbook

    workbook = Workbook.create(Path(sys.argv[1]))
    cid = candidate_records.create_candidate(workbook, CandidateInput(name="Left Behind")).id
    info = attachments.add_attachment(workbook, cid, "cv.txt", b"A CV left behind")
    print(attachments.export_to_private_temp(workbook, info.id), flush=True)
    sys.stdin.read()  # stays alive until killed
    """
)


def test_copies_of_a_killed_run_go_at_the_next_start(workbook: Workbook, tmp_path: Path) -> None:
    ours = _opened(workbook, _candidate(workbook))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path / "child.hiringdesk")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        theirs = Path(child.stdout.readline().strip())
        assert theirs.exists() and paths.opened_files_dir() in theirs.parents
        assert opened_copies.remove_stale_runs() == 0  # that run is still alive
        assert theirs.exists()
    finally:
        child.kill()  # no clean-up of its own
        child.wait(timeout=30)
    assert theirs.exists()
    assert opened_copies.remove_stale_runs() == 1
    assert not theirs.exists() and not theirs.parent.exists()
    assert ours.exists()
