"""Idle time: input anywhere in the app counts again from zero; quiet time says `idle`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from app.ui.window.idle_lock import IdleWatcher


def test_no_input_for_the_timeout_says_idle_once(qtbot):
    watcher = IdleWatcher(30)
    watcher.start()
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass
    assert not watcher.counting  # once, until the person is back
    watcher.stop()


def test_a_key_or_a_click_counts_again_from_zero(qtbot, show):
    field = show(QLineEdit())
    watcher = IdleWatcher(2000)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.remaining_ms() < 1800, timeout=3000)
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert watcher.remaining_ms() > 1800

    qtbot.waitUntil(lambda: watcher.remaining_ms() < 1800, timeout=3000)
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    assert watcher.remaining_ms() > 1800
    watcher.stop()


def test_input_after_idle_starts_counting_again(qtbot, show):
    field = show(QLineEdit())
    watcher = IdleWatcher(30)
    watcher.start()
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert watcher.counting
    watcher.stop()


def test_events_the_app_sends_itself_are_not_input(qtbot, show):
    field = show(QLineEdit())
    watcher = IdleWatcher(2000)
    watcher.start()
    qtbot.waitUntil(lambda: watcher.remaining_ms() < 1800, timeout=3000)
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    QApplication.sendEvent(field, press)
    assert field.text() == "a"
    assert watcher.remaining_ms() < 1800
    watcher.stop()


def test_never_and_stopped_do_not_count(qtbot, show):
    field = show(QLineEdit())
    watcher = IdleWatcher(0)
    watcher.start()
    assert not watcher.counting
    qtbot.keyClick(field, Qt.Key.Key_A)
    assert not watcher.counting

    watcher.set_timeout(60_000)
    assert watcher.counting and watcher.timeout_ms == 60_000
    watcher.stop()
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert not watcher.counting


def test_the_first_input_after_a_long_sleep_says_idle_instead(qtbot, show):
    field = show(QLineEdit())
    now = [1000.0]
    watcher = IdleWatcher(60_000, clock=lambda: now[0])
    watcher.start()
    qtbot.keyClick(field, Qt.Key.Key_A)
    now[0] += 30  # half the time: still counting
    qtbot.keyClick(field, Qt.Key.Key_B)
    assert watcher.counting and field.text() == "ab"

    now[0] += 3600  # the lid was closed: Qt's timer did not count the hour
    with qtbot.waitSignal(watcher.idle, timeout=1000):
        qtbot.keyPress(field, Qt.Key.Key_C)
    assert field.text() == "ab"  # the key went to waking the lock, not into the field
    assert not watcher.counting
    qtbot.keyClick(field, Qt.Key.Key_D)  # back: counting again
    assert watcher.counting and field.text() == "abd"
    watcher.stop()
