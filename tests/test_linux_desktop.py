"""The Linux desktop files in packaging/linux: they parse, agree with the app, and install.

None of this needs a built bundle. The checks that need a desktop tool
(desktop-file-validate, appstreamcli, update-mime-database) are skipped where the
tool is not installed; the rest always run.
"""

from __future__ import annotations

import configparser
import fnmatch
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from hiring_desk import APP_NAME, WORKBOOK_SUFFIX, __version__
from hiring_desk.store.fileformat import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.hiringdesk.HiringDesk"
MIME_TYPE = "application/x-hiringdesk-workbook"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / f"{APP_ID}.mime.xml"
INSTALL = LINUX / "install-linux.sh"
ICON_SIZES = (48, 128, 256)
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _mime_type() -> ET.Element:
    root = ET.parse(MIME_XML).getroot()
    types = root.findall(f"{MIME_NS}mime-type")
    assert len(types) == 1
    return types[0]


def _magic_matches(match: ET.Element, header: bytes) -> bool:
    """One shared-mime-info <match> (and any nested ones: all must hold) against a file."""
    offset = int(match.attrib["offset"])
    kind = match.attrib["type"]
    if kind == "string":
        expected = match.attrib["value"].encode("ascii")
    elif kind == "big32":
        expected = int(match.attrib["value"], 0).to_bytes(4, "big")
    else:
        raise AssertionError(f"a magic type this test does not read: {kind}")
    if header[offset : offset + len(expected)] != expected:
        return False
    nested = match.findall(f"{MIME_NS}match")
    return not nested or any(_magic_matches(inner, header) for inner in nested)


def _recognised_by_magic(path: Path) -> bool:
    header = path.read_bytes()[:100]
    magic = _mime_type().find(f"{MIME_NS}magic")
    assert magic is not None
    return any(_magic_matches(m, header) for m in magic.findall(f"{MIME_NS}match"))


def _plain_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    return path


