"""A participant sets up, writes, runs a whole cycle and exports a summary with the keyboard alone.

Keys go only to the widget that has the focus, as they would on a real keyboard; at every step
the focused control must be in sight: shown, inside its window, and its window inside the screen's
free area. The walk runs on a 1366x768 laptop at 125% and on a 1280x720 one at 200% (each less a
taskbar), which are the smallest screens the app supports.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.journal.opening import Journal, create_journal
from app.storage.keys import KeyStore
from app.ui.cycles import flow_steps as steps
from app.ui.start.setup_wizard import SetupWizard
from app.ui.widgets import screen_fit
from app.ui.window.main_window import MainWindow
from app.writing.cycle_records import CycleStatus
from tests.support.data import today
from tests.ui.driver import ALT, CTRL, NONE, SHIFT, activate

SCREENS = {
    "1366x768-at-125": QRect(0, 0, 1092, 574),
    "1280x720-at-200": QRect(0, 0, 640, 335),
}


def _describe(widget: QWidget | None) -> str:
    if widget is None:
        return "nothing"
    name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or ""
    return f"{type(widget).__name__} {name!r}"


def in_sight(widget: QWidget) -> QRect:
    """The part of the widget its window shows (in the window's coordinates): its rectangle
    cut by every parent's, so a control scrolled away or pushed past an edge is not in sight."""
    window = widget.window()
    seen = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        seen = seen.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return seen.intersected(window.rect())


class Keyboard:
    """Presses keys on whatever has the focus, and checks after each that it is in sight."""

    def __init__(self, qtbot, area: QRect) -> None:
        self.qtbot = qtbot
        self.area = area
        self.trail: list[str] = []
        self.main_window: QWidget | None = None

    def _window_manager(self) -> None:
        """A closed dialog hands the keyboard back to the main window, as the system's window
        manager does (the offscreen test platform has none)."""
        window = self.main_window
        if QApplication.activeWindow() is None and window is not None and window.isVisible():
            activate(self.qtbot, window)

    def focus(self) -> QWidget:
        """The focused widget, checked to be where the person can see it."""
        QApplication.processEvents()
        self._window_manager()
        widget = QApplication.focusWidget()
        assert widget is not None, f"nothing has the focus after {self.trail[-3:]}"
        where = f"{_describe(widget)} after {self.trail[-3:]}"
        assert widget.isVisible(), where
        window = widget.window()
        assert window.width() <= self.area.width(), (where, window.size())
        assert window.height() <= self.area.height(), (where, window.size())
        seen = in_sight(widget)
        wanted = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if widget.height() > 80:  # a text area or a list: its first lines are enough
            wanted.setHeight(40)
        assert seen.contains(wanted), (where, seen, wanted)
        return widget

    def press(
        self, key: Qt.Key, modifier: Qt.KeyboardModifier = NONE, *, closes: bool = False
    ) -> None:
        """Press a key on the focused widget (`closes`: the key closes the last window)."""
        widget = self.focus()
        self.trail.append(f"{key.name}{'' if modifier == NONE else f'+{modifier.name}'}")
        self.qtbot.keyClick(widget, key, modifier)
        if not closes:
            self.focus()

    def type(self, text: str) -> None:
        """Type text into the focused widget."""
        widget = self.focus()
        self.trail.append(f"type {text[:12]!r}")
        self.qtbot.keyClicks(widget, text)

    def tab_to(self, wanted: QWidget | Callable[[QWidget], bool], *, back: bool = False) -> None:
        """Press Tab (Shift+Tab with `back`) until `wanted` has the focus; fail if it never does."""
        test = wanted if not isinstance(wanted, QWidget) else (lambda w: w is wanted)
        passed = []
        for _ in range(80):
            widget = self.focus()
            if test(widget):
                return
            passed.append(_describe(widget))
            self.press(Qt.Key.Key_Backtab if back else Qt.Key.Key_Tab, SHIFT if back else NONE)
        raise AssertionError(f"Tab never reached {wanted}; it went round {passed[:40]}")


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def screen(request, monkeypatch) -> QRect:
    """The laptop screen the walk runs on, as the app measures it."""
    area = SCREENS[request.param]
    monkeypatch.setattr(screen_fit, "screen_area", lambda _widget: area)
    return area


def _never(*_args: object) -> NoReturn:
    raise AssertionError("a new journal is set up here, not restored")


def _setup_by_keyboard(qtbot, keys: Keyboard, folder: Path, key_store: KeyStore) -> Journal:
    made: list[Journal] = []

    def create(where: Path, passphrase: str | None) -> tuple[Journal, str]:
        journal, code = create_journal(where, key_store, passphrase)
        made.append(journal)
        return journal, code

    wizard = SetupWizard(folder, key_store, create, restore=_never)
    qtbot.addWidget(wizard)
    with qtbot.waitExposed(wizard):
        wizard.show()
    activate(qtbot, wizard)
    keys.focus()
    keys.press(Qt.Key.Key_Return)  # Next: a new journal in the folder offered
    assert wizard.currentPage() is wizard.protection_page
    keys.press(Qt.Key.Key_Return)  # Create journal, its key in the keyring
    assert wizard.currentPage() is wizard.code_page and made
    view = wizard.code_page.view
    assert view is not None and view.confirm_box is not None
    keys.tab_to(view.confirm_box)
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_Return, closes=True)  # Start writing
    assert wizard.result() == SetupWizard.DialogCode.Accepted
    return made[0]


