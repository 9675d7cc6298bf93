"""Snapshots of a row and everything its deletion takes with it, so a delete can be undone.

``take`` is called in the deleting transaction, just before the delete. It
collects the row, every row that depends on it through a foreign key with
``ON DELETE CASCADE`` (recursively), and every reference to one of those rows
that the delete will set to NULL (``ON DELETE SET NULL``: an interviewer, an
approver, the member an audit event names). ``restore`` puts it all back in one
transaction: the rows with the ids they had, parents before children, then the
nulled references (only where they are still NULL: a reference someone has set
since is theirs).

An id that was taken in the meantime (SQLite hands out the highest id plus one
again once that row is gone) is not fought over: the row gets a new id, and the
restored rows and references that pointed at it follow.

The foreign keys come from the table metadata, which a test keeps equal to the
migrated schema. Tables the metadata does not know (the FTS5 search index) are
the services' business: they re-index after a restore.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from hiring_desk.store import models  # noqa: F401  (every table registered in the metadata)

__all__ = [
    "NulledReference",
    "RestoreConflictError",
    "Snapshot",
    "SnapshotRow",
    "restore",
    "take",
]


class RestoreConflictError(Exception):
    """The rows cannot go back: a parent is gone or a unique value is taken since."""


@dataclass(frozen=True)
class SnapshotRow:
    """One row as plain column values."""

    table: str
    values: Mapping[str, Any]


@dataclass(frozen=True)
class NulledReference:
    """A column outside the snapshot that the delete sets to NULL, and what it held."""

    table: str
    key: Mapping[str, Any]  # the referencing row's primary key
    column: str
    value: Any  # the id of the deleted row it referred to
    target_table: str  # the table that id belongs to


@dataclass(frozen=True)
class Snapshot:
    """A deleted row (``table``, ``row_id``) and all that went with it, in insertion order."""

    table: str
    row_id: int
    rows: tuple[SnapshotRow, ...]
    nulled: tuple[NulledReference, ...]

    def count(self, table: str) -> int:
        """How many rows of ``table`` the snapshot holds."""
        return sum(1 for row in self.rows if row.table == table)

    def values_of(self, table: str) -> list[Mapping[str, Any]]:
        return [row.values for row in self.rows if row.table == table]


def _tables() -> dict[str, sa.Table]:
    return dict(SQLModel.metadata.tables)


def _order() -> list[str]:
    """Table names with every table after the tables it refers to."""
    return [table.name for table in SQLModel.metadata.sorted_tables]


def _references_to(target: str) -> list[tuple[sa.Table, sa.ForeignKeyConstraint]]:
    """Every single-column foreign key (with its table) that points at ``target``."""
    found = []
    for table in SQLModel.metadata.sorted_tables:
        for constraint in table.foreign_key_constraints:
            if constraint.referred_table.name == target and len(constraint.elements) == 1:
                found.append((table, constraint))
    return found


def _key_of(table: sa.Table, values: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(values[column.name] for column in table.primary_key.columns)


def take(session: Session, table_name: str, row_id: int) -> Snapshot:
    """Everything deleting row ``row_id`` of ``table_name`` would remove or set to NULL.

    Call it inside the deleting transaction, before the delete. Raises
    ``LookupError`` if the row does not exist.
    """
    session.flush()
    tables = _tables()
    root_table = tables[table_name]
    root_key = next(iter(root_table.primary_key.columns))
    found_root = session.execute(sa.select(root_table).where(root_key == row_id)).mappings()
    first_row = found_root.first()
    if first_row is None:
        raise LookupError(f"{table_name} {row_id} does not exist")
    first = dict(first_row)
    collected: dict[str, dict[tuple[Any, ...], dict[str, Any]]] = {
        table_name: {_key_of(root_table, first): first}
    }
    nulled: list[NulledReference] = []
    pending: list[tuple[str, list[dict[str, Any]]]] = [(table_name, [first])]
    while pending:
        parent_name, parents = pending.pop()
        for child, constraint in _references_to(parent_name):
            element = constraint.elements[0]
            referred = element.column.name
            values = [parent[referred] for parent in parents if parent[referred] is not None]
            if not values:
                continue
            on_delete = (constraint.ondelete or "").upper()
            found = _rows_where(session, child, element.parent, values)
            if on_delete == "CASCADE":
                fresh = _add_new(collected.setdefault(child.name, {}), child, found)
                if fresh:
                    pending.append((child.name, fresh))
            elif on_delete == "SET NULL":
                nulled.extend(
                    NulledReference(
                        table=child.name,
                        key=MappingProxyType({name: row[name] for name in _key_names(child)}),
                        column=element.parent.name,
                        value=row[element.parent.name],
                        target_table=parent_name,
                    )
                    for row in found
                )
    # A referencing row that goes too (it is in the snapshot) needs no reference restored.
    nulled = [
        ref
        for ref in nulled
        if _key_of(tables[ref.table], ref.key) not in collected.get(ref.table, {})
    ]
    rows = tuple(
        SnapshotRow(name, MappingProxyType(values))
        for name in _order()
        for _key, values in sorted(collected.get(name, {}).items(), key=lambda item: item[0])
    )
    return Snapshot(table_name, row_id, rows, tuple(nulled))


def _key_names(table: sa.Table) -> list[str]:
    return [column.name for column in table.primary_key.columns]


def _rows_where(
    session: Session, table: sa.Table, column: sa.Column[Any], values: list[Any]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for start in range(0, len(values), 500):
        chunk = values[start : start + 500]
        result = session.execute(sa.select(table).where(column.in_(chunk))).mappings()
        rows.extend(dict(row) for row in result)
    return rows


def _add_new(
    into: dict[tuple[Any, ...], dict[str, Any]], table: sa.Table, rows: Iterable[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Add the rows not collected yet; return those (their own dependents are next)."""
    fresh = []
    for row in rows:
        key = _key_of(table, row)
        if key not in into:
            into[key] = row
            fresh.append(row)
    return fresh


