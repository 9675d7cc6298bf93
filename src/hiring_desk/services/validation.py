"""Field checks shared by the services. Each returns a message or None."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email


def email_problem(value: str) -> str | None:
    """None if ``value`` is empty or a well-formed email address."""
    if not value:
        return None
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


def length_problem(value: str, limit: int) -> str | None:
    if len(value) > limit:
        return f"must be at most {limit} characters"
    return None


def clean(value: str | None) -> str:
    """Strip surrounding whitespace; None becomes the empty string."""
    return (value or "").strip()
