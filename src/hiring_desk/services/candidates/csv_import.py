"""Candidates from a spreadsheet export: read the file, plan the import, run it.

``read_delimited`` decodes and splits the file (``delimited_text``); ``auto_map``
guesses each column's field from its header (``candidate_import_columns``);
``plan_import`` reads every row into a checked record (``candidate_import_rows``:
defaults instead of refusals) and sorts out duplicates; ``run_import`` writes the
planned rows in one transaction (``candidate_import_store``) and returns the
``ImportReport`` the window and the command line both show.

Duplicates: a row whose email or phone is a candidate's (or an earlier row's), or
whose name is very like one whose contact details do not say otherwise, is that
person and is skipped, so importing a file twice adds nobody. A row with the same
name (but for accents, case and word order) as a candidate but other contact
details is imported, and listed as a possible duplicate to merge; the window lets
the person skip such rows before the import.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace

from hiring_desk.services.candidates.bulk_work import cyclic_gc_paused
from hiring_desk.services.candidates.csv_import_columns import (
    FIELD_LABELS,
    FIELDS,
    auto_map,
    header_warnings,
    unmapped_columns,
)
from hiring_desk.services.candidates.csv_import_rows import ImportOptions, ReadRow, RowReader
from hiring_desk.services.candidates.csv_import_store import (
    ImportCancelledError,
    Progress,
    store_records,
)
from hiring_desk.services.candidates.delimited_text import DelimitedText, read_delimited
from hiring_desk.services.candidates.duplicates import DuplicateIndex, batch_index
from hiring_desk.services.candidates.import_report import (
    ImportReport,
    PossibleDuplicate,
    ReportLine,
)
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.common.permissions import Permission, require
from hiring_desk.services.team import company
from hiring_desk.store import Workbook

__all__ = [
    "FIELDS",
    "FIELD_LABELS",
    "DelimitedText",
    "ImportCancelledError",
    "ImportOptions",
    "ImportPlan",
    "ImportReport",
    "auto_map",
    "default_options",
    "import_candidates",
    "plan_import",
    "read_delimited",
    "run_import",
]

#: Fields that tell who a row is: without a column for one of them nothing can be saved.
_WHO = frozenset({"name", "first_name", "last_name", "email", "phone"})
_PROGRESS_EVERY = 1000
_SOURCES_LISTED = 10


@dataclass(frozen=True)
class ImportPlan:
    """What an import will do, before anything is written."""

    table: DelimitedText
    options: ImportOptions
    rows: tuple[ReadRow, ...]  # to import
    skipped: tuple[ReportLine, ...]
    notes: tuple[ReportLine, ...]
    general: tuple[str, ...]
    possible_duplicates: tuple[PossibleDuplicate, ...]


def default_options(workbook: Workbook, table: DelimitedText) -> ImportOptions:
    """The columns mapped from their headers, and the workbook's currency and locale."""
    profile = company.get_company(workbook)
    return ImportOptions(
        mapping=auto_map(table.header),
        default_currency=profile.default_currency,
        locale=profile.locale,
    )


def plan_import(
    workbook: Workbook,
    table: DelimitedText,
    options: ImportOptions,
    *,
    progress: Progress | None = None,
) -> ImportPlan:
    """Read and check every row, and find the duplicates; nothing is written."""
    _check_options(options)
    with cyclic_gc_paused():
        return _plan(workbook, table, options, progress)


def _plan(
    workbook: Workbook, table: DelimitedText, options: ImportOptions, progress: Progress | None
) -> ImportPlan:
    reader = RowReader(table.header, options, company.currency_codes())
    index = batch_index(workbook)
    rows: list[ReadRow] = []
    skipped = list(table.unreadable)
    notes = [warning for warning in table.warnings if warning.line]
    possible: list[PossibleDuplicate] = []
    total = len(table.rows)
    for done, (line, cells) in enumerate(table.rows):
        if progress is not None and done % _PROGRESS_EVERY == 0 and not progress(done, total):
            raise ImportCancelledError
        read = reader.read(line, cells)
        if not isinstance(read, ReadRow):
            skipped.append(ReportLine(line, read.reason))
            continue
        record = read.record
        same, similar = index.match_or_add(-line, record.name, record.email, record.phone)
        if same is not None:
            skipped.append(ReportLine(line, _already_there(index, same)))
            continue
        if similar is not None:
            possible.append(PossibleDuplicate(line, similar, index.name_of(similar)))
        rows.append(read)
        if read.said:
            notes += [ReportLine(line, text) for text in read.said]
    return ImportPlan(
        table=table,
        options=options,
        rows=tuple(rows),
        skipped=tuple(sorted(skipped)),
        notes=tuple(notes),
        general=tuple(_general(table, options, reader)),
        possible_duplicates=tuple(possible),
    )


