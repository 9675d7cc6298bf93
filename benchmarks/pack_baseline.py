"""The interview pack's lower bound: the same flowables, built with bare ReportLab.

Walks the same ``PackData`` as ``documents.interview_pack.build_pack`` and lays out
what it prints, page for page: the cover with the schedule and the candidate index,
then per candidate the profile, the skills table, booked interviews, the CV summary
and earlier scorecards, and per round the questions with ruled lines and one
scorecard per interviewer (legend, tick-box grid, notes box, recommendation,
signature blanks). Same font files, same page size, same kinds of flowables.

Left out, because they are the app's own work on top: per-character font checks
and CJK runs (``pdf_text``), the letterhead, the "Page N of M" footer, captions.
Text is only XML-escaped, as any ReportLab code must.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from hiring_desk import bundled
from hiring_desk.documents.paper_forms import Blanks, Choices, RuledLines, TickBox, WritingBox
from hiring_desk.domain.competencies import RATING_ANCHORS
from hiring_desk.domain.vocab import Recommendation
from hiring_desk.services.interview_pack_views import (
    PackCandidate,
    PackData,
    PackInterview,
    PackRound,
)

FONT = "BenchSans"
_registered: list[str] = []


def _font() -> str:
    if not _registered:
        for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT + "-Bold", "DejaVuSans-Bold.ttf")):
            pdfmetrics.registerFont(TTFont(name, BytesIO(bundled.read_bytes("fonts", filename))))
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT + "-Bold")
        _registered.append(FONT)
    return FONT


def build_bare_pack(data: PackData) -> bytes:
    """The pack as a PDF, built the plainest way ReportLab allows."""
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm)
    doc.build(_BarePack(doc.width).story(data))
    return out.getvalue()


class _BarePack:
    def __init__(self, width: float) -> None:
        font = _font()
        self.width = width
        self.body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=12.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10)
        self.title = ParagraphStyle("title", parent=self.body, fontSize=17, leading=21)
        self.heading = ParagraphStyle("heading", parent=self.body, fontSize=12, leading=15)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style or self.body)

    def table(self, header: list[str], rows: list[list[object]], widths: list[float]) -> Table:
        cells = [[self.para(h, self.small) for h in header]] + [
            [self.para(c, self.small) if isinstance(c, str) else c for c in row] for row in rows
        ]
        t = Table(cells, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey)]))
        return t

    def facts(self, rows: list[tuple[str, str]]) -> Table:
        w = self.width
        return self.table(["", ""], [[k, v] for k, v in rows if v], [0.3 * w, 0.7 * w])

    def fractions(self, *parts: float) -> list[float]:
        return [part * self.width for part in parts]

    def story(self, data: PackData) -> list[Flowable]:
        role = data.role
        story: list[Flowable] = [
            self.para("INTERVIEW PACK", self.small),
            self.para(role.title, self.title),
            self.facts([("Must-have skills", ", ".join(role.must_have))]),
            self.para("Schedule", self.heading),
            self.table(
                ["When", "Candidate", "Round", "Where", "Interviewers"],
                [
                    [
                        _when(iv),
                        iv.candidate_name,
                        iv.round_name,
                        iv.place,
                        ", ".join(iv.interviewers),
                    ]
                    for iv in data.schedule
                ],
                self.fractions(0.27, 0.19, 0.15, 0.21, 0.18),
            ),
            self.para("Candidates in this pack", self.heading),
            self.table(
                ["Candidate", "Stage", "Skills", "Rounds"],
                [
                    [c.name, c.stage_label, c.skills.summary, ", ".join(r.name for r in c.rounds)]
                    for c in data.candidates
                ],
                self.fractions(0.27, 0.13, 0.30, 0.30),
            ),
        ]
        for person in data.candidates:
            story += [PageBreak(), *self.profile(person)]
            for pack_round in person.rounds:
                story += [PageBreak(), *self.questions(person, pack_round)]
                interviewers = pack_round.interview.interviewers if pack_round.interview else ()
                for interviewer in interviewers or ("",):
                    story += [PageBreak(), *self.scorecard(pack_round, interviewer)]
        return story

    def profile(self, person: PackCandidate) -> list[Flowable]:
        para = self.para
        story: list[Flowable] = [
            para(person.name, self.title),
            para(person.current_title),
            self.facts(
                [
                    ("Stage", person.stage_label),
                    ("Email", person.email),
                    ("Phone", person.phone),
                    ("Location", person.location),
                    ("Links", "\n".join(person.links)),
                ]
            ),
            para("Skills against the role", self.heading),
            para(person.skills.summary),
        ]
        skills = person.skills
        rows: list[list[object]] = [[s, "Must-have", "Yes"] for s in skills.must_matched]
        rows += [[s, "Must-have", "No"] for s in skills.must_missing]
        rows += [[s, "Nice-to-have", "Yes"] for s in skills.nice_matched]
        rows += [[s, "Nice-to-have", "No"] for s in skills.nice_missing]
        if rows:
            header = ["Skill", "The role asks", "On the profile"]
            story.append(self.table(header, rows, self.fractions(0.4, 0.25, 0.35)))
        if person.other_skills:
            story.append(para("Also lists: " + ", ".join(person.other_skills)))
        if person.interviews:
            booked: list[list[object]] = [
                [_when(iv), iv.round_name, iv.place, ", ".join(iv.interviewers)]
                for iv in person.interviews
            ]
            header = ["When", "Round", "Where", "Interviewers"]
            story.append(self.table(header, booked, self.fractions(0.32, 0.18, 0.28, 0.22)))
        story += [para("CV summary", self.heading), para(person.cv_summary or "No CV on file.")]
        story.append(para("Earlier scorecards", self.heading))
        for past in person.earlier:
            story.append(para(f"{past.round_name} · {past.starts_at:%d %b %Y}"))
            for card in past.scorecards:
                story.append(para(f"{card.interviewer_name}: {card.recommendation_label}"))
                story.append(para(" · ".join(f"{r.label} {r.rating}" for r in card.ratings)))
                if card.notes:
                    story.append(para(card.notes))
        return story

    def questions(self, person: PackCandidate, pack_round: PackRound) -> list[Flowable]:
        story: list[Flowable] = [
            self.para(f"{pack_round.name} ({pack_round.duration_minutes} min)", self.title),
            self.facts(
                [("Candidate", person.name), ("Rates", ", ".join(pack_round.competency_labels))]
            ),
        ]
        if not pack_round.questions:
            return [*story, RuledLines(18)]
        for index, q in enumerate(pack_round.questions, 1):
            block: list[Flowable] = [self.para(f"{index}. {q.text}")]
            if q.competency_label:
                block.append(self.para(f"Assesses: {q.competency_label}", self.small))
            if q.strong:
                block.append(self.para(f"Strong answer: {q.strong}", self.small))
            if q.weak:
                block.append(self.para(f"Weak answer: {q.weak}", self.small))
            block += [Spacer(1, 1 * mm), RuledLines(6), Spacer(1, 5 * mm)]
            story.append(KeepTogether(block))
        return story

    def scorecard(self, pack_round: PackRound, interviewer: str) -> list[Flowable]:
        legend = Table(
            [[self.para(f"{a.rating} {a.name}"), self.para(a.meaning)] for a in RATING_ANCHORS],
            colWidths=[24 * mm, self.width - 24 * mm],
        )
        box = (self.width - 62 * mm) / len(RATING_ANCHORS)
        rows: list[list[object]] = [
            [label, *(TickBox() for _ in RATING_ANCHORS)]
            for label in (*pack_round.competency_labels, "Other:")
        ]
        header = ["Competency", *(f"{a.rating} {a.name}" for a in RATING_ANCHORS)]
        return [
            self.para(f"SCORECARD {interviewer}"),
            self.para(pack_round.name, self.title),
            legend,
            self.table(header, rows, [62 * mm, *(box for _ in RATING_ANCHORS)]),
            WritingBox("Notes: evidence for your ratings", 8, FONT),
            Choices(tuple(r.label for r in Recommendation), FONT),
            Blanks(("Interviewer", "Signature", "Date"), FONT, (interviewer,)),
        ]


def _when(interview: PackInterview) -> str:
    return f"{interview.local_start:%a %d %b %Y %H:%M} ({interview.timezone})"
