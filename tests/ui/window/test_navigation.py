"""Moving between the views, and finding the same place again after closing the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.errors import StorageError
from app.ui.cycles.flow_steps import Place, Screen
from app.ui.widgets.settings import open_settings
from app.ui.window.navigation import View
from app.writing.cycles import CycleStore
from tests.support.data import NEVER_MS, TODAY, fill_demo
from tests.ui.driver import CTRL, press_key
from tests.ui.support import view_shown

DISK_FULL = "The journal could not be saved or read: database or disk is full"


@pytest.fixture
def refusing_stages(monkeypatch):
    """CycleStore.save_stage fails like a full disk until `.heal()`."""

    class Disk:
        broken = True
        real_save = CycleStore.save_stage

        def heal(self) -> None:
            self.broken = False

    disk = Disk()

    def save_stage(store, cycle_id, stage_id, text):
        if disk.broken:
            raise StorageError(DISK_FULL)
        return Disk.real_save(store, cycle_id, stage_id, text)

    monkeypatch.setattr(CycleStore, "save_stage", save_stage)
    return disk


def test_each_view_is_a_key_away_and_the_rail_and_menu_follow(qtbot, journal, make_window):
    fill_demo(journal)
    window = make_window(journal, today=lambda: TODAY)
    assert view_shown(window) is View.HOME  # nothing was left open: Home first
    assert window.rail.accessibleName() == "Views"
    for number, view in enumerate(View, start=1):
        press_key(qtbot, window, getattr(Qt.Key, f"Key_{number}"), CTRL)
        if view is View.COACHING:  # no participants: not offered (tests/ui/coach)
            assert window.navigation.view is View.SESSIONS
            continue
        assert window.navigation.view is view
        assert window.stack.currentWidget() is window.pages[view]
        assert window.rail.current_view() is view
        assert window.commands.views[view].isChecked()
    assert window.sessions_list.ids()  # the demo's session is listed
    press_key(qtbot, window, Qt.Key.Key_F, CTRL)
    assert view_shown(window) is View.ENTRIES
    assert window.entries_page.sidebar.search_box.hasFocus()

    window.rail.setFocus()
    press_key(qtbot, window, Qt.Key.Key_Home)
    assert view_shown(window) is View.HOME  # the rail moves with the arrow keys too
    press_key(qtbot, window, Qt.Key.Key_Down)
    assert view_shown(window) is View.ENTRIES
    assert window.rail.hasFocus()
    press_key(qtbot, window, Qt.Key.Key_Tab)
    assert window.entries_page.isAncestorOf(window.focusWidget())  # on into the view


def test_the_view_and_the_line_of_inquiry_are_found_again(qtbot, journal, make_window):
    fill_demo(journal)
    window = make_window(journal, today=lambda: TODAY)
    press_key(qtbot, window, Qt.Key.Key_3, CTRL)
    page = window.inquiries_page
    second = page.inquiry_list.ids()[1]
    page.inquiry_list.list.select_id(second)
    assert page.current_inquiry_id() == second
    window.close()

    again = make_window(journal, today=lambda: TODAY)
    assert view_shown(again) is View.INQUIRIES  # the view the window was closed on
    assert again.stack.currentWidget() is again.pages[View.INQUIRIES]
    assert again.inquiries_page.current_inquiry_id() == second
    press_key(qtbot, again, Qt.Key.Key_5, CTRL)
    again.close()

    third = make_window(journal, today=lambda: TODAY)
    assert view_shown(third) is View.SESSIONS
    assert third.sessions_list.ids()
    press_key(qtbot, third, Qt.Key.Key_2, CTRL)
    third.close()
    assert view_shown(make_window(journal, today=lambda: TODAY)) is View.ENTRIES

    text = Path(open_settings().fileName()).read_text(encoding="utf-8")
    assert second in text
    for inquiry in journal.cycles.inquiries():
        assert inquiry.question not in text  # ids only, never what was written


def test_a_cycle_left_open_reopens_on_its_stage_and_reading_stays_reading(
    qtbot, journal, make_window
):
    inquiry = journal.cycles.create_inquiry("Listening under pressure")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    window = make_window(journal, today=lambda: TODAY, autosave_ms=NEVER_MS)
    window.home.refresh()
    window.navigation.open_cycle(cycle.id)
    flow = window.cycle_pane.flow
    press_key(qtbot, window, Qt.Key.Key_Return, CTRL)  # on to stage 2
    qtbot.keyClicks(flow.stage_page.text_edit, "Half a thought")
    window.close()  # not saved by hand, not finished

    again = make_window(journal, today=lambda: TODAY, autosave_ms=NEVER_MS)
    flow = again.cycle_pane.flow
    assert view_shown(again) is View.CYCLE
    assert flow.place == Place(Screen.STAGE, "intention")
    assert flow.stage_page.text_edit.toPlainText() == "Half a thought"
    assert flow.stage_page.text_edit.hasFocus()

    press_key(qtbot, again, Qt.Key.Key_R, CTRL)  # Cycle > Read view
    assert again.cycle_pane.reading
    assert "Half a thought" in again.cycle_pane.read_view.toPlainText()
    again.close()

    third = make_window(journal, today=lambda: TODAY)
    assert view_shown(third) is View.CYCLE and third.cycle_pane.reading
    press_key(qtbot, third, Qt.Key.Key_Escape)  # back to writing
    qtbot.waitUntil(lambda: not third.cycle_pane.reading)  # the button flashes, then acts
    assert third.cycle_pane.flow.place == Place(Screen.STAGE, "intention")

    press_key(qtbot, third, Qt.Key.Key_1, CTRL)
    press_key(qtbot, third, Qt.Key.Key_4, CTRL)  # the cycle is still there to go back to
    assert third.cycle_pane.flow.place == Place(Screen.STAGE, "intention")


def test_finish_later_goes_home_and_the_next_start_is_home(qtbot, journal, make_window):
    inquiry = journal.cycles.create_inquiry("Listening under pressure")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    window = make_window(journal, today=lambda: TODAY)
    window.navigation.open_cycle(cycle.id)
    qtbot.keyClicks(window.cycle_pane.flow.stage_page.text_edit, "Me, at the station")
    press_key(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # "Finish later"
    qtbot.waitUntil(lambda: view_shown(window) is View.HOME)
    assert journal.cycles.get(cycle.id).text("frame") == "Me, at the station"
    assert window.home.in_progress.ids() == [] and window.home.waiting.ids() == []
    window.close()
    assert make_window(journal).navigation.view is View.HOME


def test_text_that_cannot_be_saved_keeps_the_person_in_the_cycle(
    qtbot, journal, make_window, answers, refusing_stages
):
    inquiry = journal.cycles.create_inquiry("Listening under pressure")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    window = make_window(journal, today=lambda: TODAY, autosave_ms=NEVER_MS)
    window.navigation.open_cycle(cycle.id)
    flow = window.cycle_pane.flow
    qtbot.keyClicks(flow.stage_page.text_edit, "Words I must not lose")

    press_key(qtbot, window, Qt.Key.Key_1, CTRL)
    assert view_shown(window) is View.CYCLE  # refused: still here, with the text
    assert window.rail.current_view() is View.CYCLE
    assert DISK_FULL in flow.message_bar.message
    assert flow.stage_page.text_edit.toPlainText() == "Words I must not lose"

    answers.reply = False
    window.close()
    assert window.isVisible()  # "Close anyway?" No: the window stays open
    assert any("could not be saved" in question for question in answers.asked)

    refusing_stages.heal()
    press_key(qtbot, window, Qt.Key.Key_1, CTRL)
    assert view_shown(window) is View.HOME
    assert journal.cycles.get(cycle.id).text("frame") == "Words I must not lose"


def test_an_empty_journal_says_what_each_view_is_for(qtbot, journal, make_window):
    window = make_window(journal)
    press_key(qtbot, window, Qt.Key.Key_3, CTRL)
    page = window.inquiries_page
    assert page.new_cycle_button.isVisible() and page.new_cycle_button.hasFocus()
    assert not page.inquiry_list.isVisible()
    press_key(qtbot, window, Qt.Key.Key_4, CTRL)
    assert window.cycle_pane.new_cycle_button.isVisible()
    assert window.cycle_pane.new_cycle_button.hasFocus()
    press_key(qtbot, window, Qt.Key.Key_Space)  # "New cycle…"
    dialog = window.controllers.cycles.dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.reject()
