"""The engine's last guard: text that cannot be stored as UTF-8 never aborts a write."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import col, select

from hiring_desk.store import Workbook
from hiring_desk.store.models import TeamMember


def test_a_lone_surrogate_is_stored_as_a_replacement_character(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add(TeamMember(name="Ad\ud800a", title="Łódź 😀", email="a\ud83d\ude00"))

    with workbook.transaction() as session:
        member = session.exec(select(TeamMember)).one()
    assert (member.name, member.title, member.email) == ("Ad\ufffda", "Łódź 😀", "a😀")


def test_many_rows_at_once_and_named_parameters_are_guarded(workbook: Workbook) -> None:
    with workbook.transaction() as session:
        session.add_all(TeamMember(name=f"Member {i} \udcff") for i in range(3))
        session.flush()
        session.execute(
            text("UPDATE team_member SET title = :title WHERE name = :name"),
            {"title": "Lead \ud83d", "name": "Member 0 \udcff"},
        )

    with workbook.transaction() as session:
        rows = session.exec(select(TeamMember).order_by(col(TeamMember.id))).all()
    assert [m.name for m in rows] == [f"Member {i} \ufffd" for i in range(3)]
    assert [m.title for m in rows] == ["Lead \ufffd", "", ""]
