"""Initial schema: the whole first-cut domain model of DESIGN.md.

Revision ID: 0001_initial
Revises: (none)
Create Date: 2026-11-24 08:56:01.001229
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "audit_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(), nullable=False),
        sa.Column("action", sa.String(), nullable=False),
        sa.Column("entity", sa.String(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_event_at"), ["at"], unique=False)

    op.create_table(
        "candidate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("phone", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("postal_address", sa.String(), nullable=False),
        sa.Column("linkedin_url", sa.String(), nullable=False),
        sa.Column("github_url", sa.String(), nullable=False),
        sa.Column("portfolio_url", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("current_title", sa.String(), nullable=False),
        sa.Column("years_experience", sa.Integer(), nullable=True),
        sa.Column("salary_expectation_minor", sa.Integer(), nullable=True),
        sa.Column("salary_currency", sa.String(), nullable=True),
        sa.Column("salary_period", sa.String(), nullable=False),
        sa.Column("notice_weeks", sa.Integer(), nullable=True),
        sa.Column("work_mode_preference", sa.String(), nullable=True),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("retain_until", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_candidate_email"), ["email"], unique=False)
        batch_op.create_index(batch_op.f("ix_candidate_name"), ["name"], unique=False)

    op.create_table(
        "custom_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("competency", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("strong_answer", sa.String(), nullable=False),
        sa.Column("weak_answer", sa.String(), nullable=False),
        sa.Column("seniorities", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("custom_question", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_custom_question_competency"), ["competency"], unique=False
        )

    op.create_table(
        "rejection_reason",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("text"),
    )
    op.create_table(
        "team_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("email", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_team_member_name"), ["name"], unique=False)

    op.create_table(
        "user_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("content", sa.String(), nullable=False),
        sa.Column("based_on", sa.String(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("user_template", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_user_template_kind"), ["kind"], unique=False)

    op.create_table(
        "workbook_setting",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    op.create_table(
        "attachment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("filename", sa.String(), nullable=False),
        sa.Column("mime", sa.String(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachment_candidate_id"), ["candidate_id"], unique=False
        )

    op.create_table(
        "candidate_skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("skill", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("candidate_id", "skill"),
    )
    with op.batch_alter_table("candidate_skill", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_skill_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_candidate_skill_skill"), ["skill"], unique=False)

    op.create_table(
        "candidate_tag",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("candidate_id", "tag"),
    )
    with op.batch_alter_table("candidate_tag", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_candidate_tag_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_candidate_tag_tag"), ["tag"], unique=False)

    op.create_table(
        "company_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("address", sa.String(), nullable=False),
        sa.Column("logo", sa.LargeBinary(), nullable=True),
        sa.Column("logo_mime", sa.String(), nullable=True),
        sa.Column("signatory_id", sa.Integer(), nullable=True),
        sa.Column("default_currency", sa.String(), nullable=False),
        sa.Column("locale", sa.String(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["signatory_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("template_key", sa.String(), nullable=True),
        sa.Column("seniority", sa.String(), nullable=False),
        sa.Column("employment_type", sa.String(), nullable=False),
        sa.Column("work_mode", sa.String(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("start_by", sa.Date(), nullable=True),
        sa.Column("project", sa.String(), nullable=False),
        sa.Column("project_duration", sa.String(), nullable=False),
        sa.Column("salary_min_minor", sa.Integer(), nullable=True),
        sa.Column("salary_max_minor", sa.Integer(), nullable=True),
        sa.Column("salary_currency", sa.String(), nullable=False),
        sa.Column("salary_period", sa.String(), nullable=False),
        sa.Column("hiring_manager_id", sa.Integer(), nullable=True),
        sa.Column("target_date", sa.Date(), nullable=True),
        sa.Column("education", sa.String(), nullable=False),
        sa.Column("min_years_experience", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["hiring_manager_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_role_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_role_title"), ["title"], unique=False)

    op.create_table(
        "application",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("stage", sa.String(), nullable=False),
        sa.Column("closed_reason", sa.String(), nullable=False),
        sa.Column("applied_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["candidate_id"], ["candidate.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("candidate_id", "role_id"),
    )
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_candidate_id"), ["candidate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_application_role_id"), ["role_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_application_stage"), ["stage"], unique=False)

    op.create_table(
        "interview_plan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("role_id"),
    )
    op.create_table(
        "job_description",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("template_key", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=False),
        sa.Column("body", sa.String(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["created_by_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("role_id", "version"),
    )
    with op.batch_alter_table("job_description", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_job_description_role_id"), ["role_id"], unique=False)

    op.create_table(
        "role_skill",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role_id", sa.Integer(), nullable=False),
        sa.Column("skill", sa.String(), nullable=False),
        sa.Column("importance", sa.String(), nullable=False),
        sa.Column("level", sa.String(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["role_id"], ["role.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("role_id", "skill"),
    )
    with op.batch_alter_table("role_skill", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_role_skill_role_id"), ["role_id"], unique=False)

    op.create_table(
        "interview_round",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("competencies", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["plan_id"], ["interview_plan.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interview_round", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_interview_round_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "offer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("salary_minor", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(), nullable=False),
        sa.Column("pay_period", sa.String(), nullable=False),
        sa.Column("bonus", sa.String(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("employment_type", sa.String(), nullable=False),
        sa.Column("probation", sa.String(), nullable=False),
        sa.Column("working_hours", sa.String(), nullable=False),
        sa.Column("place_of_work", sa.String(), nullable=False),
        sa.Column("benefits", sa.String(), nullable=False),
        sa.Column("expiry_date", sa.Date(), nullable=True),
        sa.Column("conditions", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("accepted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("declined_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("withdrawn_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("letter_template", sa.String(), nullable=True),
        sa.Column("letter_text", sa.String(), nullable=False),
        sa.Column("printed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["approved_by_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("offer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_offer_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_offer_status"), ["status"], unique=False)

    op.create_table(
        "stage_event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("from_stage", sa.String(), nullable=True),
        sa.Column("to_stage", sa.String(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_member_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["by_member_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_stage_event_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "interview",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=True),
        sa.Column("round_name", sa.String(), nullable=False),
        sa.Column("starts_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("timezone", sa.String(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(), nullable=False),
        sa.Column("video_link", sa.String(), nullable=False),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["application_id"], ["application.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["round_id"], ["interview_round.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interview_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_interview_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "round_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("competency", sa.String(), nullable=False),
        sa.Column("text", sa.String(), nullable=False),
        sa.Column("strong_answer", sa.String(), nullable=False),
        sa.Column("weak_answer", sa.String(), nullable=False),
        sa.Column("bank_key", sa.String(), nullable=True),
        sa.ForeignKeyConstraint(["round_id"], ["interview_round.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("round_question", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_round_question_round_id"), ["round_id"], unique=False)

    op.create_table(
        "interview_interviewer",
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["interview_id"], ["interview.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["member_id"], ["team_member.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("interview_id", "member_id"),
    )
    op.create_table(
        "scorecard",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interview_id", sa.Integer(), nullable=False),
        sa.Column("interviewer_id", sa.Integer(), nullable=True),
        sa.Column("recommendation", sa.String(), nullable=False),
        sa.Column("notes", sa.String(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["interview_id"], ["interview.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["interviewer_id"], ["team_member.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("interview_id", "interviewer_id"),
    )
    with op.batch_alter_table("scorecard", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scorecard_interview_id"), ["interview_id"], unique=False
        )

    op.create_table(
        "scorecard_rating",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scorecard_id", sa.Integer(), nullable=False),
        sa.Column("competency", sa.String(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 4", name="rating_range"),
        sa.ForeignKeyConstraint(["scorecard_id"], ["scorecard.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("scorecard_id", "competency"),
    )
    with op.batch_alter_table("scorecard_rating", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scorecard_rating_scorecard_id"), ["scorecard_id"], unique=False
        )
    _mark_postgresql_workbook()


def _mark_postgresql_workbook() -> None:
    """On PostgreSQL, the table that marks the database as a Hiring Desk workbook (a
    workbook file says so in its header's ``application_id``): a database holding
    tables without it is something else, and is left alone."""
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("CREATE TABLE hiring_desk_workbook (format INTEGER NOT NULL)")
    op.execute("INSERT INTO hiring_desk_workbook (format) VALUES (1)")


def downgrade() -> None:
    with op.batch_alter_table("scorecard_rating", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scorecard_rating_scorecard_id"))

    op.drop_table("scorecard_rating")
    with op.batch_alter_table("scorecard", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scorecard_interview_id"))

    op.drop_table("scorecard")
    op.drop_table("interview_interviewer")
    with op.batch_alter_table("round_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_round_question_round_id"))

    op.drop_table("round_question")
    with op.batch_alter_table("interview", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_starts_at"))
        batch_op.drop_index(batch_op.f("ix_interview_application_id"))

    op.drop_table("interview")
    with op.batch_alter_table("stage_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stage_event_application_id"))

    op.drop_table("stage_event")
    with op.batch_alter_table("offer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_offer_status"))
        batch_op.drop_index(batch_op.f("ix_offer_application_id"))

    op.drop_table("offer")
    with op.batch_alter_table("interview_round", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interview_round_plan_id"))

    op.drop_table("interview_round")
    with op.batch_alter_table("role_skill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_skill_role_id"))

    op.drop_table("role_skill")
    with op.batch_alter_table("job_description", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_job_description_role_id"))

    op.drop_table("job_description")
    op.drop_table("interview_plan")
    with op.batch_alter_table("application", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_stage"))
        batch_op.drop_index(batch_op.f("ix_application_role_id"))
        batch_op.drop_index(batch_op.f("ix_application_candidate_id"))

    op.drop_table("application")
    with op.batch_alter_table("role", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_role_title"))
        batch_op.drop_index(batch_op.f("ix_role_status"))

    op.drop_table("role")
    op.drop_table("company_profile")
    with op.batch_alter_table("candidate_tag", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_tag_tag"))
        batch_op.drop_index(batch_op.f("ix_candidate_tag_candidate_id"))

    op.drop_table("candidate_tag")
    with op.batch_alter_table("candidate_skill", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_skill_skill"))
        batch_op.drop_index(batch_op.f("ix_candidate_skill_candidate_id"))

    op.drop_table("candidate_skill")
    with op.batch_alter_table("attachment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachment_candidate_id"))

    op.drop_table("attachment")
    op.drop_table("workbook_setting")
    with op.batch_alter_table("user_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_user_template_kind"))

    op.drop_table("user_template")
    with op.batch_alter_table("team_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_team_member_name"))

    op.drop_table("team_member")
    op.drop_table("rejection_reason")
    with op.batch_alter_table("custom_question", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_custom_question_competency"))

    op.drop_table("custom_question")
    with op.batch_alter_table("candidate", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_candidate_name"))
        batch_op.drop_index(batch_op.f("ix_candidate_email"))

    op.drop_table("candidate")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_event_at"))

    op.drop_table("audit_event")
