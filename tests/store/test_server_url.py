"""The URL a connect form's fields make: quoted parts, a socket folder, the port, TLS."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from hiring_desk.store.location import (
    ServerAddress,
    parse_location,
    server_url,
    with_password,
    without_password,
)


def test_special_characters_stay_in_their_part() -> None:
    address = server_url(
        "db.example.com", "hiring/2026 ü", "ann@hr:x", password="p@ss:w/o%rd #1?", port=6543
    )
    url = make_url(address.url)  # as the driver reads it
    assert (url.username, url.password, url.database) == (
        "ann@hr:x",
        "p@ss:w/o%rd #1?",
        "hiring/2026 ü",
    )
    assert (url.host, url.port, url.query) == ("db.example.com", 6543, {"sslmode": "require"})
    assert address.user == "ann@hr:x" and address.database == "hiring/2026 ü"
    assert "p@ss" not in str(address) and "%23" not in address.display
    assert address.label == "hiring/2026 ü on db.example.com"


def test_a_socket_folder_goes_in_the_query_and_needs_no_tls() -> None:
    address = server_url("/var/run/postgresql", "hd", "root")
    assert address.url == "postgresql+psycopg://root@/hd?host=/var/run/postgresql"
    assert address.label == "hd on this computer"
    assert make_url(address.url).query == {"host": "/var/run/postgresql"}
    other_port = server_url("/tmp/pg", "hd", "root", port=5433)
    assert make_url(other_port.url).query == {"host": "/tmp/pg", "port": "5433"}
    # read back the same as typed by hand
    assert parse_location(address.display) == address


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "::1"])
def test_this_computer_by_name_needs_no_tls(host: str) -> None:
    url = make_url(server_url(host, "hd", "u").url)
    assert url.query == {} and url.host == host and url.port is None


def test_the_password_comes_and_goes() -> None:
    bare = server_url("localhost", "hd", "u")
    assert bare.password is None and "@" in bare.url
    typed = with_password(bare, "s3cr:t@")
    assert typed.password == "s3cr:t@"
    assert without_password(typed) == bare
    assert without_password(ServerAddress("postgresql+psycopg://u:x@h/hd")).url == (
        "postgresql+psycopg://u@h/hd"
    )
