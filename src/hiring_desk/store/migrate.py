"""Running the packaged Alembic revisions against a workbook.

Alembic is imported only when a workbook actually needs creating or upgrading,
so opening an up-to-date workbook costs no Alembic import.
"""

from __future__ import annotations

import sqlite3
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

    from hiring_desk.store.location import Location

#: The newest revision this version of the app knows (checked by a test
#: against the revision files).
SCHEMA_HEAD = "0011_team_access"

#: Every revision this version knows, oldest first (also checked by a test).
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001_initial",
    "0002_candidate_search",
    "0003_sort_and_match",
    "0004_privacy",
    "0005_attachment_unread_reason",
    "0006_salary_range",
    "0007_candidate_messages",
    "0008_today_and_tasks",
    "0009_role_stages",
    "0010_record_versions",
    "0011_team_access",
)


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(files("hiring_desk.store.migrations")))
    return config


def read_revision(conn: sqlite3.Connection) -> str | None:
    """The revision stamped in a workbook, or None if it has none."""
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if row is None:
        return None
    version = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(version[0]) if version else None


def check_revision(location: Location, revision: str | None) -> bool:
    """Refuse a workbook whose revision is missing or unknown (newer); True when it is
    older than ``SCHEMA_HEAD`` and needs an upgrade."""
    from hiring_desk.store.errors import NewerSchemaError, NotAWorkbookError

    if revision is None:
        raise NotAWorkbookError(location, "the workbook has no schema; it was never fully created")
    if revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            location,
            f"made by a newer version of Hiring Desk (schema {revision}); "
            "update Hiring Desk to open it",
        )
    return revision != SCHEMA_HEAD


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade the workbook behind ``engine`` to ``target`` in one transaction."""
    from alembic import command

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)


def revision_files_dir() -> Path:
    return Path(str(files("hiring_desk.store.migrations").joinpath("versions")))
