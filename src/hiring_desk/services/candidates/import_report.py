"""What an import did, as one object the window and the command line both show.

The counts always add up: every data row of the file is either imported or
skipped (a row that could not even be read is skipped with its line number), so
``imported + len(skipped) == rows``. ``notes`` name what happened to rows that
were imported (a value kept in the candidate's notes, a possible duplicate),
``general`` what applies to the whole file. ``lines()`` is the text both show.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class ReportLine:
    """Something about one line of the file (0: the file as a whole)."""

    line: int
    text: str


@dataclass(frozen=True)
class PossibleDuplicate:
    """A row whose person may already be a candidate (same name, other contact details)."""

    line: int
    existing_id: int  # a candidate's id, or minus the line of an earlier row of the file
    existing_name: str
    #: The candidate the row became; None until imported (or when skipped).
    new_id: int | None = None

    @property
    def description(self) -> str:
        if self.existing_id < 0:
            return f"may be the person on line {-self.existing_id}, {self.existing_name}"
        return f"may be candidate {self.existing_id}, {self.existing_name} (same name)"


@dataclass(frozen=True)
class ImportReport:
    filename: str
    encoding: str  # as people name it: "UTF-16", "Windows-1252"
    delimiter: str  # as people name it: "commas", "tabs"
    rows: int
    imported: int
    candidate_ids: tuple[int, ...]
    skipped: tuple[ReportLine, ...]
    notes: tuple[ReportLine, ...]
    general: tuple[str, ...]
    possible_duplicates: tuple[PossibleDuplicate, ...]

    @property
    def summary(self) -> str:
        return (
            f"Imported {self.imported:,} of {self.rows:,} row{_s(self.rows)} from "
            f"{self.filename}; skipped {len(self.skipped):,}."
        )

    def lines(self) -> list[str]:
        """The report's details: the whole file first, then each line in order."""
        about_lines = sorted(
            [(entry.line, 0, f"skipped: {entry.text}") for entry in self.skipped]
            + [(entry.line, 1, entry.text) for entry in self.notes]
        )
        return [
            f"Read as {self.encoding}, separated by {self.delimiter}.",
            *self.general,
            *(f"Line {line}: {text}" for line, _order, text in about_lines),
        ]

    def text(self) -> str:
        """The summary and the details, one per line (what the command line prints)."""
        return "\n".join([self.summary, *self.lines()])


def _s(count: int) -> str:
    return "" if count == 1 else "s"
