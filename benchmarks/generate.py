"""Synthetic workbooks for the benchmarks, made through the real schema and cached.

A workbook of N candidates is: ``Workbook.create`` (the real migrations), the demo
company, team, roles and interview plans (``services.demo.fill_demo_data``), six more
roles, then N candidates in total with skills, tags, a CV each, applications, stage
history, interviews, scorecards and offers, written with SQLAlchemy Core bulk inserts
in one transaction; finally ``store.search.rebuild`` and
``services.match_scores.refresh_all`` fill the search index, the sort keys and the
match scores, as the app keeps them.

Workbooks are cached in ``benchmarks/.cache/`` under a name that includes the
schema revision and this generator's version, so a changed schema or generator makes
new ones. ``python -m benchmarks.generate 1000 10000 50000`` makes them ahead of time.
"""

from __future__ import annotations

import argparse
import csv
import io
import multiprocessing
import random
import shutil
import sys
import time
from pathlib import Path

import sqlalchemy as sa
from sqlmodel import Session, SQLModel

import hiring_desk.store.models  # noqa: F401  (the tables, in SQLModel.metadata)
from benchmarks import synthetic
from hiring_desk.services.common import match_scores
from hiring_desk.services.demo.demo_workbook import fill_demo_data
from hiring_desk.store import Workbook, search
from hiring_desk.store.migrate import SCHEMA_HEAD

CACHE_DIR = Path(__file__).resolve().parent / ".cache"
#: Bump when the generated content changes, so cached workbooks are made anew.
GENERATOR_VERSION = 1
SIZES = (1_000, 10_000, 50_000)
_CHUNK = 5_000
#: Tables in an order that satisfies the foreign keys.
_TABLE_ORDER = (
    "candidate",
    "candidate_skill",
    "candidate_tag",
    "attachment",
    "application",
    "stage_event",
    "interview",
    "interview_interviewer",
    "scorecard",
    "scorecard_rating",
    "offer",
)
EXTRA_ROLES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("Go Developer", "senior", ("Go", "PostgreSQL", "Docker"), ("Kubernetes", "gRPC")),
    ("Java Backend Engineer", "mid", ("Java", "Spring Boot", "SQL"), ("Kafka", "AWS")),
    ("Platform Engineer", "senior", ("Kubernetes", "Terraform", "Linux"), ("Go", "AWS")),
    ("Junior Python Developer", "junior", ("Python", "SQL", "Git"), ("Django", "pytest")),
    ("Integration Engineer", "mid", ("REST", "OAuth", "Python"), ("GraphQL", "RabbitMQ")),
    ("Database Specialist", "senior", ("PostgreSQL", "SQL", "Linux"), ("MySQL", "Redis")),
)


def workbook_path(count: int, cache_dir: Path = CACHE_DIR) -> Path:
    """Where the cached workbook of ``count`` candidates lives."""
    return cache_dir / f"candidates-{count}-{SCHEMA_HEAD}-g{GENERATOR_VERSION}.hiringdesk"


def ensure_workbook(count: int, cache_dir: Path = CACHE_DIR, *, quiet: bool = False) -> Path:
    """The cached workbook of ``count`` candidates, made first if it is not there yet."""
    path = workbook_path(count, cache_dir)
    if path.exists():
        return path
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = path.with_name("making-" + path.name)
    _remove_workbook(partial)
    started = time.perf_counter()
    if not quiet:
        print(f"making a workbook of {count:,} candidates ...", file=sys.stderr, flush=True)
    # Made in a process of its own: the making takes hundreds of MB, and Linux hands a
    # process's peak memory on to the processes it starts (ru_maxrss survives fork and
    # exec), so making it here would inflate every start-up probe's peak memory after.
    maker = multiprocessing.get_context("spawn").Process(
        target=make_workbook, args=(partial, count)
    )
    maker.start()
    maker.join()
    if maker.exitcode != 0:
        raise RuntimeError(f"making the workbook of {count:,} candidates failed")
    partial.replace(path)
    _remove_workbook(partial)  # the lock file left beside the partial name
    if not quiet:
        took = time.perf_counter() - started
        print(f"  {path.name}: {took:.1f} s", file=sys.stderr, flush=True)
    return path


def ensure_empty_workbook(cache_dir: Path = CACHE_DIR) -> Path:
    """A cached empty workbook (schema only), copied for each import run."""
    path = cache_dir / f"empty-{SCHEMA_HEAD}.hiringdesk"
    if not path.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = path.with_name("making-" + path.name)
        _remove_workbook(partial)
        Workbook.create(partial).close()
        checkpoint(partial)
        partial.replace(path)
        _remove_workbook(partial)
    return path


def copy_workbook(source: Path, target: Path) -> Path:
    """A plain file copy of a closed workbook (its WAL is empty after a clean close)."""
    _remove_workbook(target)
    shutil.copyfile(source, target)
    return target


