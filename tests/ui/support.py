"""Shared by the window tests: named controls, closing a widget, the view shown."""

from __future__ import annotations

from PySide6.QtCore import QEvent
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

from app.ui.window.main_window import MainWindow
from app.ui.window.navigation import View

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
)


def _inside_qt_control(widget: QWidget) -> bool:
    """True for the pieces Qt builds inside its own controls (a popup, a header, a clear button)."""
    if widget.objectName().startswith("qt_"):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractItemView | QLineEdit):
            return True
        parent = parent.parentWidget()
    return False


def unnamed_controls(widget: QWidget) -> list[str]:
    """Controls a screen reader would announce without a name (Qt's own parts aside)."""
    return [
        f"{type(w).__name__} {w.text() if isinstance(w, QAbstractButton) else ''}".strip()
        for kind in CONTROLS
        for w in widget.findChildren(kind)
        if not w.accessibleName() and not _inside_qt_control(w)
    ]


def destroy(widget: QWidget) -> None:
    """Close a widget and delete it, as quitting the app would."""
    widget.close()
    widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def view_shown(window: MainWindow) -> View:
    """The view the window shows now (read afresh each time it is asked)."""
    return window.navigation.view
