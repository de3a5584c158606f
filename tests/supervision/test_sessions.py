"""Sessions and agreed actions: recorded, moved on, linked to evidence, overdue when late."""

from __future__ import annotations

from datetime import date

import pytest

from app.errors import JournalError
from app.journal.opening import Journal
from app.supervision.session_records import ActionDraft, ActionStatus, SessionKind


def test_a_session_with_two_actions(journal: Journal) -> None:
    recorded = journal.sessions.record(
        SessionKind.COACHING,
        date(2026, 3, 2),
        with_whom="my programme coach",
        wants="Why I go quiet in the bed meeting.",
        notes="We looked at the pulls on me.",
        next_date=date(2026, 3, 30),
        actions=[
            ActionDraft("Say what is ready in the bed meeting", "site manager", date(2026, 3, 9)),
            ActionDraft("Ask my sponsor for ten minutes", how_i_will_know="A date in the diary"),
        ],
    )
    again = journal.sessions.get(recorded.id)
    assert again.kind is SessionKind.COACHING and again.wants.startswith("Why I go quiet")
    assert [a.what for a in again.actions] == [
        "Say what is ready in the bed meeting",
        "Ask my sponsor for ten minutes",
    ]
    assert all(a.status is ActionStatus.OPEN for a in again.actions)


def test_open_actions_are_listed_soonest_first_and_overdue_ones_marked(journal: Journal) -> None:
    journal.sessions.record(
        SessionKind.SUPERVISION,
        date(2026, 3, 2),
        actions=[
            ActionDraft("Later", by_when=date(2026, 4, 1)),
            ActionDraft("Undated"),
            ActionDraft("Sooner", by_when=date(2026, 3, 9)),
        ],
    )
    actions = journal.sessions.open_actions()
    assert [a.what for a in actions] == ["Sooner", "Later", "Undated"]
    today = date(2026, 3, 20)
    assert [a.overdue(today) for a in actions] == [True, False, False]
    done = journal.sessions.update_action(actions[0].id, status=ActionStatus.DONE)
    assert not done.overdue(today)
    assert [a.what for a in journal.sessions.open_actions()] == ["Later", "Undated"]


def test_actions_link_to_evidence(journal: Journal) -> None:
    entry = journal.entries.create("Bed meeting", "I said what was ready.")
    inquiry = journal.cycles.create_inquiry("Influence flow?")
    cycle = journal.cycles.start_cycle(inquiry.id, "quick-capture")
    session = journal.sessions.record(
        SessionKind.LINE_MANAGER, date(2026, 3, 2), actions=[ActionDraft("Speak up")]
    )
    action = session.actions[0]
    journal.sessions.link_evidence(action.id, entry_id=entry.id)
    linked = journal.sessions.link_evidence(action.id, cycle_id=cycle.id)
    assert linked.evidence_entries == (entry.id,) and linked.evidence_cycles == (cycle.id,)
    assert journal.sessions.link_evidence(action.id, entry_id=entry.id) == linked  # once only
    unlinked = journal.sessions.unlink_evidence(action.id, entry_id=entry.id)
    assert unlinked.evidence_entries == ()
    with pytest.raises(ValueError):
        journal.sessions.link_evidence(action.id)


def test_an_action_needs_saying_what_it_is(journal: Journal) -> None:
    with pytest.raises(JournalError, match="Write what the action is"):
        journal.sessions.record(SessionKind.COACHING, date(2026, 3, 2), actions=[ActionDraft(" ")])
    assert journal.sessions.all() == []


def test_the_last_session_before_a_day(journal: Journal) -> None:
    first = journal.sessions.record(SessionKind.COACHING, date(2026, 1, 5))
    second = journal.sessions.record(SessionKind.COACHING, date(2026, 2, 5))
    assert journal.sessions.last_before(date(2026, 2, 5)) == first
    assert journal.sessions.last_before(date(2026, 3, 1)) == second
    assert journal.sessions.last_before(date(2026, 1, 1)) is None


def test_entries_and_cycles_can_be_flagged(journal: Journal) -> None:
    entry = journal.entries.create("Dilemma", "Two pulls.")
    inquiry = journal.cycles.create_inquiry("Q?")
    cycle = journal.cycles.start_cycle(inquiry.id, "dilemma")
    assert journal.entries.set_flags(entry.id, bring_to_supervision=True).bring_to_supervision
    journal.cycles.set_flags(cycle.id, bring_to_supervision=True, share_with_coach=True)
    assert journal.entries.flagged_ids() == [entry.id]
    assert journal.cycles.flagged_ids() == [cycle.id]
    assert journal.cycles.flagged_ids(share=True) == [cycle.id]
    assert journal.entries.flagged_ids(share=True) == []
    journal.entries.trash(entry.id)
    assert journal.entries.flagged_ids() == []


def test_editing_a_session_and_its_actions_in_one_go(journal: Journal) -> None:
    recorded = journal.sessions.record(
        SessionKind.COACHING,
        date(2026, 3, 2),
        next_date=date(2026, 3, 30),
        actions=[ActionDraft("Keep"), ActionDraft("Reword"), ActionDraft("Remove")],
    )
    keep, reword, _remove = recorded.actions
    with pytest.raises(JournalError, match="Write what the action is"):
        journal.sessions.update(recorded.id, wants="x", actions=[(keep.id, ActionDraft(" "))])
    assert journal.sessions.get(recorded.id).wants == ""  # nothing was written
    edited = journal.sessions.update(
        recorded.id,
        next_date=None,
        actions=[
            (keep.id, ActionDraft("Keep")),
            (reword.id, ActionDraft("Reworded", by_when=date(2026, 3, 9))),
            (None, ActionDraft("New one")),
        ],
    )
    assert edited.next_date is None
    assert [(a.what, a.id == keep.id) for a in edited.actions] == [
        ("Keep", True),
        ("Reworded", False),
        ("New one", False),
    ]
    assert edited.actions[1].id == reword.id
    journal.sessions.delete_action(keep.id)
    assert [a.what for a in journal.sessions.get(recorded.id).actions] == ["Reworded", "New one"]
