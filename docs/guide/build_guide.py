"""Build the user guide: docs/guide/*.md -> resources/guide/*.html, for the app to open.

    python docs/guide/build_guide.py          # rebuild resources/guide/ from the Markdown
    python docs/guide/build_guide.py --check  # exit 1 if resources/guide/ is out of date

The built pages are committed (they ship inside the package as hiring_desk.resources,
so the guide works after ``pip install -e .`` with no build tool and no network);
``tests/test_user_guide.py`` fails when they no longer match the Markdown. Each page
gets the table of contents (from ``ORDER``), the stylesheet and an offline search over
every section (``search-index.js``, loaded by a <script> tag: no fetch, so it works
from file:// in any browser). Pages, links and images are checked while building:
``build`` returns the problems found and the tests require there are none.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

HERE = Path(__file__).resolve().parent
OUTPUT = HERE.parents[1] / "resources" / "guide"
ASSETS = ("guide.css", "search.js")

#: The pages in reading order: (Markdown file stem, title in the table of contents).
ORDER: tuple[tuple[str, str], ...] = (
    ("index", "Welcome"),
    ("first-hire", "Your first hire"),
    ("importing", "Importing candidates"),
    ("interviews", "Interviews"),
    ("offers", "Offers and letters"),
    ("email", "Writing to candidates"),
    ("reports", "Reports"),
    ("stages-and-today", "Stages and Today"),
    ("backups", "Backups and moving"),
    ("privacy", "Privacy"),
    ("team-workbook", "Sharing a workbook"),
    ("keyboard", "Keyboard"),
    ("troubleshooting", "Troubleshooting"),
)


def slug(text: str) -> str:
    """The anchor of a heading: lower case, words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return "-".join(words)


@dataclass
class Page:
    stem: str
    title: str
    body: str = ""
    anchors: set[str] = field(default_factory=set)
    sections: list[dict[str, str]] = field(default_factory=list)


def _renderer() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"typographer": False}).enable("table")

    def heading_open(self, tokens, idx, options, env):  # type: ignore[no-untyped-def]
        token = tokens[idx]
        anchor = slug(tokens[idx + 1].content)
        token.attrSet("id", anchor)
        return self.renderToken(tokens, idx, options, env)

    md.add_render_rule("heading_open", heading_open)
    return md


def _plain(markdown: str) -> str:
    """Section text for the search index: the words, without Markdown marks."""
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", " ", markdown)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(re.sub(r"[*_`#>|]", " ", text).split())


def _sections(page: Page, markdown: str) -> None:
    """Split a page at its headings for the search index."""
    title, anchor, lines = page.title, "", []
    for line in [*markdown.splitlines(), "# end"]:
        heading = re.match(r"^(#{1,3}) (.+)$", line)
        if heading is None:
            lines.append(line)
            continue
        text = _plain("\n".join(lines))
        if text:
            page.sections.append(
                {"page": f"{page.stem}.html", "anchor": anchor, "title": title, "text": text}
            )
        title, anchor, lines = heading.group(2).strip(), slug(heading.group(2)), []


def _layout(page: Page) -> str:
    here = ' class="here"'
    toc = "\n".join(
        f"<li{here if stem == page.stem else ''}>"
        f'<a href="{stem}.html">{html.escape(title)}</a></li>'
        for stem, title in ORDER
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(page.title)} — Hiring Desk User Guide</title>\n"
        '<link rel="stylesheet" href="guide.css">\n</head>\n<body>\n'
        '<nav id="contents" aria-label="Contents">\n<p class="brand">Hiring Desk User Guide</p>\n'
        '<input id="search" type="search" placeholder="Search the guide" '
        'aria-label="Search the guide">\n<ol id="results" hidden></ol>\n'
        f'<ol class="toc">\n{toc}\n</ol>\n</nav>\n'
        f'<main id="page">\n{page.body}</main>\n'
        '<script src="search-index.js"></script>\n<script src="search.js"></script>\n'
        "</body>\n</html>\n"
    )


def _check_links(pages: dict[str, Page], source: Path) -> list[str]:
    problems: list[str] = []
    for page in pages.values():
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.body):
            if re.match(r"^[a-z]+:", target):
                if not target.startswith("mailto:"):
                    problems.append(f"{page.stem}.md: links outside the guide: {target}")
                continue
            name, _, anchor = target.partition("#")
            if name.startswith("screenshots/"):
                if not (source / name).is_file():
                    problems.append(f"{page.stem}.md: no image {name}")
                continue
            stem = name.removesuffix(".html") if name else page.stem
            if not name.endswith(".html") and name:
                problems.append(f"{page.stem}.md: link to a file that is not a page: {name}")
            elif stem not in pages:
                problems.append(f"{page.stem}.md: no page {name}")
            elif anchor and anchor not in pages[stem].anchors:
                problems.append(f"{page.stem}.md: no section #{anchor} in {name or 'itself'}")
    return problems


def build(source: Path = HERE, output: Path = OUTPUT) -> list[str]:
    """Write the guide into ``output``; return the problems found (none when it is fine)."""
    md = _renderer()
    pages: dict[str, Page] = {}
    problems: list[str] = []
    stems = {stem for stem, _title in ORDER}
    for path in sorted(source.glob("*.md")):
        if path.stem not in stems:
            problems.append(f"{path.name}: not in the table of contents (ORDER)")
    for stem, title in ORDER:
        path = source / f"{stem}.md"
        if not path.is_file():
            problems.append(f"{stem}.md: missing")
            continue
        markdown = path.read_text(encoding="utf-8")
        page = Page(stem, title)
        # Links between pages are written to the Markdown files, so they work on GitHub too.
        page.body = re.sub(
            r'href="([a-z0-9-]+)\.md(#[^"]*)?"', r'href="\1.html\2"', md.render(markdown)
        )
        page.anchors = set(re.findall(r' id="([^"]+)"', page.body))
        _sections(page, markdown)
        pages[stem] = page
    problems += _check_links(pages, source)
    if output.exists():
        shutil.rmtree(output)
    (output / "screenshots").mkdir(parents=True)
    for page in pages.values():
        (output / f"{page.stem}.html").write_text(_layout(page), encoding="utf-8")
    index = [section for page in pages.values() for section in page.sections]
    (output / "search-index.js").write_text(
        "window.GUIDE_INDEX = " + json.dumps(index, ensure_ascii=False, indent=0) + ";\n",
        encoding="utf-8",
    )
    for asset in ASSETS:
        shutil.copyfile(source / "assets" / asset, output / asset)
    for image in sorted((source / "screenshots").glob("*.png")):
        shutil.copyfile(image, output / "screenshots" / image.name)
    return problems


def main(argv: list[str]) -> int:
    if "--check" in argv:
        import filecmp
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            fresh = Path(folder) / "guide"
            problems = build(output=fresh)
            compared = filecmp.dircmp(fresh, OUTPUT)
            stale = compared.left_only + compared.right_only + compared.diff_files
            stale += compared.subdirs["screenshots"].diff_files if compared.subdirs else []
        for problem in problems:
            print(problem)
        if stale:
            print("resources/guide is out of date: run python docs/guide/build_guide.py")
        return 1 if problems or stale else 0
    problems = build()
    for problem in problems:
        print(problem)
    print(f"built {OUTPUT}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
