"""The recovery code can be copied, printed, and shown again from the File menu."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from app.ui.start.recovery_code_view import RecoveryCodeView, code_lines, printable_document
from app.ui.start.recovery_dialog import RecoveryCodeDialog
from app.ui.window.navigation import View


def test_copy_puts_the_code_on_the_clipboard(qtbot, journal):
    code = journal.recovery_code()
    view = RecoveryCodeView(code, ask_confirmation=False)
    qtbot.addWidget(view)
    view.show()
    assert view.confirm_box is None and view.is_confirmed()
    assert view.code_label.text() == "\n".join(code_lines(code))
    qtbot.mouseClick(view.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == code
    assert "Copied" in view.copied_note.text()
    QGuiApplication.clipboard().clear()


def test_the_printed_page_holds_every_group_and_the_advice(journal):
    code = journal.recovery_code()
    text = printable_document(code).toPlainText()
    assert all(group in text for group in code.split("-"))
    assert "away from this laptop" in text


def test_file_menu_shows_the_journals_code(qtbot, journal, make_window):
    window = make_window(journal, View.ENTRIES)
    window.commands.show_recovery_code.trigger()
    dialog = window.findChild(RecoveryCodeDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.view.code == journal.recovery_code()
    dialog.close()
