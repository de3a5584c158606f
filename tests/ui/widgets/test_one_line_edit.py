"""A one-line prose field: a line to the person, a text document to the spelling check."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from app.spelling.english import EnglishDictionary
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.one_line_edit import OneLineEdit
from app.ui.widgets.spelling import SpellingService
from tests.ui.widgets.test_spelling import underlined


def _dialog(qtbot, show) -> tuple[KeyboardSafeDialog, OneLineEdit, QLineEdit]:
    dialog = KeyboardSafeDialog()
    line = OneLineEdit()
    after = QLineEdit()
    layout = QVBoxLayout(dialog)
    layout.addWidget(line)
    layout.addWidget(after)
    box, _main = dialog.main_and_cancel("&Save")
    layout.addWidget(box)
    show(dialog)
    line.setFocus()
    return dialog, line, after


def test_enter_does_the_dialogs_main_action_and_adds_no_line(qtbot, show) -> None:
    dialog, line, _after = _dialog(qtbot, show)
    qtbot.keyClicks(line, "Ask the night team first")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(line, Qt.Key.Key_Return)
    assert line.text() == "Ask the night team first"


def test_tab_moves_on_and_a_pasted_line_break_becomes_a_space(qtbot, show) -> None:
    _, line, after = _dialog(qtbot, show)
    pasted = QMimeData()
    pasted.setText("one worry\neach shift")
    line.insertFromMimeData(pasted)
    assert line.text() == "one worry each shift"
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert after.hasFocus()
    assert line.document().blockCount() == 1


def test_it_stays_one_line_high_and_takes_set_text_like_a_line_edit(qtbot, show) -> None:
    _, line, _after = _dialog(qtbot, show)
    line.setText("first\nsecond")
    assert line.text() == "first second"
    assert line.height() < 2 * line.fontMetrics().lineSpacing()
    line.setCursorPosition(0)
    assert line.textCursor().position() == 0


def test_a_misspelling_in_it_is_underlined(qtbot, show, journal, english: EnglishDictionary):
    service = SpellingService(journal.dictionary, english=english)
    _, line, _after = _dialog(qtbot, show)
    service.attach(line)
    qtbot.keyClicks(line, "Ask the nihgt team first ")
    qtbot.waitUntil(lambda: not service.busy)
    assert underlined(line) == ["nihgt"]
    service.shut_down()
