"""Team workbook passwords, kept in the system keyring and nowhere else.

A password is never written to the settings file, a log or a message: when the
person ticks "Remember the password" it goes to the system keyring (the ``keyring``
package: the desktop's secret service, macOS Keychain, Windows Credential Locker),
keyed by the workbook's URL without password. Reconnecting (Open Recent, a URL
named at start-up) takes it from there.

``keyring`` is imported on first use only: a file workbook never loads it, and
the window's start-up does not either (``tests/ui/test_startup_imports``).
Where no keyring works (a machine without a secret service), ``keyring_problem``
says so in words and nothing is remembered.
"""

from __future__ import annotations

import logging
from typing import Any

from hiring_desk.store.errors import PasswordRefusedError
from hiring_desk.store.location import (
    Location,
    ServerAddress,
    with_password,
    without_password,
)

__all__ = [
    "PasswordRefusedError",
    "forget_password",
    "keyring_problem",
    "remember_password",
    "remembered_password",
    "with_remembered_password",
]

_log = logging.getLogger(__name__)

#: The keyring's service name for team workbook passwords.
SERVICE = "Hiring Desk team workbook"
NO_KEYRING = "no system keyring is available on this computer, so the password cannot be kept"


def _keyring() -> Any | None:
    """The ``keyring`` module with a working backend, or None."""
    try:
        import keyring
        import keyring.errors
        from keyring.backends import fail, null
    except ImportError:
        return None
    backend = keyring.get_keyring()
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    children = getattr(backend, "backends", None)  # the chainer: working only with members
    if children is not None and not children:
        return None
    return keyring


def keyring_problem() -> str | None:
    """Why a password cannot be remembered here, or None when the keyring works."""
    return NO_KEYRING if _keyring() is None else None


def _key(address: ServerAddress) -> str:
    return without_password(address).display


def remembered_password(address: ServerAddress) -> str | None:
    """The password kept for ``address`` (its URL without password), if any."""
    found = _keyring()
    if found is None:
        return None
    try:
        value = found.get_password(SERVICE, _key(address))
    except found.errors.KeyringError as exc:
        _log.warning("The keyring could not be read: %s", type(exc).__name__)
        return None
    return value if isinstance(value, str) else None


def remember_password(address: ServerAddress, password: str) -> bool:
    """Keep ``password`` for ``address`` in the keyring; False when that is not possible."""
    found = _keyring()
    if found is None:
        return False
    try:
        found.set_password(SERVICE, _key(address), password)
    except found.errors.KeyringError as exc:
        _log.warning("The keyring could not keep a password: %s", type(exc).__name__)
        return False
    return True


def forget_password(address: ServerAddress) -> None:
    """Remove any password kept for ``address`` (the person unticked "remember")."""
    found = _keyring()
    if found is None:
        return
    try:
        found.delete_password(SERVICE, _key(address))
    except found.errors.PasswordDeleteError:
        pass  # none was kept
    except found.errors.KeyringError as exc:
        _log.warning("The keyring could not forget a password: %s", type(exc).__name__)


def with_remembered_password(location: Location) -> Location:
    """A team workbook's address with its kept password filled in (when it has none and
    one is kept); anything else as it is. Only a server address touches the keyring."""
    if not isinstance(location, ServerAddress) or location.password is not None:
        return location
    password = remembered_password(location)
    return with_password(location, password) if password else location
