"""Windows and dialogs that fit the screen they open on, down to a 1366x768 laptop at 125%.

A first window takes a share of the screen's free area; a remembered geometry is pulled back
onto the screen it opens on (a laptop undocked from a large monitor); a dialog's body scrolls
so its buttons stay in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget

# 1366x768 at 125% scaling is 1092x614 logical pixels; less a 40 px taskbar.
SMALLEST_SCREEN = QSize(1092, 574)
FRAME_ALLOWANCE = QSize(16, 40)  # a title bar and borders, at most, on Windows at 125%
FIRST_SHARE = 0.85  # a first window leaves some of the desktop in sight


def screen_area(widget: QWidget) -> QRect:
    """The free area (no taskbar or dock) of the screen the widget is on or will open on."""
    screen: QScreen | None = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:  # no screen at all: measure against the smallest one supported
        return QRect(0, 0, SMALLEST_SCREEN.width(), SMALLEST_SCREEN.height())
    return screen.availableGeometry()


def first_size(widget: QWidget, share: float = FIRST_SHARE) -> QSize:
    """A share of the screen's free area, never below what the widget needs nor above the area."""
    area = screen_area(widget)
    wanted = QSize(round(area.width() * share), round(area.height() * share))
    return wanted.expandedTo(widget.minimumSizeHint()).boundedTo(area.size())


def open_at_first_size(widget: QWidget, share: float = FIRST_SHARE) -> None:
    """Size a window that has nothing remembered to a share of its screen, centred on it."""
    area = screen_area(widget)
    size = first_size(widget, share).boundedTo(area.size() - FRAME_ALLOWANCE)
    widget.resize(size)
    outer = size + FRAME_ALLOWANCE
    # move() places the frame, so the title bar is on the screen too
    widget.move(
        area.x() + (area.width() - outer.width()) // 2,
        area.y() + (area.height() - outer.height()) // 2,
    )


def keep_on_screen(widget: QWidget) -> None:
    """Shrink and move a window so all of it lies in its screen's free area."""
    if widget.isMaximized() or widget.isFullScreen():
        return  # the system already fits these to the screen
    area = screen_area(widget)
    frame = widget.frameGeometry()
    # room for the title bar and borders, which are not known before the window is shown
    extra = (frame.size() - widget.geometry().size()).expandedTo(FRAME_ALLOWANCE)
    room = area.size() - extra
    size = widget.size().boundedTo(room)
    if size != widget.size():
        widget.resize(size)
    outer = widget.size() + extra
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.x() + area.width() - outer.width())
    y = min(max(frame.y(), area.y()), area.y() + area.height() - outer.height())
    if (x, y) != (frame.x(), frame.y()):
        widget.move(x, y)


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize a dialog to the size it looks best at, or to its screen's free area (title bar
    included) if smaller."""
    room = screen_area(widget).size() - FRAME_ALLOWANCE
    widget.resize(QSize(width, height).boundedTo(room).expandedTo(widget.minimumSizeHint()))


class ScrollingBody(QScrollArea):
    """A dialog's body that scrolls up and down on a short screen, never sideways: it is as
    wide as the body needs, and as tall as the body would like when there is room."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Not a Tab stop of its own: it draws no focus ring, and Tab through the body's
        # controls scrolls each into sight (app/ui/widgets/keyboard_reach.py)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(body)

    def _around(self, size: QSize) -> QSize:
        bar = self.verticalScrollBar()
        scroll_bar = bar.sizeHint().width() if bar is not None else 0
        frame = 2 * self.frameWidth()
        return QSize(size.width() + scroll_bar + frame, size.height() + frame)

    def minimumSizeHint(self) -> QSize:
        """The body's width (with room for the scroll bar), and a few lines of height."""
        body = self.widget()
        if body is None:
            return super().minimumSizeHint()
        return QSize(self._around(body.minimumSizeHint()).width(), 120)

    def sizeHint(self) -> QSize:
        """The body's own size, so a tall screen shows it all without scrolling."""
        body = self.widget()
        return super().sizeHint() if body is None else self._around(body.sizeHint())


def scrolling(body: QWidget | QLayout, name: str = "") -> QScrollArea:
    """The body of a dialog in a frameless scroll area, so a short screen scrolls it; the
    dialog's buttons go outside it, always in sight."""
    if isinstance(body, QLayout):
        holder = QWidget()
        holder.setLayout(body)
        body = holder
    area = ScrollingBody(body)
    if name:
        area.setAccessibleName(name)
    return area


def scrolling_page(page: QWidget, name: str = "") -> QVBoxLayout:
    """Lay a wizard page out in a body that scrolls on a short screen, so the wizard's buttons
    below it stay in sight and nothing on the page is squeezed; returns the body's layout."""
    body = QVBoxLayout()
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scrolling(body, name))
    return body
