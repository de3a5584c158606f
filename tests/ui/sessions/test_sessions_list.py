"""Past sessions newest first; opening one to change it; recording another."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from app.supervision.session_records import SessionKind
from app.ui.sessions.session_dialog import SessionDialog
from app.ui.sessions.sessions_list import SessionsList
from tests.support.data import TODAY, today
from tests.ui.support import unnamed_controls


def test_sessions_are_listed_newest_first_and_open_for_changes(qtbot, show, demo_journal):
    older = demo_journal.sessions.record(
        SessionKind.LINE_MANAGER, TODAY - timedelta(days=60), with_whom="my line manager"
    )
    [coaching] = [s for s in demo_journal.sessions.all() if s.id != older.id]
    sessions = SessionsList(demo_journal, today=today)
    sessions.resize(600, 400)
    show(sessions)
    assert sessions.ids() == [coaching.id, older.id]
    first = sessions.list.list_model.index(0)
    assert first.data() == "Coaching, 19 Feb 2025"
    assert first.data(Qt.ItemDataRole.UserRole + 12) == (
        "with my programme coach · 2 actions, 1 open · next 19 Mar 2025"
    )
    assert unnamed_controls(sessions) == []

    sessions.list.setFocus()
    sessions.list.select_id(older.id)
    qtbot.keyClick(sessions.list, Qt.Key.Key_Return)
    dialog = sessions.dialog
    assert isinstance(dialog, SessionDialog)
    assert dialog.with_whom.text() == "my line manager"
    dialog.notes.setPlainText("Agreed protected time for the project.")
    with qtbot.waitSignal(sessions.sessionSaved) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == [older.id]
    assert demo_journal.sessions.get(older.id).notes == "Agreed protected time for the project."
    assert sessions.dialog is None
    assert sessions.list.current_id() == older.id


def test_an_empty_journal_invites_a_first_session(qtbot, show, journal):
    sessions = SessionsList(journal, today=today)
    show(sessions)
    assert sessions.empty_label.isVisible()
    assert not sessions.open_button.isEnabled()
    qtbot.mouseClick(sessions.new_button, Qt.MouseButton.LeftButton)
    dialog = sessions.dialog
    assert dialog is not None
    dialog.action_rows.add_row().what.setText("Keep a note after each huddle")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    [session] = journal.sessions.all()
    assert sessions.ids() == [session.id]
    assert session.actions[0].what == "Keep a note after each huddle"
    assert sessions.list.isVisible()
