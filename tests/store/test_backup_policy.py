"""The thinning rule: the newest few, then one per day, week and month."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hiring_desk.store.backup_policy import Retention, thinning

NOW = datetime(2026, 6, 15, 12, 0, 0)  # a Monday


def _same(moment: datetime) -> datetime:
    return moment


def test_few_backups_are_all_kept() -> None:
    stamps = [NOW - timedelta(minutes=30 * i) for i in range(5)]
    assert thinning(stamps, _same, NOW).keep == stamps
    assert thinning(stamps, _same, NOW).remove == []


def test_the_newest_n_are_kept_whatever_their_age() -> None:
    old = [datetime(2020, 1, 1) + timedelta(minutes=i) for i in range(4)]
    kept = thinning(old, _same, NOW, Retention(keep_newest=3)).keep
    assert kept == sorted(old, reverse=True)[:3]
    assert thinning(old, _same, NOW, Retention(keep_newest=3)).remove == [old[0]]


def test_one_per_day_for_the_last_days() -> None:
    # Ten backups a day, every day for 20 days.
    stamps = [
        datetime(2026, 6, 15) - timedelta(days=d) + timedelta(hours=8 + h)
        for d in range(20)
        for h in range(10)
    ]
    stamps = [s for s in stamps if s <= NOW]
    kept = thinning(stamps, _same, NOW, Retention(keep_newest=0, days=14, weeks=0, months=0)).keep
    # The newest of each of the 14 calendar days up to today, nothing older.
    assert [k.date() for k in kept] == [date(2026, 6, 15) - timedelta(days=d) for d in range(14)]
    for k in kept:
        assert k == max(s for s in stamps if s.date() == k.date())


def test_one_per_week_for_the_last_weeks() -> None:
    stamps = [NOW - timedelta(hours=9 * i) for i in range(24 * 100 // 9)]  # 100 days
    kept = thinning(stamps, _same, NOW, Retention(keep_newest=0, days=0, weeks=8, months=0)).keep
    weeks = [k.isocalendar()[:2] for k in kept]
    assert weeks == [(2026, 25 - w) for w in range(8)]  # this week and the 7 before it
    for k in kept:
        assert k == max(s for s in stamps if s.isocalendar()[:2] == k.isocalendar()[:2])


def test_one_per_month_for_the_last_months() -> None:
    stamps = [NOW - timedelta(days=d) for d in range(730)]  # one a day for two years
    kept = thinning(stamps, _same, NOW, Retention(keep_newest=0, days=0, weeks=0, months=12)).keep
    months = [(k.year, k.month) for k in kept]
    assert months[0] == (2026, 6) and months[-1] == (2025, 7) and len(months) == 12
    assert len(set(months)) == 12
    for k in kept:
        assert k == max(s for s in stamps if (s.year, s.month) == (k.year, k.month))


def test_the_periods_add_up() -> None:
    stamps = [NOW - timedelta(days=d) for d in range(730)]
    kept = set(thinning(stamps, _same, NOW).keep)
    daily = set(thinning(stamps, _same, NOW, Retention(0, 14, 0, 0)).keep)
    weekly = set(thinning(stamps, _same, NOW, Retention(0, 0, 8, 0)).keep)
    monthly = set(thinning(stamps, _same, NOW, Retention(0, 0, 0, 12)).keep)
    newest = set(sorted(stamps)[-10:])
    assert kept == newest | daily | weekly | monthly


def test_default_rule_keeps_the_folder_small() -> None:
    # A backup every half hour, around the clock, for a year.
    stamps = [NOW - timedelta(minutes=30 * i) for i in range(2 * 24 * 365)]
    kept = thinning(stamps, _same, NOW).keep
    assert len(kept) <= 10 + 14 + 8 + 12
    assert kept[0] == NOW  # the newest always
    assert len(kept) + len(thinning(stamps, _same, NOW).remove) == len(stamps)


def test_thinning_is_stable_over_time() -> None:
    """What is removed today would not have been wanted on any later day either."""
    stamps = [datetime(2026, 1, 1) + timedelta(hours=7 * i) for i in range(700)]
    alive = list(stamps)
    days = [datetime(2026, 3, 1) + timedelta(days=3 * i, hours=i % 24) for i in range(122)]
    for day in days:
        current = [s for s in alive if s <= day]
        gone = set(thinning(current, _same, day).remove)
        alive = [s for s in alive if s not in gone]
        # Re-running on the same day removes nothing more: the kept set is a fixed point.
        again = [s for s in alive if s <= day]
        assert thinning(again, _same, day).remove == []
    # Thinning step by step ends where thinning once at the end would.
    assert set(alive) == set(thinning(stamps, _same, days[-1]).keep)


def test_future_dated_backups_are_kept() -> None:
    future = NOW + timedelta(days=3)
    stamps = [future] + [NOW - timedelta(days=400 + i) for i in range(20)]
    kept = thinning(stamps, _same, NOW, Retention(keep_newest=1)).keep
    assert future in kept


def test_works_on_any_items_and_keeps_equal_times_apart() -> None:
    items = [("a", NOW), ("b", NOW), ("c", NOW - timedelta(days=2))]
    kept = thinning(items, lambda item: item[1], NOW, Retention(keep_newest=1)).keep
    assert len(kept) == 2  # one of the two at NOW (newest of the day), and "c"
    assert ("c", NOW - timedelta(days=2)) in kept
    removed = thinning(items, lambda item: item[1], NOW, Retention(keep_newest=1)).remove
    assert len(removed) == 1 and removed[0][1] == NOW
