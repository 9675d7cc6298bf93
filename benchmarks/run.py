"""The benchmark runner: ``python -m benchmarks`` prints the table of every figure.

Each figure is the median of repeated runs, beside its bare baseline measured in the
same run, the ratio, the target and PASS or MISS. The start-up figures run in fresh
processes (``benchmarks.probe``), one after the other, app and baseline alternating.
``--markdown FILE`` also writes the table, with the machine described, as Markdown.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import generate
from benchmarks.measure import Figure, Target, figure, median

ROOT = Path(__file__).resolve().parent.parent
MEMORY_LIMIT_MB = 150.0


@dataclass(frozen=True)
class Plan:
    """How big and how often: the full run, or a tiny one for the tests."""

    big: int = 50_000  # candidates in the big workbook
    small: int = 1_000  # candidates in the workbook the first paint opens
    import_rows: int = 10_000
    big_import_rows: int = 200_000  # the "big file": progress, Cancel, <= 3x raw
    pack_candidates: int = 50
    repeat: int = 5  # in-process figures
    fresh_repeat: int = 5  # fresh-process figures
    cache: Path = generate.CACHE_DIR
    #: The PostgreSQL rows' databases start with this (kept between runs, as the cache).
    pg_prefix: str = "hd_bench"


FULL = Plan()


# -- fresh processes -------------------------------------------------------------------------


@dataclass(frozen=True)
class ProbeResult:
    seconds: float
    rss_mb: float
    ready: float  # seconds until the probe was done (the whole page, for app-page)


def probe(kind: str, workbook: Path | None, home: Path) -> ProbeResult:
    """Run ``benchmarks.probe KIND`` in a new Python process; time from its start."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HIRING_DESK_HOME=str(home))
    command = [sys.executable, "-m", "benchmarks.probe", kind]
    if workbook is not None:
        command.append(str(workbook))
    started = time.perf_counter()
    done = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"probe {kind} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    result = json.loads(lines[-1])
    return ProbeResult(
        float(result["at"]) - started,
        float(result["rss_mb"]),
        float(result.get("ready", result["at"])) - started,
    )


def probe_pair(
    app_kind: str, bare_kind: str, workbook: Path, repeat: int, home: Path
) -> tuple[list[ProbeResult], list[ProbeResult]]:
    """Both probes once to warm the file cache, then ``repeat`` times each, alternating."""
    probe(app_kind, workbook, home)
    probe(bare_kind, workbook, home)
    mine: list[ProbeResult] = []
    bare: list[ProbeResult] = []
    for _ in range(repeat):
        mine.append(probe(app_kind, workbook, home))
        bare.append(probe(bare_kind, workbook, home))
    return mine, bare


