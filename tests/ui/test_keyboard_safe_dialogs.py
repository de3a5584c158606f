"""Enter and Escape never lose what was typed in a dialog, whatever Tab passed on the way."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton

from app.journal import Journal
from app.ui.cycles.new_cycle_dialog import NewCycleDialog
from app.ui.cycles.template_editor import TemplateEditorDialog
from app.ui.keyboard_safe_dialog import (
    DISCARD_QUESTION,
    KeyboardSafeDialog,
    TextField,
    field_text,
)
from app.ui.keyboard_safe_dialog import typed_fields as all_typed_fields
from app.ui.sessions.evidence_picker import EvidencePicker
from app.ui.sessions.session_dialog import SessionDialog
from app.ui.summary.summary_dialog import SummaryDialog
from tests.ui.support import TODAY
from tests.ui.window.test_mnemonics import clashes, visible_mnemonics

MakeDialog = Callable[[Journal, Path], KeyboardSafeDialog]
TYPED = "Kept after Enter"

DIALOGS: dict[str, MakeDialog] = {
    "link evidence": lambda _journal, _tmp: EvidencePicker([], "Ask the team first"),
    "new cycle": lambda journal, _tmp: NewCycleDialog(journal, today=lambda: TODAY),
    "record a session": lambda journal, _tmp: SessionDialog(journal, today=lambda: TODAY),
    "template editor": lambda journal, tmp: TemplateEditorDialog(journal.templates.default, tmp),
    "summary": lambda journal, _tmp: SummaryDialog(
        journal, today=lambda: TODAY, choose_file=lambda *_: None, print_document=lambda *_: False
    ),
}


def typed_fields(dialog: KeyboardSafeDialog) -> list[TextField]:
    """The fields shown and open to typing."""
    return [f for f in all_typed_fields(dialog) if f.isVisible() and f.isEnabled()]


def pass_cancel_with_tab(dialog: QDialog) -> None:
    """Put the focus on every button in turn, ending on Cancel, as Tab would on its way round."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    buttons.sort(key=lambda b: b.text().replace("&", "") == "Cancel")
    for button in buttons:
        button.setFocus()


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_enter_in_any_field_keeps_the_text_or_does_the_main_action(
    qtbot, show, journal, tmp_path, name
):
    count = len(typed_fields(show(DIALOGS[name](journal, tmp_path))))
    assert count > 0
    for index in range(count):
        dialog = show(DIALOGS[name](journal, tmp_path))
        field = typed_fields(dialog)[index]
        pass_cancel_with_tab(dialog)
        field.setFocus()
        qtbot.keyClicks(field, TYPED)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        if dialog.isVisible():
            assert TYPED in field_text(field), (name, field.accessibleName())
        else:
            assert dialog.result() == QDialog.DialogCode.Accepted, (name, field.accessibleName())


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_escape_with_typed_text_asks_first(qtbot, show, journal, tmp_path, discard_answers, name):
    dialog = show(DIALOGS[name](journal, tmp_path))
    field = typed_fields(dialog)[0]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() or discard_answers.asked == []  # nothing typed: no question

    dialog = show(DIALOGS[name](journal, tmp_path))
    field = typed_fields(dialog)[0]
    field.setFocus()
    qtbot.keyClicks(field, TYPED)
    discard_answers.reply = False
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert discard_answers.asked and discard_answers.asked[-1].endswith(DISCARD_QUESTION)
    assert dialog.isVisible() and TYPED in field_text(field)
    dialog.close()
    assert dialog.isVisible() and len(discard_answers.asked) == 2  # closing asks too
    discard_answers.reply = True
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_no_two_controls_of_a_dialog_share_a_letter(qtbot, show, journal, tmp_path, name):
    dialog = show(DIALOGS[name](journal, tmp_path))
    if isinstance(dialog, SessionDialog):
        dialog.action_rows.add_button.click()  # an action's own fields come into view
    assert clashes(visible_mnemonics(dialog)) == {}
