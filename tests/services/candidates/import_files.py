"""Files for the import tests, made here: any rows, separator, encoding and line ends."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from hiring_desk.services.candidates import candidate_records
from hiring_desk.services.candidates.csv_import import (
    ImportReport,
    default_options,
    import_candidates,
    read_delimited,
)
from hiring_desk.services.candidates.record_checks import CandidateInput
from hiring_desk.services.preferences import workbook_preferences
from hiring_desk.store import Workbook


def table_bytes(
    rows: list[list[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    newline: str = "\n",
) -> bytes:
    """``rows`` written by the csv module (quoting where needed) and encoded."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return buffer.getvalue().encode(encoding)


def import_bytes(workbook: Workbook, data: bytes, filename: str = "people.csv") -> ImportReport:
    """Import as the command line does: the header mapped, the workbook's defaults."""
    table = read_delimited(data, filename)
    return import_candidates(workbook, table, default_options(workbook, table))


def saved(workbook: Workbook, report: ImportReport) -> list[CandidateInput]:
    """The records the import saved, in file order."""
    return [candidate_records.get_candidate(workbook, cid).record for cid in report.candidate_ids]


def set_locale(workbook: Workbook, locale: str, currency: str = "EUR") -> None:
    wanted = workbook_preferences.get_preferences(workbook)
    workbook_preferences.save_preferences(
        workbook, replace(wanted, locale=locale, default_currency=currency)
    )
