"""The command line on a team workbook (PostgreSQL) gives what it gives on a file.

``demo`` fills an empty database as it fills a new file; then the listings, searches
(accents and letters such as Ø folded: "søren kj" finds Søren Kjær), the interview
pack and an offer letter come out the same on both. A database that holds something
else is refused and left as it was; bad connections are told in words.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.cli.cli_setup import assert_one_line_failure, run
from tests.engines import PgServer, engine_names
from tests.pdf_helpers import pdf_words

pytestmark = pytest.mark.skipif(
    "postgresql" not in engine_names(), reason="HIRING_DESK_TEST_ENGINES leaves PostgreSQL out"
)


def _results(capsys: pytest.CaptureFixture[str], workbook: str, folder: Path) -> dict[str, object]:
    folder.mkdir()
    found: dict[str, object] = {}
    code, out, err = run(capsys, "list", "candidates", "--workbook", workbook, "--json")
    assert (code, err) == (0, "")
    found["candidates"] = json.loads(out)
    for words in ("odegard", "søren kj", "PYTHON", "kearney"):
        code, out, err = run(
            capsys, "list", "candidates", "--workbook", workbook, "--search", words
        )
        assert (code, err) == (0, "")
        # The same candidates; the best match first by each engine's own ranking
        # (FTS5's bm25, PostgreSQL's ts_rank), which may order equals differently.
        found[f"search {words}"] = sorted(out.splitlines())
    for kind in ("roles", "interviews", "offers"):
        code, out, err = run(capsys, "list", kind, "--workbook", workbook, "--json")
        assert (code, err) == (0, "")
        found[kind] = json.loads(out)
    pack = folder / "pack.pdf"
    code, out, err = run(
        capsys, "print", "pack", "--workbook", workbook, "--role", "Senior Backend Developer",
        "--out", pack,
    )  # fmt: skip
    assert (code, err) == (0, "")
    found["pack"] = pdf_words(pack)
    offer = folder / "offer.pdf"
    code, out, err = run(
        capsys, "print", "offer", "--workbook", workbook, "--offer", "1", "--out", offer
    )
    assert (code, err) == (0, "")
    found["offer"] = pdf_words(offer)
    return found


def test_a_team_workbook_gives_what_a_file_gives(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, pg_server: PgServer, today: object
) -> None:
    file = tmp_path / "demo.hiringdesk"
    with pg_server.database("none") as url:
        for workbook in (str(file), url):
            code, out, err = run(capsys, "demo", "--workbook", workbook)
            assert (code, err) == (0, "")
        assert "password" not in out and out.startswith("Created demo workbook postgresql://")
        on_file = _results(capsys, str(file), tmp_path / "file")
        on_server = _results(capsys, url, tmp_path / "server")
        code, out, err = run(capsys, "check", "--workbook", url)
        assert (code, out, err) == (0, "ok\n", "")
    assert on_file["search søren kj"] != on_file["search kearney"]  # the searches found people
    assert "Kearney" in str(on_file["search kearney"])
    for key, value in on_file.items():
        assert on_server[key] == value, key


def test_demo_refuses_a_database_that_holds_a_workbook_or_something_else(
    capsys: pytest.CaptureFixture[str], pg_server: PgServer
) -> None:
    with pg_server.database("empty") as url:
        code, _, err = run(capsys, "demo", "--workbook", url)
        assert code == 1
        assert_one_line_failure(err)
        assert "already holds a workbook" in err
    with pg_server.database("none") as url:
        import psycopg

        with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as conn:
            conn.execute("CREATE TABLE invoices (id integer)")
        code, _, err = run(capsys, "demo", "--workbook", url)
        assert code == 1
        assert "not a Hiring Desk workbook" in err and "left untouched" in err
        with psycopg.connect(url.replace("+psycopg", "")) as conn:
            tables = conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            ).fetchall()
        assert tables == [("invoices",)]


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://root@/hdtest_no_such_db?host=/var/run/postgresql", "does not exist"),
        ("postgresql://root:s3cret@127.0.0.1:1/hd", "cannot be reached"),
        ("postgres://root@/hdtest_no_such_db?host=/nowhere", "cannot be reached"),
    ],
)
def test_bad_connections_are_told_in_words(
    capsys: pytest.CaptureFixture[str], url: str, words: str
) -> None:
    code, _, err = run(capsys, "list", "candidates", "--workbook", url)
    assert code == 1
    assert_one_line_failure(err)
    assert words in err
    assert "s3cret" not in err
