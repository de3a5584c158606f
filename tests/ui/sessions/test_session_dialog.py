"""Recording a session and the actions agreed in it, and changing it afterwards."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.exc import OperationalError

from app.errors import JournalError
from app.supervision.session_records import ActionDraft, ActionStatus, SessionKind
from app.ui.sessions.session_dialog import NEXT_BEFORE, SessionDialog
from app.ui.sessions.session_form import WITH_WHOM_HINT
from app.ui.widgets.captions import to_qdate
from tests.support.data import TODAY, today
from tests.ui.support import unnamed_controls


def _store_message(journal) -> str:
    """What the SessionStore says about an action with no "what" (it records nothing)."""
    with pytest.raises(JournalError) as refused:
        journal.sessions.record(SessionKind.COACHING, TODAY, actions=[ActionDraft(what=" ")])
    return str(refused.value)


def test_a_session_with_two_actions_is_recorded(qtbot, show, journal):
    dialog = SessionDialog(journal, today=today)
    show(dialog)
    assert dialog.with_whom.placeholderText() == WITH_WHOM_HINT
    assert unnamed_controls(dialog) == []

    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(SessionKind.SUPERVISION.value))
    qtbot.keyClicks(dialog.with_whom, "my clinical supervisor")
    qtbot.keyClicks(dialog.wants, "How to hold the line on safe staffing.")
    qtbot.keyClicks(dialog.notes, "We *named* the pressure.")
    dialog.next_date.check.click()
    dialog.next_date.date_edit.setDate(to_qdate(TODAY + timedelta(days=21)))

    qtbot.mouseClick(dialog.action_rows.add_button, Qt.MouseButton.LeftButton)
    first = dialog.action_rows.rows()[0]
    assert first.what.hasFocus()
    qtbot.keyClicks(first.what, "Say what is ready at the bed meeting")
    qtbot.keyClicks(first.with_whom, "the site manager")
    first.by_when.check.click()
    qtbot.keyClicks(first.how, "No discharges promised before they are checked")
    qtbot.mouseClick(dialog.action_rows.add_button, Qt.MouseButton.LeftButton)
    second = dialog.action_rows.rows()[1]
    qtbot.keyClicks(second.what, "Ask the night team for one worry each")
    assert second.what.accessibleName() == "Action 2: what"

    with qtbot.waitSignal(dialog.sessionSaved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    [session] = journal.sessions.all()
    assert saved.args == [session.id]
    assert session.kind is SessionKind.SUPERVISION
    assert session.held_on == TODAY
    assert session.with_whom == "my clinical supervisor"
    assert session.wants == "How to hold the line on safe staffing."
    assert session.notes == "We *named* the pressure."
    assert session.next_date == TODAY + timedelta(days=21)
    first_action, second_action = session.actions
    assert first_action.what == "Say what is ready at the bed meeting"
    assert first_action.with_whom == "the site manager"
    assert first_action.by_when == TODAY + timedelta(days=14)
    assert first_action.how_i_will_know == "No discharges promised before they are checked"
    assert second_action.what == "Ask the night team for one worry each"
    assert second_action.by_when is None
    assert {a.status for a in session.actions} == {ActionStatus.OPEN}


def test_an_action_without_what_shows_the_store_message_and_saves_nothing(qtbot, show, journal):
    dialog = SessionDialog(journal, today=today)
    show(dialog)
    dialog.action_rows.add_row()
    blank = dialog.action_rows.add_row()  # left empty: ignored, not refused
    incomplete = dialog.action_rows.add_row()
    qtbot.keyClicks(incomplete.with_whom, "my sponsor")

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.error.isVisible()
    assert dialog.error.text() == _store_message(journal)
    assert journal.sessions.all() == []
    assert dialog.isVisible()
    assert incomplete.what.hasFocus()

    dialog.action_rows.remove_row(incomplete)
    dialog.action_rows.remove_row(blank)
    assert [r.number for r in dialog.action_rows.rows()] == [1]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [session] = journal.sessions.all()
    assert session.actions == ()  # the one row left was empty


def test_the_next_date_must_follow_the_session(qtbot, show, journal):
    dialog = SessionDialog(journal, today=today)
    show(dialog)
    dialog.next_date.check.click()
    dialog.next_date.date_edit.setDate(to_qdate(TODAY - timedelta(days=1)))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == NEXT_BEFORE
    assert journal.sessions.all() == []


def test_a_new_session_starts_from_the_last_one(qtbot, show, demo_journal):
    dialog = SessionDialog(demo_journal, today=today)
    show(dialog)
    assert dialog.kind_combo.currentData() == SessionKind.COACHING.value
    assert dialog.with_whom.text() == "my programme coach"
    assert dialog.action_rows.rows() == []
    assert dialog.action_rows.empty_note.isVisible()


def test_editing_keeps_agreed_actions_and_adds_new_ones(qtbot, show, demo_journal):
    [before] = demo_journal.sessions.all()
    dialog = SessionDialog(demo_journal, before.id, today=today)
    show(dialog)
    rows = dialog.action_rows.rows()
    assert [r.what.text() for r in rows] == [a.what for a in before.actions]
    assert not rows[0].remove_button.isEnabled()  # agreed actions are dropped, not deleted
    assert dialog.wants.toPlainText() == before.wants

    rows[1].how.clear()
    qtbot.keyClicks(rows[1].how, "A monthly date in both diaries")
    added = dialog.action_rows.add_row()
    qtbot.keyClicks(added.with_whom, "my line manager")
    rows[0].what.clear()  # refused, and nothing else is changed

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == _store_message(demo_journal)
    assert demo_journal.sessions.get(before.id) == before

    qtbot.keyClicks(rows[0].what, "Try the worry question at every handover")
    qtbot.keyClicks(added.what, "Share the bed-meeting rule with my line manager")
    dialog.with_whom.clear()
    qtbot.keyClicks(dialog.with_whom, "my coach")
    with qtbot.waitSignal(dialog.sessionSaved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    after = demo_journal.sessions.get(before.id)
    assert after.with_whom == "my coach"
    assert [a.what for a in after.actions] == [
        "Try the worry question at every handover",
        "Ask my sponsor for a monthly check-in",
        "Share the bed-meeting rule with my line manager",
    ]
    assert after.actions[0].status is ActionStatus.DONE  # status and evidence untouched
    assert after.actions[0].evidence_cycles == before.actions[0].evidence_cycles
    assert after.actions[1].how_i_will_know == "A monthly date in both diaries"
    assert after.actions[2].with_whom == "my line manager"


def test_what_i_want_is_underlined_when_it_could_identify_someone(qtbot, show, journal):
    dialog = SessionDialog(journal, today=today)
    show(dialog)
    qtbot.keyClicks(dialog.wants, "Talk about Mrs Patel and her discharge")
    highlighter = dialog.highlighters[0]
    finding = highlighter.finding_at(dialog.wants.toPlainText().index("Patel"))
    assert finding is not None
    assert finding.text == "Mrs Patel"


def test_changes_that_cannot_be_saved_leave_the_session_as_it_was(
    qtbot, show, demo_journal, monkeypatch
):
    [before] = demo_journal.sessions.all()
    dialog = SessionDialog(demo_journal, before.id, today=today)
    show(dialog)
    rows = dialog.action_rows.rows()
    rows[1].how.clear()
    qtbot.keyClicks(rows[1].how, "A monthly date in both diaries")
    added = dialog.action_rows.add_row()
    qtbot.keyClicks(added.what, "Share the bed-meeting rule with my line manager")
    qtbot.keyClicks(dialog.wants, " And more.")

    def disk_fails(*_args, **_kwargs):
        raise OperationalError("UPDATE", {}, Exception("disk I/O error"))

    # The last step of saving fails: the actions written before it must not stay.
    monkeypatch.setattr("app.supervision.sessions._record", disk_fails)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    monkeypatch.undo()
    assert dialog.error.text() == (
        "The journal could not be saved or read: the disk could not be read or written "
        "(was a drive removed?)."
    )
    assert dialog.isVisible()
    assert demo_journal.sessions.get(before.id) == before

    with qtbot.waitSignal(dialog.sessionSaved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    after = demo_journal.sessions.get(before.id)
    assert [a.what for a in after.actions][-1] == "Share the bed-meeting rule with my line manager"
    assert len(after.actions) == len(before.actions) + 1
    assert after.actions[1].how_i_will_know == "A monthly date in both diaries"
