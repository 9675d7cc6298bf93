"""The job-description checks: a complete posting, its length, odd text and the messages."""

from __future__ import annotations

import dataclasses
import re

import pytest
from tests.domain.jd_check_setup import PARTS, complete_jd, keys, words

from hiring_desk.domain.jd_check import (
    FINDING_KEYS,
    MAX_WORDS,
    MESSAGES,
    MIN_WORDS,
    Finding,
    check_job_description,
)
from hiring_desk.domain.jd_fields import JDContext, RoleFields, sample_context

# -- a complete description -----------------------------------------------------------------------


def test_a_complete_description_has_no_findings() -> None:
    assert check_job_description(complete_jd()) == []


def test_a_complete_description_has_no_findings_with_its_context() -> None:
    assert check_job_description(complete_jd(), sample_context()) == []


def test_the_complete_description_is_within_the_length_limits() -> None:
    count = len(complete_jd().split())
    assert MIN_WORDS <= count <= MAX_WORDS


@pytest.mark.parametrize("key", sorted(PARTS))
def test_removing_one_element_yields_exactly_that_finding(key: str) -> None:
    text = complete_jd(without=key)
    assert len(text.split()) >= MIN_WORDS, "the test text must stay long enough"
    findings = check_job_description(text)
    assert keys(findings) == [key]
    assert findings[0].message == MESSAGES[key]


def test_findings_come_in_the_documented_order() -> None:
    findings = check_job_description("")
    assert keys(findings) == [k for k in FINDING_KEYS if k != "length_long"]


# -- length --------------------------------------------------------------------------------------


def test_a_short_but_complete_description_is_flagged_short() -> None:
    text = (
        "# Dev\n\nLocation: Cork. Full-time. €50,000.\n\n## What you will do\n\n"
        "- Build.\n- Test.\n- Ship.\n\n## Must-have skills\n\n- Python\n\n"
        "3 years of experience; a degree. Interviews in March 2027."
    )
    findings = check_job_description(text)
    assert keys(findings) == ["length_short"]
    assert f"{MIN_WORDS}" in findings[0].message


def test_a_very_long_description_is_flagged_long() -> None:
    text = complete_jd() + "\n" + words(MAX_WORDS)
    findings = check_job_description(text)
    assert keys(findings) == ["length_long"]
    assert str(MAX_WORDS) in findings[0].message


def test_the_length_limits_are_inclusive() -> None:
    # Exactly MIN_WORDS and exactly MAX_WORDS words are fine.
    assert "length_short" not in keys(check_job_description(words(MIN_WORDS)))
    assert "length_short" in keys(check_job_description(words(MIN_WORDS - 1)))
    assert "length_long" not in keys(check_job_description(words(MAX_WORDS)))
    assert "length_long" in keys(check_job_description(words(MAX_WORDS + 1)))


def test_the_word_count_is_in_the_message() -> None:
    (finding,) = [f for f in check_job_description(words(42)) if f.key == "length_short"]
    assert "42 words" in finding.message


def test_markdown_markers_are_not_words() -> None:
    text = "# \n\n- **\n\n---\n\n" + words(MIN_WORDS)
    assert "length_short" not in keys(check_job_description(text))
    assert "length_short" in keys(check_job_description("## - * " + words(MIN_WORDS - 1)))


# -- odd input -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\n\n\n"])
def test_empty_text_yields_every_content_finding_and_too_short(text: str) -> None:
    findings = check_job_description(text)
    assert keys(findings) == [key for key in FINDING_KEYS if key != "length_long"]
    assert keys(findings)[-1] == "length_short" and "0 words" in findings[-1].message


@pytest.mark.parametrize(
    "text",
    [
        "# Προγραμματιστής\n\nΑλέξανδρος Παπαδόπουλος — Αθήνα.\n\n- ένα\n- δύο",
        "# Разработчик\n\nИрина Петрова, Москва. ## \n* пункт",
        "# 软件工程师\n\n北京，全职。薪资：¥300,000。",
        "مطور برمجيات في دبي 🚀🚀🚀",
        "Ｆｕｌｌ－ｔｉｍｅ （fullwidth） ﬁ ligature",
        "\x00\x01\ufeff\u200b zero width and controls",
        "#" * 500,
        "- " * 1000,
        "**" * 1000 + "__" * 1000,
        "[link](http://example.com) ![img](x.png) `code` <b>html</b> &amp;",
        "\ud800 lone surrogate",
    ],
)
def test_non_english_and_odd_text_does_not_crash(text: str) -> None:
    findings = check_job_description(text)
    assert all(isinstance(f, Finding) and f.key in FINDING_KEYS for f in findings)


def test_non_english_words_are_counted() -> None:
    text = " ".join(["Αλέξανδρος", "Ирина", "Zoë", "naïve"] * 40)
    assert "length_short" not in keys(check_job_description(text))


def test_fullwidth_and_ligature_forms_are_folded() -> None:
    text = complete_jd(without="employment_type") + "Ｆｕｌｌ－ｔｉｍｅ."
    assert "employment_type" not in keys(check_job_description(text))


def test_an_empty_context_adds_nothing_and_breaks_nothing() -> None:
    context = JDContext(role=RoleFields(title=""))
    assert keys(check_job_description("", context)) == keys(check_job_description(""))
    assert check_job_description(complete_jd(), context) == []


def test_a_non_string_is_treated_as_empty() -> None:
    findings = check_job_description(None)  # type: ignore[arg-type]
    assert findings == check_job_description("")


# -- the messages ------------------------------------------------------------------------------


def test_every_message_is_one_plain_sentence() -> None:
    all_messages = [*MESSAGES.values()]
    all_messages += [f.message for f in check_job_description("")]
    all_messages += [f.message for f in check_job_description(words(MAX_WORDS + 1))]
    for message in all_messages:
        assert message[0].isupper(), message
        assert message.endswith("."), message
        assert not re.search(r"[.!?]\s+[A-Z]", message), f"more than one sentence: {message}"
        assert "#" not in message and "*" not in message
    assert set(MESSAGES) | {"length_short", "length_long"} == set(FINDING_KEYS)


def test_findings_are_frozen() -> None:
    finding = check_job_description("")[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        finding.key = "other"  # type: ignore[misc]