# -- putting it back -----------------------------------------------------------------


def restore(session: Session, snapshot: Snapshot) -> dict[tuple[str, int], int]:
    """Insert the snapshot's rows again and restore the references the delete nulled.

    Returns the ids that changed, ``(table, old id) -> new id`` (usually empty).
    Raises ``RestoreConflictError`` (with the transaction's changes left for the
    caller to roll back) when a row cannot go back.
    """
    tables = _tables()
    moved: dict[tuple[str, int], int] = {}
    try:
        for row in snapshot.rows:
            table = tables[row.table]
            values = _remapped(table, row.values, moved)
            key_columns = list(table.primary_key.columns)
            single_id = len(key_columns) == 1 and isinstance(key_columns[0].type, sa.Integer)
            if single_id and _exists(session, table, key_columns[0], values[key_columns[0].name]):
                old = values.pop(key_columns[0].name)
                inserted = session.execute(
                    sa.insert(table).values(values).returning(key_columns[0])
                )
                moved[(row.table, int(old))] = int(inserted.scalar_one())
            else:
                session.execute(sa.insert(table).values(values))
        for ref in snapshot.nulled:
            table = tables[ref.table]
            value = moved.get((ref.target_table, int(ref.value)), ref.value)
            conditions = [table.c[name] == key for name, key in ref.key.items()]
            session.execute(
                sa.update(table)
                .where(*conditions, table.c[ref.column].is_(None))
                .values({ref.column: value})
            )
        session.flush()
    except IntegrityError as exc:
        raise RestoreConflictError(str(exc.orig)) from None
    return moved


def _remapped(
    table: sa.Table, values: Mapping[str, Any], moved: Mapping[tuple[str, int], int]
) -> dict[str, Any]:
    """``values`` with every foreign key that points at a moved row pointed at its new id."""
    result = dict(values)
    if not moved:
        return result
    for constraint in table.foreign_key_constraints:
        if len(constraint.elements) != 1:
            continue
        column = constraint.elements[0].parent.name
        value = result.get(column)
        if value is not None:
            result[column] = moved.get((constraint.referred_table.name, int(value)), value)
    return result


def _exists(session: Session, table: sa.Table, key: sa.Column[Any], value: Any) -> bool:
    if value is None:
        return False
    statement = sa.select(sa.literal(1)).select_from(table).where(key == value).limit(1)
    return session.execute(statement).first() is not None
