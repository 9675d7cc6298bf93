"""The user guide (docs/guide/*.md) builds without a problem, every link and image in
it resolves, and the pages shipped in resources/guide/ are the ones the Markdown makes."""

from __future__ import annotations

import filecmp
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide"
SHIPPED = ROOT / "resources" / "guide"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_guide", GUIDE / "build_guide.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_guide"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_the_guide_builds_without_problems_and_the_shipped_pages_are_up_to_date(
    tmp_path: Path,
) -> None:
    """Run `python docs/guide/build_guide.py` after changing the guide if this fails."""
    fresh = tmp_path / "guide"
    assert _builder().build(output=fresh) == []
    for built in sorted(fresh.rglob("*")):
        if built.is_file():
            shipped = SHIPPED / built.relative_to(fresh)
            assert shipped.is_file(), f"not shipped: {shipped.relative_to(ROOT)}"
            assert filecmp.cmp(built, shipped, shallow=False), f"stale: {shipped.name}"
    extra = {p.relative_to(SHIPPED) for p in SHIPPED.rglob("*")} - {
        p.relative_to(fresh) for p in fresh.rglob("*")
    }
    assert not extra, f"shipped but no longer built: {sorted(map(str, extra))}"


def test_every_link_and_image_of_the_built_pages_resolves() -> None:
    """Checked on the shipped HTML too, so a page edited by hand cannot break a link."""
    pages = {page.name: page.read_text(encoding="utf-8") for page in SHIPPED.glob("*.html")}
    anchors = {name: set(re.findall(r' id="([^"]+)"', text)) for name, text in pages.items()}
    assert "index.html" in pages
    for name, text in pages.items():
        for target in re.findall(r'(?:href|src)="([^"]+)"', text):
            assert not re.match(r"^[a-z]+:", target), f"{name} leaves the guide: {target}"
            file, _, anchor = target.partition("#")
            assert (SHIPPED / (file or name)).is_file(), f"{name}: no {file}"
            if anchor:
                assert anchor in anchors[file or name], f"{name}: no #{anchor} in {file}"


def test_a_broken_link_or_missing_image_is_reported(tmp_path: Path) -> None:
    """The checks find something: the guide plus one bad page."""
    builder = _builder()
    source = tmp_path / "source"
    source.mkdir()
    for item in GUIDE.iterdir():
        target = source / item.name
        target.symlink_to(item, target_is_directory=item.is_dir())
    (source / "keyboard.md").unlink()
    (source / "keyboard.md").write_text(
        "# Keys\n\n[gone](nowhere.md) [lost](index.md#no-such-part)\n"
        "![missing](screenshots/none.png)\n",
        encoding="utf-8",
    )
    problems = builder.build(source=source, output=tmp_path / "out")
    assert "keyboard.md: no page nowhere.html" in problems
    assert "keyboard.md: no section #no-such-part in index.html" in problems
    assert "keyboard.md: no image screenshots/none.png" in problems


def test_the_search_index_holds_every_page() -> None:
    index = (SHIPPED / "search-index.js").read_text(encoding="utf-8")
    for page in SHIPPED.glob("*.html"):
        assert f'"page": "{page.name}"' in index, page.name
