"""A report's figures as the sections every view shows: chart bars, a table, a note.

:func:`document_of` makes the plain ``documents.report_views`` values the PDF, the
window and the command line's text (:func:`as_text`) all draw from. A chart needs
at least ``MIN_CASES`` cases; with fewer, its section says so and keeps the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from hiring_desk.documents.report_views import Bar, ReportDocument, ReportSection, ReportTable
from hiring_desk.domain.formatting import DEFAULT_LOCALE, format_day
from hiring_desk.services.reports.report_figures import (
    LATE_AFTER_DAYS,
    FunnelStep,
    Report,
    Spread,
    StageTime,
)

Row = TypeVar("Row", FunnelStep, StageTime)

#: Fewer cases than this and a chart would mislead: the section says so instead.
MIN_CASES = 3
NOTHING = "Not enough data yet: nothing to show for this role and range."


def days(value: float) -> str:
    return f"{value:.1f}"


def percent(share: float | None) -> str:
    return "" if share is None else f"{round(share * 100)}%"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _section(
    key: str,
    title: str,
    note: str,
    bars: Sequence[Bar],
    table: ReportTable | None,
    cases: int,
    what: str,
) -> ReportSection:
    """A section, with its chart only when there are enough ``cases`` (``what`` names them)."""
    if cases == 0 or table is None or not table.rows:
        return ReportSection(key, title, note, (), NOTHING, None)
    if cases < MIN_CASES:
        message = (
            f"Not enough data yet for a chart ({_plural(cases, what)}); the numbers are below."
        )
        return ReportSection(key, title, note, (), message, table)
    return ReportSection(key, title, note, tuple(bars), "", table)


def _spread_cells(spread: Spread | None) -> tuple[str, str, str]:
    if spread is None:
        return ("0", "", "")
    middle = f"{days(spread.lower_quartile)}–{days(spread.upper_quartile)}"
    return (str(spread.count), days(spread.median), middle)


def _with_steps(
    phases: Sequence[Row], steps: Sequence[Row], cells: Callable[[Row], tuple[str, ...]]
) -> tuple[tuple[str, ...], ...]:
    """The phase rows, each followed by its steps (a role's own stages), indented."""
    rows: list[tuple[str, ...]] = []
    for phase in phases:
        rows.append(cells(phase))
        mine = [s for s in steps if s.stage.partition("#")[0] == phase.stage]
        if len(mine) > 1:
            for step in mine:
                first, *rest = cells(step)
                rows.append((f"    › {first.partition(': ')[2] or first}", *rest))
    return tuple(rows)


def _funnel(r: Report) -> ReportSection:
    rows = _with_steps(
        r.funnel, r.step_funnel, lambda s: (s.label, str(s.reached), percent(s.conversion))
    )
    bars = [
        Bar(
            s.label,
            s.reached,
            f"{s.reached}" + (f" ({percent(s.conversion)})" if s.conversion is not None else ""),
            s.stage,
        )
        for s in r.funnel
    ]
    note = (
        "Applications that ever reached each stage or a later one; moving back does not "
        "undo it, and each counts once. Hired: reached Hired. The share is of the step before."
        + (" The role's own steps are listed under their phase." if r.step_funnel else "")
    )
    table = ReportTable(("Stage", "Reached", "From the step before"), rows)
    return _section("funnel", "Funnel", note, bars, table, r.applications, "application")


def _stage_times(r: Report) -> ReportSection:
    rows = _with_steps(r.stage_times, r.step_times, lambda t: (t.label, *_spread_cells(t.spread)))
    bars = [
        Bar(t.label, t.spread.median, f"{days(t.spread.median)} days", t.stage)
        for t in r.stage_times
        if t.spread is not None
    ]
    stays = sum(t.spread.count for t in r.stage_times if t.spread is not None)
    note = (
        "Days from moving into a stage to moving out of it; stays not over yet are left out. "
        "Bars show the median; the middle half of stays took between the two quartiles."
        + (
            " A phase's time adds up the role's own steps inside it, listed under it."
            if r.step_times
            else ""
        )
    )
    table = ReportTable(("Stage", "Stays", "Median days", "Middle half (days)"), rows)
    return _section("stage_times", "Time in each stage", note, bars, table, stays, "stay")


def _hire_and_fill(r: Report, locale: str) -> ReportSection:
    rows: list[tuple[str, ...]] = []
    if r.time_to_hire is not None:
        count, median, middle = _spread_cells(r.time_to_hire)
        rows.append(("Time to hire", f"{count} hired", median, middle))
    for fill in r.time_to_fill:
        first = format_day(fill.first_hire, locale)
        rows.append(
            (f"Time to fill: {fill.title} (first hire {first})", "1 role", days(fill.days), "")
        )
    bars = [Bar(fill.title, fill.days, f"{days(fill.days)} days") for fill in r.time_to_fill]
    note = (
        "Time to hire: days from applying to the move to Hired (accepting an offer makes it). "
        "Time to fill: days from the day the role was added to its first hire."
    )
    table = ReportTable(("", "Cases", "Median days", "Middle half (days)"), tuple(rows))
    hires = r.time_to_hire.count if r.time_to_hire else 0
    return _section("hire_fill", "Time to hire and to fill", note, bars, table, hires, "hire")


def _sources(r: Report) -> ReportSection:
    rows = tuple(
        (s.label, str(s.applications), str(s.interviews), str(s.offers), str(s.hires))
        for s in r.sources
    )
    bars = [
        Bar(
            s.label,
            s.applications,
            f"{s.applications}" + (f" ({s.hires} hired)" if s.hires else ""),
        )
        for s in r.sources
    ]
    note = (
        "Applications by the candidate's source, and of those how many reached Interview, "
        "Offer and Hired (or a later stage)."
    )
    table = ReportTable(("Source", "Applications", "Interviews", "Offers", "Hires"), rows)
    return _section("sources", "Sources", note, bars, table, r.applications, "application")


def _reasons(r: Report) -> ReportSection:
    def outcome(row_outcome: str) -> str:
        return "Rejected" if row_outcome == "rejected" else "Withdrew"

    labels = [
        f"{outcome(x.outcome)} at {x.stage_label}" + (f": {x.reason}" if x.reason else "")
        for x in r.reasons
    ]
    rows = tuple((label, str(x.count)) for label, x in zip(labels, r.reasons, strict=True))
    bars = [Bar(label, x.count, str(x.count)) for label, x in zip(labels, r.reasons, strict=True)]
    note = (
        "Applications rejected or withdrawn now, by the stage they were closed from; "
        "a reopened application is not counted. Withdrawals keep no reason."
    )
    table = ReportTable(("Closed, and why", "Applications"), rows)
    closed = sum(x.count for x in r.reasons)
    return _section(
        "reasons",
        "Rejection and withdrawal reasons",
        note,
        bars,
        table,
        closed,
        "closed application",
    )


def _offers(r: Report) -> ReportSection:
    o = r.offers
    outcomes = (
        ("Accepted", o.accepted),
        ("Declined", o.declined),
        ("Expired", o.expired),
        ("Withdrawn", o.withdrawn),
        ("Waiting", o.waiting),
    )
    _count, median, middle = _spread_cells(o.decision)
    rows = (
        ("Made (sent)", str(o.made)),
        *((label, str(n)) for label, n in outcomes),
        ("Median days to an answer", median),
        ("Middle half (days)", middle),
        ("Within the role's budget", str(o.within_budget)),
        ("Above the budget", str(o.above_budget)),
        ("Below the budget", str(o.below_budget)),
        ("Not comparable", str(o.not_comparable)),
    )
    bars = [Bar(label, n, str(n)) for label, n in outcomes]
    note = (
        "Offers count once sent. Expired: still unanswered after the answer-by date. "
        "Days to an answer: from sending to accepting or declining. Not comparable: another "
        "currency or pay period, or a role without a budget."
    )
    table = ReportTable(("Offers", "Number"), rows)
    return _section("offers", "Offers", note, bars, table, o.made, "offer")


def _interviewers(r: Report) -> ReportSection:
    rows = tuple(
        (
            i.name,
            str(i.due),
            str(i.submitted),
            str(i.late),
            "" if i.average_hours is None else f"{i.average_hours:.1f}",
        )
        for i in r.interviewers
    )
    bars = [Bar(i.name, i.due, f"{i.due} due · {i.late} late") for i in r.interviewers]
    note = (
        "A scorecard is due from each interviewer once an interview has ended (cancelled ones "
        f"aside); late: it came, or is still missing, more than {LATE_AFTER_DAYS} days after. "
        "Hours: from the interview's end to the scorecard."
    )
    table = ReportTable(("Interviewer", "Due", "Submitted", "Late", "Average hours"), rows)
    due = sum(i.due for i in r.interviewers)
    return _section("interviewers", "Interviewers", note, bars, table, due, "scorecard due")


def scope_text(r: Report, locale: str = DEFAULT_LOCALE) -> str:
    start, end = r.scope.from_day, r.scope.to_day
    if start and end:
        when = f"Applied {format_day(start, locale)} to {format_day(end, locale)}"
    elif start:
        when = f"Applied from {format_day(start, locale)}"
    elif end:
        when = f"Applied up to {format_day(end, locale)}"
    else:
        when = "All time"
    return f"{when} · {_plural(r.applications, 'application')}"


def document_of(r: Report, locale: str = DEFAULT_LOCALE) -> ReportDocument:
    """The report's sections, in the order every view shows them."""
    return ReportDocument(
        title=f"Hiring report: {r.role_title}",
        scope=scope_text(r, locale),
        made_on=format_day(r.made_at.date(), locale),
        sections=(
            _funnel(r),
            _stage_times(r),
            _hire_and_fill(r, locale),
            _sources(r),
            _reasons(r),
            _offers(r),
            _interviewers(r),
        ),
    )


def as_text(document: ReportDocument) -> str:
    """The report as plain text for a terminal: each section's table and note."""
    lines = [document.title, document.scope, ""]
    for section in document.sections:
        lines.append(section.title)
        lines.append("-" * len(section.title))
        if section.table is None:
            lines.append(section.message)
        else:
            table = section.table
            widths = [
                max(len(row[i]) for row in (table.columns, *table.rows))
                for i in range(len(table.columns))
            ]
            for row in (table.columns, *table.rows):
                cells = [
                    cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                    for i, cell in enumerate(row)
                ]
                lines.append("  ".join(cells).rstrip())
        lines.append(f"What counts: {section.note}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
