"""Email messages as mail programs write them, made here for the import tests."""

from __future__ import annotations

import io
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage


def make_pdf(*lines: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    for i, line in enumerate(lines):
        pdf.drawString(72, 760 - 16 * i, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def application(
    name: str,
    address: str,
    *,
    subject: str = "Application: Backend Developer",
    text: str | None = "Hello, please find my CV attached.",
    html: str | None = None,
    files: tuple[tuple[str, str, bytes], ...] = (),
) -> bytes:
    """A message from ``name <address>`` with a text and/or HTML body and attachments."""
    message = EmailMessage(policy=policy.SMTP)
    user, _, domain = address.partition("@")
    message["From"] = Address(display_name=name, username=user, domain=domain)
    message["To"] = "jobs@harbourlight.ie"
    message["Subject"] = subject
    if text is not None:
        message.set_content(text)
        if html is not None:
            message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    for filename, mime, data in files:
        main, _, sub = mime.partition("/")
        message.add_attachment(data, maintype=main, subtype=sub, filename=filename)
    return message.as_bytes()
