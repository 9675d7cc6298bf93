"""Telling the other people on a team workbook what changed (PostgreSQL LISTEN/NOTIFY).

On a server many people have the same workbook open; each window should show what
the others change without a manual refresh. Every write transaction on a server
workbook ends with one ``NOTIFY`` on ``CHANNEL``, sent on the same connection just
before the commit, so it is delivered if and only if the change is committed. Its
payload is small JSON with no personal data in it::

    {"kinds": ["applications", "candidates"], "member": 3, "origin": "9f2c..."}

``kinds`` are the names of the kinds of records that changed, in the window's
vocabulary (``ui.changes.Change``, lower case); ``member`` is the acting team member
(or null); ``origin`` is a random token of the workbook handle that wrote, so a
handle can ignore its own changes (the window announced those already).

What changed is read off the statements themselves (``INSERT INTO`` / ``UPDATE`` /
``DELETE FROM`` a table, whether the ORM, Core or a driver-level statement sent it),
so the services need not know any of this, and a file workbook does nothing at all.

``ChangeFollower`` listens: a connection of its own with ``LISTEN``, waiting with a
timeout on a thread, handing each notice from another handle to a callback (on that
thread). A dropped connection is made again quietly; as notices sent meanwhile are
lost, the first notice after a reconnect says every kind may have changed.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event

from hiring_desk.store.location import ServerAddress

if TYPE_CHECKING:
    import psycopg

_log = logging.getLogger(__name__)

#: The channel every team workbook database announces its changes on.
CHANNEL = "hiring_desk_changes"

#: The kind of record each table holds (``ui.changes.Change`` names, lower case).
#: Tables not named here (the audit trail, search indexes) announce nothing.
TABLE_KINDS: dict[str, str] = {
    "team_member": "team",
    "company_profile": "company",
    "rejection_reason": "rejection_reasons",
    "role": "roles",
    "role_skill": "roles",
    "role_stage": "roles",
    "job_description": "job_descriptions",
    "user_template": "templates",
    "candidate": "candidates",
    "candidate_skill": "candidates",
    "candidate_tag": "candidates",
    "candidate_message": "candidates",
    "attachment": "attachments",
    "application": "applications",
    "stage_event": "applications",
    "interview_plan": "interview_plans",
    "interview_round": "interview_plans",
    "round_question": "interview_plans",
    "custom_question": "question_bank",
    "interview": "interviews",
    "interview_interviewer": "interviews",
    "scorecard": "scorecards",
    "scorecard_rating": "scorecards",
    "offer": "offers",
    "workbook_setting": "preferences",
    "task": "tasks",
    "reminder_state": "tasks",
}
#: Every kind: what may have changed while a follower was not listening.
ALL_KINDS = frozenset(TABLE_KINDS.values())

#: ``Connection.info`` keys: the acting member, and the kinds written so far.
MEMBER_KEY = "hiring_desk_notify_member"
_KINDS_KEY = "hiring_desk_notify_kinds"

_WRITE = re.compile(
    r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE
)


@dataclass(frozen=True)
class Notice:
    """A change made elsewhere: the kinds of records, and who made it (a member id)."""

    kinds: frozenset[str]
    member_id: int | None
    origin: str


def written_table(statement: str) -> str | None:
    """The table a write statement writes to, or None for anything else."""
    match = _WRITE.match(statement)
    return match.group(1).lower() if match else None


def announce_writes(engine: Engine) -> str:
    """Make every committed write on ``engine`` notify ``CHANNEL``; the engine's origin
    token (for its follower to recognise its own notices)."""
    origin = secrets.token_hex(8)

    def note(conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        kind = TABLE_KINDS.get(written_table(statement) or "")
        if kind is not None:
            conn.info.setdefault(_KINDS_KEY, set()).add(kind)

    def send(conn: Any) -> None:
        kinds = conn.info.pop(_KINDS_KEY, None)
        member = conn.info.pop(MEMBER_KEY, None)
        if kinds:
            payload = json.dumps({"kinds": sorted(kinds), "member": member, "origin": origin})
            # On the driver connection, in the transaction about to be committed.
            conn.connection.driver_connection.execute(
                "SELECT pg_notify(%s, %s)", (CHANNEL, payload)
            )

    def forget(conn: Any) -> None:
        if conn.invalidated:  # a lost connection: its notes went with it (and asking
            return  # for them would try to reconnect inside the failed transaction)
        conn.info.pop(_KINDS_KEY, None)
        conn.info.pop(MEMBER_KEY, None)

    event.listen(engine, "before_cursor_execute", note)
    event.listen(engine, "commit", send)
    event.listen(engine, "rollback", forget)
    return origin


def parse_notice(payload: str) -> Notice | None:
    """The notice a payload carries; None when it is not one of ours."""
    try:
        data = json.loads(payload)
        kinds = frozenset(str(kind) for kind in data["kinds"])
        member = data.get("member")
        return Notice(kinds, int(member) if member is not None else None, str(data["origin"]))
    except (ValueError, KeyError, TypeError):
        return None


def libpq_url(address: ServerAddress) -> str:
    """The address as libpq takes it (``postgresql://``, without SQLAlchemy's driver)."""
    return re.sub(r"^[^:]*://", "postgresql://", address.url, count=1)


class ChangeFollower:
    """Listens on a team workbook's ``CHANNEL`` and hands others' notices to a callback.

    ``on_notice(notice)`` runs on the follower's thread: hand it over to your own
    thread. Notices from ``own_origin`` are skipped. ``stop()`` ends the thread
    (within ``WAIT`` seconds) and closes the connection.
    """

    #: Seconds a wait lasts before looking whether to stop.
    WAIT = 0.5
    #: Seconds between attempts to connect again, at most.
    MOST_RETRY = 10.0

    def __init__(
        self, address: ServerAddress, on_notice: Callable[[Notice], object], own_origin: str = ""
    ) -> None:
        self._url = libpq_url(address)
        self._on_notice = on_notice
        self._own_origin = own_origin
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="hiring-desk-follow", daemon=True)
        #: Set once the first LISTEN is in place (tests wait for it).
        self.listening = threading.Event()
        #: The server process of the current connection (tests end it to drop it).
        self.backend_pid: int | None = None

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(self.WAIT * 4)

    def _run(self) -> None:
        import psycopg  # loaded only for a team workbook, as store.server is

        retry = 0.5
        connected_before = False
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._url, autocommit=True, connect_timeout=10) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.backend_pid = conn.info.backend_pid
                    if connected_before:  # notices sent while away are lost
                        self._on_notice(Notice(ALL_KINDS, None, ""))
                    connected_before = True
                    retry = 0.5
                    self.listening.set()
                    self._listen(conn)
            except psycopg.Error as exc:
                _log.info(
                    "Following changes: connection lost (%s); trying again", type(exc).__name__
                )
                self._stop.wait(retry)
                retry = min(retry * 2, self.MOST_RETRY)

    def _listen(self, conn: psycopg.Connection[Any]) -> None:
        while not self._stop.is_set():
            for note in conn.notifies(timeout=self.WAIT):
                notice = parse_notice(note.payload)
                if notice is not None and notice.origin != self._own_origin:
                    self._on_notice(notice)


__all__ = ["ALL_KINDS", "CHANNEL", "TABLE_KINDS", "ChangeFollower", "Notice", "announce_writes"]
