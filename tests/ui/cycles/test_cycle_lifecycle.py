"""A whole cycle through the screens: plan, close the app, come back, reflect, review, go on."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt

from app.journal.opening import create_journal, open_journal
from app.ui.cycles.cycle_flow import CycleFlow
from app.ui.cycles.flow_steps import PLANNED, REVIEW, TRIED_YET, Place, Screen
from app.ui.cycles.new_cycle_dialog import NewCycleDialog
from app.writing.cycle_records import PLANNED_MARK, CycleStatus, LoopLevel
from app.writing.domains import Domain
from tests.support.data import NEVER_MS, TODAY
from tests.ui.support import destroy

PLAN = {
    "frame": "Team: the morning huddle, nurse in charge and two healthcare assistants.",
    "intention": "Concerns said out loud at 07:45, not at 19:30.",
    "strategy": "Ask what is worrying people before I give my plan, then wait.",
}
REFLECTION = {
    "action": "Asked four days out of five; skipped it when I was late.",
    "outcomes": "A healthcare assistant raised a patient who was 'not himself'.",
    "learning": "Double loop: silence did not mean agreement.",
    "next": "Ask the night team the same question at handover.",
}


def type_and_go_next(qtbot, press, flow: CycleFlow, text: str) -> None:
    flow.stage_page.text_edit.setFocus()
    qtbot.keyClicks(flow.stage_page.text_edit, text)
    press(flow, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_plan_close_reopen_reflect_review_and_start_the_next(
    qtbot, journal_dir, key_store, press, open_flow
):
    journal, _code = create_journal(journal_dir, key_store)

    dialog = NewCycleDialog(journal, today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.new_radio.isChecked()  # no lines of inquiry yet: start one
    assert not dialog.existing_radio.isEnabled()
    qtbot.keyClicks(dialog.question_edit, "How do I get my team to raise concerns earlier?")
    dialog.domains.boxes[Domain.TEAM].click()
    assert dialog.chosen_template_id() == "action-inquiry"
    dialog.experiment_date.check.click()
    dialog.experiment_date.date_edit.setDate(QDate(2025, 3, 14))
    with qtbot.waitSignal(dialog.cycleCreated) as created:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    cycle_id = created.args[0]
    assert dialog.cycle_id == cycle_id
    cycle = journal.cycles.get(cycle_id)
    assert cycle.status is CycleStatus.PLANNED
    assert cycle.experiment_date == date(2025, 3, 14)
    assert cycle.domains == (Domain.TEAM,)
    assert journal.cycles.inquiry(cycle.inquiry_id).question.startswith("How do I get my team")

    flow = CycleFlow(journal, cycle_id, today=lambda: TODAY, autosave_ms=NEVER_MS)
    flow.resize(900, 700)
    with qtbot.waitExposed(flow):
        flow.show()
    assert flow.stage_page.title_label.text() == "Frame"
    assert flow.stage_page.progress_label.text().startswith("Stage 1 of 7")
    for text in PLAN.values():
        type_and_go_next(qtbot, press, flow, text)
    # The after-the-experiment stages are not offered yet.
    assert flow.place == PLANNED
    assert flow.planned_page.isVisible()
    assert flow.planned_page.experiment_date.date() == date(2025, 3, 14)
    assert not flow.next_button.isVisible()

    destroy(flow)  # the person quits the app
    del flow
    journal.close()

    journal = open_journal(journal_dir, key_store)
    try:
        stored = journal.cycles.get(cycle_id)
        assert {k: stored.text(k) for k in PLAN} == PLAN
        later = date(2025, 3, 15)
        flow = open_flow(journal, cycle_id, today=later)
        assert flow.place == TRIED_YET
        assert flow.tried_page.isVisible()
        assert "14 Mar 2025" in flow.tried_page.date_label.text()
        assert "Ask what is worrying people" in flow.tried_page.plan_label.text()

        qtbot.mouseClick(flow.tried_page.yes_button, Qt.MouseButton.LeftButton)
        assert flow.place == Place(Screen.STAGE, "action")
        assert flow.stage_page.progress_label.text().startswith("Stage 4 of 7")
        assert journal.cycles.get(cycle_id).status is CycleStatus.IN_PROGRESS
        for text in REFLECTION.values():
            type_and_go_next(qtbot, press, flow, text)
        assert flow.place == REVIEW
        assert flow.review_page.isVisible()
        assert {k: journal.cycles.get(cycle_id).text(k) for k in REFLECTION} == REFLECTION

        double = flow.review_page.loop_buttons[LoopLevel.DOUBLE]
        assert double.accessibleDescription() == LoopLevel.DOUBLE.explanation
        double.click()
        qtbot.keyClicks(flow.review_page.tags_edit, "huddle, speaking up")
        qtbot.mouseClick(flow.review_page.finish_button, Qt.MouseButton.LeftButton)
        reviewed = journal.cycles.get(cycle_id)
        assert reviewed.status is CycleStatus.REVIEWED
        assert reviewed.loop is LoopLevel.DOUBLE
        assert set(reviewed.tags) == {"huddle", "speaking up"}
        assert flow.review_page.next_button.isVisible()

        qtbot.mouseClick(flow.review_page.next_button, Qt.MouseButton.LeftButton)
        # Asked when to try it, with the plan it carries over in sight.
        dialog = flow.next_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.plan_label.text() == REFLECTION["next"]
        assert dialog.experiment_date.check.isChecked()
        dialog.experiment_date.date_edit.setDate(QDate(2025, 3, 21))
        with qtbot.waitSignal(flow.cycleOpened) as opened:
            qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        new_id = opened.args[0]
        assert new_id != cycle_id
        new = journal.cycles.get(new_id)
        assert new.previous_id == cycle_id
        assert new.status is CycleStatus.PLANNED
        assert new.inquiry_id == reviewed.inquiry_id
        assert flow.cycle is not None and flow.cycle.id == new_id
        assert journal.cycles.get(cycle_id).next_id == new_id
        # Planning goes on at Strategy; the plan is beside it as context, not typed into it.
        assert flow.place == Place(Screen.STAGE, "strategy")
        assert flow.stage_page.title_label.text() == "Strategy"
        assert flow.stage_page.text_edit.toPlainText() == ""
        assert flow.earlier.isVisible()
        context = flow.earlier.browser.toPlainText()
        assert "Carried over from the last cycle" in context
        assert REFLECTION["next"] in context
        assert "*(" not in context
        # and the date puts it on Home when it comes
        waiting = journal.cycles.waiting_for_reflection(date(2025, 3, 21))
        assert [c.id for c in waiting] == [new_id]
    finally:
        journal.close()


def test_closing_mid_stage_resumes_on_that_stage_with_the_text(qtbot, journal, press, open_flow):
    inquiry = journal.cycles.create_inquiry("Listening under pressure")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    flow = CycleFlow(journal, cycle.id, today=lambda: TODAY, autosave_ms=NEVER_MS)
    with qtbot.waitExposed(flow):
        flow.show()
    type_and_go_next(qtbot, press, flow, "Me, at the nurses' station.")
    qtbot.keyClicks(flow.stage_page.text_edit, "Half a thought")

    destroy(flow)  # hiding saves what is typed, without waiting for the autosave
    del flow

    again = open_flow(journal, cycle.id)
    assert again.place == Place(Screen.STAGE, "intention")
    assert again.stage_page.text_edit.toPlainText() == "Half a thought"
    assert again.stage_page.progress_label.text().startswith("Stage 2 of 7")


def test_not_yet_goes_to_the_planned_screen_and_the_date_can_change(qtbot, journal, open_flow):
    inquiry = journal.cycles.create_inquiry("Flow and discharge")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    for stage, text in PLAN.items():
        journal.cycles.save_stage(cycle.id, stage, text)
    journal.cycles.set_current_stage(cycle.id, PLANNED_MARK)  # the plan was finished
    flow = open_flow(journal, cycle.id)
    assert flow.place == TRIED_YET
    assert "didn't set a date" in flow.tried_page.date_label.text()

    qtbot.mouseClick(flow.tried_page.not_yet_button, Qt.MouseButton.LeftButton)
    assert flow.place == PLANNED
    dates = flow.planned_page.experiment_date
    assert not dates.check.isChecked()
    dates.check.click()
    dates.date_edit.setDate(QDate(2025, 3, 20))
    assert journal.cycles.get(cycle.id).experiment_date == date(2025, 3, 20)
    dates.check.click()
    assert journal.cycles.get(cycle.id).experiment_date is None


def test_closing_while_writing_the_plan_returns_to_it_and_after_planning_asks(
    qtbot, journal, press, open_flow
):
    inquiry = journal.cycles.create_inquiry("Listening under pressure")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    flow = open_flow(journal, cycle.id)
    for text in list(PLAN.values())[:2]:
        type_and_go_next(qtbot, press, flow, text)
    qtbot.keyClicks(flow.stage_page.text_edit, PLAN["strategy"])
    destroy(flow)  # closed on stage 3 with the plan all written, but still on it

    again = open_flow(journal, cycle.id)
    assert again.place == Place(Screen.STAGE, "strategy")
    assert again.stage_page.text_edit.toPlainText() == PLAN["strategy"]
    press(again, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert again.place == PLANNED
    assert journal.cycles.get(cycle.id).reached_plan
    destroy(again)

    assert open_flow(journal, cycle.id).place == TRIED_YET
