"""Issue 3 in the window: plan a cycle, close, come back after the experiment, reflect, go on.

Everything goes through the real MainWindow and, where a person would, the keyboard.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from app.journal.opening import create_journal, open_journal
from app.ui.cycles.flow_steps import PLANNED, REVIEW, TRIED_YET, Place, Screen
from app.ui.window.navigation import View
from app.writing.cycle_records import CycleStatus, LoopLevel
from app.writing.domains import Domain
from tests.support.data import NEVER_MS, TODAY
from tests.ui.driver import ALT, CTRL, SHIFT, activate, press_key
from tests.ui.support import view_shown

PLAN = (
    "Team: the morning huddle, nurse in charge and two healthcare assistants.",
    "Concerns said out loud at 07:45, not at 19:30.",
    "Ask what is worrying people before I give my plan, then wait.",
)
REFLECTION = (
    "Asked four days out of five; skipped it when I was late.",
    "A healthcare assistant raised a patient who was 'not himself'.",
    "Double loop: silence did not mean agreement.",
    "Ask the night team the same question at handover.",
)
TRY_BY = date(2025, 3, 14)
LATER = date(2025, 3, 17)


def write_stage(qtbot, window, text: str) -> None:
    """Type in the stage shown, then Ctrl+Enter to the next screen."""
    flow = window.cycle_pane.flow
    activate(qtbot, window)
    assert flow.stage_page.text_edit.hasFocus()
    qtbot.keyClicks(flow.stage_page.text_edit, text)
    press_key(qtbot, window, Qt.Key.Key_Return, CTRL)


def test_a_cycle_planned_in_the_window_is_resumed_reflected_on_and_carried_on(
    qtbot, journal_dir, key_store, make_window
):
    journal, _code = create_journal(journal_dir, key_store)
    window = make_window(journal, today=lambda: TODAY, autosave_ms=NEVER_MS)
    assert view_shown(window) is View.HOME

    press_key(qtbot, window, Qt.Key.Key_N, CTRL | SHIFT)
    dialog = window.controllers.cycles.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.focusWidget() is dialog.question_edit  # no lines of inquiry yet: start one
    qtbot.keyClicks(dialog.question_edit, "How do I get my team to raise concerns earlier?")
    dialog.domains.boxes[Domain.TEAM].setFocus()
    qtbot.keyClick(dialog.domains.boxes[Domain.TEAM], Qt.Key.Key_Space)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_T, ALT)  # "Plan to try it by"
    qtbot.waitUntil(dialog.experiment_date.check.isChecked)  # a mnemonic clicks after a flash
    dialog.experiment_date.date_edit.setDate(QDate(TRY_BY.year, TRY_BY.month, TRY_BY.day))
    with qtbot.waitSignal(dialog.cycleCreated, timeout=2000) as created:
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, ALT)  # "Start cycle"
    cycle_id = created.args[0]

    flow = window.cycle_pane.flow
    assert view_shown(window) is View.CYCLE
    assert flow is not None and flow.isVisible()
    assert flow.stage_page.progress_label.text().startswith("Stage 1 of 7")
    for text in PLAN:
        write_stage(qtbot, window, text)
    assert flow.place == PLANNED
    assert journal.cycles.get(cycle_id).reached_plan

    window.close()  # nothing pressed: no Finish later, no Save
    journal.close()

    journal = open_journal(journal_dir, key_store)
    try:
        again = make_window(journal, today=lambda: LATER, autosave_ms=NEVER_MS)
        flow = again.cycle_pane.flow
        assert view_shown(again) is View.CYCLE  # it was closed mid-cycle
        assert flow is not None and flow.place == TRIED_YET
        assert flow.tried_page.isVisible()

        press_key(qtbot, again, Qt.Key.Key_1, CTRL)
        assert view_shown(again) is View.HOME
        assert again.home.waiting.ids() == [cycle_id]
        assert again.home.waiting.list.hasFocus()
        press_key(qtbot, again, Qt.Key.Key_Return)  # open it
        assert view_shown(again) is View.CYCLE
        assert flow.place == TRIED_YET
        assert flow.tried_page.yes_button.hasFocus()
        press_key(qtbot, again, Qt.Key.Key_Return)  # "Yes, reflect now"
        assert flow.place == Place(Screen.STAGE, "action")
        assert flow.stage_page.progress_label.text().startswith("Stage 4 of 7")
        assert journal.cycles.get(cycle_id).status is CycleStatus.IN_PROGRESS

        for text in REFLECTION:
            write_stage(qtbot, again, text)
        assert flow.place == REVIEW
        assert flow.review_page.loop_buttons[LoopLevel.NONE].hasFocus()
        press_key(qtbot, again, Qt.Key.Key_Down)
        press_key(qtbot, again, Qt.Key.Key_Down)
        assert flow.review_page.loop_buttons[LoopLevel.DOUBLE].isChecked()
        press_key(qtbot, again, Qt.Key.Key_M, ALT)  # "Mark as reviewed"
        qtbot.waitUntil(lambda: journal.cycles.get(cycle_id).status is CycleStatus.REVIEWED)
        reviewed = journal.cycles.get(cycle_id)
        assert reviewed.status is CycleStatus.REVIEWED
        assert reviewed.loop is LoopLevel.DOUBLE

        again.navigation.update_commands()  # as opening the Cycle menu does
        assert again.commands.start_next.isEnabled()
        again.commands.start_next.trigger()  # Cycle > Start the next experiment
        dialog = flow.next_dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isActiveWindow)
        assert dialog.experiment_date.date_edit.hasFocus()  # it asks when to try it
        qtbot.keyClick(dialog.experiment_date.date_edit, Qt.Key.Key_Return)  # Start
        [second] = [c for c in journal.cycles.cycles_in(reviewed.inquiry_id) if c.id != cycle_id]
        assert second.previous_id == cycle_id
        assert second.experiment_date is not None
        assert flow.cycle is not None and flow.cycle.id == second.id
        assert flow.place == Place(Screen.STAGE, "strategy")

        press_key(qtbot, again, Qt.Key.Key_3, CTRL)
        page = again.inquiries_page
        assert view_shown(again) is View.INQUIRIES
        assert page.current_inquiry_id() == reviewed.inquiry_id
        assert [c.cycle_id for c in page.timeline.cards] == [cycle_id, second.id]
        first_card = [label.text() for label in page.timeline.cards[0].findChildren(QLabel)]
        assert "Double loop" in first_card
        assert REFLECTION[2] in first_card  # what was learned, as the empty state promised
    finally:
        journal.close()
