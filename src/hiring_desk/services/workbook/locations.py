"""Where a workbook is, as the command line and the window name it: a file or a URL.

The same as ``store.location`` (which tells a PostgreSQL URL from a file name), for
the layers above the services, which do not import the store. Standard library
only: reading ``--workbook`` loads no database code.
"""

from __future__ import annotations

from hiring_desk.store.errors import SERVER_BACKUPS
from hiring_desk.store.location import (
    DEFAULT_PORT,
    Location,
    ServerAddress,
    is_local_host,
    is_server_url,
    parse_location,
    server_url,
    with_password,
    without_password,
)

__all__ = [
    "DEFAULT_PORT",
    "SERVER_BACKUPS",
    "Location",
    "ServerAddress",
    "is_local_host",
    "is_server_url",
    "parse_location",
    "server_url",
    "with_password",
    "without_password",
]
