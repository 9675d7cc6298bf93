"""SQL functions the services use, written for each engine.

SQLite and PostgreSQL name date arithmetic and string aggregation differently. Each
function here is one SQL expression for the services, compiled for the engine the
statement runs on, with the same result on both: the services build one statement
and never ask which engine they talk to. Timestamps are UTC on both (a file stores
them so; a team workbook's sessions run in UTC).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement


class julian_day(FunctionElement[float]):  # noqa: N801  (an SQL function, named like one)
    """The moment as a Julian day number (days, with fractions): SQLite's ``julianday``.
    Differences of two are durations in days."""

    type = sa.Float()
    inherit_cache = True


class plus_minutes(FunctionElement[str]):  # noqa: N801
    """The moment plus a number of minutes, as text ``YYYY-MM-DD HH:MM:SS`` (UTC):
    SQLite's ``datetime(moment, '+N minutes')``. Compared and sorted as text."""

    type = sa.String()
    inherit_cache = True


class day_text(FunctionElement[str]):  # noqa: N801
    """The day of a moment or a date as text ``YYYY-MM-DD``."""

    type = sa.String()
    inherit_cache = True


class group_concat(FunctionElement[str]):  # noqa: N801
    """The texts of a group joined with a separator (order not defined): SQLite's
    ``group_concat``, PostgreSQL's ``string_agg``."""

    type = sa.String()
    inherit_cache = True


class greatest(FunctionElement[Any]):  # noqa: N801
    """The larger of two values: SQLite's two-argument ``max``, PostgreSQL's ``GREATEST``."""

    inherit_cache = True


def _args(element: FunctionElement[Any], compiler: SQLCompiler, **kw: Any) -> list[str]:
    return [compiler.process(clause, **kw) for clause in element.clauses.clauses]


@compiles(julian_day, "sqlite")
def _julian_day_sqlite(element: julian_day, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _args(element, compiler, **kw)
    return f"julianday({moment})"


@compiles(julian_day, "postgresql")
def _julian_day_postgresql(element: julian_day, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _args(element, compiler, **kw)
    return f"(extract(epoch from {moment}) / 86400.0 + 2440587.5)"


@compiles(plus_minutes, "sqlite")
def _plus_minutes_sqlite(element: plus_minutes, compiler: SQLCompiler, **kw: Any) -> str:
    moment, minutes = _args(element, compiler, **kw)
    return f"datetime({moment}, '+' || CAST({minutes} AS TEXT) || ' minutes')"


@compiles(plus_minutes, "postgresql")
def _plus_minutes_postgresql(element: plus_minutes, compiler: SQLCompiler, **kw: Any) -> str:
    moment, minutes = _args(element, compiler, **kw)
    return (
        f"to_char(({moment}) + make_interval(mins => CAST({minutes} AS INTEGER)), "
        "'YYYY-MM-DD HH24:MI:SS')"
    )


@compiles(day_text, "sqlite")
def _day_text_sqlite(element: day_text, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _args(element, compiler, **kw)
    return f"substr({moment}, 1, 10)"


@compiles(day_text, "postgresql")
def _day_text_postgresql(element: day_text, compiler: SQLCompiler, **kw: Any) -> str:
    (moment,) = _args(element, compiler, **kw)
    return f"to_char({moment}, 'YYYY-MM-DD')"


@compiles(greatest, "sqlite")
def _greatest_sqlite(element: greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"max({', '.join(_args(element, compiler, **kw))})"


@compiles(greatest, "postgresql")
def _greatest_postgresql(element: greatest, compiler: SQLCompiler, **kw: Any) -> str:
    return f"GREATEST({', '.join(_args(element, compiler, **kw))})"


@compiles(group_concat, "sqlite")
def _group_concat_sqlite(element: group_concat, compiler: SQLCompiler, **kw: Any) -> str:
    text, separator = _args(element, compiler, **kw)
    return f"group_concat({text}, {separator})"


@compiles(group_concat, "postgresql")
def _group_concat_postgresql(element: group_concat, compiler: SQLCompiler, **kw: Any) -> str:
    text, separator = _args(element, compiler, **kw)
    return f"string_agg(CAST({text} AS TEXT), {separator})"


__all__ = ["day_text", "greatest", "group_concat", "julian_day", "plus_minutes"]
