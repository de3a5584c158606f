"""The guided flow's details: hints, keys, skipping, autosave, refusals shown in place."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.errors import StorageError
from app.journal.opening import Journal
from app.ui.cycles.flow_steps import REVIEW, Place, Screen
from app.ui.widgets.autosave import SaveState
from app.writing.cycle_records import CycleStatus, DomainRequiredError
from app.writing.domains import Domain
from tests.ui.support import unnamed_controls

DISK_FULL = "The disk is full, so your words could not be saved. Free some space and try again."


def start(journal: Journal, template: str = "action-inquiry", **options: object) -> str:
    inquiry = journal.cycles.create_inquiry("How do I listen under pressure?")
    return journal.cycles.start_cycle(inquiry.id, template, **options).id  # type: ignore[arg-type]


def test_show_hints_reveals_the_hints_and_an_example(qtbot, journal, open_flow):
    flow = open_flow(journal, start(journal))
    page = flow.stage_page
    assert not page.hints_frame.isVisible()
    qtbot.mouseClick(page.hints_button, Qt.MouseButton.LeftButton)
    assert page.hints_frame.isVisible()
    shown = page.hints_label.text()
    assert "Name the setting" in shown
    assert "For example:" in shown
    assert page.hints_button.accessibleName() == "Hide hints"
    qtbot.mouseClick(page.hints_button, Qt.MouseButton.LeftButton)
    assert not page.hints_frame.isVisible()


def test_every_move_is_on_the_keyboard(qtbot, journal, open_flow, press):
    flow = open_flow(journal, start(journal))
    assert flow.stage_page.text_edit.hasFocus()
    press(flow, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert flow.place == Place(Screen.STAGE, "intention")
    press(flow, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert flow.place == Place(Screen.STAGE, "strategy")
    press(flow, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert flow.place == Place(Screen.STAGE, "intention")
    press(flow, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert flow.place == Place(Screen.STAGE, "frame")
    assert not flow.back_button.isEnabled()  # nothing before the first stage
    press(flow, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert flow.place == Place(Screen.STAGE, "intention")


def test_skip_is_offered_only_while_the_stage_is_empty(qtbot, journal, open_flow):
    flow = open_flow(journal, start(journal))
    assert flow.skip_button.isVisible()
    qtbot.keyClicks(flow.stage_page.text_edit, "Ward")
    assert not flow.skip_button.isVisible()
    flow.stage_page.text_edit.clear()
    qtbot.mouseClick(flow.skip_button, Qt.MouseButton.LeftButton)
    assert flow.place == Place(Screen.STAGE, "intention")


def test_typing_is_saved_about_a_second_after_it_stops(qtbot, journal, open_flow):
    cycle_id = start(journal)
    flow = open_flow(journal, cycle_id, autosave_ms=1000)
    qtbot.keyClicks(flow.stage_page.text_edit, "The huddle at 07:45")
    assert flow.save_state_label.text() == SaveState.SAVING.value
    qtbot.waitUntil(lambda: journal.cycles.get(cycle_id).text("frame") == "The huddle at 07:45")
    assert flow.save_state_label.text() == SaveState.SAVED.value


def test_a_refused_save_keeps_the_text_and_says_why(qtbot, journal, open_flow, monkeypatch):
    cycle_id = start(journal)
    flow = open_flow(journal, cycle_id)
    real_save = journal.cycles.save_stage

    def full_disk(*_args: object) -> None:
        raise StorageError(DISK_FULL)

    monkeypatch.setattr(journal.cycles, "save_stage", full_disk)
    qtbot.keyClicks(flow.stage_page.text_edit, "Words worth keeping")
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    assert flow.message_bar.message == DISK_FULL
    assert flow.place == Place(Screen.STAGE, "frame")  # stayed, so nothing is lost
    assert flow.stage_page.text_edit.toPlainText() == "Words worth keeping"
    assert flow.save_state_label.text() == SaveState.FAILED.value

    monkeypatch.setattr(journal.cycles, "save_stage", real_save)
    qtbot.mouseClick(flow.message_bar.retry_button, Qt.MouseButton.LeftButton)
    assert not flow.message_bar.isVisible()
    assert journal.cycles.get(cycle_id).text("frame") == "Words worth keeping"


def test_unticking_the_last_domain_shows_why_and_keeps_the_tick(qtbot, journal, open_flow):
    cycle_id = start(journal, "quick-capture", domains=[Domain.TEAM])
    flow = open_flow(journal, cycle_id)
    for _ in range(10):
        if flow.place == REVIEW:
            break
        qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    assert flow.review_page.isVisible()
    team = flow.review_page.domains.boxes[Domain.TEAM]
    assert team.isChecked()

    team.click()

    assert team.isChecked()
    error = flow.review_page.domain_error
    assert error.isVisible()
    assert error.text() == str(DomainRequiredError())
    assert journal.cycles.get(cycle_id).domains == (Domain.TEAM,)
    flow.review_page.domains.boxes[Domain.INDIVIDUAL].click()
    assert not error.isVisible()
    assert journal.cycles.get(cycle_id).domains == (Domain.INDIVIDUAL, Domain.TEAM)


def test_marking_reviewed_names_the_stages_still_empty(qtbot, journal, open_flow):
    cycle_id = start(journal, "gibbs")
    flow = open_flow(journal, cycle_id)
    assert flow.place == Place(Screen.STAGE, "description")  # Gibbs has no before-stages
    qtbot.keyClicks(flow.stage_page.text_edit, "A near miss reported to me while on the phone.")
    while flow.place != REVIEW:
        qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(flow.review_page.finish_button, Qt.MouseButton.LeftButton)

    message = flow.review_page.finish_error.text()
    assert flow.review_page.finish_error.isVisible()
    assert "Feelings" in message and "Conclusion" in message
    assert "Description" not in message
    assert journal.cycles.get(cycle_id).status is CycleStatus.IN_PROGRESS


def test_a_reviewed_cycle_opens_on_its_review_and_offers_the_next_one(
    qtbot, demo_journal, open_flow
):
    reviewed = [
        c for c in demo_journal.cycles.summaries() if c.title == "Draft rota shared a week early"
    ]
    flow = open_flow(demo_journal, reviewed[0].id)
    assert flow.place == REVIEW
    assert flow.review_page.title_label.text() == "This cycle is reviewed"
    assert not flow.review_page.finish_button.isVisible()
    assert flow.review_page.next_button.isVisible()
    assert flow.finish_later_button.accessibleName() == "Close"
    with qtbot.waitSignal(flow.readCycleRequested) as read:
        qtbot.mouseClick(flow.review_page.read_button, Qt.MouseButton.LeftButton)
    assert read.args == [reviewed[0].id]


def test_finish_later_saves_and_says_so(qtbot, journal, open_flow):
    cycle_id = start(journal)
    flow = open_flow(journal, cycle_id)
    qtbot.keyClicks(flow.stage_page.text_edit, "Bed meeting")
    with qtbot.waitSignal(flow.finishLaterRequested):
        qtbot.mouseClick(flow.finish_later_button, Qt.MouseButton.LeftButton)
    assert journal.cycles.get(cycle_id).text("frame") == "Bed meeting"


@pytest.mark.parametrize("template", ["action-inquiry", "gibbs", "dilemma", "quick-capture"])
def test_every_control_has_an_accessible_name(journal, open_flow, template):
    flow = open_flow(journal, start(journal, template))
    assert unnamed_controls(flow) == []


def test_tab_goes_from_the_writing_space_through_the_buttons(qtbot, journal, open_flow, press):
    flow = open_flow(journal, start(journal))
    assert flow.stage_page.text_edit.hasFocus()
    order = []
    for _ in range(4):
        press(flow, Qt.Key.Key_Tab)
        order.append(flow.focusWidget().accessibleName())
    # Back is skipped: there is nothing before the first stage.
    assert order == ["Show hints", "Finish later", "Skip this stage", "Next"]


def test_opening_a_reviewed_cycle_does_not_count_as_changing_it(qtbot, journal, open_flow):
    from app.writing.cycle_records import LoopLevel

    cycle_id = start(journal, "quick-capture")
    journal.cycles.begin_reflection(cycle_id)
    journal.cycles.save_stage(cycle_id, "surprise", "Two people spoke up.")
    journal.cycles.update_cycle(cycle_id, loop=LoopLevel.DOUBLE)
    reviewed = journal.cycles.finish(cycle_id)
    flow = open_flow(journal, cycle_id)  # a reviewed cycle opens on its review
    assert flow.place.screen is Screen.REVIEW
    assert flow.review_page.loop_buttons[LoopLevel.DOUBLE].isChecked()
    assert journal.cycles.get(cycle_id).updated == reviewed.updated  # shown, not written