def _install(data_home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(data_home)}
    return subprocess.run(
        ["bash", str(INSTALL), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


# -- the .desktop entry ---------------------------------------------------------------------


def test_the_desktop_entry_runs_the_app_with_the_file_it_is_given() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"] == "hiring-desk %f"
    assert entry["TryExec"] == "hiring-desk"
    assert entry["Terminal"] == "false"
    assert entry["Icon"] == APP_ID


def test_the_desktop_entry_offers_itself_for_workbooks_in_the_office_menu() -> None:
    entry = _desktop_entry()
    assert MIME_TYPE in entry["MimeType"].split(";")
    assert "Office" in entry["Categories"].split(";")
    assert entry["MimeType"].endswith(";") and entry["Categories"].endswith(";")


def test_the_window_names_this_desktop_entry() -> None:
    """Wayland desktops match a window to its entry (and icon) by this name."""
    source = (ROOT / "src" / "hiring_desk" / "app.py").read_text(encoding="utf-8")
    assert f'setDesktopFileName("{DESKTOP.stem}")' in source


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_desktop_file_validate_accepts_the_entry() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == ""


# -- the AppStream metainfo -----------------------------------------------------------------


def test_the_metainfo_describes_this_app_and_this_version() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.tag == "component" and component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    assert component.findtext("launchable") == DESKTOP.name
    assert component.findtext("provides/mediatype") == MIME_TYPE
    assert component.findtext("provides/binary") == "hiring-desk"
    assert component.find("content_rating") is not None
    assert len(component.findall("description/p")) >= 2
    releases = component.findall("releases/release")
    assert releases and releases[0].get("version") == __version__
    assert releases[0].find("description/p") is not None


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstreamcli (apt: appstream)")
def test_appstreamcli_validates_the_metainfo() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# -- the MIME type --------------------------------------------------------------------------


def test_the_mime_type_is_named_by_the_entry_and_globs_workbooks() -> None:
    mime = _mime_type()
    assert mime.get("type") == MIME_TYPE
    patterns = [glob.get("pattern", "") for glob in mime.findall(f"{MIME_NS}glob")]
    assert patterns == [f"*{WORKBOOK_SUFFIX}"]
    for name in ("Spring hiring.hiringdesk", f"a{WORKBOOK_SUFFIX}"):
        assert fnmatch.fnmatchcase(name, patterns[0])
    for name in ("notes.hiringdesk.txt", "backup.sqlite", "hiringdesk"):
        assert not fnmatch.fnmatchcase(name, patterns[0])


def test_the_magic_is_the_workbook_header() -> None:
    """SQLite's header string, then the application id where SQLite keeps it."""
    outer = _mime_type().findall(f"{MIME_NS}magic/{MIME_NS}match")
    assert [(m.get("type"), m.get("offset"), m.get("value")) for m in outer] == [
        ("string", "0", "SQLite format 3")
    ]
    inner = outer[0].findall(f"{MIME_NS}match")
    assert [(m.get("type"), m.get("offset")) for m in inner] == [("big32", "68")]
    assert int(inner[0].get("value", ""), 0) == APPLICATION_ID


def test_the_magic_recognises_a_workbook_and_nothing_else(workbook: object, tmp_path: Path) -> None:
    from hiring_desk.store import Workbook

    assert isinstance(workbook, Workbook)
    assert _recognised_by_magic(workbook.path)
    assert not _recognised_by_magic(_plain_sqlite(tmp_path / "other.db"))
    text = tmp_path / "notes.hiringdesk"
    text.write_text("SQLite format 3 is not enough" + " " * 100, encoding="utf-8")
    assert not _recognised_by_magic(text)


# -- the icons ------------------------------------------------------------------------------


@pytest.mark.parametrize("size", ICON_SIZES)
def test_a_png_icon_at_each_size(size: int) -> None:
    path = LINUX / "icons" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
        assert image.mode == "RGBA"
        alpha = image.getchannel("A")
        assert alpha.getpixel((0, 0)) == 0  # rounded corners: see-through
        assert alpha.getpixel((size // 2, size // 2)) == 255


def test_the_scalable_icon_is_the_apps_own() -> None:
    scalable = LINUX / "icons" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert scalable.read_bytes() == (ROOT / "resources" / "icons" / "app.svg").read_bytes()


# -- install-linux.sh -----------------------------------------------------------------------


def _installed(data: Path) -> list[Path]:
    return [
        data / "applications" / DESKTOP.name,
        data / "metainfo" / METAINFO.name,
        data / "mime" / "packages" / f"{APP_ID}.xml",
        data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
        *(data / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES),
    ]


def test_install_and_uninstall_for_the_user(tmp_path: Path) -> None:
    data = tmp_path / "share"
    result = _install(data)
    assert result.returncode == 0, result.stderr
    for path in _installed(data):
        assert path.is_file(), path
    assert (data / "applications" / DESKTOP.name).read_bytes() == DESKTOP.read_bytes()

    result = _install(data, "--uninstall")
    assert result.returncode == 0, result.stderr
    assert not any(path.exists() for path in _installed(data))


def test_install_for_a_bundle_runs_the_bundle_by_its_full_path(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    bundle.mkdir()
    program = bundle / "hiring-desk"
    program.write_text("#!/bin/sh\n", encoding="utf-8")
    program.chmod(0o755)
    data = tmp_path / "share"
    result = _install(data, "--bundle", str(bundle))
    assert result.returncode == 0, result.stderr
    installed = (data / "applications" / DESKTOP.name).read_text(encoding="utf-8")
    assert f"Exec={program} %f\n" in installed
    assert f"TryExec={program}\n" in installed


def test_install_refuses_a_folder_without_the_program(tmp_path: Path) -> None:
    result = _install(tmp_path / "share", "--bundle", str(tmp_path))
    assert result.returncode == 1
    assert "packaging/build.sh" in result.stderr
    assert not (tmp_path / "share" / "applications" / DESKTOP.name).exists()


@pytest.mark.skipif(
    shutil.which("update-mime-database") is None, reason="shared-mime-info not installed"
)
def test_once_installed_a_renamed_workbook_is_known_by_its_content(
    workbook: object, tmp_path: Path
) -> None:
    """Qt reads the same shared-mime-info database as the file managers."""
    from hiring_desk.store import Workbook

    assert isinstance(workbook, Workbook)
    data = tmp_path / "share"
    assert _install(data).returncode == 0
    renamed = tmp_path / "no suffix"
    shutil.copyfile(workbook.path, renamed)
    script = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "for name in sys.argv[1:]:\n"
        "    print(db.mimeTypeForFile(name, QMimeDatabase.MatchMode.MatchContent).name())\n"
    )
    env = {**os.environ, "XDG_DATA_HOME": str(data), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(renamed), str(_plain_sqlite(tmp_path / "plain.db"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [MIME_TYPE, "application/vnd.sqlite3"]
    if shutil.which("update-desktop-database"):
        cache = (data / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{MIME_TYPE}={DESKTOP.name};" in cache
