"""Job-description templates: the built-ins, rendering, checking and the file format."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import replace

import pytest
from tests.jd_setup import TEMPLATE_HEADINGS

from hiring_desk.domain.jd_fields import JDContext, RoleFields, sample_context
from hiring_desk.domain.vocab import Seniority
from hiring_desk.services.common.errors import NotFoundError, ValidationError
from hiring_desk.services.roles.jd_templates import (
    FILE_FORMAT,
    JDTemplate,
    TemplateProblem,
    builtin_template,
    builtin_templates,
    check_template_body,
    parse_template_file,
    render,
    template_file_text,
)

BUILTIN_KEYS = {
    "backend-developer",
    "junior-backend-developer",
    "senior-backend-developer",
    "lead-backend-developer",
    "full-stack-backend-developer",
    "database-specialist",
    "api-integration-developer",
    "hris-systems-developer",
}

HEADINGS = TEMPLATE_HEADINGS

TEMPLATES = builtin_templates()
IDS = [t.key for t in TEMPLATES]


def _minimal() -> dict[str, object]:
    return JDContext(role=RoleFields(title="X")).as_mapping()


def _sample() -> dict[str, object]:
    return sample_context().as_mapping()


def _headings(text: str) -> list[str]:
    return [line[3:] for line in text.splitlines() if line.startswith("## ")]


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, heading
    return match.group(1).strip()


def _assert_clean(text: str) -> None:
    assert "None" not in text
    assert "{{" not in text and "}}" not in text
    assert "{%" not in text and "%}" not in text
    assert not re.search(r"^\s*[-*]\s*$", text, re.M), "empty bullet line"
    assert "  " not in text, "double space"
    assert " ." not in text and " ," not in text, "a hole before punctuation"
    assert "\n\n\n" not in text
    assert text.endswith("\n") and not text.endswith("\n\n")
    assert all(line == line.rstrip() for line in text.splitlines())


# -- the built-ins ---------------------------------------------------------------------------


def test_the_eight_builtins_ship_in_ladder_order() -> None:
    assert {t.key for t in TEMPLATES} == BUILTIN_KEYS
    assert [t.key for t in TEMPLATES[:4]] == [
        "junior-backend-developer",
        "backend-developer",
        "senior-backend-developer",
        "lead-backend-developer",
    ]
    assert all(t.built_in for t in TEMPLATES)
    assert all(t.seniority in {s.value for s in Seniority} for t in TEMPLATES)
    assert all(t.name and t.description for t in TEMPLATES)
    assert len({t.name for t in TEMPLATES}) == len(TEMPLATES)


def test_builtin_template_by_key() -> None:
    assert builtin_template("senior-backend-developer").seniority == "senior"
    assert builtin_template("lead-backend-developer").seniority == "lead"
    with pytest.raises(NotFoundError):
        builtin_template("astronaut")


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_builtin_renders_cleanly_with_the_sample(template: JDTemplate) -> None:
    text = render(template.body, _sample())
    _assert_clean(text)
    assert text.startswith("# Backend Developer\n")
    assert "**Full-time · Hybrid · Cork, Ireland**" in text
    assert _headings(text) == [h.format("Example Software Ltd") for h in HEADINGS]
    for value in (
        "a booking platform for independent clinics",
        "ongoing",
        "€55,000 – €68,000 per year",
        "at least 3 years",
        "15 February 2027",
        "1 March 2027",
        "Alex Murphy",
        "A degree in computer science or equivalent practical experience",
    ):
        assert value in text, value
    assert "- Python\n- PostgreSQL\n- REST\n" in _section(text, "Must-have skills") + "\n"
    assert "- Docker\n- Redis" in _section(text, "Nice-to-have skills")
    assert 200 <= len(text.split()) <= 700


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_builtin_renders_cleanly_with_only_a_title(template: JDTemplate) -> None:
    text = render(template.body, _minimal())
    _assert_clean(text)
    assert text.startswith("# X\n\n## About us\n")
    assert _headings(text) == [h.format("us") for h in HEADINGS]
    for heading in HEADINGS[1:]:
        assert _section(text, heading), f"{heading} is empty"
    assert "**" not in text  # no employment/location line when nothing is set
    assert "salary" not in text.casefold()


def test_headcount_and_single_year_are_worded_well() -> None:
    context = JDContext(role=RoleFields(title="X", headcount=3, years_experience="1"))
    text = render(builtin_template("backend-developer").body, context.as_mapping())
    assert "3 people" in text
    assert "at least 1 year of" in text
    only_remote = JDContext(role=RoleFields(title="X", work_mode="Remote"))
    text = render(builtin_template("backend-developer").body, only_remote.as_mapping())
    assert "**Remote**" in text
    _assert_clean(text)


def test_builtins_differ_from_each_other() -> None:
    sections = {t.key: _section(render(t.body, _sample()), "What you will do") for t in TEMPLATES}
    assert len(set(sections.values())) == len(TEMPLATES)
    for key in ("The role", "Qualifications"):
        texts = {_section(render(t.body, _sample()), key) for t in TEMPLATES}
        assert len(texts) == len(TEMPLATES), key


def test_builtins_express_their_variant() -> None:
    def duties(key: str) -> str:
        return _section(render(builtin_template(key).body, _sample()), "What you will do")

    assert "mentor" in duties("senior-backend-developer").casefold()
    assert "hire" in duties("lead-backend-developer").casefold()
    assert "bugs" in duties("junior-backend-developer")
    assert "interfaces" in duties("full-stack-backend-developer").casefold()
    assert "GDPR" in duties("database-specialist")
    assert "payroll" in duties("api-integration-developer")
    assert "Workday" in duties("hris-systems-developer")


# -- render and check ------------------------------------------------------------------------


def test_render_tidies_blank_lines_and_trailing_spaces() -> None:
    body = "# {{ role.title }}   \n\n\n\n\ntext  \n\n\n"
    assert render(body, _minimal()) == "# X\n\ntext\n"


def test_unknown_merge_field_is_named() -> None:
    with pytest.raises(TemplateProblem, match=r"unknown merge field 'role\.salary'"):
        render("{{ role.salary }}", _sample())
    with pytest.raises(ValidationError) as caught:
        check_template_body("# {{ role.title }}\n{{ role.salry }}\n")
    assert "role.salry" in caught.value.errors["body"]
    with pytest.raises(ValidationError) as caught:
        check_template_body("{{ company.nmae }}")
    assert "company.nmae" in caught.value.errors["body"]


def test_unknown_top_level_names_are_listed() -> None:
    with pytest.raises(ValidationError) as caught:
        check_template_body("{{ candidate }} {{ salary }}")
    assert caught.value.errors["body"] == "unknown merge fields 'candidate', 'salary'"


def test_unknown_field_in_an_else_branch_is_found() -> None:
    body = "{% if role.salary_range %}{{ role.salary_range }}{% else %}{{ role.pay }}{% endif %}"
    with pytest.raises(ValidationError, match=r"role\.pay"):
        check_template_body(body)


def test_syntax_error_names_the_line() -> None:
    with pytest.raises(ValidationError) as caught:
        check_template_body("# {{ role.title }}\n\n{% if role.location %}\nno end\n")
    message = caught.value.errors["body"]
    assert message.startswith("syntax error on line ")
    assert "\n" not in message
    with pytest.raises(TemplateProblem, match="line 2"):
        render("ok\n{{ role.title }\n", _sample())


def test_empty_body_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        check_template_body("  \n ")
    assert caught.value.errors == {"body": "is required"}


@pytest.mark.parametrize(
    "body",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ role.__class__ }}",
        "{{ must_have_skills.append.__self__ }}",
        "{{ 'x' * 100000000 }}",
        "{{ 9 ** 999999 }}",
    ],
)
def test_sandbox_escapes_are_refused(body: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_template_body(body)
    assert "\n" not in caught.value.errors["body"]
    with pytest.raises(TemplateProblem):
        render(body, _sample())


def test_a_valid_custom_body_passes() -> None:
    check_template_body(
        "# {{ role.title }}\n{% for s in must_have_skills %}- {{ s | upper }}\n{% endfor %}"
        "{{ role.location | default('anywhere', true) }} {{ company.name or 'us' }}\n"
    )


# -- the file format -------------------------------------------------------------------------


def _file(**fields: object) -> bytes:
    base: dict[str, object] = {
        "format": FILE_FORMAT,
        "version": 1,
        "name": "My Template",
        "body": "# {{ role.title }}\n",
    }
    base.update(fields)
    lines = []
    for key, value in base.items():
        if value is None:
            continue
        lines.append(f"{key} = {json.dumps(value)}")  # a JSON string is a valid TOML string
    return "\n".join(lines).encode()


def test_parse_a_minimal_user_file() -> None:
    template = parse_template_file(_file(), "mine.toml")
    assert template == JDTemplate(
        key="my-template",
        name="My Template",
        seniority="mid",
        description="",
        body="# {{ role.title }}\n",
        built_in=False,
    )
    assert parse_template_file(_file(seniority="Lead"), "x.toml").seniority == "lead"
    assert parse_template_file(_file(seniority="wizard"), "x.toml").seniority == "mid"
    assert parse_template_file(_file(key="Own Key!"), "x.toml").key == "own-key"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe\x00binary", "not UTF-8"),
        (b'{"format": "hiring-desk/jd-template", "version": 1}', "not valid TOML"),
        (_file(format=None), "no format"),
        (_file(format="hiring-desk/offer-template"), "format"),
        (_file(version=2), "version 2 is not supported"),
        (_file(version="1"), "not supported"),
        (_file(version=None), "no version"),
        (_file(body=None), "no body"),
        (_file(body="  "), "no body"),
        (_file(name=None), "no name"),
        (_file(body="{{ role.salry }}"), "role.salry"),
        (_file(body="{% if %}"), "syntax error on line 1"),
        (b"x" * (1024 * 1024 + 1), "larger than 1 MB"),
    ],
    ids=[
        "binary",
        "json",
        "no-format",
        "wrong-format",
        "version-2",
        "version-text",
        "no-version",
        "no-body",
        "blank-body",
        "no-name",
        "bad-field",
        "syntax",
        "too-big",
    ],
)
def test_parse_refuses_with_the_file_name(data: bytes, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_template_file(data, "Upload 7.toml")
    message = caught.value.errors["file"]
    assert message.startswith("Upload 7.toml is not a Hiring Desk job-description template (")
    assert reason in message
    assert "\n" not in message


@pytest.mark.parametrize("template", TEMPLATES, ids=IDS)
def test_builtins_round_trip_through_the_file_format(template: JDTemplate) -> None:
    text = template_file_text(template)
    assert tomllib.loads(text)["format"] == FILE_FORMAT
    again = parse_template_file(text.encode("utf-8"), f"{template.key}.toml")
    assert again == replace(template, built_in=False)


@pytest.mark.parametrize(
    "body",
    [
        "# {{ role.title }}\nShe said \"hi\" and 'bye'.\n",
        "Paths like C:\\temp\\new and \\n stay as typed: {{ role.title }}\n",
        "Triple ''' quotes ''' inside {{ role.title }}\n",
        "Ends with a quote: {{ role.title }}'",
        'Ends with double quotes {{ role.title }}""',
        "\nLeading newline, tab\there, Ünïcödé €, 日本語 {{ role.title }}",
        "Odd control \x07 char and CRLF\r\nline {{ role.title }}\n",
    ],
)
def test_round_trip_of_awkward_bodies(body: str) -> None:
    template = JDTemplate(
        key="odd",
        name='Name with "quotes" and \\ and é',
        seniority="senior",
        description="Tab\tand newline\nin a description",
        body=body,
        built_in=False,
    )
    again = parse_template_file(template_file_text(template).encode("utf-8"), "odd.toml")
    assert again.body == body.replace("\r\n", "\n")
    assert again.name == template.name
    assert again.seniority == "senior"
    assert again.key == "odd"
    assert again.description == template.description


def test_written_files_keep_the_body_readable() -> None:
    text = template_file_text(builtin_template("backend-developer"))
    assert 'body = """\n# {{ role.title }}\n' in text
    assert "\\n" not in text  # line breaks are real ones, not escapes
    assert text.startswith("# A Hiring Desk job-description template.")
