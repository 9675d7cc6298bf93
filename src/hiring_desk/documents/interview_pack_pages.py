"""The pages of an interview pack: the cover, and per candidate a profile followed by
their rounds (``interview_pack_rounds``).

Every string that came from a person goes through ``pdf_text.markup`` before it
reaches Paragraph markup. Meaning never rests on colour: a skill the candidate
lacks says "No", and the confidential note is a black box with words in it.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from hiring_desk.documents.interview_pack_rounds import RoundPages
from hiring_desk.documents.interview_pack_views import PackCandidate, PackInterview
from hiring_desk.documents.pdf_text import markup
from hiring_desk.documents.scorecard_views import InterviewScorecards
from hiring_desk.domain.formatting import format_day

CONFIDENTIAL = "Confidential: contains personal data."
CONFIDENTIAL_MORE = (
    "This pack is for the people interviewing these candidates. Keep it out of sight, "
    "do not copy it, and shred it once the hiring decision has been made."
)


class PackPages(RoundPages):
    """Flowables for the pages of one pack."""

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
        return [*self.profile(person), *self.rounds(person)]

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
            self.facts(profile_facts(person)),
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
        if person.summary_is_notes:
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


def profile_facts(person: PackCandidate) -> list[tuple[str, str]]:
    """The (label, value) rows under a candidate's name on their profile page."""
    return [
        ("Stage", person.stage_label),
        ("Email", person.email),
        ("Phone", person.phone),
        ("Location", person.location),
        ("Links", "\n".join(person.links)),
    ]
