"""Messages made from templates: merged text, .eml headers and attachments, the record."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

import icalendar
import pytest
from tests.pdf_helpers import pdf_words
from tests.services.email.email_setup import (
    GREEK,
    GREEK_EMAIL,
    attachments_of,
    candidate_with_everything,
    parse_eml,
)

from hiring_desk.services.common.errors import ServiceError
from hiring_desk.services.email.eml import mailto_url
from hiring_desk.services.email.messages import (
    MessageSubject,
    messages_of,
    picked_file,
    prepare_message,
    preview_message,
    write_message,
)
from hiring_desk.services.offers.letter_merge import LetterProblemsError
from hiring_desk.store import Workbook, models


def test_an_interview_invitation_is_an_eml_with_the_calendar_file(
    workbook: Workbook, tmp_path: Path
) -> None:
    setup = candidate_with_everything(workbook)
    about = MessageSubject(
        setup.candidate_id, interview_id=setup.interview_id, sender_id=setup.sender_id
    )
    prepared = prepare_message(workbook, "interview-invitation", about)
    out = tmp_path / "invite.eml"
    record = write_message(workbook, prepared, out)

    message = parse_eml(out)
    to = message["To"].addresses[0]
    assert (to.display_name, to.addr_spec) == (GREEK, GREEK_EMAIL)
    sender = message["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == ("Niamh Gallagher", "niamh@harbourlight.ie")
    raw = out.read_bytes()
    assert GREEK.encode() not in raw.split(b"\r\n\r\n")[0]  # the header is RFC 2047 encoded
    assert b"=?utf-8?" in raw.split(b"\r\n\r\n")[0]
    assert message["Subject"] == "Interview for Backend Developer: Tuesday 12 January 2027"
    assert message["X-Unsent"] == "1"
    body = message.get_body(("plain",))
    assert body is not None
    text = body.get_content()
    # 09:00 UTC is 11:00 in Athens, where the interview was booked
    assert "Tuesday 12 January 2027, 11:00 to 12:00 (Europe/Athens)" in text
    assert "Ζωή" in text
    assert "Harbourlight office, Dublin 8" in text
    assert "Video link: https://meet.example.com/abc" in text
    assert "You will meet: Tomás Ó Briain" in text
    files = attachments_of(message)
    assert list(files) == ["interview.ics"]
    calendar = icalendar.Calendar.from_ical(files["interview.ics"])
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    assert events[0].decoded("dtstart") == datetime(2027, 1, 12, 9, 0, tzinfo=UTC)
    assert GREEK in str(events[0]["summary"])
    assert record.attachments == ("interview.ics",)


def test_the_time_is_shown_in_the_candidates_zone_when_given(workbook: Workbook) -> None:
    setup = candidate_with_everything(workbook)
    about = MessageSubject(
        setup.candidate_id,
        interview_id=setup.interview_id,
        sender_id=setup.sender_id,
        time_zone="America/New_York",
    )
    preview = preview_message(workbook, "interview-invitation", about)
    assert preview.ready
    assert "04:00 to 05:00 (America/New_York)" in preview.body


def test_an_offer_carries_its_letter_whose_text_has_the_terms(
    workbook: Workbook, tmp_path: Path
) -> None:
    setup = candidate_with_everything(workbook)
    about = MessageSubject(setup.candidate_id, offer_id=setup.offer_id, sender_id=setup.sender_id)
    out = tmp_path / "offer.eml"
    write_message(workbook, prepare_message(workbook, "offer", about), out)

    message = parse_eml(out)
    body = message.get_body(("plain",))
    assert body is not None
    assert "€65,000 per year, starting on 1 March 2027" in body.get_content()
    files = attachments_of(message)
    assert list(files) == ["offer-letter.pdf"]
    words = pdf_words(files["offer-letter.pdf"])
    assert "€65,000" in words and "1 March 2027" in words and GREEK in words


def test_what_stops_the_offer_letter_is_named_before_anything_is_made(
    workbook: Workbook,
) -> None:
    setup = candidate_with_everything(workbook)
    with workbook.transaction() as session:
        person = session.get(models.Candidate, setup.candidate_id)
        assert person is not None
        person.postal_address = ""
    about = MessageSubject(setup.candidate_id, offer_id=setup.offer_id, sender_id=setup.sender_id)
    preview = preview_message(workbook, "offer", about)
    assert not preview.ready
    (problem,) = preview.problems
    assert problem.field == "candidate.address"
    assert problem.message.startswith("The offer letter: The candidate has no postal address")
    # a message not about the offer does not need the letter
    assert preview_message(workbook, "acknowledgement", about).ready


def test_empty_and_unknown_fields_are_named_and_nothing_is_made(
    workbook: Workbook, tmp_path: Path
) -> None:
    setup = candidate_with_everything(workbook)
    with workbook.transaction() as session:
        member = session.get(models.TeamMember, setup.sender_id)
        assert member is not None
        member.email = ""
        session.add(member)
    about = MessageSubject(setup.candidate_id, sender_id=setup.sender_id)
    preview = preview_message(workbook, "interview-invitation", about)
    messages = " ".join(p.message for p in preview.problems)
    assert "no email address" in messages  # the sender's
    assert "pick one" in messages  # no interview chosen
    assert "[missing: interview.date]" in preview.subject
    with pytest.raises(LetterProblemsError, match="The message cannot be made yet"):
        prepare_message(workbook, "interview-invitation", about)
    assert messages_of(workbook, setup.candidate_id) == []


def test_a_rejection_prints_its_reason_only_when_given(workbook: Workbook) -> None:
    setup = candidate_with_everything(workbook)
    plain = MessageSubject(setup.candidate_id, sender_id=setup.sender_id)
    without = preview_message(workbook, "rejection-after-interview", plain)
    assert without.ready and "more Go" not in without.body
    reasoned = MessageSubject(
        setup.candidate_id, sender_id=setup.sender_id, reason="We  chose someone with more Go."
    )
    made = prepare_message(workbook, "rejection-after-interview", reasoned)
    assert "\nWe chose someone with more Go.\n" in made.draft.body
    assert made.draft.attachments == ()


def test_the_timeline_keeps_each_message_and_its_text(workbook: Workbook, tmp_path: Path) -> None:
    setup = candidate_with_everything(workbook)
    picked = tmp_path / "directions.txt"
    picked.write_text("Take the 14 bus.", encoding="utf-8")
    about = MessageSubject(setup.candidate_id, sender_id=setup.sender_id)
    prepared = prepare_message(workbook, "acknowledgement", about, [picked_file(picked)])
    write_message(workbook, prepared, tmp_path / "a.eml")
    write_message(
        workbook,
        prepare_message(workbook, "screening-invitation", about),
        tmp_path / "b.eml",
    )
    records = messages_of(workbook, setup.candidate_id)
    assert [r.template_name for r in records] == [
        "Invitation to a screening call",
        "Application received",
    ]
    first = records[1]
    assert first.made_by == "Niamh Gallagher"
    assert first.attachments == ("directions.txt",)
    assert first.subject == "Thanks for applying: Backend Developer at Harbourlight Software Ltd"
    assert "Thank you for applying for the Backend Developer role" in first.body
    message = parse_eml(tmp_path / "a.eml")
    assert attachments_of(message) == {"directions.txt": b"Take the 14 bus."}


def test_a_file_that_is_too_large_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "video.mp4"
    with big.open("wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    with pytest.raises(ServiceError, match="larger than 20 MB"):
        picked_file(big)


def test_a_mailto_link_carries_the_subject_and_body() -> None:
    url = mailto_url("zoi@example.gr", "Γεια & hello?", "Line one\nLine two")
    assert url.startswith("mailto:zoi@example.gr?subject=")
    subject = re.search(r"subject=([^&]*)", url)
    body = re.search(r"body=([^&]*)", url)
    assert subject and body
    assert unquote(subject.group(1)) == "Γεια & hello?"
    assert unquote(body.group(1)) == "Line one\r\nLine two"
    assert " " not in url and "\n" not in url


def test_an_address_without_a_domain_is_not_written(workbook: Workbook, tmp_path: Path) -> None:
    setup = candidate_with_everything(workbook)
    with workbook.transaction() as session:
        person = session.get(models.Candidate, setup.candidate_id)
        assert person is not None
        person.email = "zoi-at-example"
        session.add(person)
    about = MessageSubject(setup.candidate_id, sender_id=setup.sender_id)
    prepared = prepare_message(workbook, "acknowledgement", about)
    out = tmp_path / "x.eml"
    with pytest.raises(ServiceError, match="not an email address"):
        write_message(workbook, prepared, out)
    assert not out.exists()
    assert messages_of(workbook, setup.candidate_id) == []


def test_an_invitation_without_a_video_link_keeps_its_lines_apart(workbook: Workbook) -> None:
    setup = candidate_with_everything(workbook)
    with workbook.transaction() as session:
        interview = session.get(models.Interview, setup.interview_id)
        assert interview is not None
        interview.video_link = ""
        session.add(interview)
    about = MessageSubject(
        setup.candidate_id, interview_id=setup.interview_id, sender_id=setup.sender_id
    )
    body = prepare_message(workbook, "interview-invitation", about).draft.body
    assert (
        "Where: Harbourlight office, Dublin 8\nYou will meet: Tomás Ó Briain\n\nThe calendar"
        in body
    )
