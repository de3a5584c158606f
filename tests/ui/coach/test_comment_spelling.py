"""A coach's comment is spell-checked like everything else written in the window."""

from __future__ import annotations

from datetime import date

import pytest

from tests.ui.coach.helpers import ALEX_HUDDLE, CoachDesk
from tests.ui.coach.window import click_item, open_coaching
from tests.ui.widgets.test_spelling import open_menu, texts, underlined

TODAY = date(2025, 3, 12)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")  # the word's menu
def test_a_misspelling_in_a_coachs_comment_is_underlined_and_can_be_ignored(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach, today=lambda: TODAY)
    page = open_coaching(qtbot, window)
    page.choose_participant(desk.fingerprint("Alex"))
    click_item(qtbot, page, ALEX_HUDDLE)
    edit = page.conversation.edit
    edit.setPlainText("What did you noticee first?")
    qtbot.waitUntil(lambda: not window.spelling.busy)
    assert underlined(edit) == ["noticee"]
    menu = open_menu(edit, "noticee")
    [ignore] = [a for a in menu.actions() if a.text() == "&Ignore “noticee”"]
    assert "&Add “noticee” to dictionary" in texts(menu)
    ignore.trigger()
    menu.close()
    assert underlined(edit) == []
