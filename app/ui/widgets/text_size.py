"""Text sizes relative to the system font, and the zoom of the writing area and the reader.

No font in the app is a fixed number of points or pixels: each is a factor of the application
font for its kind of widget, so a larger system font ("Make text bigger" on Windows, GNOME's
text scaling, macOS) makes every word larger. The factors are applied again when the system
font changes while the app is open. The text zoom (View > Zoom in) multiplies the factor of the
widgets that hold what is written or read, and of no others.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QPlainTextEdit, QWidget

from app.ui.widgets.settings import remember_text_zoom, remembered_text_zoom
from app.ui.widgets.window_held import held_by_window

ACTUAL_SIZE = 100
MIN_ZOOM = 50
MAX_ZOOM = 300
ZOOM_STEP = 10
_NOTCH = 120  # one notch of a mouse wheel, in eighths of a degree
# Events after which a widget to zoom may be in a window that has a zoom.
_JOINED = (QEvent.Type.Polish, QEvent.Type.Show)


def scaled_font(font: QFont, factor: float, *, bold: bool = False) -> QFont:
    """`font` grown (or shrunk) by `factor`, optionally bold; works for point or pixel sizes."""
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        scaled.setPixelSize(max(round(font.pixelSize() * factor), 1))
    if bold:
        scaled.setWeight(QFont.Weight.DemiBold)
    return scaled


class TextZoom(QObject):
    """The zoom of the writing area and the reader, in percent, kept in the settings.

    A window holds one as a direct child; widgets given `zoom=True` in `set_relative_font`
    inside that window (or a dialog it owns) follow it.

    Signals: changed(int percent) after the zoom changed.
    """

    changed = Signal(int)

    def __init__(self, settings: QSettings, parent: QObject) -> None:
        super().__init__(parent)
        self._settings = settings
        kept = remembered_text_zoom(settings)
        self._percent = _within_limits(kept if kept is not None else ACTUAL_SIZE)

    @property
    def percent(self) -> int:
        """The zoom now: 100 is the text's actual size."""
        return self._percent

    @Slot()
    def zoom_in(self) -> None:
        """One step larger (up to MAX_ZOOM)."""
        self.set_percent(self._percent + ZOOM_STEP)

    @Slot()
    def zoom_out(self) -> None:
        """One step smaller (down to MIN_ZOOM)."""
        self.set_percent(self._percent - ZOOM_STEP)

    @Slot()
    def reset(self) -> None:
        """Back to the actual size."""
        self.set_percent(ACTUAL_SIZE)

    def adopt(self) -> None:
        """Zoom every writing and reading widget in the window now, shown yet or not."""
        window = self.parent()
        if isinstance(window, QWidget):
            for follower in window.findChildren(_RelativeFont):
                follower.join(self)

    def set_percent(self, percent: int) -> None:
        """Zoom to `percent` (kept within MIN_ZOOM..MAX_ZOOM) and remember it for next time."""
        percent = _within_limits(percent)
        remember_text_zoom(self._settings, percent)
        self._percent = percent
        self.adopt()
        self.changed.emit(percent)  # also at a limit, so the person sees where they are


def _within_limits(percent: int) -> int:
    return max(MIN_ZOOM, min(percent, MAX_ZOOM))


def _has_state(follower: QObject) -> bool:
    # A parentless window that the garbage collector deletes loses its children's Python parts
    # first, and Qt still sends events while it goes: those find nothing to act on.
    return "_zoom" in vars(follower) or "_most" in vars(follower)


def find_zoom(widget: QWidget) -> TextZoom | None:
    """The zoom of the window `widget` is in, or of the window that owns its dialog."""
    return held_by_window(widget, TextZoom)


