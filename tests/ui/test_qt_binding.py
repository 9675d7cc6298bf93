"""The installed Qt binding survives what the app does all day: emitting signals.

PySide6-Essentials 6.12.0 drops a reference to ``True`` on every ``Signal.emit()``;
Python 3.11 aborts after a few hundred emits. pyproject.toml excludes that release;
this test fails (the child aborts) if such a binding is installed anyway.
"""

from __future__ import annotations

import subprocess
import sys

_EMIT_MANY = """
from PySide6.QtCore import QObject, Signal

class Source(QObject):
    ping = Signal()
    value = Signal(bool)

source = Source()
for _ in range(5000):
    source.ping.emit()
    source.value.emit(True)
print("ok")
"""


def test_emitting_thousands_of_signals_does_not_abort_python() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _EMIT_MANY], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
