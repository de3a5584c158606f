"""What is waiting, and the dates coming, as the reminders read them from the journal."""

from __future__ import annotations

from datetime import date, timedelta

from app.journal.opening import Journal
from app.reminders.due import DueKind, ReminderService
from app.supervision.session_records import ActionDraft, ActionStatus, SessionKind
from app.writing.domains import Domain

TODAY = date(2026, 12, 3)
TEMPLATE = "action-inquiry"


def _plan(journal: Journal, title: str, tried_by: date | None) -> str:
    cycle = journal.cycles.start_inquiry(
        f"Question for {title}?", [Domain.TEAM], TEMPLATE, title=title, experiment_date=tried_by
    )
    return cycle.id


def test_a_plan_waits_for_its_reflection_from_its_experiment_date(journal: Journal) -> None:
    tried = _plan(journal, "Ask earlier", TODAY - timedelta(days=2))
    today = _plan(journal, "Hand it over", TODAY)
    later = _plan(journal, "Say less", TODAY + timedelta(days=5))
    _plan(journal, "Undated", None)
    reflecting = _plan(journal, "Already back", TODAY - timedelta(days=9))
    journal.cycles.begin_reflection(reflecting)
    trashed = _plan(journal, "Thrown away", TODAY - timedelta(days=1))
    journal.cycles.trash(trashed)

    reminders = ReminderService(journal)
    waiting = reminders.waiting(TODAY)
    assert [(i.kind, i.item_id, i.day) for i in waiting] == [
        (DueKind.REFLECTION, tried, TODAY - timedelta(days=2)),
        (DueKind.REFLECTION, today, TODAY),
    ]
    assert waiting[0].words() == "Reflect on your experiment: Ask earlier"
    assert waiting[0].words(titles=False) == "Reflect on your experiment"
    assert [(i.item_id, i.day) for i in reminders.coming(TODAY)] == [
        (today, TODAY),
        (later, TODAY + timedelta(days=5)),
    ]
    assert reminders.coming(TODAY, days=4) == reminders.coming(TODAY)[:1]


def test_open_actions_with_a_date_are_due_on_it(journal: Journal) -> None:
    session = journal.sessions.record(
        SessionKind.COACHING,
        TODAY - timedelta(days=14),
        actions=[
            ActionDraft("Book a 1:1\nwith my sponsor", by_when=TODAY - timedelta(days=1)),
            ActionDraft("Try the new rota", by_when=TODAY + timedelta(days=3)),
            ActionDraft("Read the model", by_when=None),
            ActionDraft("Done already", by_when=TODAY - timedelta(days=3)),
        ],
    )
    booked, rota, _undated, done = session.actions
    journal.sessions.update_action(done.id, status=ActionStatus.DONE, progress="")

    reminders = ReminderService(journal)
    waiting = reminders.waiting(TODAY)
    assert [(i.kind, i.item_id) for i in waiting] == [(DueKind.ACTION, booked.id)]
    assert waiting[0].words() == "Agreed action due: Book a 1:1 with my sponsor"
    assert [i.item_id for i in reminders.coming(TODAY)] == [rota.id]


def test_the_next_session_is_the_one_recorded_else_the_date_agreed_last_time(
    journal: Journal,
) -> None:
    reminders = ReminderService(journal)
    last = journal.sessions.record(
        SessionKind.SUPERVISION,
        TODAY - timedelta(days=20),
        with_whom="Dr  Okafor",
        next_date=TODAY + timedelta(days=8),
    )
    (agreed,) = reminders.coming(TODAY)
    assert (agreed.kind, agreed.day, agreed.item_id) == (DueKind.SESSION, last.next_date, "")
    assert agreed.words() == "Supervision session with Dr Okafor"
    assert agreed.words(titles=False) == "Supervision session"
    assert reminders.waiting(TODAY) == []  # a session is a date, not something waiting

    booked = journal.sessions.record(SessionKind.COACHING, TODAY + timedelta(days=10))
    (recorded,) = reminders.coming(TODAY)
    assert (recorded.item_id, recorded.words()) == (booked.id, "Coaching session")
    assert recorded.key != agreed.key


def test_a_date_agreed_for_a_day_gone_by_is_not_coming(journal: Journal) -> None:
    journal.sessions.record(
        SessionKind.COACHING, TODAY - timedelta(days=30), next_date=TODAY - timedelta(days=2)
    )
    assert ReminderService(journal).coming(TODAY) == []
