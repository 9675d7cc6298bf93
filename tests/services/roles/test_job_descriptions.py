"""Drafting a job description from a template, versions, the check, and exports."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from tests.pdf_helpers import pdf_words

from hiring_desk import clock
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.roles import (
    jd_publishing,
    jd_user_templates,
    job_descriptions,
    role_records,
)
from hiring_desk.services.roles.briefs import RoleBrief, SkillEntry
from hiring_desk.services.roles.jd_publishing import JDFormat
from hiring_desk.services.team import company, team_members
from hiring_desk.store import Workbook


def senior_remote(workbook: Workbook) -> int:
    manager = team_members.add_member(workbook, "Tomás Ó Briain", "Head of Engineering")
    company.update_company(
        workbook,
        name="Harbourlight Software",
        address="Dublin 8\nIreland",
        signatory_id=manager.id,
        default_currency="EUR",
        locale="en_IE",
    )
    detail = role_records.create_role(
        workbook,
        RoleBrief(
            title="Senior Backend Developer",
            seniority="senior",
            employment_type="full_time",
            work_mode="remote",
            location="Remote within Ireland",
            salary_min=Decimal("78000"),
            salary_max=Decimal("95000"),
            salary_currency="EUR",
            start_by=clock.today() + timedelta(days=70),
            target_date=clock.today() + timedelta(days=40),
            education="A degree in computer science or equivalent experience",
            min_years_experience=6,
            project="our scheduling platform",
            project_duration="ongoing",
            hiring_manager_id=manager.id,
            skills=(
                SkillEntry("Python", "must"),
                SkillEntry("PostgreSQL", "must"),
                SkillEntry("Docker", "nice"),
            ),
        ),
    )
    return detail.id


def test_senior_remote_draft_is_complete(workbook: Workbook) -> None:
    role_id = senior_remote(workbook)
    text = job_descriptions.draft_from_template(workbook, role_id, "senior-backend-developer")
    for expected in (
        "Senior Backend Developer",
        "Remote",
        "Remote within Ireland",
        "Python",
        "PostgreSQL",
        "Docker",
        "€78,000",
        "€95,000",
        "Harbourlight Software",
        "Tomás Ó Briain",
    ):
        assert expected in text, expected
    assert job_descriptions.check(workbook, role_id, text) == []


def test_versions_save_list_restore(workbook: Workbook) -> None:
    role_id = senior_remote(workbook)
    first = job_descriptions.save_version(workbook, role_id, "# One\n\nfirst text")
    second = job_descriptions.save_version(workbook, role_id, "# Two\n\nsecond text", note="edit")
    assert (first.version, second.version) == (1, 2)
    assert [v.version for v in job_descriptions.list_versions(workbook, role_id)] == [2, 1]
    restored = job_descriptions.restore_version(workbook, first.id)
    assert restored.version == 3 and restored.body == first.body
    assert restored.note == "Restored from version 1"
    assert job_descriptions.latest_version(workbook, role_id) == restored


def test_empty_text_is_not_saved(workbook: Workbook) -> None:
    role_id = senior_remote(workbook)
    with pytest.raises(ValidationError) as caught:
        job_descriptions.save_version(workbook, role_id, "   \n")
    assert "body" in caught.value.errors
    assert job_descriptions.list_versions(workbook, role_id) == []


def test_incomplete_text_still_saves_with_advice(workbook: Workbook) -> None:
    role_id = senior_remote(workbook)
    findings = job_descriptions.check(workbook, role_id, "# Developer\n\nJoin us.")
    assert {f.key for f in findings} >= {"salary", "education", "length_short"}
    assert job_descriptions.save_version(workbook, role_id, "# Developer\n\nJoin us.").version == 1


def test_user_template_save_refuses_unknown_field(workbook: Workbook) -> None:
    with pytest.raises(ValidationError) as caught:
        jd_user_templates.save_user_template(workbook, "Mine", "# {{ role.salry }}\n")
    assert "salry" in caught.value.errors["body"]
    assert [c for c in jd_user_templates.list_templates(workbook) if not c.built_in] == []
    saved = jd_user_templates.save_user_template(
        workbook, "Mine", "# {{ role.title }} at {{ company.name }}\n"
    )
    role_id = senior_remote(workbook)
    text = job_descriptions.draft_from_template(workbook, role_id, saved.key)
    assert text.startswith("# Senior Backend Developer at Harbourlight Software")


def test_template_export_import_round_trip(workbook: Workbook, tmp_path: Path) -> None:
    out = jd_user_templates.export_template_file(workbook, "backend-developer", tmp_path / "t.toml")
    imported = jd_user_templates.import_template_file(workbook, out)
    assert not imported.built_in
    assert jd_user_templates.template_body(
        workbook, imported.key
    ) == jd_user_templates.template_body(workbook, "backend-developer")


def test_importing_a_non_template_is_refused(workbook: Workbook, tmp_path: Path) -> None:
    junk = tmp_path / "notes.toml"
    junk.write_text("just = 'some toml'\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        jd_user_templates.import_template_file(workbook, junk)
    assert "notes.toml" in caught.value.errors["file"]
    assert [c for c in jd_user_templates.list_templates(workbook) if not c.built_in] == []


def test_exports_need_a_saved_version(workbook: Workbook, tmp_path: Path) -> None:
    role_id = senior_remote(workbook)
    with pytest.raises(NotFoundError, match="no saved job description"):
        jd_publishing.write(workbook, role_id, JDFormat.MARKDOWN, tmp_path / "jd.md")
    assert not (tmp_path / "jd.md").exists()


def test_every_export_format(workbook: Workbook, tmp_path: Path) -> None:
    role_id = senior_remote(workbook)
    body = job_descriptions.draft_from_template(workbook, role_id, "senior-backend-developer")
    job_descriptions.save_version(workbook, role_id, body)
    md = jd_publishing.write(workbook, role_id, JDFormat.MARKDOWN, tmp_path / "jd.md")
    assert md.read_text(encoding="utf-8") == job_descriptions.latest_version(workbook, role_id).body  # type: ignore[union-attr]
    txt = jd_publishing.write(workbook, role_id, JDFormat.TEXT, tmp_path / "jd.txt").read_text(
        encoding="utf-8"
    )
    assert "Senior Backend Developer" in txt and "##" not in txt and "**" not in txt
    html = jd_publishing.write(workbook, role_id, JDFormat.HTML, tmp_path / "jd.html").read_text(
        encoding="utf-8"
    )
    assert "<h1>Senior Backend Developer</h1>" in html
    pdf = jd_publishing.write(workbook, role_id, JDFormat.PDF, tmp_path / "jd.pdf")
    text = pdf_words(pdf)
    for expected in (
        "Senior Backend Developer",
        "Remote within Ireland",
        "Python",
        "PostgreSQL",
        "€78,000",
        "€95,000",
    ):
        assert expected in text, expected
    written = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("jd"))
    assert written == ["jd.html", "jd.md", "jd.pdf", "jd.txt"]  # no partial files left