class _RelativeFont(QObject):
    """Keeps its parent widget's font a factor of the application font (times the zoom)."""

    def __init__(
        self, widget: QWidget, factor: float, *, bold: bool, fixed_pitch: bool, zoom: bool
    ) -> None:
        super().__init__(widget)
        self._factor = factor
        self._bold = bold
        self._fixed_pitch = fixed_pitch
        self._zoom: TextZoom | None = None
        self._turned = 0
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.fontChanged.connect(self.apply)
        self._wants_zoom = zoom
        if zoom:
            widget.installEventFilter(self)
            self._join_zoom(widget)
        self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Look for the window's zoom once the widget is placed in a window; Ctrl and the
        mouse wheel zoom it (rather than this one widget, as Qt's text views would)."""
        if not _has_state(self):
            return False
        if self._zoom is None and event.type() in _JOINED and isinstance(watched, QWidget):
            self._join_zoom(watched)
        elif (
            self._zoom is not None
            and isinstance(event, QWheelEvent)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._wheel(self._zoom, event.angleDelta().y())
            return True
        return False

    def _wheel(self, zoom: TextZoom, delta: int) -> None:
        # A touchpad sends many small turns: a step is one notch of a mouse wheel.
        self._turned += delta
        while abs(self._turned) >= _NOTCH:
            if self._turned > 0:
                zoom.zoom_in()
                self._turned -= _NOTCH
            else:
                zoom.zoom_out()
                self._turned += _NOTCH

    def _join_zoom(self, widget: QWidget) -> None:
        zoom = find_zoom(widget)
        if zoom is not None:
            self.join(zoom)

    def join(self, zoom: TextZoom) -> None:
        """Follow `zoom` from now on, if this widget is one the zoom is for."""
        widget = self.parent()
        if not self._wants_zoom or self._zoom is not None or not isinstance(widget, QWidget):
            return
        self._zoom = zoom
        widget.removeEventFilter(self)
        if isinstance(widget, QAbstractScrollArea) and widget.viewport() is not None:
            widget.viewport().installEventFilter(self)  # wheel events reach the viewport
        zoom.changed.connect(self.apply)
        self.apply()

    @Slot()
    def apply(self) -> None:
        """Set the font from the application font as it is now."""
        if not _has_state(self):
            return
        widget = self.parent()
        if not isinstance(widget, QWidget):
            return
        base = QApplication.font(widget)
        if self._fixed_pitch:
            fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            base.setFamilies(fixed.families())
            base.setStyleHint(QFont.StyleHint.Monospace)
            base.setFixedPitch(True)
        percent = self._zoom.percent if self._zoom is not None else ACTUAL_SIZE
        widget.setFont(scaled_font(base, self._factor * percent / ACTUAL_SIZE, bold=self._bold))


def set_relative_font(
    widget: QWidget,
    factor: float = 1.0,
    *,
    bold: bool = False,
    fixed_pitch: bool = False,
    zoom: bool = False,
) -> None:
    """Keep `widget`'s text `factor` times the application font, now and when it changes.

    `fixed_pitch` takes the system's fixed-width family at that size; `zoom` makes the widget
    follow its window's TextZoom (for the writing area and the reader only).
    """
    for old in widget.findChildren(_RelativeFont, "", Qt.FindChildOption.FindDirectChildrenOnly):
        old.setParent(None)  # the newest call decides
        old.deleteLater()
    _RelativeFont(widget, factor, bold=bold, fixed_pitch=fixed_pitch, zoom=zoom)


def follow_zoom(widget: QWidget, factor: float = 1.0) -> None:
    """Keep `widget` (a place to write or read) at its window's text zoom."""
    set_relative_font(widget, factor, zoom=True)


class _LineHeights(QObject):
    """Keeps its parent text box between `least` and `most` lines of its own font tall."""

    def __init__(self, edit: QPlainTextEdit, least: int, most: int) -> None:
        super().__init__(edit)
        self._least = least
        self._most = most
        edit.installEventFilter(self)
        self.apply(edit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Measure again when the box's text size changes."""
        if (
            _has_state(self)
            and event.type() == QEvent.Type.FontChange
            and isinstance(watched, QPlainTextEdit)
        ):
            self.apply(watched)
        return False

    def apply(self, edit: QPlainTextEdit) -> None:
        """Set the box's least and most height from its font's line spacing."""
        margins = 2 * edit.frameWidth() + 2 * round(edit.document().documentMargin()) + 2
        line = edit.fontMetrics().lineSpacing()
        if self._least:
            edit.setMinimumHeight(self._least * line + margins)
        edit.setMaximumHeight(self._most * line + margins)


def fit_lines(edit: QPlainTextEdit, most: int, least: int = 0) -> None:
    """Keep a small text box `least` to `most` lines tall, in lines of its font as it changes
    (a height in pixels would cut the text of a larger system font or zoom)."""
    _LineHeights(edit, least, most)
