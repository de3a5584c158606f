"""Flagging entries and cycles to bring to supervision, from a tick box or a menu action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu

from app.ui.sessions.flag_toggle import FlagAction, FlagToggle
from app.ui.widgets.journal_items import ItemKind
from app.writing.domains import Domain


def test_two_entries_are_flagged_and_one_unflagged(qtbot, show, journal):
    first = journal.entries.create("Huddle", "Asked before telling.", [Domain.TEAM], [])
    second = journal.entries.create("Bed meeting", "Said yes too fast.", [Domain.ORGANISATION], [])
    toggle = FlagToggle(journal, ItemKind.ENTRY, first.id)
    show(toggle)
    assert not toggle.isChecked()
    assert toggle.accessibleName() == "Bring to supervision"

    with qtbot.waitSignal(toggle.flagChanged) as changed:
        qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert changed.args == [first.id, True]
    toggle.set_item(ItemKind.ENTRY, second.id)
    assert not toggle.isChecked()
    toggle.setFocus()
    qtbot.keyClick(toggle, Qt.Key.Key_Space)
    assert set(journal.entries.flagged_ids()) == {first.id, second.id}

    toggle.set_item(ItemKind.ENTRY, first.id)
    assert toggle.isChecked()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert journal.entries.flagged_ids() == [second.id]


def test_a_missing_item_reports_and_disables_the_box(qtbot, show, journal):
    entry = journal.entries.create("Gone soon", "x", [Domain.TEAM], [])
    toggle = FlagToggle(journal, ItemKind.ENTRY, entry.id)
    show(toggle)
    with qtbot.waitSignal(toggle.failed) as failed:
        toggle.set_item(ItemKind.ENTRY, "no-such-id")
    assert failed.args[0]
    assert not toggle.isEnabled()


def test_a_cycle_is_flagged_from_a_menu_action(qtbot, show, demo_journal):
    cycle = next(c for c in demo_journal.cycles.all_records() if not c.bring_to_supervision)
    menu = QMenu()
    action = FlagAction(demo_journal, ItemKind.CYCLE, cycle.id, menu)
    menu.addAction(action)
    assert action.isCheckable() and not action.isChecked()
    with qtbot.waitSignal(action.flagChanged) as changed:
        action.trigger()
    assert changed.args == [cycle.id, True]
    assert cycle.id in demo_journal.cycles.flagged_ids()
    action.trigger()
    assert cycle.id not in demo_journal.cycles.flagged_ids()
    menu.deleteLater()
