"""A command that fails in the database: one line on the terminal, the traceback in
the log, and neither holds the candidate's data."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.services.refusing_trigger import REFUSAL, refuse_candidates_named

from hiring_desk import paths
from hiring_desk.cli import main
from hiring_desk.store import Workbook

NAME, EMAIL = "Zbigniewa Kowalczykówna", "zbyszka@example.pl"


def test_a_database_error_in_a_command_logs_no_personal_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cli.hiringdesk"
    with Workbook.create(path) as workbook:
        refuse_candidates_named(workbook, "Zbig")
    people = tmp_path / "people.csv"
    people.write_text(f"name,email\n{NAME},{EMAIL}\n", encoding="utf-8")
    code = main(["import", "candidates", str(people), "--workbook", str(path)])
    out, err = capsys.readouterr()
    assert code != 0 and REFUSAL in err and "Traceback" not in err
    log = paths.log_file().read_text(encoding="utf-8")
    assert "Command failed" in log and "IntegrityError" in log and "Traceback" in log
    for trace in (*NAME.split(), EMAIL):
        for where in (log, out, err):
            assert trace not in where, trace
