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
    CondPageBreak,
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
from hiring_desk.documents.interview_pack_pages import profile_facts
from hiring_desk.documents.interview_pack_views import (
    PackCandidate,
    PackData,
    PackInterview,
    PackRound,
)
from hiring_desk.documents.paper_forms import Blanks, Choices, RuledLines, TickBox, WritingBox
from hiring_desk.domain.competencies import RATING_ANCHORS
from hiring_desk.domain.vocab import Recommendation

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
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm
    )
    doc.build(_BarePack(doc.width).story(data))
    return out.getvalue()


class _BarePack:
    """The same flowables as ``documents.interview_pack_pages``, from plain strings."""

    def __init__(self, width: float) -> None:
        font, bold = _font(), FONT + "-Bold"
        self.width = width
        self.body = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13.5)
        self.small = ParagraphStyle("small", parent=self.body, fontSize=8, leading=10.5)
        self.cell = ParagraphStyle("cell", parent=self.body, fontSize=8.5, leading=11)
        self.cell_head = ParagraphStyle("cell_head", parent=self.cell, fontName=bold)
        self.kicker = ParagraphStyle("kicker", parent=self.small, fontName=bold)
        self.title = ParagraphStyle("title", parent=self.body, fontName=bold, fontSize=18)
        self.heading = ParagraphStyle(
            "heading", parent=self.body, fontName=bold, fontSize=12, keepWithNext=1
        )
        self.subheading = ParagraphStyle(
            "subheading", parent=self.body, fontName=bold, keepWithNext=1
        )
        self.question = ParagraphStyle("question", parent=self.body, fontName=bold, fontSize=10)

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(escape(text).replace("\n", "<br/>"), style or self.body)

    def labelled(self, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        return Paragraph(f"<b>{escape(label)}</b> {escape(value)}", style or self.body)

    def table(self, header: list[str], rows: list[list[object]], widths: list[float]) -> Table:
        cells = [[self.para(h, self.cell_head) for h in header]] + [
            [self.para(c, self.cell) if isinstance(c, str) else c for c in row] for row in rows
        ]
        t = Table(cells, colWidths=widths, repeatRows=1, hAlign="LEFT")
        t.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        return t

    def facts(self, rows: list[tuple[str, str]]) -> Table:
        shown = [[self.para(k, self.cell_head), self.para(v, self.cell)] for k, v in rows if v]
        return Table(shown or [["", ""]], colWidths=[34 * mm, self.width - 34 * mm])

    def fractions(self, *parts: float) -> list[float]:
        return [part * self.width for part in parts]

    def story(self, data: PackData) -> list[Flowable]:
        role = data.role
        line = " · ".join(p for p in (role.seniority, role.employment_type, role.work_mode) if p)
        story: list[Flowable] = [
            self.para(data.company_name, self.title),
            self.para(data.company_address, self.small),
            self.para("INTERVIEW PACK", self.kicker),
            self.para(role.title, self.title),
            self.para(line),
            Spacer(1, 3 * mm),
            self.facts(
                [
                    ("Project", role.summary),
                    ("Hiring manager", role.hiring_manager),
                    ("Education", role.education),
                    ("Start by", str(role.start_by or "")),
                    ("Must-have skills", ", ".join(role.must_have)),
                    ("Nice-to-have skills", ", ".join(role.nice_to_have)),
                    ("Printed", str(data.printed_on)),
                ]
            ),
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
                ["Candidate", "Stage", "Skills", "Rounds in this pack"],
                [
                    [c.name, c.stage_label, c.skills.summary, ", ".join(r.name for r in c.rounds)]
                    for c in data.candidates
                ],
                self.fractions(0.27, 0.13, 0.30, 0.30),
            ),
            Spacer(1, 6 * mm),
            Table([[[self.para("Confidential."), self.para("Keep this pack out of sight.")]]]),
        ]
        for person in data.candidates:
            story += [PageBreak(), *self.profile(person)]
            count = len(person.rounds)
            for number, pack_round in enumerate(person.rounds, 1):
                kicker = f"ROUND {number} OF {count} · QUESTIONS"
                story += [PageBreak(), *self.questions(person, pack_round, kicker)]
                interviewers = pack_round.interview.interviewers if pack_round.interview else ()
                for interviewer in interviewers or ("",):
                    story += [PageBreak(), *self.scorecard(person, pack_round, interviewer)]
        return story

    def profile(self, person: PackCandidate) -> list[Flowable]:
        para = self.para
        story: list[Flowable] = [
            para("CANDIDATE", self.kicker),
            para(person.name, self.title),
            para(f"{person.current_title} · {person.years_experience} years of experience"),
            self.facts(profile_facts(person)),
            para("Skills against the role", self.heading),
            para(person.skills.summary),
        ]
        skills = person.skills
        rows: list[list[object]] = [[s, "Must-have", "✓ Yes"] for s in skills.must_matched]
        rows += [[s, "Must-have", "✗ No"] for s in skills.must_missing]
        rows += [[s, "Nice-to-have", "✓ Yes"] for s in skills.nice_matched]
        rows += [[s, "Nice-to-have", "✗ No"] for s in skills.nice_missing]
        if rows:
            header = ["Skill", "The role asks", "On the profile"]
            story.append(self.table(header, rows, self.fractions(0.4, 0.25, 0.35)))
        if person.other_skills:
            story += [
                Spacer(1, 2 * mm),
                self.labelled("Also lists:", ", ".join(person.other_skills)),
            ]
        if person.interviews:
            booked: list[list[object]] = [
                [_when(iv), iv.round_name, iv.place, ", ".join(iv.interviewers)]
                for iv in person.interviews
            ]
            header = ["When", "Round", "Where", "Interviewers"]
            story.append(para("Booked interviews", self.heading))
            story.append(self.table(header, booked, self.fractions(0.32, 0.18, 0.28, 0.22)))
        story += [
            para("CV summary", self.heading),
            para(f"The start of {person.cv_source}.", self.small),
            para(person.cv_summary or "No CV on file.", self.cell),
        ]
        story.append(para("Earlier scorecards", self.heading))
        for past in person.earlier:
            story.append(para(f"{past.round_name} · {past.starts_at:%d %b %Y}", self.subheading))
            for card in past.scorecards:
                story.append(self.labelled(f"{card.interviewer_name}:", card.recommendation_label))
                ratings = " · ".join(
                    f"{r.label} {r.rating} ({r.anchor_name})" for r in card.ratings
                )
                story.append(para(ratings, self.small))
                if card.notes:
                    story.append(para(card.notes, self.small))
        return story

    def header(self, person: PackCandidate, pack_round: PackRound, kicker: str) -> list[Flowable]:
        rows = [("Candidate", person.name)]
        if pack_round.interview:
            iv = pack_round.interview
            rows += [
                ("When", _when(iv)),
                ("Where", iv.place),
                ("Interviewers", ", ".join(iv.interviewers)),
            ]
        rows.append(("Rates", ", ".join(pack_round.competency_labels)))
        return [
            self.para(kicker, self.kicker),
            self.para(f"{pack_round.name} ({pack_round.duration_minutes} min)", self.title),
            self.facts(rows),
            Spacer(1, 4 * mm),
        ]

    def questions(
        self, person: PackCandidate, pack_round: PackRound, kicker: str
    ) -> list[Flowable]:
        story = self.header(person, pack_round, kicker)
        if not pack_round.questions:
            return [*story, self.para("No questions planned."), Spacer(1, 2 * mm), RuledLines(18)]
        for index, q in enumerate(pack_round.questions, 1):
            block: list[Flowable] = [self.para(f"{index}. {q.text}", self.question)]
            if q.competency_label:
                block.append(self.para(f"Assesses: {q.competency_label}", self.small))
            if q.strong:
                block.append(self.labelled("Strong answer:", q.strong, self.small))
            if q.weak:
                block.append(self.labelled("Weak answer:", q.weak, self.small))
            block += [Spacer(1, 1 * mm), RuledLines(6), Spacer(1, 5 * mm)]
            story.append(KeepTogether(block))
        return story

    def scorecard(
        self, person: PackCandidate, pack_round: PackRound, interviewer: str
    ) -> list[Flowable]:
        legend = Table(
            [[self.labelled(f"{a.rating} {a.name}", ""), self.para(a.meaning, self.cell)]
             for a in RATING_ANCHORS],
            colWidths=[24 * mm, self.width - 24 * mm],
            hAlign="LEFT",
        )  # fmt: skip
        box = (self.width - 62 * mm) / len(RATING_ANCHORS)
        rows: list[list[object]] = [
            [label, *(TickBox() for _ in RATING_ANCHORS)]
            for label in (*pack_round.competency_labels, "Other:")
        ]
        header = ["Competency", *(f"{a.rating} {a.name}" for a in RATING_ANCHORS)]
        return [
            *self.header(person, pack_round, f"SCORECARD · {interviewer}"),
            self.para("Rating scale", self.subheading),
            legend,
            Spacer(1, 3 * mm),
            self.table(header, rows, [62 * mm, *(box for _ in RATING_ANCHORS)]),
            Spacer(1, 5 * mm),
            WritingBox("Notes: evidence for your ratings", 8, FONT),
            Spacer(1, 5 * mm),
            self.para("Recommendation (tick one)", self.subheading),
            Choices(tuple(r.label for r in Recommendation), FONT),
            Spacer(1, 8 * mm),
            CondPageBreak(14 * mm),
            Blanks(("Interviewer", "Signature", "Date"), FONT, (interviewer,)),
        ]


def _when(interview: PackInterview) -> str:
    start, end = interview.local_start, interview.local_end
    return f"{start:%a, %d %b %Y}, {start:%H:%M}–{end:%H:%M} ({interview.timezone})"
