"""``attach``: keep files (CVs, cover letters) with a candidate, their text searchable."""

from __future__ import annotations

import argparse
from pathlib import Path

from hiring_desk.cli.output import fail, os_error_message, out
from hiring_desk.cli.registry import EXIT_FAILURE, EXIT_OK, add_workbook_argument, command


def _arguments(parser: argparse.ArgumentParser) -> None:
    add_workbook_argument(parser, "the workbook to change")
    parser.add_argument(
        "--candidate",
        required=True,
        type=int,
        metavar="ID",
        help="the candidate's id, as 'list candidates' shows it (required)",
    )
    parser.add_argument(
        "--kind",
        default="cv",
        metavar="KIND",
        help="what the files are, e.g. cv or cover_letter (default: cv)",
    )
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        metavar="FILE",
        help="PDF, Word (.docx), OpenDocument (.odt) or plain-text files",
    )


def human_size(size: int) -> str:
    """ "512 bytes", "120 KB", "3.4 MB"."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{-(-size // 1024)} KB"
    return f"{size / (1024 * 1024):.1f} MB"


@command(
    "attach",
    help="attach CVs and other files to a candidate",
    description=(
        "Attach files to a candidate. Each file is checked by its content (PDF, Word "
        ".docx, OpenDocument .odt or plain text), stored inside the workbook, and its "
        "text made searchable. Files that are refused are reported on stderr; the others "
        "stay attached, and the exit status is 1 if any was refused."
    ),
    arguments=_arguments,
)
def _run_attach(args: argparse.Namespace) -> int:
    from hiring_desk.services.candidates import attachments, candidate_records
    from hiring_desk.services.common.errors import ValidationError
    from hiring_desk.services.workbook.opening import open_workbook

    refused = False
    with open_workbook(args.workbook) as workbook:
        name = candidate_records.get_candidate(workbook, args.candidate).record.name
        for path in args.files:
            label = attachments.safe_filename(path.name)
            try:
                with path.open("rb") as handle:  # one byte over the cap is enough to refuse
                    data = handle.read(attachments.MAX_BYTES + 1)
                info = attachments.add_attachment(
                    workbook, args.candidate, path.name, data, kind=args.kind
                )
            except OSError as exc:
                refused = True
                fail(f"{label}: {os_error_message(exc)}")
                continue
            except ValidationError as exc:
                refused = True
                fail(" ".join(exc.errors.values()))
                continue
            out(
                f"Attached {info.filename} to {name} "
                f"({info.type_label}, {human_size(info.size)}, {info.text_state})"
            )
    return EXIT_FAILURE if refused else EXIT_OK