def _write_an_entry(keys: Keyboard, window: MainWindow, journal: Journal) -> None:
    keys.press(Qt.Key.Key_N, CTRL)  # New entry: the cursor goes to its text
    assert keys.focus() is window.entries_page.editor.body_edit
    keys.type("Handover ran late again; I asked the team what gets in the way.")
    keys.tab_to(window.entries_page.editor.title_edit, back=True)
    keys.type("Handover")
    keys.press(Qt.Key.Key_S, CTRL)
    saved = journal.entries.summaries()
    assert [e.title for e in saved] == ["Handover"], saved


def _start_a_cycle(keys: Keyboard, window: MainWindow) -> None:
    keys.press(Qt.Key.Key_N, CTRL | SHIFT)  # New cycle...
    dialog = window.controllers.cycles.dialog
    assert dialog is not None and dialog.isVisible()
    keys.press(Qt.Key.Key_Q, ALT)  # &Question
    assert keys.focus() is dialog.question_edit
    keys.type("How do I get my team to raise concerns earlier?")
    keys.tab_to(next(iter(dialog.domains.boxes.values())))
    keys.press(Qt.Key.Key_Space)
    keys.press(Qt.Key.Key_I, ALT)  # T&itle, further down the scrolling form
    assert keys.focus() is dialog.title_edit
    keys.type("Ask at every huddle")
    keys.press(Qt.Key.Key_Return)  # Start cycle
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def _write_every_stage(keys: Keyboard, window: MainWindow) -> None:
    flow = window.cycle_pane.flow
    assert flow is not None
    written = 0
    for _ in range(20):
        screen = flow.place.screen
        if screen is steps.Screen.STAGE:
            assert keys.focus() is flow.stage_page.text_edit  # the cursor waits in the text
            keys.type(f"What I wrote for stage {flow.stage_id}.")
            written += 1
            keys.press(Qt.Key.Key_Return, CTRL)  # Next
        elif screen is steps.Screen.PLANNED:
            keys.tab_to(flow.planned_page.tried_button)
            keys.press(Qt.Key.Key_Space)  # I've already tried it: reflect now
        elif screen is steps.Screen.TRIED_YET:
            keys.tab_to(flow.tried_page.yes_button)
            keys.press(Qt.Key.Key_Space)
        else:
            break
    assert flow.place.screen is steps.Screen.REVIEW and written >= 3


