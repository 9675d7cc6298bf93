"""Every folder and file the app uses, resolved in one place.

The platform folders come from platformdirs. Setting the environment variable
``HIRING_DESK_HOME`` puts all of them under that one folder instead; the tests
use it so that nothing they do touches a real user's files.
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import PlatformDirs

from hiring_desk import APP_ID, WORKBOOK_SUFFIX

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


def default_workbook() -> Path:
    """The workbook opened when none is named on the command line."""
    return data_dir() / f"Workbook{WORKBOOK_SUFFIX}"


def settings_file() -> Path:
    return config_dir() / "settings.ini"


def log_file() -> Path:
    return log_dir() / "hiring-desk.log"
