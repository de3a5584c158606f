"""When a reminder comes, and what it says: gently, never in quiet hours, once a day at most."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.reminders.due import DueItem, DueKind
from app.reminders.nudges import (
    NudgeSettings,
    forget_gone,
    nudge_for,
    reminded_from,
    reminded_text,
    settings_from,
    settings_values,
    to_remind,
)

DAY = date(2026, 12, 3)
MORNING = datetime(2026, 12, 3, 10, 15)
REFLECT = DueItem(DueKind.REFLECTION, "reflect-c1", "c1", DAY, "Reflect", "Ask Mrs Patel first")
OTHER = DueItem(DueKind.REFLECTION, "reflect-c2", "c2", DAY, "Reflect", "Hand it over")
ACTION = DueItem(DueKind.ACTION, "action-a1", "a1", DAY, "Agreed action due", "Book the 1:1")


def test_each_waiting_item_reminds_once_a_day() -> None:
    settings = NudgeSettings()
    assert to_remind([REFLECT, ACTION], settings, {}, MORNING) == [REFLECT, ACTION]
    reminded = {REFLECT.key: DAY}
    assert to_remind([REFLECT, ACTION], settings, reminded, MORNING) == [ACTION]
    tomorrow = MORNING + timedelta(days=1)
    assert to_remind([REFLECT], settings, reminded, tomorrow) == [REFLECT]


def test_each_kind_can_be_turned_off() -> None:
    assert to_remind([REFLECT, ACTION], NudgeSettings(reflections=False), {}, MORNING) == [ACTION]
    assert to_remind([REFLECT, ACTION], NudgeSettings(actions=False), {}, MORNING) == [REFLECT]


@pytest.mark.parametrize(
    ("quiet_from", "quiet_until", "at", "quiet"),
    [
        (time(19), time(8), time(7, 59), True),
        (time(19), time(8), time(8), False),
        (time(19), time(8), time(18, 59), False),
        (time(19), time(8), time(23, 30), True),
        (time(12), time(14), time(13), True),
        (time(12), time(14), time(14), False),
        (time(9), time(9), time(9), False),  # the same time twice: no quiet hours
    ],
)
def test_quiet_hours_may_cross_midnight(
    quiet_from: time, quiet_until: time, at: time, quiet: bool
) -> None:
    settings = NudgeSettings(quiet_from=quiet_from, quiet_until=quiet_until)
    assert settings.quiet_at(at) is quiet
    moment = datetime.combine(DAY, at)
    assert to_remind([REFLECT], settings, {}, moment) == ([] if quiet else [REFLECT])


def test_a_snooze_holds_every_reminder_until_it_ends() -> None:
    settings = NudgeSettings(snoozed_until=MORNING + timedelta(hours=1))
    assert to_remind([REFLECT, ACTION], settings, {}, MORNING) == []
    assert to_remind([REFLECT], settings, {}, MORNING + timedelta(hours=1)) == [REFLECT]


def test_the_words_name_no_title_and_count_no_days() -> None:
    one = nudge_for([REFLECT])
    assert one is not None
    assert one.title == "Inquiry Journal"
    assert (one.message, one.click) == (
        "An experiment is ready for your reflection.",
        "Click to open it.",
    )
    both = nudge_for([ACTION, REFLECT, OTHER])
    assert both is not None and both.items == (REFLECT, OTHER, ACTION)  # as the words say
    assert both.message == (
        "2 experiments are ready for your reflection; an action you agreed is due."
    )
    assert both.click == "Click to open the first."
    actions = nudge_for([ACTION, ACTION])
    assert actions is not None and actions.message.startswith("2 actions you agreed are due.")
    assert nudge_for([]) is None


@given(titles=st.lists(st.text(min_size=1), min_size=1, max_size=5))
def test_no_title_ever_reaches_a_notification(titles: list[str]) -> None:
    items = [
        DueItem(DueKind.ACTION, f"action-{n}", str(n), DAY, "Agreed action due", "§" + title)
        for n, title in enumerate(titles)
    ]
    nudge = nudge_for(items)
    assert nudge is not None and "§" not in nudge.title + nudge.message + nudge.click


def test_the_record_of_reminders_forgets_what_is_no_longer_waiting() -> None:
    reminded = {REFLECT.key: DAY, ACTION.key: DAY - timedelta(days=3)}
    assert forget_gone(reminded, [ACTION]) == {ACTION.key: DAY - timedelta(days=3)}


def test_settings_and_the_record_keep_what_was_stored() -> None:
    chosen = NudgeSettings(
        reflections=False,
        quiet_from=time(21, 30),
        quiet_until=time(7, 0),
        snoozed_until=datetime(2026, 12, 4, 9, 0, tzinfo=UTC),
    )
    assert settings_from(dict(settings_values(chosen))) == chosen
    reminded = {REFLECT.key: DAY, ACTION.key: DAY - timedelta(days=1)}
    assert reminded_from(reminded_text(reminded)) == reminded
    assert settings_from({}) == NudgeSettings()


@given(
    values=st.dictionaries(
        st.sampled_from(["reflections", "actions", "quiet_from", "quiet_until", "snoozed_until"]),
        st.one_of(st.text(), st.booleans(), st.integers(), st.none()),
    ),
    record=st.one_of(st.text(), st.integers(), st.none()),
)
def test_whatever_a_settings_file_holds_reads_as_settings(
    values: dict[str, object], record: object
) -> None:
    settings = settings_from(values)
    assert isinstance(settings, NudgeSettings)
    to_remind([REFLECT], settings, reminded_from(record), MORNING)
