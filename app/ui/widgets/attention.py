"""Colours and icons that mark something needing attention, readable in light and dark themes.

Colour is never the only sign: every use pairs it with an icon or words.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QStyle, QWidget

from app.ui.widgets.text_colours import FINDING, MISSPELT, OVERDUE, colour

__all__ = ["finding_colour", "misspelt_colour", "overdue_colour", "warning_icon"]


def overdue_colour(palette: QPalette) -> QColor:
    """A red that reads at 4.5:1 on the palette's background (for overdue actions)."""
    return colour(palette, OVERDUE)


def finding_colour(palette: QPalette) -> QColor:
    """An amber, quieter than an error, for text that could identify someone (3:1 or more:
    it colours an underline, not the words)."""
    return colour(palette, FINDING)


def misspelt_colour(palette: QPalette) -> QColor:
    """A red for the wavy line under a word the spelling check does not know (3:1 or more:
    it colours an underline, not the words)."""
    return colour(palette, MISSPELT)


def warning_icon(widget: QWidget) -> QIcon:
    """The style's warning icon."""
    return widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
