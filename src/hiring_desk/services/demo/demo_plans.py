"""The demo workbook's interview plans: the rounds of each role, their questions, and
one question of the demo's own (see ``demo.py``, which builds them; ``demo_data``
holds the rest of the sample data). Everything here is invented.
"""

from __future__ import annotations

from typing import NamedTuple


class QuestionData(NamedTuple):
    competency: str
    text: str
    strong: str
    weak: str


class RoundData(NamedTuple):
    name: str
    minutes: int
    competencies: str
    interviewers: tuple[str, ...]
    summary: str
    questions: tuple[QuestionData, ...]


_PHONE = RoundData(
    "Phone screen",
    30,
    "communication,motivation",
    ("hr",),
    "a call with Priya about your experience, what you are looking for and practicalities",
    (
        QuestionData(
            "communication",
            "Walk me through a backend feature you built recently, from the incoming "
            "request to the data it stores.",
            "Follows the request in order, names the trade-offs and what they would now do "
            "differently; adjusts the detail to the listener.",
            "Lists technologies without showing how they fit, or cannot say which part "
            "was their own.",
        ),
        QuestionData(
            "motivation",
            "What are you looking for in your next job, and what made you apply to us?",
            "Clear reasons tied to the role or the product; has looked at what Tidewell does.",
            "Only talks about leaving the current job or about pay; knows nothing about us.",
        ),
    ),
)

_TEAM_FIT = RoundData(
    "Team fit",
    45,
    "teamwork,communication,motivation",
    ("hr", "eng"),
    "a relaxed conversation with people you would work with every day",
    (
        QuestionData(
            "teamwork",
            "Tell us about a code review where you disagreed with the reviewer. What happened?",
            "Separates taste from correctness, argues with evidence, and can accept losing.",
            "Describes the reviewer as the problem; cannot recall changing their own mind.",
        ),
        QuestionData(
            "communication",
            "A customer-facing bug lands on your desk at 16:30 on a Friday. What do you do?",
            "Assesses impact first, tells support what to say, fixes or rolls back, writes "
            "down what happened for Monday.",
            "Either ignores it until Monday or quietly hot-fixes production alone.",
        ),
    ),
)

PLANS: dict[str, tuple[RoundData, ...]] = {
    "mid": (
        _PHONE,
        RoundData(
            "Technical interview",
            90,
            "languages,databases,apis,testing,problem_solving",
            ("eng",),
            "we talk through code and a small design problem with Tomás; no puzzles",
            (
                QuestionData(
                    "databases",
                    "A list endpoint that was fast with 1,000 rows takes eight seconds with "
                    "two million. How do you find and fix the cause?",
                    "Measures first: query log and EXPLAIN, spots a missing index or N+1 ORM "
                    "queries, pages by key rather than offset, checks the result.",
                    "Adds a cache or a bigger server straight away without finding the cause.",
                ),
                QuestionData(
                    "apis",
                    "Design the REST endpoints to book, move and cancel an appointment. "
                    "Which status codes and error bodies would you return?",
                    "Resource-based URLs, 201/200/204 used correctly, 409 for a taken slot, "
                    "consistent error shape, thinks about double submission.",
                    "Verb-style URLs, 200 for everything, errors only as free text.",
                ),
                QuestionData(
                    "testing",
                    "How would you test code that emails patients a reminder 24 hours before "
                    "their appointment?",
                    "Injects the clock and a fake mail sender, tests the boundaries (23h59, "
                    "time zones, cancelled bookings), plus one integration test.",
                    "Would test it by hand or wait for real time to pass in a test.",
                ),
            ),
        ),
        _TEAM_FIT,
    ),
    "sen": (
        _PHONE,
        RoundData(
            "Technical deep dive",
            90,
            "languages,databases,apis,testing",
            ("eng", "ceo"),
            "a discussion of systems you have built, and some code we read together",
            (
                QuestionData(
                    "languages",
                    "A long-running Python worker grows by 200 MB a day until it is killed. "
                    "How do you investigate?",
                    "Reproduces it, uses tracemalloc or heap snapshots, suspects caches, "
                    "global lists and C extensions, adds a memory metric and alert.",
                    "Restarts the worker every night and calls it solved.",
                ),
                QuestionData(
                    "apis",
                    "When would you put a message queue between two services instead of a "
                    "direct HTTP call?",
                    "Talks about coupling, retries, back-pressure and ordering; knows queues "
                    "bring their own costs (duplicates, monitoring, harder debugging).",
                    "Always uses one or the other without being able to say why.",
                ),
            ),
        ),
        RoundData(
            "System design",
            90,
            "system_design,databases,security,apis",
            ("eng", "ceo"),
            "we design part of a payments system together on a shared whiteboard",
            (
                QuestionData(
                    "system_design",
                    "Design a service that invoices 3,000 clinics every month and takes card "
                    "payments from their patients.",
                    "Immutable invoices and a ledger, idempotency keys, retries through an "
                    "outbox, daily reconciliation, card data kept with the provider.",
                    "One table with a mutable status column; no answer to double charges.",
                ),
                QuestionData(
                    "databases",
                    "How would you change the schema of a 200 GB PostgreSQL table without "
                    "downtime?",
                    "Expand and contract: add new columns, backfill in batches, write to "
                    "both, switch reads, verify, then drop the old parts.",
                    "One big migration run at night during a maintenance window.",
                ),
                QuestionData(
                    "security",
                    "A patient asks us to erase their data, but invoices must be kept for six "
                    "years. How do you design for both?",
                    "Separates personal data from the financial record, pseudonymises, "
                    "documents the legal basis, makes erasure a tested routine.",
                    "Deletes everything, or keeps everything and ignores the request.",
                ),
            ),
        ),
        RoundData(
            "Leadership and team fit",
            60,
            "leadership,communication,teamwork",
            ("hr", "ceo"),
            "a conversation about how you lead, learn and work with others",
            (
                QuestionData(
                    "leadership",
                    "Tell us about a less experienced developer you helped to grow. What did "
                    "you do, and what changed for them?",
                    "Concrete actions over months (pairing, stretch tasks, honest feedback) "
                    "and a visible result in the other person's work.",
                    "Mentoring means answering questions when asked.",
                ),
                QuestionData(
                    "communication",
                    "Describe a technical decision you made that you would make differently today.",
                    "Owns the decision, explains what they knew then, what they learned and "
                    "how they now decide.",
                    "Cannot name one, or the mistake was always someone else's.",
                ),
            ),
        ),
    ),
}

CUSTOM_QUESTION = QuestionData(
    "communication",
    "Explain a recent technical decision to someone from our clinic support team, without jargon.",
    "Uses plain words and an example from the clinic's day; checks the listener follows.",
    "Falls back on acronyms, or simplifies so much that the decision no longer makes sense.",
)
