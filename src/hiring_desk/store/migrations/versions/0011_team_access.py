"""Who is who on a team workbook: logins, roles, and what each role may see.

Revision ID: 0011_team_access
Revises: 0010_record_versions
Create Date: 2026-12-07 22:00:00.000000

Both engines: ``team_member.login`` (the person's PostgreSQL login, unique),
``team_member.access_role`` (admin, recruiter, hiring_manager, interviewer; ""
for a member who does not sign in), ``team_member.removed_at`` (the person was
removed: their login is disabled, their history stays), and
``audit_event.login`` (who made the change). A workbook file has no sign-in: the
columns stay empty there.

PostgreSQL only: the rules that depend on the row, as row-level security.
``SECURITY DEFINER`` functions (owned by the workbook's owner, so they read past
the policies they serve and cannot recurse) tell who the session's login is
(``hd_member_id``), its role (``hd_access_role``: the owner and superusers are
admins) and whether a row concerns them; a policy per table and command asks
them. ``(SELECT hd_access_role())`` is written as a subquery so the server works
it out once per statement, not once per row. The workbook's owner bypasses the
policies (PostgreSQL's rule for a table's owner), so a workbook nobody else signs
in to works as before. Which role may touch which table and column at all is
granted by ``store.access`` to the workbook's four group roles, when its team
is set up.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_team_access"
down_revision: str | None = "0010_record_versions"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DEFINER = "LANGUAGE sql STABLE SECURITY DEFINER SET search_path FROM CURRENT"

#: name(arguments) -> the query answering it.
_FUNCTIONS: dict[str, tuple[str, str]] = {
    "hd_is_owner()": (
        "boolean",
        "SELECT pg_has_role(session_user, (SELECT relowner FROM pg_class "
        "WHERE oid = 'hiring_desk_workbook'::regclass), 'USAGE') "
        "OR COALESCE((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false)",
    ),
    "hd_member_id()": (
        "integer",
        "SELECT id FROM team_member WHERE login = session_user AND removed_at IS NULL",
    ),
    "hd_access_role()": (
        "text",
        "SELECT CASE WHEN hd_is_owner() THEN 'admin' ELSE COALESCE((SELECT access_role "
        "FROM team_member WHERE login = session_user AND removed_at IS NULL), '') END",
    ),
    # An interviewer sees the candidates whose interviews they take part in.
    "hd_sees_candidate(cid integer)": (
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM application a JOIN interview i ON i.application_id = a.id "
        "JOIN interview_interviewer ii ON ii.interview_id = i.id "
        "WHERE a.candidate_id = cid AND ii.member_id = hd_member_id())",
    ),
    "hd_sees_application(aid integer)": (
        "boolean",
        "SELECT hd_sees_candidate((SELECT candidate_id FROM application WHERE id = aid))",
    ),
    "hd_sees_interview(iid integer)": (
        "boolean",
        "SELECT hd_sees_application((SELECT application_id FROM interview WHERE id = iid))",
    ),
    "hd_takes_part(iid integer)": (
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM interview_interviewer "
        "WHERE interview_id = iid AND member_id = hd_member_id())",
    ),
    # Scores stay independent: another interviewer's scorecard on an application is
    # shown once this one has submitted theirs for every interview of it they take
    # part in (cancelled ones aside).
    "hd_done_scoring(aid integer)": (
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM interview i JOIN interview_interviewer ii "
        "ON ii.interview_id = i.id WHERE i.application_id = aid AND ii.member_id = hd_member_id()) "
        "AND NOT EXISTS (SELECT 1 FROM interview i JOIN interview_interviewer ii "
        "ON ii.interview_id = i.id WHERE i.application_id = aid AND ii.member_id = hd_member_id() "
        "AND i.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM scorecard s "
        "WHERE s.interview_id = i.id AND s.interviewer_id = hd_member_id()))",
    ),
    "hd_sees_scorecard(sid integer)": (
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM scorecard s JOIN interview i ON i.id = s.interview_id "
        "WHERE s.id = sid AND (s.interviewer_id = hd_member_id() "
        "OR hd_done_scoring(i.application_id)))",
    ),
    # A hiring manager's own roles, and what belongs to them.
    "hd_manages_role(rid integer)": (
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM role WHERE id = rid AND hiring_manager_id = hd_member_id())",
    ),
    "hd_manages_application(aid integer)": (
        "boolean",
        "SELECT hd_manages_role((SELECT role_id FROM application WHERE id = aid))",
    ),
    "hd_manages_interview(iid integer)": (
        "boolean",
        "SELECT hd_manages_application((SELECT application_id FROM interview WHERE id = iid))",
    ),
    "hd_manages_plan(pid integer)": (
        "boolean",
        "SELECT hd_manages_role((SELECT role_id FROM interview_plan WHERE id = pid))",
    ),
    "hd_manages_round(rid integer)": (
        "boolean",
        "SELECT hd_manages_plan((SELECT plan_id FROM interview_round WHERE id = rid))",
    ),
    "hd_writes_scorecard(sid integer)": (
        "boolean",
        "SELECT EXISTS (SELECT 1 FROM scorecard s WHERE s.id = sid AND "
        "(s.interviewer_id = hd_member_id() OR hd_manages_interview(s.interview_id)))",
    ),
}

_ROLE = "(SELECT hd_access_role())"
_READERS = f"{_ROLE} IN ('admin', 'recruiter', 'hiring_manager')"
_STAFF = f"{_ROLE} IN ('admin', 'recruiter')"
_MANAGER = f"{_ROLE} = 'hiring_manager'"

#: table -> (who may read a row, who may write it). Grants decide which roles may
#: read or write the table at all; these decide which rows.
_POLICIES: dict[str, tuple[str, str]] = {
    "candidate": (f"{_READERS} OR hd_sees_candidate(id)", _STAFF),
    "candidate_skill": (f"{_READERS} OR hd_sees_candidate(candidate_id)", _STAFF),
    "candidate_tag": (f"{_READERS} OR hd_sees_candidate(candidate_id)", _STAFF),
    "attachment": (f"{_READERS} OR hd_sees_candidate(candidate_id)", _STAFF),
    "candidate_search": (f"{_READERS} OR hd_sees_candidate(candidate_id)", _STAFF),
    "candidate_message": (_READERS, _STAFF),
    "application": (
        f"{_READERS} OR hd_sees_candidate(candidate_id)",
        f"{_STAFF} OR ({_MANAGER} AND hd_manages_role(role_id))",
    ),
    "stage_event": (
        f"{_READERS} OR hd_sees_application(application_id)",
        f"{_STAFF} OR ({_MANAGER} AND hd_manages_application(application_id))",
    ),
    "interview": (
        f"{_READERS} OR hd_sees_application(application_id)",
        f"{_STAFF} OR ({_MANAGER} AND hd_manages_application(application_id))",
    ),
    "interview_interviewer": (
        f"{_READERS} OR hd_sees_interview(interview_id)",
        f"{_STAFF} OR ({_MANAGER} AND hd_manages_interview(interview_id))",
    ),
    "offer": (
        f"{_STAFF} OR ({_MANAGER} AND hd_manages_application(application_id))",
        f"{_STAFF} OR ({_MANAGER} AND hd_manages_application(application_id))",
    ),
    "scorecard": (
        f"{_READERS} OR interviewer_id = hd_member_id() OR hd_done_scoring("
        "(SELECT application_id FROM interview WHERE interview.id = interview_id))",
        f"{_STAFF} OR ({_MANAGER} AND hd_manages_interview(interview_id)) "
        "OR (interviewer_id = hd_member_id() AND hd_takes_part(interview_id))",
    ),
    "scorecard_rating": (
        f"{_READERS} OR hd_sees_scorecard(scorecard_id)",
        f"{_STAFF} OR hd_writes_scorecard(scorecard_id)",
    ),
    "role": (
        "true",
        f"{_ROLE} = 'admin' OR ({_MANAGER} AND hiring_manager_id = hd_member_id())",
    ),
    "role_skill": ("true", f"{_ROLE} = 'admin' OR ({_MANAGER} AND hd_manages_role(role_id))"),
    "job_description": (
        "true",
        f"{_ROLE} = 'admin' OR ({_MANAGER} AND hd_manages_role(role_id))",
    ),
    "role_stage": ("true", f"{_STAFF} OR ({_MANAGER} AND hd_manages_role(role_id))"),
    "interview_plan": ("true", f"{_STAFF} OR ({_MANAGER} AND hd_manages_role(role_id))"),
    "interview_round": ("true", f"{_STAFF} OR ({_MANAGER} AND hd_manages_plan(plan_id))"),
    "round_question": ("true", f"{_STAFF} OR ({_MANAGER} AND hd_manages_round(round_id))"),
    "task": (_READERS, _READERS),
}


def upgrade() -> None:
    op.add_column("team_member", sa.Column("login", sa.String(), nullable=True))
    op.create_index("ix_team_member_login", "team_member", ["login"], unique=True)
    op.add_column(
        "team_member",
        sa.Column("access_role", sa.String(), nullable=False, server_default=""),
    )
    op.add_column("team_member", sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column("audit_event", sa.Column("login", sa.String(), nullable=False, server_default=""))
    if op.get_bind().dialect.name == "postgresql":
        _upgrade_postgresql()


def _upgrade_postgresql() -> None:
    for signature, (returns, query) in _FUNCTIONS.items():
        op.execute(f"CREATE FUNCTION {signature} RETURNS {returns} {_DEFINER} AS $$ {query} $$")
    # The audit trail names the login, whatever the client says.
    op.execute(
        "CREATE FUNCTION hd_audit_login() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN NEW.login := session_user; RETURN NEW; END $$"
    )
    op.execute(
        "CREATE TRIGGER audit_event_login BEFORE INSERT ON audit_event "
        "FOR EACH ROW EXECUTE FUNCTION hd_audit_login()"
    )
    for table, (read, write) in _POLICIES.items():
        op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        op.execute(f"CREATE POLICY {table}_read ON {table} FOR SELECT USING ({read})")
        op.execute(f"CREATE POLICY {table}_add ON {table} FOR INSERT WITH CHECK ({write})")
        op.execute(
            f"CREATE POLICY {table}_change ON {table} FOR UPDATE "
            f"USING ({write}) WITH CHECK ({write})"
        )
        op.execute(f"CREATE POLICY {table}_remove ON {table} FOR DELETE USING ({write})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _POLICIES:
            for kind in ("read", "add", "change", "remove"):
                op.execute(f"DROP POLICY {table}_{kind} ON {table}")
            op.execute(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY")
        op.execute("DROP TRIGGER audit_event_login ON audit_event")
        op.execute("DROP FUNCTION hd_audit_login()")
        for signature in reversed(list(_FUNCTIONS)):
            op.execute(f"DROP FUNCTION {signature}")
    op.drop_column("audit_event", "login")
    op.drop_column("team_member", "removed_at")
    op.drop_column("team_member", "access_role")
    op.drop_index("ix_team_member_login", table_name="team_member")
    op.drop_column("team_member", "login")
