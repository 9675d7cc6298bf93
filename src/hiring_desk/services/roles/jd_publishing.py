"""A role's job description, ready to post: PDF, Markdown, plain text or HTML."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

from hiring_desk import safe_output
from hiring_desk.services.common.errors import NotFoundError, reporting_write_failures
from hiring_desk.services.roles import job_descriptions, role_records
from hiring_desk.services.team import company
from hiring_desk.store import Workbook


class JDFormat(StrEnum):
    PDF = "pdf"
    MARKDOWN = "md"
    TEXT = "txt"
    HTML = "html"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


def current_body(workbook: Workbook, role_id: int) -> str:
    """The newest saved version's text; refuses when nothing has been saved yet."""
    latest = job_descriptions.latest_version(workbook, role_id)
    if latest is None:
        title = role_records.get_role(workbook, role_id).brief.title
        raise NotFoundError(
            f"'{title}' has no saved job description yet; draft and save one first."
        )
    return latest.body


def as_text(body: str, fmt: JDFormat, title: str) -> str:
    """The job description as Markdown, plain text or a standalone HTML page."""
    from hiring_desk.documents.jd_export import markdown_to_html, markdown_to_text

    if fmt is JDFormat.MARKDOWN:
        return body
    if fmt is JDFormat.TEXT:
        return markdown_to_text(body)
    if fmt is JDFormat.HTML:
        return markdown_to_html(body, title)
    raise ValueError(f"{fmt} is not a text format")


def write(
    workbook: Workbook, role_id: int, fmt: JDFormat, out: Path, body: str | None = None
) -> Path:
    """Write the job description (``body``, or the newest saved version) to ``out``.

    The file is written beside its destination and renamed into place, so a
    failure never leaves half a file.
    """
    from hiring_desk.documents.jd_export import Letterhead, markdown_to_pdf

    text = body if body is not None else current_body(workbook, role_id)
    title = role_records.get_role(workbook, role_id).brief.title
    with reporting_write_failures(out):
        if fmt is not JDFormat.PDF:
            safe_output.write_text(out, as_text(text, fmt, title))
            return out
        profile = company.get_company(workbook)
        letterhead = Letterhead(
            company_name=profile.name,
            address=profile.address,
            logo=profile.logo,
            title=title,
        )
        markdown_to_pdf(text, out, letterhead)
    return out
