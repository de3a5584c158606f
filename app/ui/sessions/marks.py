"""Colours and icons that mark something needing attention, readable in light and dark themes.

Colour is never the only sign: every use pairs it with an icon or words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QStyle, QWidget


def is_dark(palette: QPalette) -> bool:
    """True when the palette draws light text on a dark background."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def overdue_colour(palette: QPalette) -> QColor:
    """A red that reads on the palette's background (for overdue actions)."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")


def finding_colour(palette: QPalette) -> QColor:
    """An amber, quieter than an error, for text that could identify someone."""
    return QColor("#ffb74d") if is_dark(palette) else QColor("#c25e00")


def warning_icon(widget: QWidget) -> QIcon:
    """The style's warning icon."""
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
