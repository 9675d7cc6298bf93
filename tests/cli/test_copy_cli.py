"""``hiring-desk copy`` from the command line: a file workbook up to a server and back.

``check`` passes on every copy, each table's counts and stored files match the
original, the source file is byte for byte as it was, and refusals are one line.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from tests.cli.cli_setup import assert_one_line_failure, run
from tests.engines import PgServer, engine_names

from hiring_desk.store import Workbook, migrate
from hiring_desk.store.copying import count_rows, file_hashes

pytestmark = pytest.mark.skipif(
    "postgresql" not in engine_names(), reason="HIRING_DESK_TEST_ENGINES leaves PostgreSQL out"
)


def _contents(location: Path | str) -> tuple[dict[str, int], dict[str, tuple[int, str]]]:
    with Workbook.open_read_only(location) as workbook, workbook.engine.connect() as connection:
        return count_rows(connection), file_hashes(connection)


def test_copy_up_to_a_server_and_back(
    capsys: pytest.CaptureFixture[str], demo_copy: Path, tmp_path: Path, pg_server: PgServer
) -> None:
    before = hashlib.sha256(demo_copy.read_bytes()).hexdigest()
    original = _contents(demo_copy)
    assert original[1]["attachment"][0] > 0
    back = tmp_path / "back.hiringdesk"
    with pg_server.database("none") as url:
        code, out, err = run(capsys, "copy", demo_copy, url)
        assert (code, err) == (0, "")
        assert f"candidate {original[0]['candidate']:>8}".split() in [
            line.split() for line in out.splitlines()
        ]
        assert "Copied" in out and "password" not in out
        code, out, err = run(capsys, "copy", url, back)
        assert (code, err) == (0, "")
        for workbook in (url, back):
            assert run(capsys, "check", "--workbook", workbook)[:2] == (0, "ok\n")
        assert _contents(url) == original
        with Workbook.open(url) as workbook, workbook.engine.connect() as connection:
            # The history keeps its logins (none, from a file): not the copier's.
            logins = connection.exec_driver_sql("SELECT DISTINCT login FROM audit_event")
            assert [row[0] for row in logins] == [""]

        # A destination that is not empty: refused, left unchanged; --replace replaces it.
        code, out, err = run(capsys, "copy", back, url)
        assert code == 1 and out == ""
        assert_one_line_failure(err)
        assert "--replace" in err
        assert run(capsys, "copy", back, url, "--replace")[0] == 0
        assert _contents(url) == original
    assert _contents(back) == original
    assert hashlib.sha256(demo_copy.read_bytes()).hexdigest() == before


def test_copy_over_a_file_and_onto_itself(
    capsys: pytest.CaptureFixture[str], demo_copy: Path, tmp_path: Path
) -> None:
    target = tmp_path / "target.hiringdesk"
    Workbook.create(target).close()
    kept = target.read_bytes()
    code, out, err = run(capsys, "copy", demo_copy, target)
    assert code == 1 and out == "" and "already exists" in err
    assert_one_line_failure(err)
    assert target.read_bytes() == kept
    assert run(capsys, "copy", demo_copy, target, "--replace")[0] == 0
    assert _contents(target) == _contents(demo_copy)
    code, out, err = run(capsys, "copy", demo_copy, demo_copy, "--replace")
    assert code == 1 and "being copied" in err
    assert_one_line_failure(err)


def test_copy_from_a_missing_database_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_server: PgServer
) -> None:
    missing = pg_server.url("hdtest_no_such_database")
    code, out, err = run(capsys, "copy", missing, tmp_path / "x.hiringdesk")
    assert code == 1 and out == "" and "does not exist" in err
    assert_one_line_failure(err)
    assert not (tmp_path / "x.hiringdesk").exists()


def test_an_older_source_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], populated: Path, tmp_path: Path
) -> None:
    older = migrate.KNOWN_REVISIONS[-2]
    conn = sqlite3.connect(populated)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = ?", (older,))
    conn.close()
    before = populated.read_bytes()
    code, out, err = run(capsys, "copy", populated, tmp_path / "up.hiringdesk")
    assert (code, out) == (1, "")
    assert_one_line_failure(err)
    assert "open it in Hiring Desk once" in err
    assert populated.read_bytes() == before
    assert not (tmp_path / "up.hiringdesk").exists()
