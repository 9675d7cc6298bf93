"""Each kind of Today item, checked exactly on a workbook where every kind is due;
snoozes hide an item until they run out, dones hide it for good (or until it falls
due again)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from today_setup import Ids, at, build

from hiring_desk import clock
from hiring_desk.services.common.errors import ValidationError
from hiring_desk.services.today import today_items
from hiring_desk.services.today.today_limits import TodayLimits, get_limits, set_limits
from hiring_desk.services.today.today_views import ItemKind, Opens, TodayItem
from hiring_desk.store import Workbook


@pytest.fixture
def ids(workbook: Workbook, today: date) -> Ids:
    return build(workbook)


def _row(item: TodayItem) -> tuple[object, ...]:
    return (
        item.kind,
        item.entity_id,
        item.subject,
        item.detail,
        item.due_on,
        item.opens,
        item.target_id,
    )


def test_every_kind_of_item_is_listed_exactly(workbook: Workbook, ids: Ids) -> None:
    view = today_items.list_today(workbook)
    assert [_row(item) for item in view.items] == [
        (
            ItemKind.INTERVIEW,
            ids.interview_today,
            "Ana Diaz: Technical",
            "Today at 15:00 (UTC), Backend Engineer",
            date(2026, 11, 30),
            Opens.PACK,
            ids.interview_today,
        ),
        (
            ItemKind.INTERVIEW,
            ids.interview_tomorrow,
            "Ana Diaz: Team fit",
            "Tomorrow at 09:00 (UTC), Backend Engineer",
            date(2026, 12, 1),
            Opens.PACK,
            ids.interview_tomorrow,
        ),
        (
            ItemKind.SCORECARD,
            ids.interview_unscored,
            "Ben Cole: Technical",
            "Backend Engineer; waiting for Sam Ode",
            date(2026, 11, 29),
            Opens.SCORECARD,
            ids.interview_unscored,
        ),
        (
            ItemKind.OFFER_EXPIRING,
            ids.offer_expiring,
            "Cara Lund: offer for Backend Engineer",
            "expires in 2 days (sent)",
            date(2026, 12, 2),
            Opens.OFFER,
            ids.offer_expiring,
        ),
        (
            ItemKind.OFFER_AWAITING,
            ids.offer_awaiting,
            "Dan Ross: offer for Designer",
            "sent 25 Nov (sent)",
            date(2026, 11, 25),
            Opens.OFFER,
            ids.offer_awaiting,
        ),
        (
            ItemKind.IDLE,
            ids.eve_application,
            "Eve Marsh: Designer",
            "at Screening for 20 days",
            date(2026, 11, 17),
            Opens.CANDIDATE,
            ids.eve,
        ),
        (
            ItemKind.ROLE_PAST_TARGET,
            ids.late_role,
            "Backend Engineer",
            "target date was 20 Nov 2026",
            date(2026, 11, 20),
            Opens.ROLE,
            ids.late_role,
        ),
        (
            ItemKind.RETENTION,
            ids.finn,
            "Finn Bay",
            view.of_kind(ItemKind.RETENTION)[0].detail,
            date(2026, 7, 15),
            Opens.PRIVACY,
            ids.finn,
        ),
        (
            ItemKind.TASK,
            ids.task_due,
            "Call Eve back",
            "Eve Marsh",
            date(2026, 11, 30),
            Opens.CANDIDATE,
            ids.eve,
        ),
    ]
    interviews = view.of_kind(ItemKind.INTERVIEW)
    assert [item.pack_ready for item in interviews] == [True, False]
    assert interviews[0].due_at == at(30, 15)
    assert view.of_kind(ItemKind.SCORECARD)[0].due_at == at(29, 11)
    assert [(task.id, task.about) for task in view.upcoming_tasks] == [(ids.task_later, "Designer")]
    assert view.snoozed == 0 and view.limits == TodayLimits()


def test_the_limits_are_preferences(workbook: Workbook, ids: Ids) -> None:
    set_limits(workbook, TodayLimits(scorecard_hours=72, offer_days=1, idle_days=30))
    assert get_limits(workbook) == TodayLimits(72, 1, 30)
    kinds = [item.kind for item in today_items.list_today(workbook).items]
    assert ItemKind.SCORECARD not in kinds  # ended 28 Nov 11:00; 72 hours not yet gone
    assert ItemKind.IDLE not in kinds  # 20 days < 30
    assert kinds.count(ItemKind.OFFER_AWAITING) == 2  # the offer expiring in 2 days only awaits
    with pytest.raises(ValidationError) as refused:
        set_limits(workbook, TodayLimits(scorecard_hours=0, offer_days=3, idle_days=7))
    assert set(refused.value.errors) == {"scorecard_hours"}


def test_a_snoozed_item_returns_after_its_time(workbook: Workbook, ids: Ids) -> None:
    key = f"role_past_target:{ids.late_role}"
    today_items.snooze(workbook, key, at(2, 9, 12))
    view = today_items.list_today(workbook)
    assert key not in [item.key for item in view.items] and view.snoozed == 1
    with clock.fixed(at(2, 10, 12)):
        assert key in [item.key for item in today_items.list_today(workbook).items]


def test_a_snooze_must_end_later(workbook: Workbook, ids: Ids) -> None:
    with pytest.raises(ValidationError):
        today_items.snooze(workbook, f"role_past_target:{ids.late_role}", at(29, 9))


def test_done_hides_an_item_until_it_falls_due_again(workbook: Workbook, ids: Ids) -> None:
    offer_key, idle_key = (
        f"offer_awaiting:{ids.offer_awaiting}",
        f"idle_candidate:{ids.eve_application}",
    )
    today_items.mark_done(workbook, offer_key)
    today_items.mark_done(workbook, idle_key)
    keys = [item.key for item in today_items.list_today(workbook).items]
    assert offer_key not in keys and idle_key not in keys
    with clock.fixed(at(30, 12) + timedelta(days=40)):
        keys = [item.key for item in today_items.list_today(workbook).items]
    assert offer_key not in keys and idle_key not in keys
    from hiring_desk.store.models import StageEvent

    with workbook.transaction() as s:  # Eve is moved, then left waiting again
        s.add(StageEvent(application_id=ids.eve_application, to_stage="screening", at=at(30, 13)))
    with clock.fixed(datetime(2026, 12, 20, 12, tzinfo=UTC)):
        keys = [item.key for item in today_items.list_today(workbook).items]
    assert idle_key in keys and offer_key not in keys


def test_done_on_a_task_completes_it(workbook: Workbook, ids: Ids) -> None:
    today_items.mark_done(workbook, f"task:{ids.task_due}")
    assert ItemKind.TASK not in [item.kind for item in today_items.list_today(workbook).items]
