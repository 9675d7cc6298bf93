"""Alembic environment for workbook files.

Run through ``hiring_desk.store.migrate``, which passes an open connection in
``config.attributes["connection"]``; there is no alembic.ini.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from alembic import context
from sqlmodel import SQLModel

import hiring_desk.store.models  # noqa: F401  (registers every table)
from hiring_desk.store.fileformat import MARKER_TABLE
from hiring_desk.store.search import is_search_table

if TYPE_CHECKING:
    from alembic.runtime.environment import NameFilterParentNames, NameFilterType

config = context.config
target_metadata = SQLModel.metadata


def include_name(
    name: str | None, type_: NameFilterType, parent_names: NameFilterParentNames
) -> bool:
    """Leave the search tables (FTS5's and their shadows; PostgreSQL's) and the
    PostgreSQL workbook mark out of autogenerate.

    They are made with plain SQL (revision 0002) and have no model; without this,
    autogenerate would propose dropping them.
    """
    return not (
        type_ == "table" and name is not None and (is_search_table(name) or name == MARKER_TABLE)
    )


def run_migrations_online() -> None:
    connection = config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        transactional_ddl=True,
        include_name=include_name,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("Workbook migrations run online only.")
run_migrations_online()