def run_import(
    workbook: Workbook,
    plan: ImportPlan,
    *,
    skip_lines: Collection[int] = (),
    progress: Progress | None = None,
) -> ImportReport:
    """Write the planned rows (less the possible duplicates in ``skip_lines``) at once."""
    require(workbook, Permission.CANDIDATES)
    wanted_out = set(skip_lines)
    dropped = {d.line for d in plan.possible_duplicates if d.line in wanted_out}
    chosen = [row for row in plan.rows if row.line not in dropped]
    ids = store_records(
        workbook, [row.record for row in chosen], role_id=plan.options.role_id, progress=progress
    )
    new_ids = dict(zip((row.line for row in chosen), ids, strict=True))
    possible = tuple(
        replace(d, new_id=new_ids[d.line]) for d in plan.possible_duplicates if d.line in new_ids
    )
    skipped = [
        ReportLine(d.line, f"you chose to skip it, as it {d.description}")
        for d in plan.possible_duplicates
        if d.line in dropped
    ]
    notes = [note for note in plan.notes if note.line not in dropped]
    notes += [ReportLine(d.line, f"imported, but it {d.description}") for d in possible]
    table = plan.table
    return ImportReport(
        filename=table.filename,
        encoding=table.encoding,
        delimiter=table.delimiter_name,
        rows=table.row_count,
        imported=len(ids),
        candidate_ids=tuple(ids),
        skipped=tuple(sorted([*plan.skipped, *skipped])),
        notes=tuple(sorted(notes)),
        general=plan.general,
        possible_duplicates=possible,
    )


def import_candidates(
    workbook: Workbook,
    table: DelimitedText,
    options: ImportOptions | None = None,
    *,
    skip_possible_duplicates: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Plan and run an import in one go (the command line's way)."""
    require(workbook, Permission.CANDIDATES)
    # No cyclic collection until the plan's many objects are gone again (freed as
    # ``_plan_and_run`` returns): a collection on the way would walk all of them.
    with cyclic_gc_paused():
        return _plan_and_run(workbook, table, options, skip_possible_duplicates, progress)


def _plan_and_run(
    workbook: Workbook,
    table: DelimitedText,
    options: ImportOptions | None,
    skip_possible_duplicates: bool,
    progress: Progress | None,
) -> ImportReport:
    plan = plan_import(workbook, table, options or default_options(workbook, table))
    skip = [d.line for d in plan.possible_duplicates] if skip_possible_duplicates else []
    return run_import(workbook, plan, skip_lines=skip, progress=progress)


def _check_options(options: ImportOptions) -> None:
    if not _WHO & set(options.mapping.values()):
        raise ValidationError(
            {"mapping": "choose the column that holds the candidates' names or emails"}
        )
    if options.default_currency not in company.currency_codes():
        raise ValidationError(
            {"currency": f"'{options.default_currency}' is not an ISO 4217 currency code"}
        )


def _already_there(index: DuplicateIndex, same: int) -> str:
    """Why a row is someone already there: a candidate, or an earlier row (``-line``)."""
    if same < 0:
        return f"the same person as line {-same}"
    return f"already in the workbook as candidate {same}, {index.name_of(same)}"


def _general(table: DelimitedText, options: ImportOptions, reader: RowReader) -> list[str]:
    """What the whole file should hear: its warnings, the columns kept in the notes..."""
    general = [warning.text for warning in table.warnings if not warning.line]
    general += header_warnings(table.header)
    unmapped = unmapped_columns(table.header, options.mapping)
    if unmapped:
        general.append(f"Kept in the notes as 'Column: value': {', '.join(unmapped)}.")
    if reader.default_currency_rows:
        count = reader.default_currency_rows
        general.append(
            f"{count:,} salary expectation{'s' if count != 1 else ''} without a currency "
            f"{'were' if count != 1 else 'was'} taken as {options.default_currency}."
        )
    if reader.unknown_sources:
        listed = ", ".join(
            f"{source} ({count:,})"
            for source, count in reader.unknown_sources.most_common(_SOURCES_LISTED)
        )
        more = len(reader.unknown_sources) - _SOURCES_LISTED
        general.append(
            f"Sources saved as Other (the source is in the notes): {listed}"
            + (f" and {more:,} more." if more > 0 else ".")
        )
    return general
