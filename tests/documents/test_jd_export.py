"""Job-description exports: standalone HTML, plain text for job boards, and the PDF."""

from __future__ import annotations

import ast
import re
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from tests.jd_setup import TEMPLATE_HEADINGS
from tests.pdf_helpers import (
    page_texts,
    pdf_author,
    pdf_reader,
    pdf_text,
    pdf_title,
    pdf_words,
)

from hiring_desk import bundled
from hiring_desk.documents.jd_export import (
    Letterhead,
    markdown_to_html,
    markdown_to_pdf,
    markdown_to_text,
)

NASTY = "AT&T <b>Smith</b>"
LETTERHEAD_WORDS = "Example Software Ltd 1 Example Street Cork"
#: The sample below follows a built-in template.
HEADINGS = [heading.format("Example Software Ltd") for heading in TEMPLATE_HEADINGS]

JD = f"""# Backend Developer

**Full-time · Hybrid · Cork, Ireland**

## About Example Software Ltd

We build calm, dependable software. Your lead will be **Αλέξανδρος Παπαδόπουλος** and your
product manager *Ирина Петрова*. Our partner is {NASTY}, and <script>alert(1)</script> is
just text. Read [our blog](https://example.com/blog) or write to
[jobs@example.com](mailto:jobs@example.com). Run `make test` before pushing.

## The role

You will build the booking platform for independent clinics.

## What you will do

- Design and build the booking API
- Review code and help teammates ship
  - Pair on hard problems
  - Share what you learn
- Keep the database fast and safe

## Must-have skills

- Python
- PostgreSQL

## Nice-to-have skills

- Docker

## Qualifications

- A degree in computer science or equivalent practical experience

## What we offer

- A salary of €55,000 – €68,000 per year

## Hiring timeline

1. A short call
2. A technical interview
3. An offer

---

## How to apply

Send your CV to the hiring manager.
"""


def letterhead(logo: bytes | None = None, **changes: str) -> Letterhead:
    values = {
        "company_name": "Example Software Ltd",
        "address": "1 Example Street\nCork",
        "title": "Backend Developer",
        **changes,
    }
    return Letterhead(
        company_name=values["company_name"],
        address=values["address"],
        logo=logo,
        title=values["title"],
    )


def png(mode: str = "RGBA", size: tuple[int, int] = (300, 100)) -> bytes:
    image = Image.new("RGBA", size, (31, 78, 121, 255)).convert(mode)
    out = BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


# -- HTML ------------------------------------------------------------------------------------------


def test_html_is_a_complete_standalone_document() -> None:
    page = markdown_to_html(JD, "Backend Developer")
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    assert '<meta charset="utf-8">' in page
    assert "<title>Backend Developer</title>" in page
    assert "<style>" in page and "max-width: 42em" in page
    assert page.rstrip().endswith("</html>")
    assert "<link" not in page and "<script src" not in page  # nothing fetched


def test_html_escapes_raw_html_in_the_text() -> None:
    page = markdown_to_html(JD, "Backend Developer")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "AT&amp;T &lt;b&gt;Smith&lt;/b&gt;" in page
    assert "<b>Smith</b>" not in page


def test_html_escapes_the_title() -> None:
    page = markdown_to_html("x", "</title><script>alert(1)</script> & co")
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>" in page
    assert "<script>" not in page


def test_html_has_the_headings_as_h1_and_h2() -> None:
    page = markdown_to_html(JD, "Backend Developer")
    assert "<h1>Backend Developer</h1>" in page
    for heading in HEADINGS:
        assert f"<h2>{heading}</h2>" in page
    assert "<li>Python</li>" in page
    assert "<strong>Αλέξανδρος Παπαδόπουλος</strong>" in page


def test_html_links_only_to_web_and_mail_addresses() -> None:
    page = markdown_to_html(
        "[web](https://example.com) [mail](mailto:a@example.com) "
        "[js](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) "
        "[file](file:///etc/passwd) [vb](vbscript:msgbox)",
        "Links",
    )
    assert 'href="https://example.com"' in page
    assert 'href="mailto:a@example.com"' in page
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs == ["https://example.com", "mailto:a@example.com"]


def test_html_of_empty_markdown_is_still_a_page() -> None:
    page = markdown_to_html("", "Empty")
    assert "<title>Empty</title>" in page and "<main>" in page


# -- plain text ------------------------------------------------------------------------------------


def test_text_has_no_markdown_syntax() -> None:
    text = markdown_to_text(JD)
    assert "#" not in text
    assert "**" not in text
    assert "`" not in text
    assert "[" not in text and "](" not in text
    assert not re.search(r"(?<!\w)\*\w", text), "an emphasis marker survived"


def test_text_keeps_bullets_and_numbers() -> None:
    text = markdown_to_text(JD)
    assert "• Design and build the booking API\n• Review code and help teammates ship\n" in text
    assert "  • Pair on hard problems\n  • Share what you learn\n" in text
    assert "1. A short call\n2. A technical interview\n3. An offer" in text