def seed_settings(home: Path, workbooks: Sequence[Path]) -> None:
    """Remember the first-open answers for these workbooks, as for a returning user."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HIRING_DESK_HOME=str(home))
    subprocess.run(
        [sys.executable, "-m", "benchmarks.probe", "seed", *map(str, workbooks)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )


def compile_as_installed() -> None:
    """Compile the app's own modules to bytecode once, as installing it would.

    ``pip install`` writes each module's ``.pyc`` at install time, as PySide6's and
    SQLAlchemy's are. A source checkout run with ``PYTHONDONTWRITEBYTECODE=1`` has
    none, and every fresh probe would compile the app from source. The ``.pyc`` files
    go into the package's ``__pycache__`` folders (git-ignored); Python checks each
    against its source's time stamp, so a changed module is compiled again.
    """
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("hiring_desk")
    if spec is None or spec.origin is None:
        raise RuntimeError("hiring_desk is not importable")
    compileall.compile_dir(Path(spec.origin).parent, quiet=1)


def startup_figures(plan: Plan, small: Path, big: Path) -> list[Figure]:
    compile_as_installed()
    with tempfile.TemporaryDirectory(prefix="bench-home-") as folder:
        home = Path(folder)
        seed_settings(home, [small, big])
        paint, bare_paint = probe_pair("app-paint", "bare-paint", small, plan.fresh_repeat, home)
        page, bare_page = probe_pair("app-page", "bare-page", big, plan.fresh_repeat, home)
    return [
        figure(
            "window first painted (fresh process)",
            [r.seconds for r in paint],
            [r.seconds for r in bare_paint],
            Target(1.5),
            unit="s",
            note="bare: PySide6 window with a menu bar and a table",
        ),
        figure(
            f"first page of candidates, {plan.big:,} (fresh process)",
            [r.seconds for r in page],
            [r.seconds for r in bare_page],
            Target(4.0),
            unit="s",
            note="bare: the same window plus one raw sqlite3 page query; the whole "
            f"Candidates page (workbook open, services loaded) after "
            f"{median([r.ready for r in page]):.3f} s",
        ),
        Figure(
            name=f"peak memory, {plan.big:,} open on the candidates page",
            value=median([r.rss_mb for r in page]),
            baseline=median([r.rss_mb for r in bare_page]),
            unit="MB",
            target=Target(MEMORY_LIMIT_MB, relative=False),
            runs=len(page),
            note="peak RSS of the process; bare: the window plus the raw page query",
        ),
    ]


# -- the whole run ---------------------------------------------------------------------------

Step = Callable[[], list[Figure]]


def steps(plan: Plan) -> dict[str, Step]:
    """Every group of figures by name, in the order they run."""
    from benchmarks import figures, pg_figures, report_figure

    def big() -> Path:
        return generate.ensure_workbook(plan.big, plan.cache)

    label = f"{plan.big:,}"
    return {
        "startup": lambda: startup_figures(
            plan, generate.ensure_workbook(plan.small, plan.cache), big()
        ),
        "search": lambda: [
            *figures.search_figures(big(), plan.repeat, label),
            *figures.model_update_figures(big(), plan.repeat, label),
        ],
        "sort": lambda: figures.sort_figures(big(), plan.repeat, label),
        "import": lambda: [
            figures.import_figure(rows, plan.repeat, plan.cache)
            for rows in (plan.import_rows, plan.big_import_rows)
        ],
        "pack": lambda: [figures.pack_figure(big(), plan.pack_candidates, plan.repeat)],
        "report": lambda: [report_figure.report_figure(big(), plan.repeat, label)],
        "postgres": lambda: pg_figures.postgres_figures(
            plan.cache, plan.big, plan.import_rows, plan.repeat, plan.pg_prefix
        ),
    }


def run(plan: Plan, only: Sequence[str] = (), echo: bool = False) -> list[Figure]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results: list[Figure] = []
    # Each timing starts with a garbage collection (``measure.timed``). What this
    # process held before the run (a test run's whole heap, when the tests call this)
    # is frozen out of those collections, so each one sweeps only the figures' own.
    gc.collect()
    gc.freeze()
    try:
        for name, step in steps(plan).items():
            if only and name not in only:
                continue
            if echo:
                print(f"running {name} ...", file=sys.stderr, flush=True)
            rows = step()
            results += rows
            if echo:
                for row in rows:
                    print("  " + format_row(row), file=sys.stderr, flush=True)
    finally:
        gc.unfreeze()
    return results


# -- the table -------------------------------------------------------------------------------

COLUMNS = ("Figure", "Median", "Baseline", "Ratio", "Target", "Result")


def _cells(f: Figure) -> tuple[str, ...]:
    if f.skipped:
        return (f.name, "", "", "", f.target_text, f.skipped)
    digits = 1 if f.unit in ("ms", "MB") else 3
    return (
        f.name,
        f"{f.value:.{digits}f} {f.unit}",
        "" if f.baseline is None else f"{f.baseline:.{digits}f} {f.unit}",
        "" if f.ratio is None else f"{f.ratio:.2f}×",
        f.target_text,
        "PASS" if f.passed else "MISS",
    )


def format_row(f: Figure) -> str:
    return " | ".join(_cells(f))


def text_table(results: Sequence[Figure]) -> str:
    rows = [COLUMNS, *(_cells(f) for f in results)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(COLUMNS))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_table(results: Sequence[Figure]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(_cells(f)) + " |" for f in results]
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6
    import reportlab
    import sqlalchemy

    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores; "
        f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, "
        f"SQLAlchemy {sqlalchemy.__version__}, ReportLab {reportlab.Version}, "
        f"SQLite {__import__('sqlite3').sqlite_version}; Qt offscreen"
    )


def markdown_report(results: Sequence[Figure], plan: Plan) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    notes = [f"- {f.name}: {f.note}" for f in results if f.note]
    return "\n".join(
        [
            f"Run {when} on {machine()}.",
            f"Medians of {plan.repeat} runs ({plan.fresh_repeat} fresh processes for start-up).",
            "",
            markdown_table(results),
            "",
            *notes,
            "",
        ]
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure Hiring Desk against bare lower bounds and print the table.",
    )
    parser.add_argument("--only", action="append", default=[], choices=sorted(steps(FULL)))
    parser.add_argument("--repeat", type=int, default=FULL.repeat, help="runs per figure")
    parser.add_argument("--big", type=int, default=FULL.big, help="candidates in the big one")
    parser.add_argument("--markdown", type=Path, help="also write the table here")
    parser.add_argument("--cache", type=Path, default=FULL.cache, help="generated workbooks")
    args = parser.parse_args(argv)
    plan = Plan(
        big=args.big, repeat=args.repeat, fresh_repeat=args.repeat, cache=args.cache.absolute()
    )
    results = run(plan, args.only, echo=True)
    print(text_table(results))
    if args.markdown:
        args.markdown.write_text(markdown_report(results, plan), encoding="utf-8")
    missed = sum(not f.passed and not f.skipped for f in results)
    skipped = sum(bool(f.skipped) for f in results)
    print(
        f"\n{len(results) - missed - skipped} PASS, {missed} MISS, {skipped} not run",
        flush=True,
    )
    sys.stderr.flush()
    # Leave without the interpreter's teardown: PySide6 6.12.0 drops a reference to
    # True on every Signal.emit(), and after the figures' thousands of emits the
    # final garbage collection aborts ("bool_dealloc"). The table is printed by now.
    os._exit(0)


if __name__ == "__main__":
    main()
