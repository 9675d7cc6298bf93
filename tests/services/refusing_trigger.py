"""A real database failure on demand: a trigger that refuses to store some candidates."""

from __future__ import annotations

from hiring_desk.store import Workbook

#: The message of the error the trigger raises.
REFUSAL = "refused by the test trigger"


def refuse_candidates_named(workbook: Workbook, prefix: str) -> None:
    """From now on, storing a candidate whose name starts with ``prefix`` fails in SQLite
    (an IntegrityError, as a broken constraint gives)."""
    with workbook.engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse_name BEFORE INSERT ON candidate "
            f"WHEN NEW.name LIKE '{prefix}%' BEGIN SELECT RAISE(ABORT, '{REFUSAL}'); END"
        )
