"""What the built-in job-description templates produce, for the tests of templates,
exports and the demo."""

from __future__ import annotations

#: The headings of a job description made from a built-in template, in order;
#: ``{}`` stands for the company's name ("us" when there is none).
TEMPLATE_HEADINGS: tuple[str, ...] = (
    "About {}",
    "The role",
    "What you will do",
    "Must-have skills",
    "Nice-to-have skills",
    "Qualifications",
    "What we offer",
    "Hiring timeline",
    "How to apply",
)
