"""The package list, the built-in resources and the migrations reach every kind of install."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import site
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
RESOURCES = ROOT / "resources"
PYPROJECT = ROOT / "pyproject.toml"


def _setuptools_config() -> dict[str, object]:
    with PYPROJECT.open("rb") as fh:
        config = tomllib.load(fh)
    return dict(config["tool"]["setuptools"])


def _listed_packages() -> list[str]:
    packages = _setuptools_config()["packages"]
    assert isinstance(packages, list)
    return [str(p) for p in packages]


def _package_dirs() -> dict[str, str]:
    package_dir = _setuptools_config()["package-dir"]
    assert isinstance(package_dir, dict)
    return {str(k): str(v) for k, v in package_dir.items()}


def _source_dir_of(package: str) -> Path:
    """Where setuptools takes ``package`` from, following ``package-dir``."""
    mapping = _package_dirs()
    parts = package.split(".")
    for cut in range(len(parts), 0, -1):
        prefix = ".".join(parts[:cut])
        if prefix in mapping:
            return (
                ROOT / mapping[prefix] / Path(*parts[cut:])
                if parts[cut:]
                else ROOT / mapping[prefix]
            )
    return ROOT / Path(*parts)


def _resource_files() -> set[str]:
    return {
        p.relative_to(RESOURCES).as_posix()
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }


# -- the editable install ---------------------------------------------------------------------


def test_resources_are_a_real_folder_in_the_editable_install() -> None:
    folder = files("hiring_desk.resources")
    assert folder.is_dir()
    assert (folder / "__init__.py").is_file()
    assert Path(str(folder)).resolve() == RESOURCES.resolve()


def test_the_resource_helpers_read_the_shipped_files() -> None:
    from hiring_desk import bundled

    assert bundled.resource().is_dir()
    assert bundled.read_text("__init__.py") == (RESOURCES / "__init__.py").read_text("utf-8")
    assert bundled.read_bytes("__init__.py") == (RESOURCES / "__init__.py").read_bytes()
    for name in sorted(_resource_files()):
        assert bundled.read_bytes(*name.split("/")) == (RESOURCES / name).read_bytes()


def test_no_module_is_shadowed_by_a_package_of_the_same_name() -> None:
    """A ``foo.py`` beside a ``foo`` package: one of the two is unreachable in some installs."""
    clashes = []
    for package in _listed_packages():
        parent, _, leaf = package.rpartition(".")
        if not parent:
            continue
        sibling_module = _source_dir_of(parent) / f"{leaf}.py"
        if sibling_module.exists():
            clashes.append(f"{package} is a package, but {sibling_module.relative_to(ROOT)} exists")
    assert clashes == []


def test_migrations_are_found_in_the_editable_install() -> None:
    migrations = files("hiring_desk.store.migrations")
    for name in ("env.py", "script.py.mako", "__init__.py"):
        assert (migrations / name).is_file(), name
    assert (migrations / "versions" / "0001_initial.py").is_file()


# -- the package list ------------------------------------------------------------------------------


def test_every_package_is_listed_in_pyproject() -> None:
    source = SRC / "hiring_desk"
    found = {
        ".".join(("hiring_desk", *init.parent.relative_to(source).parts))
        for init in source.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    listed = _listed_packages()
    assert len(listed) == len(set(listed)), "a package is listed twice"
    assert set(listed) == found | {"hiring_desk.resources"}


def test_the_resources_package_comes_from_the_top_level_folder() -> None:
    assert _package_dirs()["hiring_desk.resources"] == "resources"
    assert (RESOURCES / "__init__.py").is_file()
    data = tomllib.loads(PYPROJECT.read_text("utf-8"))["tool"]["setuptools"]["package-data"]
    assert "**/*" in data["hiring_desk.resources"]
    assert "*.mako" in data["hiring_desk.store.migrations"]


def test_every_listed_package_has_a_source_folder() -> None:
    missing = [p for p in _listed_packages() if not (_source_dir_of(p) / "__init__.py").is_file()]
    assert missing == []


# -- a wheel ---------------------------------------------------------------------------------


def _setuptools_is_new_enough() -> bool:
    try:
        version = importlib.metadata.version("setuptools")
    except importlib.metadata.PackageNotFoundError:
        return False
    major = version.split(".")[0]
    return major.isdigit() and int(major) >= 69


def _copy_project(destination: Path) -> Path:
    """The files a wheel is built from, away from the working tree (no build/ left there)."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info", "build", "dist")
    destination.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in", "setup.cfg"):
        if (ROOT / name).is_file():
            shutil.copy2(ROOT / name, destination / name)
    shutil.copytree(SRC, destination / "src", ignore=ignore)
    shutil.copytree(RESOURCES, destination / "resources", ignore=ignore)
    return destination


