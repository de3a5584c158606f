"""The entry editor underlines what could identify someone as it is typed, and only that."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QToolTip

from app.ui.privacy.underline import NOTHING_HERE
from app.ui.widgets.autosave import SaveState
from app.ui.window.navigation import View
from tests.support.data import NEVER_MS, TODAY, fill_demo
from tests.ui.driver import press


def underlined(edit) -> list[str]:
    """The wavily underlined words, paragraph by paragraph."""
    found = []
    block = edit.document().firstBlock()
    while block.isValid():
        for fmt in block.layout().formats():
            if fmt.format.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline:
                found.append(block.text()[fmt.start : fmt.start + fmt.length])
        block = block.next()
    return found


def test_an_nhs_number_typed_in_an_entry_is_underlined_quietly(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    press(qtbot, window, Qt.Key.Key_N)
    body = window.entries_page.editor.body_edit
    qtbot.keyClicks(body, "Handover at 07:30 on ward 7 went well.")
    assert underlined(body) == []
    qtbot.keyClicks(body, " I checked NHS no 943 476 5919 against the list.")
    assert underlined(body) == ["943 476 5919"]

    tip = window.entries_page.editor.privacy.tip_at(body.toPlainText().index("476"))
    assert tip.startswith("This looks like an NHS number, which could identify someone.")
    assert window.entries_page.editor.privacy.tip_at(0) == ""
    assert window.message_bar.message == ""  # no pop-up, no message: only the line
    assert body.hasFocus()
    assert window.save_state_label.text() == SaveState.SAVING.value  # the typing, nothing else

    entry_id = window.controller.saver.entry_id
    window.controller.save_now()
    assert "943 476 5919" in journal.entries.get(entry_id).body  # it warns; it does not edit


def test_an_entry_opened_with_a_finding_is_underlined_and_not_marked_changed(
    qtbot, journal, make_window
):
    journal.entries.create("Discharge", "Spoke to Mrs Patel's son.\n\nNothing else to add.")
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    assert underlined(window.entries_page.editor.body_edit) == ["Mrs Patel"]
    assert window.save_state_label.text() == SaveState.SAVED.value
    assert not window.controller.saver.is_dirty()


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # a tooltip, offscreen
def test_shift_f1_says_why_the_text_at_the_cursor_is_underlined(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES, autosave_ms=NEVER_MS)
    press(qtbot, window, Qt.Key.Key_N)
    body = window.entries_page.editor.body_edit
    qtbot.keyClicks(body, "I checked NHS no 943 476 5919 against the list.")
    cursor = body.textCursor()
    cursor.setPosition(body.toPlainText().index("476"))
    body.setTextCursor(cursor)

    qtbot.keyClick(body, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text().startswith("This looks like an NHS number, which could identify")

    cursor.setPosition(0)
    body.setTextCursor(cursor)
    qtbot.keyClick(body, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert QToolTip.text() == NOTHING_HERE
    QToolTip.hideText()


def test_the_next_button_shows_its_key(qtbot, journal, make_window):
    window = make_window(fill_demo(journal), today=lambda: TODAY)
    window.navigation.open_cycle(journal.cycles.in_progress()[0].id)
    flow = window.cycle_pane.flow
    assert flow is not None and flow.next_button.isVisible()
    assert "Ctrl+Enter" in flow.next_button.text()
