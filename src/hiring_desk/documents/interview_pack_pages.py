"""The pages of an interview pack: the cover, and per candidate a profile, each round's
questions and a scorecard per interviewer.

Every string that came from a person goes through ``pdf_text.markup`` before it
reaches Paragraph markup. Meaning never rests on colour: a skill the candidate
lacks says "No", a box to tick is an outlined square, fills are light grey.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from babel.dates import format_skeleton, format_time
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from hiring_desk.documents.fonts import FontFamily
from hiring_desk.documents.letterhead import ACCENT, INK, MUTED
from hiring_desk.documents.paper_forms import Blanks, Choices, RuledLines, TickBox, WritingBox
from hiring_desk.documents.pdf_text import markup
from hiring_desk.domain.competencies import RATING_ANCHORS
from hiring_desk.domain.formatting import format_day
from hiring_desk.domain.vocab import Recommendation

if TYPE_CHECKING:
    from hiring_desk.services.interview_pack_views import (
        PackCandidate,
        PackData,
        PackInterview,
        PackRound,
    )
    from hiring_desk.services.scorecard_views import InterviewScorecards

GRID = colors.HexColor("#9CA3AF")
#: Smaller text (guidance, captions): lighter than the body, dark enough to print.
SMALL_INK = colors.HexColor("#4B5563")
HEADER_FILL = colors.HexColor("#EEF0F3")
CONFIDENTIAL = "Confidential: contains personal data."
CONFIDENTIAL_MORE = (
    "This pack is for the people interviewing these candidates. Keep it out of sight, "
    "do not copy it, and shred it once the hiring decision has been made."
)
NO_QUESTIONS = "No questions planned for this round."
ANSWER_LINES = 6
FREE_LINES = 18
NOTES_LINES = 8


@dataclass(frozen=True)
class PackStyles:
    body: ParagraphStyle
    small: ParagraphStyle  # guidance, captions
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_centred: ParagraphStyle
    kicker: ParagraphStyle  # the small line above a title
    title: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    question: ParagraphStyle
    notice: ParagraphStyle


def pack_styles(fonts: FontFamily) -> PackStyles:
    body = ParagraphStyle(
        "PackBody", fontName=fonts.sans, fontSize=9.5, leading=13.5, textColor=INK, spaceAfter=4
    )
    small = ParagraphStyle(
        "PackSmall", parent=body, fontSize=8, leading=10.5, textColor=SMALL_INK, spaceAfter=2
    )
    cell = ParagraphStyle("PackCell", parent=body, fontSize=8.5, leading=11, spaceAfter=0)
    return PackStyles(
        body=body,
        small=small,
        cell=cell,
        cell_head=ParagraphStyle("PackCellHead", parent=cell, fontName=fonts.sans_bold),
        cell_head_centred=ParagraphStyle(
            "PackCellHeadCentred", parent=cell, fontName=fonts.sans_bold, alignment=TA_CENTER
        ),
        kicker=ParagraphStyle(
            "PackKicker", parent=small, fontName=fonts.sans_bold, textColor=MUTED, spaceAfter=1
        ),
        title=ParagraphStyle(
            "PackTitle", parent=body, fontName=fonts.sans_bold, fontSize=18, leading=23
        ),
        heading=ParagraphStyle(
            "PackHeading",
            parent=body,
            fontName=fonts.sans_bold,
            fontSize=12,
            leading=15,
            textColor=ACCENT,
            spaceBefore=9,
            spaceAfter=4,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "PackSubheading",
            parent=body,
            fontName=fonts.sans_bold,
            spaceBefore=5,
            spaceAfter=2,
            keepWithNext=1,
        ),
        question=ParagraphStyle(
            "PackQuestion", parent=body, fontName=fonts.sans_bold, fontSize=10, leading=14
        ),
        notice=ParagraphStyle("PackNotice", parent=body, fontSize=8.5, leading=12, spaceAfter=0),
    )


class PackPages:
    """Flowables for the pages of one pack."""

    def __init__(self, data: PackData, fonts: FontFamily, width: float) -> None:
        self.data = data
        self.fonts = fonts
        self.width = width
        self.styles = pack_styles(fonts)

    # -- text helpers ------------------------------------------------------------------------

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of plain text (escaped here)."""
        return Paragraph(markup(text), style or self.styles.body)

    def labelled(self, label: str, value: str, style: ParagraphStyle | None = None) -> Paragraph:
        """ "Label: value" with the label in bold."""
        return Paragraph(f"{markup(label, bold=True)} {markup(value)}", style or self.styles.body)

    def when(self, interview: PackInterview) -> str:
        """ "Tue, 1 Dec 2026, 11:30–13:00 (Europe/Dublin, GMT)"."""
        locale = self.data.locale
        start, end = interview.local_start, interview.local_end
        day = format_skeleton("yMMMEd", start, locale=locale)
        first = format_time(start, "short", tzinfo=start.tzinfo, locale=locale)
        last = format_time(end, "short", tzinfo=end.tzinfo, locale=locale)
        zone = interview.timezone
        abbreviation = start.tzname() or ""
        if abbreviation and abbreviation != zone:
            zone = f"{zone}, {abbreviation}"
        return f"{day}, {first}–{last} ({zone})"

    def table(
        self,
        header: Sequence[str | Flowable],
        rows: Sequence[Sequence[str | Flowable]],
        widths: Sequence[float],
    ) -> Table:
        """A grid with a grey header row; str cells become plain-text Paragraphs."""
        cells: list[list[Any]] = [
            [
                Paragraph(markup(h), self.styles.cell_head) if isinstance(h, str) else h
                for h in header
            ]
        ]
        for row in rows:
            cells.append(
                [Paragraph(markup(c), self.styles.cell) if isinstance(c, str) else c for c in row]
            )
        table = Table(cells, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                    ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                    ("LEFTPADDING", (0, 0), (-1, -1), 4),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ]
            )
        )
        return table

    def facts(self, rows: Sequence[tuple[str, str]]) -> Table:
        """Label / value pairs, with no grid; pairs with no value are left out."""
        shown = [
            [Paragraph(markup(label), self.styles.cell_head), self.para(value, self.styles.cell)]
            for label, value in rows
            if value
        ]
        table = Table(shown or [["", ""]], colWidths=[34 * mm, self.width - 34 * mm])
        table.hAlign = "LEFT"
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            )
        )
        return table

    # -- the cover ---------------------------------------------------------------------------

    def cover(self) -> list[Flowable]:
        role, s = self.data.role, self.styles
        story: list[Flowable] = [
            self.para("INTERVIEW PACK", s.kicker),
            self.para(role.title, s.title),
            self.para(
                " · ".join(
                    p
                    for p in (role.seniority, role.employment_type, role.work_mode, role.location)
                    if p
                ),
                s.body,
            ),
            Spacer(1, 3 * mm),
        ]
        years = f"{role.min_years_experience}+ years" if role.min_years_experience else ""
        story.append(
            self.facts(
                [
                    ("Project", role.summary),
                    ("Hiring manager", role.hiring_manager),
                    ("Experience", years),
                    ("Education", role.education),
                    ("Start by", format_day(role.start_by, self.data.locale)),
                    ("Must-have skills", ", ".join(role.must_have) or "None listed"),
                    ("Nice-to-have skills", ", ".join(role.nice_to_have) or "None listed"),
                    ("Printed", format_day(self.data.printed_on, self.data.locale)),
                ]
            )
        )
        story += [self.para("Schedule", s.heading), self.schedule_table()]
        story += [self.para("Candidates in this pack", s.heading), self.candidate_index()]
        story += [Spacer(1, 6 * mm), self.confidential_notice()]
        return story

    def schedule_table(self) -> Flowable:
        if not self.data.schedule:
            return self.para("No interviews are booked for the candidates in this pack.")
        w = self.width
        return self.table(
            ["When", "Candidate", "Round", "Where", "Interviewers"],
            [
                [
                    self.when(iv),
                    iv.candidate_name,
                    iv.round_name,
                    iv.place or "Not set",
                    ", ".join(iv.interviewers) or "Not set",
                ]
                for iv in self.data.schedule
            ],
            [0.27 * w, 0.19 * w, 0.15 * w, 0.21 * w, 0.18 * w],
        )

    def candidate_index(self) -> Flowable:
        w = self.width
        return self.table(
            ["Candidate", "Stage", "Skills", "Rounds in this pack"],
            [
                [
                    c.name,
                    c.stage_label,
                    c.skills.summary,
                    ", ".join(r.name for r in c.rounds),
                ]
                for c in self.data.candidates
            ],
            [0.27 * w, 0.13 * w, 0.30 * w, 0.30 * w],
        )

    def confidential_notice(self) -> Flowable:
        box = Table(
            [
                [
                    [
                        Paragraph(markup(CONFIDENTIAL, bold=True), self.styles.notice),
                        Paragraph(markup(CONFIDENTIAL_MORE), self.styles.notice),
                    ]
                ]
            ],
            colWidths=[self.width],
        )
        box.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 1, colors.black),
                    ("LEFTPADDING", (0, 0), (-1, -1), 8),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                    ("TOPPADDING", (0, 0), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
                ]
            )
        )
        return box

    # -- a candidate -------------------------------------------------------------------------

    def candidate(self, person: PackCandidate) -> list[Flowable]:
        """The candidate's pages; the caller starts them on a new page."""
        story = self.profile(person)
        count = len(person.rounds)
        for number, pack_round in enumerate(person.rounds, 1):
            story += [PageBreak(), *self.round_questions(person, pack_round, number, count)]
            for interviewer in pack_round.interview.interviewers if pack_round.interview else ():
                story += [PageBreak(), *self.scorecard(person, pack_round, interviewer)]
            if not (pack_round.interview and pack_round.interview.interviewers):
                story += [PageBreak(), *self.scorecard(person, pack_round, "")]
        return story

    def profile(self, person: PackCandidate) -> list[Flowable]:
        s = self.styles
        about = [person.current_title]
        if person.years_experience is not None:
            years = person.years_experience
            about.append(f"{years} year{'s' if years != 1 else ''} of experience")
        if person.notice_weeks is not None:
            weeks = person.notice_weeks
            about.append(f"notice {weeks} week{'s' if weeks != 1 else ''}")
        story: list[Flowable] = [
            self.para(f"CANDIDATE · {self.data.role.title}", s.kicker),
            self.para(person.name, s.title),
            self.para(" · ".join(a for a in about if a) or "No current title given", s.body),
            self.facts(
                [
                    ("Stage", person.stage_label),
                    ("Email", person.email),
                    ("Phone", person.phone),
                    ("Location", person.location),
                    ("Links", "\n".join(person.links)),
                ]
            ),
            self.para("Skills against the role", s.heading),
            self.para(person.skills.summary, s.body),
        ]
        story += self.skills_table(person)
        if person.interviews:
            story += [self.para("Booked interviews", s.heading), self.booked(person.interviews)]
        story += self.cv_summary(person)
        story += self.earlier(person.earlier)
        return story

    def skills_table(self, person: PackCandidate) -> list[Flowable]:
        result = person.skills
        rows: list[list[str | Flowable]] = []
        for kind, matched, missing in (
            ("Must-have", result.must_matched, result.must_missing),
            ("Nice-to-have", result.nice_matched, result.nice_missing),
        ):
            has = set(matched)
            in_role_order = [skill for skill in (*matched, *missing) if skill]
            in_role_order.sort(key=self._role_position)
            rows += [
                [skill, kind, "✓ Yes" if skill in has else "✗ No: not on the profile"]
                for skill in in_role_order
            ]
        story: list[Flowable] = []
        if rows:
            w = self.width
            story.append(
                self.table(
                    ["Skill", "The role asks", "On the profile"],
                    rows,
                    [0.4 * w, 0.25 * w, 0.35 * w],
                )
            )
        if person.other_skills:
            story.append(Spacer(1, 2 * mm))
            story.append(self.labelled("Also lists:", ", ".join(person.other_skills)))
        return story

    def _role_position(self, skill: str) -> int:
        listed = (*self.data.role.must_have, *self.data.role.nice_to_have)
        return listed.index(skill) if skill in listed else len(listed)

    def booked(self, interviews: Sequence[PackInterview]) -> Flowable:
        w = self.width
        return self.table(
            ["When", "Round", "Where", "Interviewers"],
            [
                [
                    self.when(iv),
                    iv.round_name,
                    iv.place or "Not set",
                    ", ".join(iv.interviewers) or "Not set",
                ]
                for iv in interviews
            ],
            [0.32 * w, 0.18 * w, 0.28 * w, 0.22 * w],
        )

    def cv_summary(self, person: PackCandidate) -> list[Flowable]:
        s = self.styles
        if not person.cv_summary:
            return [self.para("CV summary", s.heading), self.para("No CV or notes on file.")]
        if person.cv_source == "notes":
            source = "No CV text on file; these are the candidate's notes."
            title = "Notes"
        else:
            source = f"The start of {person.cv_source}."
            title = "CV summary"
        return [
            self.para(title, s.heading),
            self.para(source, s.small),
            self.para(person.cv_summary, s.cell),
        ]

    def earlier(self, interviews: Sequence[InterviewScorecards]) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [self.para("Earlier scorecards", s.heading)]
        if not interviews:
            return [*story, self.para("No scorecards yet.")]
        for past in interviews:
            day = format_day(past.starts_at.date(), self.data.locale)
            story.append(
                self.para(f"{past.round_name} · {day} · {past.status_label}", s.subheading)
            )
            for card in past.scorecards:
                ratings = " · ".join(
                    f"{r.label} {r.rating} ({r.anchor_name})" for r in card.ratings
                )
                story.append(
                    self.labelled(
                        f"{card.interviewer_name}:", f"{card.recommendation_label}", s.cell
                    )
                )
                if ratings:
                    story.append(self.para(ratings, s.small))
                if card.notes:
                    story.append(self.para(card.notes, s.small))
        return story

    # -- a round -----------------------------------------------------------------------------

    def round_header(
        self, person: PackCandidate, pack_round: PackRound, kicker: str
    ) -> list[Flowable]:
        s = self.styles
        story: list[Flowable] = [
            self.para(kicker, s.kicker),
            self.para(f"{pack_round.name} ({pack_round.duration_minutes} min)", s.title),
        ]
        rows = [("Candidate", person.name)]
        if pack_round.interview:
            iv = pack_round.interview
            rows += [
                ("When", self.when(iv)),
                ("Where", iv.place),
                ("Interviewers", ", ".join(iv.interviewers)),
            ]
        rows.append(("Rates", ", ".join(pack_round.competency_labels)))
        return [*story, self.facts(rows), Spacer(1, 4 * mm)]

    def round_questions(
        self, person: PackCandidate, pack_round: PackRound, number: int, count: int
    ) -> list[Flowable]:
        s = self.styles
        story = self.round_header(person, pack_round, f"ROUND {number} OF {count} · QUESTIONS")
        if not pack_round.questions:
            return [*story, self.para(NO_QUESTIONS), Spacer(1, 2 * mm), RuledLines(FREE_LINES)]
        for index, q in enumerate(pack_round.questions, 1):
            block: list[Flowable] = [self.para(f"{index}. {q.text}", s.question)]
            if q.competency_label:
                block.append(self.para(f"Assesses: {q.competency_label}", s.small))
            if q.strong:
                block.append(self.labelled("Strong answer:", q.strong, s.small))
            if q.weak:
                block.append(self.labelled("Weak answer:", q.weak, s.small))
            block += [Spacer(1, 1 * mm), RuledLines(ANSWER_LINES), Spacer(1, 5 * mm)]
            story.append(KeepTogether(block))
        return story

    def scorecard(
        self, person: PackCandidate, pack_round: PackRound, interviewer: str
    ) -> list[Flowable]:
        s = self.styles
        kicker = f"SCORECARD · {interviewer}" if interviewer else "SCORECARD"
        story = self.round_header(person, pack_round, kicker)
        story += [self.para("Rating scale", s.subheading), self.legend(), Spacer(1, 3 * mm)]
        story += [self.rating_grid(pack_round.competency_labels), Spacer(1, 5 * mm)]
        story.append(WritingBox("Notes: evidence for your ratings", NOTES_LINES, self.fonts.sans))
        story += [Spacer(1, 5 * mm), self.para("Recommendation (tick one)", s.subheading)]
        labels = tuple(r.label for r in Recommendation)
        story += [Choices(labels, self.fonts.sans), Spacer(1, 8 * mm)]
        story.append(CondPageBreak(14 * mm))
        story.append(Blanks(("Interviewer", "Signature", "Date"), self.fonts.sans, (interviewer,)))
        return story

    def legend(self) -> Flowable:
        rows = [
            [
                Paragraph(markup(f"{a.rating} {a.name}", bold=True), self.styles.cell),
                Paragraph(markup(a.meaning), self.styles.cell),
            ]
            for a in RATING_ANCHORS
        ]
        table = Table(rows, colWidths=[24 * mm, self.width - 24 * mm], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 1),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ]
            )
        )
        return table

    def rating_grid(self, competencies: Sequence[str]) -> Flowable:
        centred = self.styles.cell_head_centred
        header: list[str | Flowable] = [
            "Competency",
            *(Paragraph(markup(f"{a.rating} {a.name}"), centred) for a in RATING_ANCHORS),
        ]
        rows = [[label, *(TickBox() for _ in RATING_ANCHORS)] for label in competencies]
        rows.append(["Other:", *(TickBox() for _ in RATING_ANCHORS)])
        box = (self.width - 62 * mm) / len(RATING_ANCHORS)
        table = self.table(header, rows, [62 * mm, *(box for _ in RATING_ANCHORS)])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 1), (-1, -1), 6),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
                ]
            )
        )
        return table
