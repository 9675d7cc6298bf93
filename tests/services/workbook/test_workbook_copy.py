"""Copying a whole workbook between a file and a PostgreSQL server (real engines).

File → server → file keeps every table's rows and every stored file's bytes, the
search index and the id sequences work on the copy, and the source file is not
touched; a destination that is not empty is refused and left as it was unless asked
to replace it; a copy onto its own source is refused.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from tests.engines import PgServer, engine_names
from tests.services.workbook.backup_setup import member_names

from hiring_desk.services.team import team_members
from hiring_desk.services.workbook.locations import parse_location
from hiring_desk.services.workbook.opening import check_workbook
from hiring_desk.services.workbook.workbook_copy import copy_workbook
from hiring_desk.store import Workbook
from hiring_desk.store.copying import count_rows, file_hashes
from hiring_desk.store.errors import WorkbookError, WorkbookExistsError, WorkbookLockedError
from hiring_desk.store.models import Candidate
from hiring_desk.store.search import search_ids

needs_server = pytest.mark.skipif(
    "postgresql" not in engine_names(), reason="HIRING_DESK_TEST_ENGINES leaves PostgreSQL out"
)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _contents(location: Path | str) -> tuple[dict[str, int], dict[str, tuple[int, str]]]:
    with Workbook.open_read_only(location) as workbook, workbook.engine.connect() as connection:
        return count_rows(connection), file_hashes(connection)


def _members(location: Path | str) -> list[str]:
    with Workbook.open_read_only(location) as workbook:
        return member_names(workbook)


@needs_server
def test_file_to_server_and_back_keeps_everything(
    demo_copy: Path, tmp_path: Path, pg_server: PgServer
) -> None:
    before = _digest(demo_copy)
    original = _contents(demo_copy)
    counts, files = original
    assert counts["attachment"] > 0 and files["attachment"][0] > 0
    assert all(counts[name] > 0 for name in ("candidate", "audit_event", "stage_event"))
    back = tmp_path / "back.hiringdesk"
    with pg_server.database("none") as url:
        up = copy_workbook(demo_copy, url)
        assert up.counts == counts
        assert up.files_checked == sum(n for n, _ in files.values())
        assert _contents(url) == original
        assert check_workbook(parse_location(url)) == []
        down = copy_workbook(url, back)
        assert down.counts == counts
        with Workbook.open(url) as team:
            # The sequences were moved past the copied ids: a new row gets a new id.
            team_members.add_member(team, "Newcomer")
            with team.transaction() as session:
                name = session.get(Candidate, 1).name  # type: ignore[union-attr]
                assert 1 in search_ids(session, name)
    assert _contents(back) == original
    assert check_workbook(back) == []
    assert _digest(demo_copy) == before  # the source was only read
    with Workbook.open(back) as copy, copy.transaction() as session:
        name = session.get(Candidate, 1).name  # type: ignore[union-attr]
        assert 1 in search_ids(session, name)


@needs_server
def test_a_workbook_on_the_server_is_replaced_only_when_asked(
    demo_copy: Path, tmp_path: Path, pg_server: PgServer
) -> None:
    with pg_server.database("empty") as url:
        with Workbook.open(url) as team:
            team_members.add_member(team, "Only Member")
        with pytest.raises(WorkbookExistsError, match="--replace"):
            copy_workbook(demo_copy, url)
        assert _members(url) == ["Only Member"]
        copy_workbook(demo_copy, url, replace=True)
        assert _contents(url) == _contents(demo_copy)
        other = tmp_path / "other.hiringdesk"
        with Workbook.create(other) as small:
            team_members.add_member(small, "Someone Else")
        copy_workbook(other, url, replace=True)  # server to server works the same
        assert _members(url) == ["Someone Else"]


def test_an_existing_file_is_replaced_only_when_asked(demo_copy: Path, tmp_path: Path) -> None:
    taken = tmp_path / "taken.hiringdesk"
    with Workbook.create(taken) as workbook:
        team_members.add_member(workbook, "Kept")
    before = _digest(taken)
    with pytest.raises(WorkbookExistsError, match="left unchanged"):
        copy_workbook(demo_copy, taken)
    assert _digest(taken) == before
    result = copy_workbook(demo_copy, taken, replace=True)
    assert _contents(taken) == _contents(demo_copy)
    assert result.total == sum(_contents(demo_copy)[0].values())
    assert sorted(p.name for p in tmp_path.iterdir() if "copying" in p.name) == []


def test_a_file_that_is_not_a_workbook_is_never_replaced(demo_copy: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("precious")
    with pytest.raises(WorkbookError):
        copy_workbook(demo_copy, notes, replace=True)
    assert notes.read_text() == "precious"


def test_a_workbook_open_elsewhere_is_not_replaced(demo_copy: Path, tmp_path: Path) -> None:
    busy = tmp_path / "busy.hiringdesk"
    with Workbook.create(busy) as workbook:
        team_members.add_member(workbook, "Busy")
        with pytest.raises(WorkbookLockedError):
            copy_workbook(demo_copy, busy, replace=True)
    assert _members(busy) == ["Busy"]


def test_a_copy_onto_its_source_is_refused(demo_copy: Path, tmp_path: Path) -> None:
    before = _digest(demo_copy)
    link = tmp_path / "link.hiringdesk"
    link.symlink_to(demo_copy)
    for target in (demo_copy, link, tmp_path / "." / demo_copy.name):
        with pytest.raises(WorkbookError, match="being copied"):
            copy_workbook(demo_copy, target, replace=True)
    assert _digest(demo_copy) == before


def test_progress_is_told_table_by_table(demo_copy: Path, tmp_path: Path) -> None:
    seen: list[tuple[str, int, int]] = []
    copy_workbook(demo_copy, tmp_path / "c.hiringdesk", progress=lambda *a: seen.append(a))
    finished = {table: done for table, done, total in seen if done == total}
    assert finished == _contents(demo_copy)[0]
