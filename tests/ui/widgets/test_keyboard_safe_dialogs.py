"""Enter and Escape never lose what was typed in any dialog, whatever Tab passed on the way.

Every dialog the app has (found in app/ui by tests/ui/window/all_windows.py) is opened, each
field it shows is typed into, and Enter is pressed there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton, QWidget, QWizard

from app.journal.opening import Journal
from app.storage.keys import KeyStore
from app.ui.sessions.session_form import SessionForm
from app.ui.sharing.card_dialogs import SaveCardDialog
from app.ui.sharing.share_dialog import ShareDialog
from app.ui.summary.summary_dialog import SummaryDialog
from app.ui.widgets.keyboard_safe_dialog import DISCARD_QUESTION, TextField, field_text
from app.ui.widgets.keyboard_safe_dialog import typed_fields as all_typed_fields
from app.ui.widgets.link_completer import LinkPicker
from app.ui.window.main_window import MainWindow
from tests.support.data import today
from tests.ui.window.all_windows import BUILDS, Build

TYPED = "Kept after Enter"


def _no_file(*_args: object) -> None:
    return None


# The dialogs whose main action opens the system's file or print dialog are given stand-ins
# that answer Cancel; the rest are built as the screen-fit test builds them.
QUIET_BUILDS: dict[type[QWidget], Build] = {
    **BUILDS,
    SummaryDialog: lambda _w, journal, *_: SummaryDialog(
        journal, today=today, choose_file=_no_file, print_document=lambda *_: False
    ),
    ShareDialog: lambda _w, journal, *_: ShareDialog(journal, pick_file=_no_file, today=today),
    SaveCardDialog: lambda _w, journal, *_: SaveCardDialog(journal, _no_file),
}
DIALOGS = [kind for kind in QUIET_BUILDS if issubclass(kind, QDialog)]
ONLY_LOOKING_UP: set[type[QWidget]] = {LinkPicker}
"""Dialogs whose one field only looks something up: Escape leaves at once, asking nothing."""


def _open_hidden_fields(dialog: QWidget) -> None:
    """Bring fields that wait for a click into view (an agreed action's own fields)."""
    if isinstance(dialog, SessionForm):
        dialog.action_rows.add_button.click()


@pytest.fixture(autouse=True)
def no_system_dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A file chooser or message box that a main action opens is answered Cancel at once,
    so no test waits on a window nobody will close."""
    opened: list[str] = []

    def cancel_file(*args: object, **_kwargs: object) -> tuple[str, str]:
        opened.append(str(args[1:2]))
        return "", ""

    def no_button(*args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        opened.append(str(args[1:3]))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(cancel_file))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(cancel_file))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(no_button))
    yield opened


Open = Callable[[type[QWidget]], QDialog]


@pytest.fixture
def open_dialog(make_window, journal: Journal, key_store: KeyStore, tmp_path: Path, show) -> Open:
    """Build and show a dialog of the given kind, its hidden fields brought into view."""
    window: MainWindow = make_window(journal)

    def opening(kind: type[QWidget]) -> QDialog:
        dialog = QUIET_BUILDS[kind](window, journal, key_store, tmp_path)
        assert isinstance(dialog, QDialog)
        show(dialog)
        _open_hidden_fields(dialog)
        return dialog

    return opening


def typed_fields(dialog: QDialog) -> list[TextField]:
    """The fields shown and open to typing."""
    return [f for f in all_typed_fields(dialog) if f.isVisible() and f.isEnabled()]


def pass_cancel_with_tab(dialog: QDialog) -> None:
    """Put the focus on every button in turn, ending on Cancel, as Tab would on its way round."""
    buttons = [b for b in dialog.findChildren(QPushButton) if b.isVisible() and b.isEnabled()]
    buttons.sort(key=lambda b: b.text().replace("&", "") == "Cancel")
    for button in buttons:
        button.setFocus()


def test_every_dialog_with_fields_is_checked(open_dialog):
    """The dialogs below are not all without fields: the walk reaches real typing."""
    with_fields = [k.__name__ for k in DIALOGS if typed_fields(open_dialog(k))]
    assert {"NewCycleDialog", "SessionDialog", "SummaryDialog", "EvidencePicker"} <= set(
        with_fields
    )


@pytest.mark.parametrize("kind", DIALOGS, ids=lambda cls: cls.__name__)
def test_enter_in_any_field_keeps_the_text_or_does_the_main_action(qtbot, open_dialog, kind):
    count = len(typed_fields(open_dialog(kind)))
    for index in range(count):
        dialog = open_dialog(kind)
        field = typed_fields(dialog)[index]
        name = field.accessibleName() or field.objectName() or type(field).__name__
        pass_cancel_with_tab(dialog)
        field.setFocus()
        qtbot.keyClicks(field, TYPED)
        qtbot.keyClick(field, Qt.Key.Key_Return)
        if dialog.isVisible():
            assert TYPED in field_text(field), name
        else:
            assert dialog.result() == QDialog.DialogCode.Accepted, name


@pytest.mark.parametrize("kind", DIALOGS, ids=lambda cls: cls.__name__)
def test_escape_with_typed_text_asks_first(qtbot, open_dialog, discard_answers, kind):
    dialog = open_dialog(kind)
    fields = typed_fields(dialog)
    if not fields:
        assert not isinstance(dialog, QWizard) or dialog.currentPage() is not None
        return  # nothing to type, nothing to lose
    field = fields[0]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible() or discard_answers.asked == []  # nothing typed: no question

    dialog = open_dialog(kind)
    field = typed_fields(dialog)[0]
    field.setFocus()
    qtbot.keyClicks(field, TYPED)
    discard_answers.reply = False
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    if kind in ONLY_LOOKING_UP:  # what is typed only finds an item: nothing is lost
        assert not dialog.isVisible() and discard_answers.asked == []
        return
    assert discard_answers.asked and discard_answers.asked[-1].endswith(DISCARD_QUESTION)
    assert dialog.isVisible() and TYPED in field_text(field)
    dialog.close()
    assert dialog.isVisible() and len(discard_answers.asked) == 2  # closing asks too
    discard_answers.reply = True
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
