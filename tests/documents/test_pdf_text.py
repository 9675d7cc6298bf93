"""User text in PDFs: every script prints, markup prints literally, nothing becomes a box."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate
from tests.pdf_helpers import pdf_reader, pdf_words

from hiring_desk import bundled
from hiring_desk.documents import fonts
from hiring_desk.documents.pdf_text import (
    ELLIPSIS,
    draw_text,
    fit_line,
    markup,
    mono_markup,
    text_width,
)

NASTY = "AT&T <b>Smith</b>"
NAMES = {
    "latin": "Zoë Ødegård-Łukasiewicz, François Müller, Şükrü Çelik, Ngô Bảo Châu",
    "greek": "Αλέξανδρος Παπαδόπουλος",
    "cyrillic": "Ирина Петрова, Олександр Шевченко",
    "chinese": "王小明",
    "japanese": "さくら 山田 カタカナ",
    "korean": "김민준",
    "mixed": "Ирина 王小明 Ødegård",
}
ROCKET = "\U0001f680"  # no bundled face has it


def paragraphs_pdf(path: Path, texts: list[str], *, bold: bool = False) -> Path:
    family = fonts.register_fonts()
    style = ParagraphStyle("Body", fontName=family.sans, fontSize=11, leading=15)
    story = [Paragraph(markup(text, bold=bold), style) for text in texts]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def canvas_pdf(path: Path, texts: list[str], font_name: str = fonts.SANS) -> Path:
    fonts.register_fonts()
    canvas = Canvas(str(path), pagesize=A4)
    y = 780.0
    for text in texts:
        draw_text(canvas, 60, y, text, font_name, 11)
        y -= 20
    canvas.save()
    return path


# -- every script comes back exactly ---------------------------------------------------------


@pytest.mark.parametrize("script", sorted(NAMES))
def test_a_name_in_a_paragraph_comes_back_exactly(tmp_path: Path, script: str) -> None:
    text = pdf_words(paragraphs_pdf(tmp_path / "p.pdf", [NAMES[script]]))
    assert text == NAMES[script]


@pytest.mark.parametrize("script", sorted(NAMES))
def test_a_name_drawn_on_a_canvas_comes_back_exactly(tmp_path: Path, script: str) -> None:
    text = pdf_words(canvas_pdf(tmp_path / "c.pdf", [NAMES[script]]))
    assert text == NAMES[script]


def test_bold_names_in_every_script_come_back(tmp_path: Path) -> None:
    text = pdf_words(paragraphs_pdf(tmp_path / "b.pdf", [NAMES["mixed"]], bold=True))
    assert text == NAMES["mixed"]


def test_names_drawn_in_a_standard_font_fall_back_to_the_bundled_faces(tmp_path: Path) -> None:
    text = pdf_words(canvas_pdf(tmp_path / "h.pdf", [NAMES["mixed"]], font_name="Helvetica"))
    assert text == NAMES["mixed"]


def test_cjk_runs_are_set_in_the_fallback_face() -> None:
    assert markup("Ирина 王小明") == f'Ирина <font name="{fonts.FALLBACK}">王小明</font>'
    assert markup("Zoë Ødegård") == "Zoë Ødegård"


# -- markup characters print literally -------------------------------------------------------


def test_markup_characters_are_escaped() -> None:
    assert markup(NASTY) == "AT&amp;T &lt;b&gt;Smith&lt;/b&gt;"
    assert markup('"quoted" it\'s') == "&quot;quoted&quot; it&#39;s"
    assert markup(NASTY, bold=True) == "<b>AT&amp;T &lt;b&gt;Smith&lt;/b&gt;</b>"


def test_every_printable_ascii_character_is_kept_and_escaped() -> None:
    from xml.sax.saxutils import escape

    text = "".join(chr(code) for code in range(0x20, 0x7F))
    assert markup(text) == escape(text, {'"': "&quot;", "'": "&#39;"})
    assert markup(text + "\x07") == markup(text)  # a control character is still dropped


def test_markup_characters_print_literally(tmp_path: Path) -> None:
    texts = [NASTY, 'Say "hi" & it\'s <br/> <font name="x">fine</font>']
    assert pdf_words(paragraphs_pdf(tmp_path / "p.pdf", texts)) == " ".join(texts)
    assert pdf_words(canvas_pdf(tmp_path / "c.pdf", texts)) == " ".join(texts)


def test_newlines_become_line_breaks() -> None:
    assert markup("1 Main Street\r\nCork\rIreland\u2028EU") == (
        "1 Main Street<br/>Cork<br/>Ireland<br/>EU"
    )


# -- what no face can draw is replaced visibly -----------------------------------------------


def test_a_character_no_face_has_is_replaced_by_its_code_point() -> None:
    assert markup(f"Launch {ROCKET} day") == "Launch [U+1F680] day"
    assert markup(f"{ROCKET}{ROCKET}") == "[U+1F680 U+1F680]"
    assert mono_markup(f"x = '{ROCKET}'") == "x = &#39;[U+1F680]&#39;"


def test_replaced_characters_are_visible_in_the_pdf(tmp_path: Path) -> None:
    text = f"Anna {ROCKET} Smith"
    assert pdf_words(paragraphs_pdf(tmp_path / "p.pdf", [text])) == "Anna [U+1F680] Smith"
    assert pdf_words(canvas_pdf(tmp_path / "c.pdf", [text])) == "Anna [U+1F680] Smith"


def test_right_to_left_letters_are_replaced_rather_than_printed_backwards() -> None:
    assert markup("Dana דנה") == "Dana [U+05D3 U+05E0 U+05D4]"


def test_no_character_reaches_a_face_that_lacks_it() -> None:
    sample = "".join(NAMES.values()) + ROCKET + "\u0915\u094d\u0937 \U0001d11e \ue000"
    own = fonts.coverage(fonts.SANS_BOLD_ITALIC)
    fallback = fonts.coverage(fonts.FALLBACK)
    body = markup(sample)
    outside_tags = body.replace(f'<font name="{fonts.FALLBACK}">', "\x01").replace(
        "</font>", "\x02"
    )
    in_fallback = False
    for ch in outside_tags:
        if ch in "\x01\x02":
            in_fallback = ch == "\x01"
            continue
        assert ord(ch) in (fallback if in_fallback else own), f"U+{ord(ch):04X} would be a box"


def test_control_characters_are_dropped_and_invisible_marks_kept_out() -> None:
    assert markup("a\x00b\x1bc\x7f\td") == "abc d"
    assert markup("Jos\u0065\u0301") == "José"  # one letter, not a letter and an accent
    assert markup("\ud800") == "[U+D800]"  # a lone surrogate never reaches the PDF


def test_odd_text_still_makes_a_pdf(tmp_path: Path) -> None:
    odd = ["", "\n\n", "\ud800\udfff", "a\x00b", "\U000e0001\ufe0f", ROCKET * 50, "王" * 300]
    for made in (paragraphs_pdf(tmp_path / "p.pdf", odd), canvas_pdf(tmp_path / "c.pdf", odd)):
        text = pdf_words(made)
        assert "[U+D800 U+DFFF]" in text and "ab" in text and "王" * 20 in text


# -- single lines ----------------------------------------------------------------------------


def test_draw_text_returns_its_width_and_aligns(tmp_path: Path) -> None:
    fonts.register_fonts()
    canvas = Canvas(str(tmp_path / "a.pdf"))
    canvas.setFont("Helvetica", 7)
    name = "Ирина 王小明"
    width = text_width(name, fonts.SANS, 10)
    assert width > text_width("Ирина", fonts.SANS, 10) > 0
    for align in ("left", "right", "center"):
        assert draw_text(canvas, 300, 400, name, fonts.SANS, 10, align=align) == width
    assert (canvas._fontname, canvas._fontsize) == ("Helvetica", 7)  # left as it was
    with pytest.raises(ValueError, match="align"):
        draw_text(canvas, 0, 0, name, fonts.SANS, 10, align="justify")


def test_right_aligned_text_ends_at_x(tmp_path: Path) -> None:
    fonts.register_fonts()
    path = tmp_path / "r.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    draw_text(canvas, 500, 700, "王小明", fonts.SANS, 12, align="right")
    canvas.save()
    spans: list[float] = []

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if text.strip():
            spans.append(tm[4])

    pdf_reader(path).pages[0].extract_text(visitor_text=visit)
    assert spans and spans[0] == pytest.approx(500 - text_width("王小明", fonts.SANS, 12))


def test_fit_line_keeps_short_text_and_shortens_long_text() -> None:
    assert fit_line("  Ирина \n Петрова ", fonts.SANS, 8, 500) == "Ирина Петрова"
    long = "王小明 " * 40 + "Ødegård"
    short = fit_line(long, fonts.SANS, 8, 120)
    assert short.endswith(ELLIPSIS)
    assert short.startswith("王小明")
    assert text_width(short, fonts.SANS, 8) <= 120
    kept = short[: -len(ELLIPSIS)]
    rest = long[len(kept) :]
    one_more = kept + rest[: len(rest) - len(rest.lstrip()) + 1]  # the next visible character
    assert text_width(one_more + ELLIPSIS, fonts.SANS, 8) > 120  # nothing more would fit


# -- the fonts -------------------------------------------------------------------------------


def test_the_fallback_face_and_its_licence_are_bundled() -> None:
    assert bundled.read_bytes("fonts", "DroidSansFallback.ttf")[:4] == b"\x00\x01\x00\x00"
    assert "Apache License" in bundled.read_text("fonts", "DroidSansFallback-LICENSE.txt")
    assert "Apache License" in bundled.read_text("fonts", "Apache-2.0.txt")


def test_the_fallback_face_is_loaded_only_when_text_needs_it() -> None:
    script = (
        "from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames\n"
        "from hiring_desk.documents.pdf_text import markup\n"
        "markup('Zoë Ødegård, Ирина, Αλέξανδρος')\n"
        "print('HDSansFallback' in getRegisteredFontNames())\n"
        "markup('王小明')\n"
        "print('HDSansFallback' in getRegisteredFontNames())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["False", "True"]


def test_coverage_of_a_standard_font_is_its_encoding() -> None:
    helvetica = fonts.coverage("Helvetica")
    assert ord("é") in helvetica and ord("€") in helvetica
    assert ord("Ж") not in helvetica


def test_a_paragraph_of_every_script_builds_in_bold_and_italic() -> None:
    family = fonts.register_fonts()
    style = ParagraphStyle("Body", fontName=family.sans, fontSize=10)
    text = markup(" ".join(NAMES.values()))
    out = BytesIO()
    SimpleDocTemplate(out).build([Paragraph(f"<b>{text}</b> <i>{text}</i>", style)])
    names = " ".join(NAMES.values())
    assert pdf_words(out) == f"{names} {names}"
