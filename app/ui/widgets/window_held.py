"""Finding what a window holds for the widgets in it (its text zoom, its spelling check)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QWidget

Held = TypeVar("Held", bound=QObject)


def held_by_window(widget: QWidget, kind: type[Held]) -> Held | None:
    """The `kind` object held as a direct child by `widget` or the nearest widget above it:
    the window it is in, or the window that owns its dialog."""
    current: QWidget | None = widget
    while current is not None:
        found = current.findChild(kind, "", Qt.FindChildOption.FindDirectChildrenOnly)
        if isinstance(found, kind):
            return found
        current = current.parentWidget()
    return None
