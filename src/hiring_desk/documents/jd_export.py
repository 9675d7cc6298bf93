"""A job description (Markdown) as a PDF, a standalone HTML page or plain text.

The PDF is built with ReportLab Platypus from the Markdown syntax tree: A4,
DejaVu Sans (so Greek, Cyrillic and accented names print), the company
letterhead on the first page and ``Page N of M`` at the foot of every page.
Every piece of user text goes through ``pdf_text`` (escaped, with the CJK
fallback face where DejaVu lacks a character) before it reaches Paragraph
markup; only the tags made here (``<b>``, ``<i>``, ``<font>``, ``<a>``,
``<br/>``) are markup.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO
from xml.sax.saxutils import escape

from markdown_it.tree import SyntaxTreeNode
from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Indenter,
    Paragraph,
    XPreformatted,
)

from hiring_desk.documents.fonts import FontFamily, register_fonts
from hiring_desk.documents.letterhead import (
    ACCENT,
    INK,
    MUTED,
    RULE,
    Letterhead,
    write_pdf,
)
from hiring_desk.documents.markdown_render import (
    BULLET,
    is_tight,
    link_display,
    list_start,
    markdown_to_html,
    markdown_to_text,
    parse,
)
from hiring_desk.documents.pdf_text import markup, mono_markup

__all__ = ["Letterhead", "markdown_to_html", "markdown_to_pdf", "markdown_to_text"]

NESTED_BULLET = "◦"
BULLET_INDENT = 14
ORDERED_INDENT = 18
QUOTE_INDENT = 12
CODE_LINE_CHARS = 84  # DejaVu Sans Mono at 8.5 pt across the text frame


def _wrap_code(text: str) -> str:
    """A code block's lines, long ones cut to fit the page (code is never reflowed)."""
    lines: list[str] = []
    for line in text.rstrip("\n").expandtabs(4).split("\n"):
        while len(line) > CODE_LINE_CHARS:
            lines.append(line[:CODE_LINE_CHARS])
            line = "  " + line[CODE_LINE_CHARS:]
        lines.append(line)
    return "\n".join(lines) or " "


def _printable(text: str) -> str:
    """``text`` with anything UTF-8 cannot hold (lone surrogates) replaced."""
    return text.encode("utf-8", "replace").decode("utf-8")


def _hex(color: Color) -> str:
    return f"#{color.hexval()[2:]}"


def markdown_to_pdf(markdown: str, out: Path | BinaryIO, letterhead: Letterhead) -> None:
    """Write ``markdown`` as an A4 PDF to ``out`` (a path, or a binary file open for writing).

    A path is written only once the whole document is made, so a failure
    leaves no half-written file. Raises ValueError for a logo that is not an image.
    """
    fonts = register_fonts()
    letterhead = Letterhead(
        company_name=_printable(letterhead.company_name),
        address=_printable(letterhead.address),
        logo=letterhead.logo,
        title=_printable(letterhead.title),
    )
    body = _Builder(fonts).blocks(parse(_printable(markdown)).children)
    caption = " · ".join(p for p in (letterhead.company_name.strip(), letterhead.title) if p)
    write_pdf(out, letterhead, body, subject="Job description", caption=caption, fonts=fonts)


def _styles(fonts: FontFamily) -> dict[str, ParagraphStyle]:
    body = ParagraphStyle(
        "Body",
        fontName=fonts.sans,
        fontSize=10,
        leading=14.5,
        textColor=INK,
        spaceAfter=7,
    )
    return {
        "body": body,
        "h1": ParagraphStyle(
            "Heading1",
            parent=body,
            keepWithNext=1,
            fontName=fonts.sans_bold,
            fontSize=20,
            leading=25,
            textColor=INK,
            spaceBefore=0,
            spaceAfter=10,
        ),
        "h2": ParagraphStyle(
            "Heading2",
            parent=body,
            keepWithNext=1,
            fontName=fonts.sans_bold,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=14,
            spaceAfter=5,
        ),
        "h3": ParagraphStyle(
            "Heading3",
            parent=body,
            keepWithNext=1,
            fontName=fonts.sans_bold,
            fontSize=10.5,
            leading=14,
            spaceBefore=9,
            spaceAfter=3,
        ),
        "code": ParagraphStyle(
            "Code",
            parent=body,
            fontName=fonts.mono,
            fontSize=8.5,
            leading=11.5,
            backColor="#F3F5F7",
            borderPadding=(5, 6, 5, 6),
            leftIndent=6,
            rightIndent=6,
            spaceBefore=8,
            spaceAfter=12,
        ),
        "quote": ParagraphStyle("Quote", parent=body, textColor=MUTED, fontName=fonts.sans_italic),
    }