def test_text_headings_are_underlined_and_followed_by_a_blank_line() -> None:
    text = markdown_to_text(JD)
    assert text.startswith("Backend Developer\n=================\n\n")
    for heading in HEADINGS:
        assert f"\n{heading}\n{'-' * len(heading)}\n\n" in text


def test_text_links_read_text_then_address() -> None:
    text = markdown_to_text(JD)
    assert "our blog (https://example.com/blog)" in text
    assert "write to jobs@example.com." in text  # the text already is the address
    assert markdown_to_text("[Apply](mailto:jobs@example.com)") == "Apply (jobs@example.com)\n"
    assert markdown_to_text("<https://example.com>") == "https://example.com\n"


def test_text_keeps_emphasised_words_and_literal_markup() -> None:
    text = markdown_to_text(JD)
    assert "Your lead will be Αλέξανδρος Παπαδόπουλος and your product manager Ирина Петрова." in (
        text
    )
    assert f"Our partner is {NASTY}, and <script>alert(1)</script> is just text." in text
    assert "Run make test before pushing." in text


def test_text_paragraphs_are_not_wrapped() -> None:
    words = [f"word{n}" for n in range(120)]
    source = "\n".join(" ".join(words[i : i + 10]) for i in range(0, len(words), 10))
    assert markdown_to_text(source) == " ".join(words) + "\n"


def test_text_hard_breaks_and_loose_lists() -> None:
    assert markdown_to_text("one  \ntwo") == "one\ntwo\n"
    loose = markdown_to_text("- a\n\n  more a\n\n- b\n")
    assert loose == "• a\n\n  more a\n\n• b\n"


def test_text_of_empty_markdown_is_empty() -> None:
    assert markdown_to_text("") == ""
    assert markdown_to_text("   \n\n") == ""


def test_text_escaped_markdown_characters_come_out_plain() -> None:
    assert markdown_to_text(r"\*not emphasis\* and 5 \# items") == "*not emphasis* and 5 # items\n"


# -- PDF -------------------------------------------------------------------------------------------


def test_pdf_is_written_to_a_path_or_a_binary_file(tmp_path: Path) -> None:
    out = tmp_path / "jd.pdf"
    markdown_to_pdf(JD, out, letterhead())
    buffer = BytesIO()
    markdown_to_pdf(JD, buffer, letterhead())
    assert out.read_bytes().rstrip().endswith(b"%%EOF")
    assert pdf_text(out) == pdf_text(buffer)
    assert pdf_words(out).startswith(LETTERHEAD_WORDS)


def test_pdf_text_has_the_title_names_headings_and_page_number(tmp_path: Path) -> None:
    out = tmp_path / "jd.pdf"
    markdown_to_pdf(JD, out, letterhead())
    text = pdf_words(out)
    assert "Backend Developer" in text
    assert "Αλέξανδρος Παπαδόπουλος" in text
    assert "Ирина Петрова" in text
    assert NASTY in text
    assert "<script>alert(1)</script>" in text
    for heading in HEADINGS:
        assert heading in text
    assert "Page 1 of " in text
    assert "Example Software Ltd" in text and "1 Example Street" in text and "Cork" in text


def test_pdf_shows_links_as_text_and_address(tmp_path: Path) -> None:
    out = tmp_path / "jd.pdf"
    markdown_to_pdf(JD, out, letterhead())
    text = pdf_words(out)
    assert "our blog (https://example.com/blog)" in text
    assert "write to jobs@example.com." in text
    assert "make test" in text


def test_pdf_prints_markup_in_the_letterhead_literally(tmp_path: Path) -> None:
    out = tmp_path / "jd.pdf"
    heading = letterhead(company_name=NASTY, address="<i>Street</i> & Co\n<br/>", title=NASTY)
    markdown_to_pdf(f"# {NASTY}\n\n`{NASTY}`\n\n```\n{NASTY}\n```\n", out, heading)
    text = pdf_words(out)
    assert text.count(NASTY) >= 4  # letterhead, heading, code span, code block (+ footer)
    assert "<i>Street</i> & Co" in text
    assert "<br/>" in text


def test_a_long_pdf_numbers_every_page(tmp_path: Path) -> None:
    filler = "\n\n".join(
        f"Paragraph {n}: " + "We build calm, dependable software for clinics. " * 12
        for n in range(40)
    )
    out = tmp_path / "long.pdf"
    markdown_to_pdf(JD + "\n## More about us\n\n" + filler, out, letterhead())
    texts = page_texts(out)
    assert len(texts) >= 2
    for page, text in enumerate(texts, 1):
        assert f"Page {page} of {len(texts)}" in text


def test_a_long_list_splits_between_pages(tmp_path: Path) -> None:
    items = "\n".join(f"- Responsibility number {n}" for n in range(150))
    out = tmp_path / "list.pdf"
    markdown_to_pdf(f"# List\n\n## What you will do\n\n{items}\n", out, letterhead())
    text = pdf_words(out)
    assert len(page_texts(out)) >= 2
    assert "Responsibility number 0" in text and "Responsibility number 149" in text


