"""Fixtures for the window tests: a journal window, answers to questions, and leak checks."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest
import shiboken6
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from app.journal.opening import Journal
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.readable_colours import ReadableColours
from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View
from tests.support.data import fill_demo


@dataclass
class Answers:
    """Stands in for the person answering Yes/No questions; records what was asked."""

    reply: bool = True
    asked: list[str] = field(default_factory=list)

    def __call__(self, _parent: QWidget | None, title: str, question: str) -> bool:
        self.asked.append(f"{title}: {question}")
        return self.reply


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every window and dialog a test opens is closed and deleted by the end of the test.

    pytest-qt holds the widgets given to `qtbot.addWidget` weakly, so a journal window the test
    has let go of (its function has returned) would be destroyed by whichever collection of
    garbage came first: in the middle of handling an event, with Qt still using it. Journal
    windows are held here until pytest-qt has closed them and Qt has deleted them (dialogs are
    not: many delete themselves when closed); the test's garbage is then collected at once,
    rather than at whatever moment of a later test the collector would pick.
    """
    held: list[QWidget] = []
    add_widget = QtBot.addWidget

    def holding(
        bot: QtBot, widget: QWidget, *, before_close_func: Callable[[QWidget], None] | None = None
    ) -> None:
        if isinstance(widget, MainWindow):
            held.append(widget)
        add_widget(bot, widget, before_close_func=before_close_func)

    monkeypatch.setattr(QtBot, "addWidget", holding)
    yield
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QApplication.processEvents()
    leaked = [
        w
        for w in QApplication.topLevelWidgets()
        if w.isVisible() or isinstance(w, MainWindow | QDialog)
    ]
    for widget in leaked:
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    held.clear()
    gc.collect()
    assert not leaked, f"windows left open: {[type(w).__name__ for w in leaked]}"


@pytest.fixture(autouse=True)
def plain_colours(qapp: QApplication) -> Iterator[None]:
    """A test that launches the app (which makes its colours readable) leaves the shared
    QApplication with Qt's own style and palette for the next test."""
    yield
    keeper = qapp.findChild(ReadableColours)
    if isinstance(keeper, ReadableColours):
        keeper.stop()


@pytest.fixture(autouse=True)
def discard_answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    """Answers "Discard what you typed?" (Yes unless a test says No), so no box ever blocks."""
    recorded = Answers()
    monkeypatch.setattr(KeyboardSafeDialog, "confirm_discard", staticmethod(recorded))
    return recorded


@pytest.fixture
def answers() -> Answers:
    """Answers Yes to every question (set `.reply = False` for No)."""
    return Answers()


@pytest.fixture
def make_window(qtbot, answers: Answers) -> Callable[..., MainWindow]:
    """Open a shown journal window; pytest-qt closes and deletes it after the test.

    Automatic backups and reminders stay off unless the test sets `first_backup_check_ms` or
    `first_reminder_check_ms`.

    The window opens where a person would find it (Home, or the view left open); with
    `view=View.ENTRIES` it goes on to that view, as Ctrl+2 would, for the entry tests.
    """

    def make(journal: Journal, view: View | None = None, **options: object) -> MainWindow:
        options.setdefault("first_backup_check_ms", None)  # tests/ui/backups turn them on
        options.setdefault("first_reminder_check_ms", None)  # tests/ui/reminders call them
        window = MainWindow(journal, confirm=answers, **options)  # type: ignore[arg-type]
        qtbot.addWidget(window)
        with qtbot.waitExposed(window):
            window.show()
        qtbot.waitUntil(lambda: window.watching_input)  # ready for keys, as a person finds it
        if view is not None:
            assert window.navigation.show_view(view)
        return window

    return make


@pytest.fixture
def demo_journal(journal: Journal) -> Journal:
    """The sample journal, built as of TODAY."""
    return fill_demo(journal)


@pytest.fixture
def show(qtbot) -> Iterator[Callable[[QWidget], QWidget]]:
    """Show a widget and wait until it is on screen; close it after the test.

    Dialogs that delete themselves when closed may be gone by then: only widgets still
    alive are closed.
    """
    shown: list[QWidget] = []

    def showing(widget: QWidget) -> QWidget:
        shown.append(widget)
        with qtbot.waitExposed(widget):
            widget.show()
        return widget

    yield showing
    for widget in shown:
        if shiboken6.isValid(widget):
            widget.close()
            if shiboken6.isValid(widget):
                widget.deleteLater()