class _Builder:
    """Markdown syntax-tree nodes to Platypus flowables.

    Lists are made of bulleted Paragraphs (not ListFlowable) so a heading keeps
    with the first item and long lists split between items across pages.
    ``left`` is the indent the enclosing lists give, ``depth`` how deep they nest.
    """

    def __init__(self, fonts: FontFamily) -> None:
        self.fonts = fonts
        self.styles = _styles(fonts)

    def blocks(
        self,
        nodes: list[SyntaxTreeNode],
        *,
        left: float = 0,
        depth: int = 0,
        quote: bool = False,
    ) -> list[Flowable]:
        flowables: list[Flowable] = []
        for node in nodes:
            flowables.extend(self.block(node, left=left, depth=depth, quote=quote))
        return flowables

    def block(
        self, node: SyntaxTreeNode, *, left: float, depth: int, quote: bool
    ) -> list[Flowable]:
        kind = node.type
        if kind == "heading":
            level = min(int(node.tag[1:]), 3)
            return [Paragraph(self.inline_of(node), self.styles[f"h{level}"])]
        if kind == "paragraph":
            style = self.styles["quote" if quote else "body"]
            return [Paragraph(self.inline_of(node), style)]
        if kind in ("bullet_list", "ordered_list"):
            return self.list_blocks(node, left=left, depth=depth, quote=quote)
        if kind in ("fence", "code_block"):
            return [XPreformatted(mono_markup(_wrap_code(node.content)), self.styles["code"])]
        if kind == "blockquote":
            inner = self.blocks(node.children, depth=depth, quote=True)
            return [Indenter(left=QUOTE_INDENT), *inner, Indenter(left=-QUOTE_INDENT)]
        if kind == "hr":
            return [
                HRFlowable(width="100%", thickness=0.75, color=RULE, spaceBefore=4, spaceAfter=11)
            ]
        if kind == "html_block":  # not produced with raw HTML off; shown as text if ever
            return [Paragraph(markup(node.content), self.styles["body"])]
        return self.blocks(node.children, left=left, depth=depth, quote=quote)

    def list_blocks(
        self,
        node: SyntaxTreeNode,
        *,
        left: float,
        depth: int,
        quote: bool,
        closing: bool = True,
    ) -> list[Flowable]:
        """One bulleted Paragraph per item paragraph; ``closing``: the list ends a block."""
        ordered = node.type == "ordered_list"
        indent = ORDERED_INDENT if ordered else BULLET_INDENT
        parent = self.styles["quote" if quote else "body"]
        style = ParagraphStyle(
            f"ListItem{depth}",
            parent=parent,
            leftIndent=left + indent,
            bulletIndent=left + (0 if ordered else 2),
            bulletFontName=self.fonts.sans,
            bulletFontSize=parent.fontSize,
            spaceAfter=2.5 if is_tight(node) else 5,
        )
        more = ParagraphStyle(f"ListMore{depth}", parent=style, bulletIndent=0)
        # The last line of a list is spaced like the end of a paragraph.
        end_style = ParagraphStyle(f"ListEnd{depth}", parent=style, spaceAfter=parent.spaceAfter)
        end_more = ParagraphStyle(f"ListEndMore{depth}", parent=end_style, bulletIndent=0)

        number = list_start(node)
        out: list[Flowable] = []
        items = list(node.children)
        for index, item in enumerate(items):
            if ordered:
                marker = f'<bullet color="{_hex(INK)}">{number}.</bullet>'
                number += 1
            else:
                char = BULLET if depth == 0 else NESTED_BULLET
                marker = f'<bullet color="{_hex(MUTED)}">{char}</bullet>'
            children = list(item.children)
            if not children or children[0].type != "paragraph":
                out.append(Paragraph(marker, style))
                marker = ""
            for position, child in enumerate(children):
                last = closing and index == len(items) - 1 and position == len(children) - 1
                if child.type == "paragraph":
                    if last:
                        chosen = end_style if marker else end_more
                    else:
                        chosen = style if marker else more
                    out.append(Paragraph(marker + self.inline_of(child), chosen))
                    marker = ""
                elif child.type in ("bullet_list", "ordered_list"):
                    out += self.list_blocks(
                        child, left=left + indent, depth=depth + 1, quote=quote, closing=last
                    )
                else:
                    inner = self.block(child, left=0, depth=depth + 1, quote=quote)
                    shift = left + indent
                    out += [Indenter(left=shift), *inner, Indenter(left=-shift)]
        return out

    # -- inline ------------------------------------------------------------------------------

    def inline_of(self, node: SyntaxTreeNode) -> str:
        return "".join(self.inline(child) for child in node.children if child.type == "inline")

    def inline(self, node: SyntaxTreeNode) -> str:
        """Paragraph markup for an inline node: user text escaped, tags made here."""
        parts: list[str] = []
        for child in node.children:
            kind = child.type
            if kind in ("text", "html_inline"):
                parts.append(markup(child.content))
            elif kind == "softbreak":
                parts.append(" ")
            elif kind == "hardbreak":
                parts.append("<br/>")
            elif kind == "code_inline":
                parts.append(f'<font face="{self.fonts.mono}">{mono_markup(child.content)}</font>')
            elif kind == "strong":
                parts.append(f"<b>{self.inline(child)}</b>")
            elif kind == "em":
                parts.append(f"<i>{self.inline(child)}</i>")
            elif kind == "link":
                parts.append(self.link(child))
            else:  # image (its alt text), anything new: the text inside
                parts.append(self.inline(child))
        return "".join(parts)

    def link(self, node: SyntaxTreeNode) -> str:
        href = str(node.attrs.get("href", ""))
        shown = link_display(href)
        target = escape(href, {'"': "&quot;"})
        address = f'<a href="{target}" color="{_hex(ACCENT)}">{markup(shown)}</a>'
        inner = self.inline(node)
        plain = "".join(c.content for c in node.walk() if c.type in ("text", "code_inline"))
        if plain.strip() in ("", shown):
            return address
        return f"{inner} ({address})"
