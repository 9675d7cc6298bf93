"""Helpers for work on many thousands of rows at once (imports)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while many thousand long-lived objects are made.

    They all live until the work ends, so every collection would walk them again for
    nothing (a tenth of a big import's time). Reference counting goes on as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
