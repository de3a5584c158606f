"""Every window and dialog fits a 1366x768 laptop at 125% scaling, less its taskbar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt

from app.ui.start.opening_window import OpeningWindow
from app.ui.widgets import screen_fit
from app.ui.widgets.screen_fit import SMALLEST_SCREEN
from tests.ui.window.all_windows import BUILDS, NOT_MEASURED, windows_in_app_ui


def test_every_window_and_dialog_is_measured_or_excused():
    found = {cls.__qualname__ for cls in windows_in_app_ui()}
    measured = {cls.__qualname__ for cls in BUILDS}
    unaccounted = found - measured - set(NOT_MEASURED)
    assert not unaccounted, f"add these to BUILDS or NOT_MEASURED with a reason: {unaccounted}"
    assert not measured - found, "BUILDS names a class no longer in app/ui"


# 1366x768 at 125% and 1280x720 at 200%, each less a taskbar: the smallest screens supported
SCREENS = {"laptop-125": SMALLEST_SCREEN, "hd-200": QSize(640, 335)}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("kind", list(BUILDS), ids=lambda cls: cls.__name__)
def test_window_fits_the_smallest_supported_screen(
    kind, screen, make_window, journal, key_store, tmp_path, monkeypatch
):
    room = SCREENS[screen]
    laptop = QRect(QPoint(0, 0), room)
    monkeypatch.setattr(screen_fit, "screen_area", lambda _widget: laptop)
    window = make_window(journal)
    widget = BUILDS[kind](window, journal, key_store, tmp_path)
    try:
        assert isinstance(widget, kind)
        layout = widget.layout()
        if layout is not None:
            layout.activate()
        smallest = widget.minimumSizeHint().expandedTo(widget.minimumSize())
        assert smallest.width() <= room.width(), smallest
        assert smallest.height() <= room.height(), smallest
        # and it opens no bigger than the screen, so its buttons are in sight (at 200% Qt's
        # own first size is left to Qt, which keeps a window it sizes inside the screen)
        if screen == "hd-200" and not widget.testAttribute(Qt.WidgetAttribute.WA_Resized):
            return
        assert widget.width() <= room.width(), widget.size()
        assert widget.height() <= room.height(), widget.size()
    finally:
        if widget is not window:
            widget.close()
            widget.deleteLater()


def _screen(monkeypatch, width: int, height: int) -> QRect:
    area = QRect(0, 0, width, height)
    monkeypatch.setattr(screen_fit, "screen_area", lambda _widget: area)
    return area


@pytest.mark.parametrize(
    ("width", "height"),
    [(1092, 574), (1280, 680), (1920, 1040)],  # 1366x768 at 125%, 2560x1440 at 200%, 1080p
    ids=["laptop-125", "qhd-200", "full-hd"],
)
def test_a_first_window_takes_a_share_of_its_screen(
    make_window, journal, monkeypatch, width, height
):
    area = _screen(monkeypatch, width, height)
    window = make_window(journal)
    assert area.contains(window.geometry())
    assert window.width() >= 0.8 * width and window.height() >= 0.8 * height


def test_a_window_kept_on_a_big_monitor_opens_whole_on_the_laptop(
    make_window, journal, monkeypatch
):
    _screen(monkeypatch, 2560, 1400)
    window = make_window(journal)
    window.setGeometry(1200, 300, 1300, 1000)
    window.close()

    laptop = _screen(monkeypatch, 1092, 574)
    again = make_window(journal)
    assert laptop.contains(again.frameGeometry()), again.frameGeometry()
    opening = OpeningWindow(again._settings)
    try:
        assert laptop.contains(opening.frameGeometry()), opening.frameGeometry()
    finally:
        opening.deleteLater()