@pytest.mark.parametrize("mode", ["RGBA", "RGB", "L", "P"])
def test_a_png_logo_is_accepted(tmp_path: Path, mode: str) -> None:
    out = tmp_path / "logo.pdf"
    markdown_to_pdf(JD, out, letterhead(logo=png(mode)))
    assert pdf_words(out).startswith(LETTERHEAD_WORDS)
    assert len(pdf_reader(out).pages[0].images) == 1


def test_a_tall_or_tiny_logo_is_scaled_to_fit(tmp_path: Path) -> None:
    for size in ((20, 2000), (2000, 20), (1, 1)):
        out = tmp_path / f"logo-{size[0]}x{size[1]}.pdf"
        markdown_to_pdf("# Scaled", out, letterhead(logo=png(size=size)))
        assert pdf_words(out).startswith(LETTERHEAD_WORDS + " Scaled")
        assert len(pdf_reader(out).pages[0].images) == 1


def test_a_logo_that_is_not_an_image_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "bad.pdf"
    with pytest.raises(ValueError, match="logo"):
        markdown_to_pdf(JD, out, letterhead(logo=b"not an image"))
    assert not out.exists()


def test_the_pdf_metadata_has_the_title(tmp_path: Path) -> None:
    out = tmp_path / "jd.pdf"
    markdown_to_pdf(JD, out, letterhead(title="Backend Developer — Αθήνα"))
    assert pdf_title(out) == "Backend Developer — Αθήνα"
    assert pdf_author(out) == "Example Software Ltd"


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        ("", ""),
        ("   \n", ""),
        ("# Only a title", "Only a title"),
        ("> quote\n> - in a list\n\n```\ncode <b>\n```", "quote • in a list code <b>"),
        ("1. one\n   ```\n   code in a list\n   ```\n2. two", "1. one code in a list 2. two"),
        ("- \n- \n", ""),
        (
            '![an image](https://example.com/x.png) and [a](https://example.com/?a=1&b="2")',
            'and a (https://example.com/?a=1&b="2")',
        ),
        ("Line with 中文 and emoji 🚀 (no glyph: printed as a box)", "Line with 中文 and emoji"),
        ("x" * 5000, "x" * 40),
        ("`" + "y" * 400 + "`", "y" * 40),
        ("#" * 7 + " not a heading\n\n###### h6", "####### not a heading h6"),
    ],
)
def test_odd_markdown_still_makes_a_pdf(markdown: str, shown: str) -> None:
    out = BytesIO()
    markdown_to_pdf(markdown, out, letterhead())
    text = pdf_words(out)
    assert text.startswith(LETTERHEAD_WORDS) and "Page 1 of " in text
    assert shown in text


def test_an_empty_letterhead_still_makes_a_pdf() -> None:
    out = BytesIO()
    markdown_to_pdf("", out, Letterhead(company_name="", address="", logo=None, title=""))
    assert pdf_words(out) == "Page 1 of 1"


# -- fonts and layering ----------------------------------------------------------------------------


def test_the_fonts_and_their_license_are_bundled() -> None:
    for name in (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
        "DejaVuSansMono.ttf",
    ):
        assert bundled.read_bytes("fonts", name)[:4] in (b"\x00\x01\x00\x00", b"true")
    assert "Bitstream Vera" in bundled.read_text("fonts", "DejaVu-LICENSE.txt")


def test_fonts_are_registered_once() -> None:
    from hiring_desk.documents.fonts import register_fonts

    assert register_fonts() is register_fonts()


def test_the_documents_package_imports_no_qt_services_or_store_at_run_time() -> None:
    package = Path(__file__).resolve().parents[2] / "src" / "hiring_desk" / "documents"
    forbidden: tuple[str, ...] = (
        "PySide6",
        "hiring_desk.services",
        "hiring_desk.store",
        "hiring_desk.ui",
        "sqlmodel",
        "sqlalchemy",
    )
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # Type names of the services' frozen view dataclasses may be imported for
        # type checking only: at run time documents get plain values passed in.
        type_only = {
            id(child)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
            for child in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in type_only and isinstance(node, ast.ImportFrom):
                module = node.module or ""
                assert not module.startswith(forbidden[:1] + forbidden[2:]), path.name
                continue
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            bad = [n for n in names if n.startswith(forbidden)]
            assert not bad, f"{path.name} imports {bad}"


def test_control_characters_and_lone_surrogates_do_not_break_the_pdf() -> None:
    odd = "a\x00b\x0bc\x1b \ud800 tab\there \u200b"
    out = BytesIO()
    markdown_to_pdf(odd, out, Letterhead(company_name=odd, address=odd, logo=None, title=odd))
    text = pdf_words(out)
    assert "tab here" in text and "Page 1 of 1" in text
