"""Fixtures for the cycle screens: a fixed today, a demo journal, showing and key presses."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.demo import build_demo
from app.journal import Journal
from app.ui.cycles.cycle_flow import CycleFlow

TODAY = date(2025, 3, 12)
NOW = datetime(2025, 3, 12, 9, 0, tzinfo=UTC)
NEVER_MS = 3_600_000
"""An autosave delay no test waits for: proves something else saved."""


@pytest.fixture
def demo_journal(journal: Journal) -> Journal:
    """The sample journal, built as of TODAY."""
    build_demo(journal, NOW)
    return journal


@pytest.fixture
def show(qtbot) -> Callable[[QWidget], QWidget]:
    """Show a widget and wait until it is on screen; pytest-qt closes it after the test."""

    def shown(widget: QWidget) -> QWidget:
        qtbot.addWidget(widget)
        with qtbot.waitExposed(widget):
            widget.show()
        return widget

    return shown


@pytest.fixture
def press(qtbot) -> Callable[..., None]:
    """Press a key in the focused widget of an active window, as a person would."""

    def pressed(
        window: QWidget,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> None:
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        qtbot.keyClick(window.focusWidget() or window, key, modifier)

    return pressed


@pytest.fixture
def open_flow(show) -> Callable[..., CycleFlow]:
    """A shown CycleFlow on a cycle; today is TODAY unless given."""

    def opened(
        journal: Journal, cycle_id: str, today: date = TODAY, autosave_ms: int = NEVER_MS
    ) -> CycleFlow:
        flow = CycleFlow(journal, cycle_id, today=lambda: today, autosave_ms=autosave_ms)
        flow.resize(900, 700)
        show(flow)
        return flow

    return opened


def destroy(widget: QWidget) -> None:
    """Close a widget and delete it, as quitting the app would."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
)


def _part_of_qt_control(widget: QWidget) -> bool:
    """True for the pieces Qt builds inside a combo box or spin box (its popup, its editor)."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(widget: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name (Qt's own parts aside)."""
    return [
        f"{type(w).__name__} {w.text() if isinstance(w, QAbstractButton) else ''}".strip()
        for kind in CONTROLS
        for w in widget.findChildren(kind)
        if not w.accessibleName() and not _part_of_qt_control(w)
    ]
