"""Every folder and file the app uses, resolved in one place.

The platform folders come from platformdirs. Setting the environment variable
``HIRING_DESK_HOME`` puts all of them under that one folder instead; the tests
use it so that nothing they do touches a real user's files.
"""

from __future__ import annotations

import getpass
import os
import tempfile
from pathlib import Path

from platformdirs import PlatformDirs

from hiring_desk import APP_ID, WORKBOOK_SUFFIX
from hiring_desk.file_names import safe_file_name

HOME_ENV = "HIRING_DESK_HOME"


def _dirs() -> PlatformDirs:
    return PlatformDirs(appname=APP_ID, appauthor=False, roaming=False)


def _override() -> Path | None:
    value = os.environ.get(HOME_ENV)
    return Path(value) if value else None


def data_dir() -> Path:
    """Where the default workbook and the backups live."""
    home = _override()
    return home / "data" if home else Path(_dirs().user_data_dir)


def config_dir() -> Path:
    """Where the settings file lives."""
    home = _override()
    return home / "config" if home else Path(_dirs().user_config_dir)


def log_dir() -> Path:
    """Where the rotating error log lives."""
    home = _override()
    return home / "logs" if home else Path(_dirs().user_log_dir)


def backup_dir() -> Path:
    """Where backups go, in a sub-folder per workbook (see ``services.backups``)."""
    return data_dir() / "backups"


def opened_files_dir() -> Path:
    """Where copies of attachments are written for the system viewer: the temporary
    folder, one sub-folder per user (see ``services.opened_copies``)."""
    home = _override()
    if home:
        return home / "opened"
    return Path(tempfile.gettempdir()) / f"hiring-desk-{_user_tag()}"


def _user_tag() -> str:
    """This user's name, reduced to characters safe in a folder name."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no name for this user id
        name = str(getattr(os, "getuid", lambda: "user")())
    return safe_file_name(name, "user", word_characters_only=True, max_bytes=64)


def default_workbook() -> Path:
    """The workbook opened when none is named on the command line."""
    return data_dir() / f"Workbook{WORKBOOK_SUFFIX}"


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def log_file() -> Path:
    return log_dir() / "hiring-desk.log"
