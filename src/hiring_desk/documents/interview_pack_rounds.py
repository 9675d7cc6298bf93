"""The pages of one interview round: its questions with room to write, and a scorecard
per interviewer (the 1-4 scale as tick boxes, notes, the recommendation, signature).

Boxes to tick are outlined squares and ruled lines are light grey, so the forms
print and photocopy well in black and white.
"""

from __future__ import annotations

from collections.abc import Sequence

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

from hiring_desk.documents.interview_pack_layout import PackLayout
from hiring_desk.documents.interview_pack_views import PackCandidate, PackRound
from hiring_desk.documents.paper_forms import Blanks, Choices, RuledLines, TickBox, WritingBox
from hiring_desk.documents.pdf_text import markup
from hiring_desk.domain.competencies import RATING_ANCHORS
from hiring_desk.domain.vocab import Recommendation

NO_QUESTIONS = "No questions planned for this round."
ANSWER_LINES = 6
FREE_LINES = 18
NOTES_LINES = 8


class RoundPages(PackLayout):
    """A candidate's rounds: each round's questions, then its scorecards."""

    def rounds(self, person: PackCandidate) -> list[Flowable]:
        """Every round of the candidate, each starting on a new page."""
        story: list[Flowable] = []
        count = len(person.rounds)
        for number, pack_round in enumerate(person.rounds, 1):
            story += [PageBreak(), *self.round_questions(person, pack_round, number, count)]
            interviewers = pack_round.interview.interviewers if pack_round.interview else ()
            for interviewer in interviewers or ("",):
                story += [PageBreak(), *self.scorecard(person, pack_round, interviewer)]
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
