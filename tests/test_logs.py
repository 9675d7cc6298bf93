"""The log file never holds the statement or the values of a failed database call."""

from __future__ import annotations

import logging

import pytest
import sqlalchemy as sa

from hiring_desk import paths
from hiring_desk.logs import scrub, setup_logging

NAME = "Zbigniewa Kowalczykówna"


def _integrity_error() -> sa.exc.IntegrityError:
    """A real error from an engine that shows its values (not one of the workbook's)."""
    engine = sa.create_engine("sqlite://")
    with engine.begin() as connection:
        connection.exec_driver_sql("CREATE TABLE person (name TEXT UNIQUE)")
        connection.execute(sa.text("INSERT INTO person VALUES (:n)"), {"n": NAME})
    with pytest.raises(sa.exc.IntegrityError) as caught, engine.begin() as connection:
        connection.execute(sa.text("INSERT INTO person VALUES (:n)"), {"n": NAME})
    assert NAME in str(caught.value)  # what would have been logged
    return caught.value


def test_a_logged_database_error_loses_its_values() -> None:
    error = _integrity_error()
    setup_logging().error("Command failed", exc_info=error)
    logging.getLogger("hiring_desk.services").error("While saving: %s", error)
    log = paths.log_file().read_text(encoding="utf-8")
    assert log.count("UNIQUE constraint failed: person.name") == 3  # the traceback's and two
    assert NAME not in log and "[SQL:" not in log and "[parameters:" not in log
    assert "Background on this error" in log


def test_scrub_removes_statement_and_values_wherever_they_are() -> None:
    text = (
        "(sqlite3.IntegrityError) NOT NULL constraint failed\n"
        "[SQL: INSERT INTO candidate (name, notes)\nVALUES (?, ?)]\n"
        "[parameters: ('Ana ] Silva', 'line one\\nline two')]\n"
        "(Background on this error at: https://sqlalche.me/e/20/gkpj)\n"
        "next: [SQL: SELECT 1]\n[SQL parameters hidden due to hide_parameters=True]\n"
    )
    assert scrub(text) == (
        "(sqlite3.IntegrityError) NOT NULL constraint failed\n"
        "[statement and values not logged]\n"
        "(Background on this error at: https://sqlalche.me/e/20/gkpj)\n"
        "next: [statement and values not logged]\n"
    )
    assert scrub("nothing [to] remove") == "nothing [to] remove"
