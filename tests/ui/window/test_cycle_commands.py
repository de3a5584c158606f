"""The Entry, Cycle and Inquiry menus: an entry becomes a cycle, stage versions, a line paused."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.cycles.flow_steps import Place, Screen
from app.ui.window.navigation import View
from app.writing.cycle_records import CycleStatus, InquiryStatus
from app.writing.domains import Domain
from tests.support.data import NEVER_MS, TODAY
from tests.ui.driver import activate
from tests.ui.support import view_shown

PHONE_CALL = "The bed manager rang at 10. I said yes before I had asked the nurse in charge."


def test_an_entry_is_turned_into_the_first_stage_of_a_cycle(qtbot, journal, make_window):
    inquiry = journal.cycles.create_inquiry(
        "How do I influence discharge planning?", domains=[Domain.ORGANISATION]
    )
    journal.entries.create("Older note", "Kept as it is.")
    entry = journal.entries.create(
        "Phone call with the bed manager", PHONE_CALL, [Domain.TEAM], ["flow"]
    )
    window = make_window(journal, View.ENTRIES, today=lambda: TODAY)
    assert window.entries_page.editor.title_edit.text() == "Phone call with the bed manager"
    window.navigation.update_commands()
    assert window.commands.turn_into_cycle.isEnabled()

    window.commands.turn_into_cycle.trigger()  # Entry > Turn into a cycle…
    dialog = window.controllers.cycles.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.entry_note.isVisible()
    assert "moves to the trash" in dialog.entry_note.text()
    assert dialog.start_button.text() == "&Turn into a cycle"
    assert dialog.inquiry_combo.currentData() == inquiry.id
    assert dialog.chosen_template_id() == "action-inquiry"
    with qtbot.waitSignal(dialog.cycleCreated) as created:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # the default button
    cycle = journal.cycles.get(created.args[0])

    assert cycle.inquiry_id == inquiry.id
    assert cycle.text("frame") == PHONE_CALL
    assert cycle.title == "Phone call with the bed manager"
    assert cycle.domains == (Domain.TEAM,)
    assert cycle.tags == ("flow",)
    flow = window.cycle_pane.flow
    assert view_shown(window) is View.CYCLE
    assert flow is not None and flow.place == Place(Screen.STAGE, "frame")
    assert flow.stage_page.text_edit.toPlainText() == PHONE_CALL
    assert journal.entries.get(entry.id).deleted is not None  # in the trash, restorable
    assert "in the trash" in window.statusBar().currentMessage()

    activate(qtbot, window)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    model = window.controller.model
    assert [model.summary(r).title for r in range(model.rowCount())] == ["Older note"]
    journal.entries.restore(entry.id)  # as Entry > Trash… > Restore would
    assert journal.entries.get(entry.id).body == PHONE_CALL


def test_an_earlier_text_of_a_stage_comes_back_from_stage_versions(qtbot, journal, make_window):
    inquiry = journal.cycles.create_inquiry("Listening under pressure")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    journal.cycles.save_stage(cycle.id, "frame", "First thoughts on the huddle.")
    journal.cycles.save_stage(cycle.id, "frame", "Second thoughts.")  # a run: first kept
    window = make_window(journal, today=lambda: TODAY, autosave_ms=NEVER_MS)
    window.navigation.open_cycle(cycle.id)
    flow = window.cycle_pane.flow
    qtbot.keyClicks(flow.stage_page.text_edit, " And a third, unsaved.")

    window.navigation.update_commands()
    assert window.commands.stage_versions.isEnabled()
    window.commands.stage_versions.trigger()  # Cycle > Stage versions…
    dialog = window.controllers.cycles.versions_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Earlier versions of “Frame”"
    # The typing was saved first (in the same editing run, so it adds no version of its own).
    assert journal.cycles.get(cycle.id).text("frame") == "Second thoughts. And a third, unsaved."
    assert dialog.version_list.count() == 1
    dialog.version_list.setCurrentRow(0)
    assert "First thoughts" in dialog.preview.toPlainText()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    assert flow.stage_page.text_edit.toPlainText() == "First thoughts on the huddle."
    assert journal.cycles.get(cycle.id).text("frame") == "First thoughts on the huddle."
    texts = [v.text for v in journal.cycles.stage_versions(cycle.id, "frame")]
    assert "Second thoughts. And a third, unsaved." in texts  # nothing is lost by going back


def test_a_line_of_inquiry_is_paused_closed_and_reopened_from_the_inquiry_menu(
    qtbot, journal, make_window
):
    inquiry = journal.cycles.create_inquiry("Sharing rota decisions", domains=[Domain.TEAM])
    window = make_window(journal, View.INQUIRIES, today=lambda: TODAY)
    actions = window.commands
    timeline = window.inquiries_page.timeline
    assert timeline.inquiry_id == inquiry.id
    assert (actions.pause_inquiry.isEnabled(), actions.reopen_inquiry.isEnabled()) == (
        True,
        False,
    )

    actions.pause_inquiry.trigger()
    assert journal.cycles.inquiry(inquiry.id).status is InquiryStatus.PAUSED
    assert timeline.status_label.text().startswith("Paused")
    assert "is paused" in window.statusBar().currentMessage()
    assert not actions.pause_inquiry.isEnabled() and actions.reopen_inquiry.isEnabled()

    actions.close_inquiry.trigger()
    assert journal.cycles.inquiry(inquiry.id).status is InquiryStatus.CLOSED
    assert not actions.close_inquiry.isEnabled()
    actions.reopen_inquiry.trigger()
    assert journal.cycles.inquiry(inquiry.id).status is InquiryStatus.OPEN
    assert timeline.status_label.text().startswith("Open")


def test_the_cycle_menu_follows_the_cycle_shown(qtbot, journal, make_window):
    inquiry = journal.cycles.create_inquiry("Listening under pressure")
    cycle = journal.cycles.start_cycle(inquiry.id, "quick-capture")
    window = make_window(journal, today=lambda: TODAY)
    window.navigation.update_commands()
    actions = window.commands
    assert not actions.read_view.isEnabled() and not actions.flag_cycle.isEnabled()

    window.navigation.open_cycle(cycle.id)
    assert journal.cycles.get(cycle.id).status is CycleStatus.IN_PROGRESS
    assert actions.read_view.isEnabled() and actions.flag_cycle.isEnabled()
    assert not actions.start_next.isEnabled()  # not reviewed yet
    actions.flag_cycle.trigger()  # Cycle > Bring to supervision
    assert journal.cycles.get(cycle.id).bring_to_supervision
    assert actions.pause_inquiry.isEnabled()  # the Inquiry menu acts on the cycle's line