def _review_and_start_the_next(keys: Keyboard, window: MainWindow, journal: Journal) -> None:
    flow = window.cycle_pane.flow
    assert flow is not None
    page = flow.review_page
    first_cycle = flow.cycle
    assert first_cycle is not None
    assert keys.focus() in page.loop_buttons.values()
    keys.press(Qt.Key.Key_Down)  # a loop level, chosen with the arrows
    keys.tab_to(page.finish_button)
    keys.press(Qt.Key.Key_Space)  # Mark as reviewed
    assert journal.cycles.get(first_cycle.id).status is CycleStatus.REVIEWED
    keys.tab_to(page.next_button)
    keys.press(Qt.Key.Key_Return)  # Start the next experiment...
    dialog = flow.next_dialog
    assert dialog is not None and dialog.isVisible()
    date_edit = dialog.experiment_date.date_edit
    assert keys.focus() is date_edit  # the date asked for, offered a little ahead: fine
    try_by = dialog.experiment_date.date()
    assert try_by is not None and try_by > today(), try_by
    keys.press(Qt.Key.Key_Return)  # Start the next experiment
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    new_cycle = flow.cycle
    assert new_cycle is not None and new_cycle.id != first_cycle.id
    assert journal.cycles.get(new_cycle.id).experiment_date == try_by
    # planning goes on where the plan is written, with the plan carried over in sight beside it
    assert flow.place.screen is steps.Screen.STAGE
    assert flow.stage_page.title_label.text().startswith("Strategy")
    assert keys.focus() is flow.stage_page.text_edit
    carried = flow.earlier.browser
    assert "What I wrote for stage next." in carried.toPlainText()
    if carried.isVisible():
        assert not in_sight(carried).isEmpty()
    else:  # folded on a short window, its toggle opens it in the writing's place
        toggle = flow.earlier.toggle
        assert toggle.accessibleName() == "Show what you wrote earlier"
        keys.tab_to(toggle)
        keys.press(Qt.Key.Key_Space)
        assert carried.isVisible() and in_sight(carried).height() >= 40
        keys.press(Qt.Key.Key_Space)  # folded again, the writing is back
        keys.tab_to(flow.stage_page.text_edit, back=True)


def _export_a_summary(keys: Keyboard, window: MainWindow, exported: Path) -> None:
    keys.press(Qt.Key.Key_E, CTRL)  # Export summary...
    dialog = window.controllers.supervision.summary_dialog
    assert dialog is not None
    keys.tab_to(dialog.programme_edit)
    keys.type("Mary Seacole Programme")
    keys.tab_to(dialog.format_combo)
    keys.press(Qt.Key.Key_End)  # Markdown, the last format
    assert dialog.format_combo.currentText() == "Markdown (.md)"
    keys.tab_to(dialog.export_button)
    keys.press(Qt.Key.Key_Return)
    keys.qtbot.waitUntil(exported.exists)
    keys.qtbot.waitUntil(lambda: not dialog.busy)
    assert "Mary Seacole Programme" in exported.read_text(encoding="utf-8")
    keys.tab_to(dialog.close_button)
    keys.press(Qt.Key.Key_Return)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_setup_write_a_cycle_and_a_summary_with_the_keyboard_alone(
    qtbot, screen, tmp_path, key_store, answers
):
    keys = Keyboard(qtbot, screen)
    journal = _setup_by_keyboard(qtbot, keys, tmp_path / "journal", key_store)
    exported = tmp_path / "summary.md"
    window = MainWindow(
        journal,
        confirm=answers,
        first_backup_check_ms=None,
        today=today,
        choose_file=lambda *_: exported,
        print_document=lambda *_: False,
    )
    qtbot.addWidget(window)
    try:
        with qtbot.waitExposed(window):
            window.show()
        qtbot.waitUntil(lambda: window.watching_input)
        activate(qtbot, window)
        assert screen.contains(window.frameGeometry()), window.frameGeometry()
        keys.main_window = window
        _write_an_entry(keys, window, journal)
        _start_a_cycle(keys, window)
        _write_every_stage(keys, window)
        _review_and_start_the_next(keys, window, journal)
        _export_a_summary(keys, window, exported)
    finally:
        window.close()
        journal.close()