def make_workbook(path: Path, count: int, seed: int = 8) -> None:
    """Create ``path`` holding ``count`` candidates (at least the demo's own)."""
    workbook = Workbook.create(path)
    try:
        fill_demo_data(workbook)
        with workbook.transaction() as session:
            role_ids = _add_roles(session)
            start = _start(session, role_ids)
            existing = _scalar(session, "SELECT count(*) FROM candidate")
            rows = synthetic.candidate_rows(max(count - existing, 0), start, seed)
            _insert_all(session, rows)
            search.rebuild(session)
            match_scores.refresh_all(session)
    finally:
        workbook.close()
    checkpoint(path)


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file, so a plain copy holds everything."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("ANALYZE")
    finally:
        conn.close()


def _add_roles(session: Session) -> list[int]:
    """Six more open roles with skills; returns every role's id."""
    role = SQLModel.metadata.tables["role"]
    role_skill = SQLModel.metadata.tables["role_skill"]
    connection = session.connection()
    for title, seniority, must, nice in EXTRA_ROLES:
        role_id = connection.execute(
            sa.insert(role)
            .values(title=title, seniority=seniority, status="open", location="Oslo")
            .returning(role.c.id)
        ).scalar_one()
        connection.execute(
            sa.insert(role_skill),
            [
                {"role_id": role_id, "skill": skill, "importance": importance, "position": n}
                for n, (skill, importance) in enumerate(
                    [(s, "must") for s in must] + [(s, "nice") for s in nice]
                )
            ],
        )
    return [
        int(r) for r in connection.execute(sa.text("SELECT id FROM role ORDER BY id")).scalars()
    ]


def _start(session: Session, role_ids: list[int]) -> synthetic.Start:
    def next_id(table: str) -> int:
        return _scalar(session, f"SELECT coalesce(max(id), 0) + 1 FROM {table}")

    members = [
        int(m)
        for m in session.connection().execute(sa.text("SELECT id FROM team_member")).scalars()
    ]
    return synthetic.Start(
        candidate_id=next_id("candidate"),
        application_id=next_id("application"),
        interview_id=next_id("interview"),
        scorecard_id=next_id("scorecard"),
        role_ids=role_ids,
        member_ids=members,
    )


def _scalar(session: Session, sql: str) -> int:
    return int(session.connection().execute(sa.text(sql)).scalar_one())


def _insert_all(session: Session, rows: synthetic.Rows) -> None:
    connection = session.connection()
    for name in _TABLE_ORDER:
        table = SQLModel.metadata.tables[name]
        batch = rows.tables.get(name, [])
        for first in range(0, len(batch), _CHUNK):
            connection.execute(sa.insert(table), batch[first : first + _CHUNK])


def _remove_workbook(path: Path) -> None:
    for name in (path.name, f"{path.name}-wal", f"{path.name}-shm", f".{path.name}.lock"):
        path.with_name(name).unlink(missing_ok=True)


# -- CSV for the import figure ---------------------------------------------------------------

IMPORT_HEADER = (
    "Name", "Email", "Phone", "Location", "Source", "Title", "Years of experience",
    "Salary expectation", "Currency", "Notice weeks", "Skills", "Tags", "LinkedIn", "Notes",
)  # fmt: skip


def import_csv(count: int, seed: int = 11) -> bytes:
    """A CSV of ``count`` new candidates, as a spreadsheet export would hold them."""
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(IMPORT_HEADER)
    for n in range(count):
        first, last = rng.choice(synthetic.FIRST_NAMES), rng.choice(synthetic.LAST_NAMES)
        handle = first.encode("ascii", "ignore").decode().lower() or "person"
        writer.writerow(
            (
                f"{first} {last} {n}",
                f"{handle}.import{n}@example.net",
                f"+49 {rng.randint(150, 179)} {rng.randint(1000000, 9999999)}",
                rng.choice(synthetic.CITIES),
                rng.choice(("LinkedIn", "Referral", "Agency", "Careers page", "")),
                rng.choice(synthetic.TITLES),
                str(rng.randint(0, 25)),
                str(rng.randint(45, 120) * 1000),
                "EUR",
                str(rng.choice((0, 4, 8, 12))),
                ", ".join(rng.sample(synthetic.SKILLS, rng.randint(2, 6))),
                rng.choice(("", "", "relocating", "visa")),
                f"https://www.linkedin.com/in/{handle}-{n}",
                "Imported from the spring job fair list.",
            )
        )
    return out.getvalue().encode()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate", description="Make the synthetic workbooks."
    )
    parser.add_argument("sizes", nargs="*", type=int, default=list(SIZES), metavar="COUNT")
    parser.add_argument("--cache", type=Path, default=CACHE_DIR, help="where to keep them")
    args = parser.parse_args(argv)
    for count in args.sizes:
        print(ensure_workbook(count, args.cache))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
