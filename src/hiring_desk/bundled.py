"""Access to the built-in content shipped in the top-level ``resources/`` folder.

The folder is installed as the package ``hiring_desk.resources`` (see
pyproject.toml), so ``importlib.resources`` finds it in an editable install, a
wheel install and a frozen bundle alike.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder inside the built-in resources."""
    node = files("hiring_desk.resources")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_bytes(*parts: str) -> bytes:
    return resource(*parts).read_bytes()


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
