"""The layering rules of docs/architecture.md, checked on the source.

The import-linter contracts (``[tool.importlinter]`` in pyproject.toml) hold the
layers; the checks below read the source for what they do not say.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "hiring_desk"


def test_the_import_contracts_hold() -> None:
    """``lint-imports``, in-process: on failure the captured output names each import."""
    try:
        from importlinter import api  # configures import-linter as its command does
        from importlinter.application.use_cases import lint_imports
    except ImportError:
        pytest.skip("import-linter is not installed (it is in the dev extra, which CI installs)")
    assert api.read_configuration(str(ROOT / "pyproject.toml"))["contracts_options"]
    spec = importlib.util.find_spec("hiring_desk")
    assert spec is not None and spec.origin is not None
    # import-linter reads the hiring_desk that imports, which must be this tree's.
    assert Path(spec.origin).resolve().parent == PACKAGE.resolve(), (
        f"hiring_desk imports from {spec.origin}, not from {PACKAGE}"
    )
    assert lint_imports(str(ROOT / "pyproject.toml"), cache_dir=None, no_logo=True), (
        "an import-linter contract is broken: see the captured output above"
    )


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(sub: str) -> list[Path]:
    return sorted((PACKAGE / sub).rglob("*.py")) if sub else sorted(PACKAGE.glob("*.py"))


def test_only_ui_and_start_up_import_qt() -> None:
    allowed = {PACKAGE / "app.py"}
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts or path in allowed:
            continue
        qt = {name for name in _imports(path) if name.startswith("PySide6")}
        assert not qt, f"{path.relative_to(PACKAGE)} imports {qt}"


def test_ui_has_no_database_code() -> None:
    for path in _modules("ui"):
        database = {
            n
            for n in _imports(path)
            if n.split(".")[0] in {"sqlmodel", "sqlalchemy", "sqlite3"}
            or n.startswith("hiring_desk.store")
        }
        assert not database, f"{path.relative_to(PACKAGE)} imports {database}"


@pytest.mark.parametrize("lower", ["store", "domain"])
def test_lower_layers_do_not_import_upper_ones(lower: str) -> None:
    upper = ("hiring_desk.ui", "hiring_desk.services", "hiring_desk.cli", "hiring_desk.app")
    for path in _modules(lower):
        bad = {n for n in _imports(path) if n.startswith(upper)}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_domain_does_no_io() -> None:
    for path in _modules("domain"):
        bad = {n for n in _imports(path) if n.split(".")[0] in {"sqlmodel", "sqlalchemy", "os"}}
        assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"
