"""Markdown (a job description's body) to a standalone HTML page and to plain text.

One parser serves every output (HTML, text and the PDF in :mod:`jd_export`):
CommonMark with raw HTML switched off, so ``<script>`` in the text is shown
as text, never passed through, and links only to ``http``, ``https`` and
``mailto`` addresses (anything else stays literal text).
"""

from __future__ import annotations

import functools
import html
import re

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

_SAFE_LINK = re.compile(r"^(https?|mailto):", re.IGNORECASE)

BULLET = "•"


class _SafeMarkdown(MarkdownIt):
    def validateLink(self, url: str) -> bool:
        return bool(_SAFE_LINK.match(url.strip()))


@functools.cache
def parser() -> MarkdownIt:
    """The one shared parser: CommonMark, no raw HTML, web and mail links only."""
    return _SafeMarkdown("commonmark", {"html": False})


def parse(markdown: str) -> SyntaxTreeNode:
    """The Markdown as a syntax tree (block nodes under a root)."""
    return SyntaxTreeNode(parser().parse(markdown))


def link_display(href: str) -> str:
    """A link target as people read it: decoded, without ``mailto:``."""
    shown = parser().normalizeLinkText(href)
    return shown[len("mailto:") :] if shown.lower().startswith("mailto:") else shown


def is_tight(list_node: SyntaxTreeNode) -> bool:
    """A list written without blank lines between its items."""
    return any(
        child.type == "paragraph" and child.hidden
        for item in list_node.children
        for child in item.children
    )


def list_start(list_node: SyntaxTreeNode) -> int:
    start = list_node.attrs.get("start", 1)
    try:
        return int(start)
    except (TypeError, ValueError):
        return 1


# -- HTML ----------------------------------------------------------------------------------------

_CSS = """
body { margin: 0; padding: 2.5em 1.25em; background: #fff; color: #222;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
main { max-width: 42em; margin: 0 auto; }
h1, h2, h3 { line-height: 1.25; color: #111; }
h1 { font-size: 1.9em; margin: 0 0 0.8em; }
h2 { font-size: 1.25em; margin: 1.8em 0 0.5em; padding-bottom: 0.25em;
  border-bottom: 1px solid #dde3ea; color: #1f4e79; }
h3 { font-size: 1.05em; margin: 1.4em 0 0.4em; }
p { margin: 0 0 0.9em; }
ul, ol { margin: 0 0 1em; padding-left: 1.5em; }
li { margin: 0.2em 0; }
a { color: #1f4e79; }
code { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace;
  font-size: 0.9em; background: #f3f5f7; padding: 0.1em 0.3em; border-radius: 3px; }
pre { background: #f3f5f7; padding: 0.8em 1em; overflow-x: auto; border-radius: 4px; }
pre code { background: none; padding: 0; }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #dde3ea; color: #555; }
hr { border: 0; border-top: 1px solid #dde3ea; margin: 2em 0; }
img { max-width: 100%; }
@media print { body { padding: 0; } a { color: inherit; } }
""".strip()


def markdown_to_html(markdown: str, title: str, *, lang: str = "en") -> str:
    """A complete, standalone HTML5 page: the rendered Markdown under ``title``."""
    body = parser().render(markdown)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{html.escape(lang, quote=True)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{_CSS}\n</style>\n"
        "</head>\n"
        "<body>\n"
        "<main>\n"
        f"{body}"
        "</main>\n"
        "</body>\n"
        "</html>\n"
    )


# -- plain text ----------------------------------------------------------------------------------


def markdown_to_text(markdown: str) -> str:
    """Clean plain text for pasting into a job board (which reflows it: no wrapping).

    Headings keep their text (the top one underlined with ``=``, the next with
    ``-``), bullets become ``• item``, emphasis markers go, and links read
    ``text (address)``.
    """
    lines = _join_blocks(parse(markdown).children, tight=False)
    text = "\n".join(line.rstrip() for line in lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return f"{text}\n" if text else ""


def inline_text(node: SyntaxTreeNode) -> str:
    """The text of an inline node (and its children), without Markdown markers."""
    parts: list[str] = []
    for child in node.children:
        kind = child.type
        if kind in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link":
            inner = inline_text(child)
            shown = link_display(str(child.attrs.get("href", "")))
            parts.append(inner if inner.strip() in (shown, "") else f"{inner} ({shown})")
        else:  # strong, em, image (its alt text), anything new: the text inside
            parts.append(inline_text(child))
    return "".join(parts)


def _join_blocks(nodes: list[SyntaxTreeNode], *, tight: bool) -> list[str]:
    lines: list[str] = []
    for node in nodes:
        block = _block_lines(node)
        if not block:
            continue
        if lines and not tight:
            lines.append("")
        lines.extend(block)
    return lines


def _block_lines(node: SyntaxTreeNode) -> list[str]:
    kind = node.type
    if kind == "heading":
        text = " ".join(_inline_of(node).split())
        if node.tag == "h1":
            return [text, "=" * len(text)]
        if node.tag == "h2":
            return [text, "-" * len(text)]
        return [text]
    if kind == "paragraph":
        return _inline_of(node).split("\n")
    if kind in ("bullet_list", "ordered_list"):
        return _list_lines(node)
    if kind in ("fence", "code_block"):
        return ["    " + line for line in node.content.rstrip("\n").split("\n")]
    if kind == "blockquote":
        return [f"    {line}" if line else "" for line in _join_blocks(node.children, tight=False)]
    if kind == "hr":
        return ["———"]
    if kind == "html_block":
        return node.content.rstrip("\n").split("\n")
    return _join_blocks(node.children, tight=False)


def _inline_of(node: SyntaxTreeNode) -> str:
    return "".join(inline_text(child) for child in node.children if child.type == "inline")


def _list_lines(node: SyntaxTreeNode) -> list[str]:
    tight = is_tight(node)
    number = list_start(node)
    lines: list[str] = []
    for item in node.children:
        if node.type == "ordered_list":
            marker = f"{number}. "
            number += 1
        else:
            marker = f"{BULLET} "
        body = _join_blocks(item.children, tight=tight) or [""]
        pad = " " * len(marker)
        if lines and not tight:
            lines.append("")
        lines.append(marker + body[0])
        lines.extend(pad + line if line else "" for line in body[1:])
    return lines
