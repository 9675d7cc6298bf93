"""Team workbook passwords live in the system keyring, keyed by the URL without password."""

from __future__ import annotations

from tests.keyring_setup import MemoryKeyring, memory_keyring, no_keyring  # noqa: F401 (fixtures)

from hiring_desk.services.workbook import passwords
from hiring_desk.services.workbook.locations import server_url

ADDRESS = server_url("db.example.com", "hd", "ann")


def test_a_password_is_kept_found_and_forgotten(memory_keyring: MemoryKeyring) -> None:  # noqa: F811
    assert passwords.keyring_problem() is None
    assert passwords.remembered_password(ADDRESS) is None
    typed = server_url("db.example.com", "hd", "ann", password="x:y@z")
    assert passwords.remember_password(typed, "x:y@z")
    # keyed by the URL without the password
    assert memory_keyring.kept == {
        (passwords.SERVICE, "postgresql://ann@db.example.com/hd?sslmode=require"): "x:y@z"
    }
    assert passwords.with_remembered_password(ADDRESS) == typed
    passwords.forget_password(ADDRESS)
    passwords.forget_password(ADDRESS)  # nothing kept: no error
    assert passwords.with_remembered_password(ADDRESS) == ADDRESS


def test_without_a_keyring_nothing_is_kept_and_it_says_why(no_keyring: None) -> None:  # noqa: F811
    assert passwords.keyring_problem() == passwords.NO_KEYRING
    assert not passwords.remember_password(ADDRESS, "secret")
    assert passwords.remembered_password(ADDRESS) is None
    assert passwords.with_remembered_password(ADDRESS) == ADDRESS
