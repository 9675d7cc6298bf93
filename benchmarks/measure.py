"""Timing helpers and the result of one figure (a row of the table)."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    """``limit`` is a ratio to the baseline (``relative``) or an absolute value in the unit."""

    limit: float
    relative: bool = True

    @property
    def text(self) -> str:
        return f"≤ {self.limit:g}×" if self.relative else f"≤ {self.limit:g}"


@dataclass(frozen=True)
class Figure:
    """One row of the table: the medians of the measured and of the baseline."""

    name: str
    value: float
    baseline: float | None
    unit: str  # "s", "ms" or "MB"
    target: Target
    runs: int
    note: str = ""
    #: Why the figure was not measured ("no server"); it then neither passes nor misses.
    skipped: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.value / self.baseline

    @property
    def passed(self) -> bool:
        if self.target.relative:
            return self.ratio is not None and self.ratio <= self.target.limit
        return self.value <= self.target.limit

    @property
    def target_text(self) -> str:
        suffix = "" if self.target.relative else f" {self.unit}"
        return self.target.text + suffix


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(action: Callable[[], object]) -> float:
    """Seconds ``action`` took (garbage collection first, so it does not land inside)."""
    gc.collect()
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def compare(
    measured: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[list[float], list[float]]:
    """Run both once to warm up, then ``repeat`` times each, alternating; seconds."""
    measured()
    baseline()
    mine: list[float] = []
    bare: list[float] = []
    for _ in range(repeat):
        mine.append(timed(measured))
        bare.append(timed(baseline))
    return mine, bare


def figure(
    name: str,
    mine: list[float],
    bare: list[float] | None,
    target: Target,
    *,
    unit: str = "ms",
    note: str = "",
) -> Figure:
    """A figure from samples in seconds (shown in ``unit``: "s" or "ms")."""
    scale = 1000.0 if unit == "ms" else 1.0
    return Figure(
        name=name,
        value=median(mine) * scale,
        baseline=median(bare) * scale if bare else None,
        unit=unit,
        target=target,
        runs=len(mine),
        note=note,
    )
