"""A PDF's text, read in a separate process bounded in pages, time and memory.

pypdf is pure Python: a crafted, or merely unusual, PDF can keep it busy for many
seconds and take hundreds of MB, and a thread cannot be stopped. So the text is
read in a child process. Where the system has one, it is forked from
multiprocessing's fork server: a clean process started once, with pypdf already
imported, so each reading starts in milliseconds (the window's own process, which
has Qt threads, is never forked). Elsewhere (Windows, a frozen build) the child is
spawned. The child gets the bytes over a pipe, limits its own memory and CPU time
(on POSIX), and sends the text back; the parent stops it at the time limit.

A document over the page limit, or too slow or too big to read, gets no text and
the reason (``PdfReading.unread_reason``); the caller stores it all the same.
"""

from __future__ import annotations

import contextlib
import io
import logging
import math
import multiprocessing
import os
import signal
import sys
import time
import warnings
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

__all__ = ["LIMITS", "PdfLimits", "PdfReading", "read_pdf"]


@dataclass(frozen=True)
class PdfLimits:
    pages: int = 50
    seconds: float = 5.0
    memory_bytes: int = 256 * 1024 * 1024


#: The limits every PDF is read within.
LIMITS = PdfLimits()

#: The exit code of a reader that ran out of memory.
_OUT_OF_MEMORY = 3


@dataclass(frozen=True)
class PdfReading:
    text: str
    #: Why the text was not read ("" when it was, or the PDF has none, or is damaged).
    unread_reason: str = ""


def read_pdf(data: bytes, max_chars: int, limits: PdfLimits | None = None) -> PdfReading:
    """The text of the PDF ``data`` (at most about ``max_chars``), read within ``limits``."""
    limits = limits or LIMITS
    ours, theirs = multiprocessing.Pipe()
    child = _process_type()(target=_read_in_child, args=(theirs, max_chars, limits), daemon=True)
    deadline = time.monotonic() + limits.seconds
    child.start()
    theirs.close()
    try:
        ours.send_bytes(data)
        if ours.poll(max(deadline - time.monotonic(), 0.0)):
            outcome, text = ours.recv()
        else:
            outcome, text = "slow", ""
    except (EOFError, OSError):  # it died: a limit of its own, or a crash
        child.join(1)
        outcome, text = _cause_of_death(child.exitcode), ""
    finally:
        ours.close()
        if child.is_alive():
            child.kill()
        child.join(5)
    if outcome == "text":
        return PdfReading(text)
    return PdfReading("", _reason(outcome, limits))


def _reason(outcome: str, limits: PdfLimits) -> str:
    if outcome == "pages":
        return f"it has more than {limits.pages} pages"
    if outcome == "slow":
        return f"reading it took longer than {limits.seconds:g} seconds"
    if outcome == "memory":
        return "reading it needed too much memory"
    return "the PDF reader stopped unexpectedly"


def _cause_of_death(exitcode: int | None) -> str:
    if exitcode == _OUT_OF_MEMORY:
        return "memory"
    if exitcode is not None and exitcode == -getattr(signal, "SIGXCPU", 0):
        return "slow"  # its own CPU-time limit
    return "failed"


def _process_type() -> type[BaseProcess]:
    if "forkserver" in multiprocessing.get_all_start_methods() and not getattr(
        sys, "frozen", False
    ):
        context = multiprocessing.get_context("forkserver")
        # Imported once by the fork server, not by every child (set before it starts;
        # "__main__": a script run by path would otherwise run again in each child).
        context.set_forkserver_preload(["__main__", "pypdf", __name__])
        return context.Process
    return multiprocessing.get_context("spawn").Process


# -- in the child ------------------------------------------------------------------------------


def _read_in_child(connection: Connection, max_chars: int, limits: PdfLimits) -> None:
    _limit_resources(limits)
    try:
        data = connection.recv_bytes()
        connection.send(_pages_text(data, max_chars, limits.pages))
    except MemoryError:
        os._exit(_OUT_OF_MEMORY)  # (sending a message could need memory too)
    connection.close()


def _limit_resources(limits: PdfLimits) -> None:
    """Cap this process's memory and CPU time where the system allows it (POSIX)."""
    try:
        import resource
    except ImportError:  # Windows: the parent's time limit is the bound
        return
    wanted = (
        (resource.RLIMIT_AS, limits.memory_bytes),
        (resource.RLIMIT_CPU, math.ceil(limits.seconds) + 1),  # if the parent is gone
    )
    for kind, value in wanted:
        _soft, hard = resource.getrlimit(kind)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        with contextlib.suppress(ValueError, OSError):  # macOS does not enforce RLIMIT_AS
            resource.setrlimit(kind, (value, hard))


def _pages_text(data: bytes, max_chars: int, max_pages: int) -> tuple[str, str]:
    """("text", the text), or ("pages", "") for too many pages. A damaged PDF has no text."""
    # Damaged PDFs are expected here: keep pypdf's complaints quiet.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    warnings.simplefilter("ignore")
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return "text", ""
        if len(reader.pages) > max_pages:
            return "pages", ""
        parts: list[str] = []
        total = 0
        for page in reader.pages:
            if total >= max_chars:
                break
            page_text = page.extract_text() or ""
            parts.append(page_text)
            total += len(page_text)
        return "text", "\n".join(parts)
    except MemoryError:
        raise
    except Exception:  # pypdf raises many kinds of error on damaged files (RecursionError too)
        return "text", ""