@pytest.fixture(scope="module")
def unpacked_wheel(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The project built as a wheel and unzipped, as an installer would lay it out."""
    work = tmp_path_factory.mktemp("wheel")
    project = _copy_project(work / "project")
    out = work / "dist"
    command = [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(out)]
    if _setuptools_is_new_enough():
        command.append("--no-build-isolation")
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    result = subprocess.run(
        command, cwd=project, capture_output=True, text=True, env=env, timeout=280, check=False
    )
    if result.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    (wheel,) = out.glob("hiring_desk-*.whl")
    target = work / "unpacked"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    yield target


def _run_against(unpacked: Path, code: str, tmp_path: Path) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter that sees the unpacked wheel and not the source tree.

    ``-S`` keeps site-packages' ``.pth`` files (and so the editable install's
    finder) out; the dependencies are reached by listing site-packages after
    the wheel on PYTHONPATH.
    """
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    search_path = [str(unpacked), *site.getsitepackages()]
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONSAFEPATH"}
    }
    env.update(
        PYTHONPATH=os.pathsep.join(search_path),
        PYTHONNOUSERSITE="1",
        HIRING_DESK_HOME=str(tmp_path / "home"),
    )
    result = subprocess.run(
        [sys.executable, "-S", "-c", code, str(unpacked), str(tmp_path)],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


WHEEL_CHECK = textwrap.dedent(
    """
    import json
    import sys
    from importlib.resources import files
    from pathlib import Path

    unpacked = Path(sys.argv[1]).resolve()
    work = Path(sys.argv[2])

    import hiring_desk
    import hiring_desk.store.migrate as migrate

    def inside(path):
        return Path(str(path)).resolve().is_relative_to(unpacked)

    resources = files("hiring_desk.resources")
    migrations = files("hiring_desk.store.migrations")

    from hiring_desk.store import Workbook

    with Workbook.create(work / "from-wheel.hiringdesk") as workbook:
        with workbook.engine.connect() as connection:
            revision = connection.exec_driver_sql(
                "SELECT version_num FROM alembic_version"
            ).scalar_one()

    print(json.dumps({
        "hiring_desk": hiring_desk.__file__,
        "hiring_desk_inside": inside(hiring_desk.__file__),
        "migrate_inside": inside(migrate.__file__),
        "resources_inside": inside(resources),
        "resources_init": (resources / "__init__.py").is_file(),
        "migrations_inside": inside(migrations),
        "env": (migrations / "env.py").is_file(),
        "mako": (migrations / "script.py.mako").is_file(),
        "initial": (migrations / "versions" / "0001_initial.py").is_file(),
        "revision": revision,
        "head": migrate.SCHEMA_HEAD,
    }))
    """
)


HELPER_CHECK = textwrap.dedent(
    """
    import json
    import sys
    from pathlib import Path

    unpacked = Path(sys.argv[1]).resolve()
    import hiring_desk.bundled as bundled

    print(json.dumps({
        "file": bundled.__file__,
        "inside": Path(bundled.__file__).resolve().is_relative_to(unpacked),
        "text": bundled.read_text("__init__.py"),
    }))
    """
)


@pytest.mark.timeout(300)
def test_a_wheel_install_finds_resources_and_migrations(
    unpacked_wheel: Path, tmp_path: Path
) -> None:
    report = _run_against(unpacked_wheel, WHEEL_CHECK, tmp_path)

    assert report["hiring_desk_inside"], f"imported {report['hiring_desk']}, not the wheel"
    assert report["migrate_inside"]
    assert report["resources_inside"]
    assert report["resources_init"]
    assert report["migrations_inside"]
    assert report["env"]
    assert report["mako"]
    assert report["initial"]
    assert report["revision"] == report["head"]


@pytest.mark.timeout(300)
def test_the_wheel_ships_every_resource_file(unpacked_wheel: Path) -> None:
    shipped = unpacked_wheel / "hiring_desk" / "resources"
    in_wheel = {
        p.relative_to(shipped).as_posix()
        for p in shipped.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert _resource_files() <= in_wheel


@pytest.mark.timeout(300)
def test_the_wheel_ships_every_migration(unpacked_wheel: Path) -> None:
    from hiring_desk.store import migrate

    versions = unpacked_wheel / "hiring_desk" / "store" / "migrations" / "versions"
    assert {p.stem for p in versions.glob("0*.py")} == set(migrate.KNOWN_REVISIONS)


@pytest.mark.timeout(300)
def test_the_resource_helpers_work_in_a_wheel_install(unpacked_wheel: Path, tmp_path: Path) -> None:
    report = _run_against(unpacked_wheel, HELPER_CHECK, tmp_path)
    assert report["inside"], report["file"]
    assert report["text"] == (RESOURCES / "__init__.py").read_text("utf-8")
