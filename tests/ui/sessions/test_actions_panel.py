"""Open actions on Home: overdue ones marked, statuses moved on, progress and evidence."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.supervision.session_records import ActionDraft, ActionStatus, SessionKind
from app.ui.sessions.actions_model import BY_WHEN_COLUMN, OVERDUE_ROLE
from app.ui.sessions.actions_panel import ActionsPanel
from app.ui.widgets.attention import overdue_colour
from tests.support.data import TODAY, today
from tests.ui.support import unnamed_controls

SPONSOR = "Ask my sponsor for a monthly check-in"


def _panel(show, journal) -> ActionsPanel:
    panel = ActionsPanel(journal, today=today)
    panel.resize(760, 560)
    show(panel)
    return panel


def _session_with_three_actions(journal) -> None:
    journal.sessions.record(
        SessionKind.SUPERVISION,
        TODAY - timedelta(days=7),
        actions=[
            ActionDraft("No date yet"),
            ActionDraft("Later one", by_when=TODAY + timedelta(days=20)),
            ActionDraft("Sooner one", "my team", TODAY + timedelta(days=2)),
        ],
    )


def test_an_overdue_action_is_marked_in_words_icon_and_colour(show, demo_journal):
    panel = _panel(show, demo_journal)
    [sponsor] = [a for a in demo_journal.sessions.open_actions() if a.what == SPONSOR]
    assert panel.action_ids() == [sponsor.id]  # the done action is not listed
    cell = panel.model.index(0, BY_WHEN_COLUMN)
    assert cell.data(Qt.ItemDataRole.DisplayRole) == "Overdue: 9 Mar 2025"
    assert cell.data(OVERDUE_ROLE) is True
    assert not cell.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert cell.data(Qt.ItemDataRole.ForegroundRole) == overdue_colour(panel.palette())
    assert "Overdue" in panel.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert panel.current_action is not None and panel.current_action.id == sponsor.id
    assert panel.how_label.text() == "A date in both diaries"
    assert panel.status_combo.currentText() == "In progress"
    assert panel.progress_edit.toPlainText() == "Asked once."
    assert unnamed_controls(panel) == []


def test_actions_come_soonest_first_and_only_past_dates_are_overdue(show, journal):
    _session_with_three_actions(journal)
    panel = _panel(show, journal)
    whats = [panel.model.action(r).what for r in range(panel.model.rowCount())]
    assert whats == ["Sooner one", "Later one", "No date yet"]
    for row in range(3):
        cell = panel.model.index(row, BY_WHEN_COLUMN)
        assert cell.data(OVERDUE_ROLE) is False
        assert cell.data(Qt.ItemDataRole.DecorationRole) is None
    assert panel.model.index(2, BY_WHEN_COLUMN).data() == "No date"


def test_status_moves_on_from_the_keyboard_and_done_leaves_the_list(qtbot, show, demo_journal):
    panel = _panel(show, demo_journal)
    action_id = panel.action_ids()[0]
    panel.status_combo.setFocus()
    with qtbot.waitSignal(panel.actionChanged) as changed:
        qtbot.keyClick(panel.status_combo, Qt.Key.Key_Down)  # In progress -> Done
    assert changed.args == [action_id]
    stored = next(a for s in demo_journal.sessions.all() for a in s.actions if a.id == action_id)
    assert stored.status is ActionStatus.DONE
    assert panel.action_ids() == []
    assert panel.empty_label.isVisible()
    assert panel.note_label.text() == f"“{SPONSOR}” is marked done."


def test_a_status_that_stays_open_keeps_the_action_chosen(qtbot, show, journal):
    _session_with_three_actions(journal)
    panel = _panel(show, journal)
    assert panel.select_action(panel.action_ids()[1])
    panel.status_combo.setFocus()
    qtbot.keyClick(panel.status_combo, Qt.Key.Key_Down)  # Not started -> In progress
    assert panel.current_action is not None
    assert panel.current_action.what == "Later one"
    assert panel.current_action.status is ActionStatus.IN_PROGRESS
    assert panel.model.index(1, 3).data() == "In progress"


def test_a_progress_note_is_saved_and_kept_when_moving_on(qtbot, show, journal):
    _session_with_three_actions(journal)
    panel = _panel(show, journal)
    first, second = panel.action_ids()[:2]
    assert not panel.save_note_button.isEnabled()
    qtbot.keyClicks(panel.progress_edit, "Raised it at the huddle.")
    assert panel.save_note_button.isEnabled()
    qtbot.mouseClick(panel.save_note_button, Qt.MouseButton.LeftButton)
    assert panel.note_label.text() == "Progress note saved."
    qtbot.keyClicks(panel.progress_edit, " Twice.")
    panel.select_action(second)  # the unsaved words are not lost
    stored = {a.id: a for a in journal.sessions.open_actions()}
    assert stored[first].progress == "Raised it at the huddle. Twice."
    assert panel.progress_edit.toPlainText() == ""


def test_evidence_is_linked_from_recent_items_and_opens(qtbot, show, demo_journal):
    panel = _panel(show, demo_journal)
    action_id = panel.action_ids()[0]
    assert panel.no_evidence_label.isVisible()
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    picker = panel.picker
    assert picker is not None
    assert unnamed_controls(picker) == []
    entry_id = next(
        e.id for e in demo_journal.entries.summaries() if e.title == "Bed meeting, Thursday"
    )
    cycle_id = next(
        c.id for c in demo_journal.cycles.summaries() if c.title == "Draft rota shared a week early"
    )
    assert not picker.link_button.isEnabled()
    assert picker.tick(f"entry:{entry_id}") and picker.tick(f"cycle:{cycle_id}")
    with qtbot.waitSignal(panel.actionChanged):
        qtbot.mouseClick(picker.link_button, Qt.MouseButton.LeftButton)
    assert panel.picker is None

    stored = next(a for a in demo_journal.sessions.open_actions() if a.id == action_id)
    assert stored.evidence_entries == (entry_id,)
    assert stored.evidence_cycles == (cycle_id,)
    assert panel.evidence_list.ids() == [f"entry:{entry_id}", f"cycle:{cycle_id}"]
    assert panel.evidence_list.isVisible()

    with qtbot.waitSignal(panel.openEntry) as opened:
        panel.evidence_list.itemActivated.emit(f"entry:{entry_id}")
    assert opened.args == [entry_id]
    panel.evidence_list.select_id(f"cycle:{cycle_id}")
    with qtbot.waitSignal(panel.openCycle) as opened:
        qtbot.keyClick(panel.evidence_list, Qt.Key.Key_Return)
    assert opened.args == [cycle_id]

    qtbot.mouseClick(panel.unlink_button, Qt.MouseButton.LeftButton)
    stored = next(a for a in demo_journal.sessions.open_actions() if a.id == action_id)
    assert stored.evidence_cycles == ()
    assert panel.evidence_list.ids() == [f"entry:{entry_id}"]


def test_cancelling_the_picker_links_nothing(qtbot, show, demo_journal):
    panel = _panel(show, demo_journal)
    qtbot.mouseClick(panel.link_button, Qt.MouseButton.LeftButton)
    assert panel.picker is not None
    panel.picker.tick(panel.picker.model.item(0).data(Qt.ItemDataRole.UserRole + 31))
    panel.picker.done(QDialog.DialogCode.Rejected)
    assert panel.picker is None
    assert all(
        not a.evidence_entries and not a.evidence_cycles
        for a in demo_journal.sessions.open_actions()
    )


def test_the_action_keeps_the_room_on_a_narrow_home(show, journal):
    journal.sessions.record(
        SessionKind.SUPERVISION,
        TODAY - timedelta(days=40),
        actions=[
            ActionDraft(
                "Ask my mentor about the rota",
                "the deputy director of nursing and the ward sisters",
                TODAY - timedelta(days=30),
            )
        ],
    )
    panel = ActionsPanel(journal, today=today)
    panel.resize(420, 560)
    show(panel)
    header = panel.table.header()
    viewport = panel.table.viewport().width()
    assert header.sectionSize(0) >= 0.4 * viewport  # the action, not "Ask m..."
    assert sum(header.sectionSize(c) for c in range(4)) <= viewport  # Status in sight
    panel.resize(900, 560)
    assert header.sectionSize(0) >= 0.4 * panel.table.viewport().width()
