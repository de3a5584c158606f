"""Tags: typed with commas, completed from the tags already in the journal."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.ui.widgets.tag_line_edit import split_tags
from app.ui.window.navigation import View
from tests.support.data import NEVER_MS

# The completion popup asks for things the offscreen test platform cannot do; harmless here.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)


def test_typing_part_of_a_known_tag_offers_it_and_enter_takes_it(qtbot, journal, make_window):
    journal.entries.create("Earlier", "text", tags=["huddles", "feedback"])
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    window.controller.new_entry()
    entry_id = window.controller.saver.entry_id
    tags = window.entries_page.editor.tags_edit
    tags.setFocus()

    qtbot.keyClicks(tags, "hud")
    popup = tags.completer_popup.popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    assert popup.model().index(0, 0).data() == "huddles"

    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text() == "huddles, "
    assert not popup.isVisible()

    qtbot.keyClicks(tags, "fee")
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert tags.text() == "huddles, feedback, "

    qtbot.keyClicks(tags, "new idea")
    window.close()
    assert journal.entries.get(entry_id).tags == ("feedback", "huddles", "new idea")


def test_a_tag_saved_on_one_entry_is_offered_on_the_next(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    window.controller.new_entry()
    qtbot.keyClicks(window.entries_page.editor.tags_edit, "courage")
    window.controller.new_entry()  # saves the first entry
    tags = window.entries_page.editor.tags_edit
    tags.setFocus()
    qtbot.keyClicks(tags, "cou")
    qtbot.waitUntil(tags.completer_popup.popup().isVisible)
    assert tags.completer_popup.currentCompletion() == "courage"
    qtbot.keyClick(tags.completer_popup.popup(), Qt.Key.Key_Escape)


def test_tags_are_split_on_commas_trimmed_and_not_repeated():
    assert split_tags(" huddles ,Feedback,, huddles,  two  words ") == (
        "huddles",
        "Feedback",
        "two words",
    )
