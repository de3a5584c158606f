"""Keeps the application's colours readable: the palette's text colours and a visible focus ring.

Installed once on the application (launch does it). When the palette changes (the system
switches to dark mode, a high-contrast theme is chosen) the text colours are derived again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from app.ui.widgets.focus_ring import FocusRingStyle
from app.ui.widgets.text_colours import readable_palette


class ReadableColours(QObject):
    """Makes the application palette readable now and after every palette change."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._style_name = app.style().name()
        base = QStyleFactory.create(self._style_name)
        self._style = FocusRingStyle(base) if base is not None else FocusRingStyle()
        app.setStyle(self._style)
        app.paletteChanged.connect(self._palette_changed)
        self._make_readable()

    @Slot(QPalette)
    def _palette_changed(self, _palette: QPalette) -> None:
        self._make_readable()

    def _make_readable(self) -> None:
        # Setting the palette comes back here once; by then nothing changes, so it stops.
        current = self._app.palette()
        fixed = readable_palette(current)
        if fixed != current:
            self._app.setPalette(fixed)

    def stop(self) -> None:
        """Stop following palette changes and put back the plain style and palette."""
        self._app.paletteChanged.disconnect(self._palette_changed)
        plain = QStyleFactory.create(self._style_name)
        if plain is not None:
            self._app.setStyle(plain)
        self._app.setPalette(QPalette())
        self.setParent(None)  # so use_readable_colours no longer finds it
        self.deleteLater()


def use_readable_colours(app: QApplication) -> ReadableColours:
    """Keep `app`'s text colours readable and its focus visible (once per application)."""
    existing = app.findChild(ReadableColours)
    return existing if isinstance(existing, ReadableColours) else ReadableColours(app)
