"""A team workbook's connection cut in the middle of an import leaves nothing half-saved."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import func, select
from tests.engines import PgServer, engine_names

from hiring_desk.services.candidates.csv_import import (
    default_options,
    import_candidates,
    read_delimited,
)
from hiring_desk.store import Workbook
from hiring_desk.store.errors import SERVER_LOST, database_failure
from hiring_desk.store.models import Candidate

pytestmark = pytest.mark.skipif(
    "postgresql" not in engine_names(), reason="HIRING_DESK_TEST_ENGINES leaves PostgreSQL out"
)


def test_a_connection_cut_mid_import_saves_nothing(pg_server: PgServer) -> None:
    rows = ["name,email"] + [f"Person {n},p{n}@example.com" for n in range(2100)]
    table = read_delimited("\n".join(rows).encode(), "people.csv")
    with pg_server.database("empty") as url, Workbook.open(url) as workbook:
        cuts: list[int] = []

        def cut_the_connection(done: int, _total: int) -> bool:
            if not cuts:  # after the first batch of 2,000: the server ends the session
                with psycopg.connect(url.replace("+psycopg", ""), autocommit=True) as admin:
                    found = admin.execute(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    ).fetchall()
                cuts.append(len(found))
            return True

        with pytest.raises(Exception) as caught:
            import_candidates(
                workbook, table, default_options(workbook, table), progress=cut_the_connection
            )
        assert cuts and cuts[0] >= 1
        assert database_failure(caught.value) is SERVER_LOST
        with workbook.transaction() as session:  # a new connection: nothing of the import
            assert session.execute(select(func.count()).select_from(Candidate)).scalar_one() == 0
