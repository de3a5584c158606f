"""Noticing that nobody has used the app for a while: keys, mouse, wheel, touch and pen."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot

INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        # A key that is a shortcut reaches the app as ShortcutOverride, never as KeyPress.
        QEvent.Type.ShortcutOverride,
        QEvent.Type.InputMethod,  # typing through an input method (accents, Chinese, ...)
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.HoverMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleWatcher(QObject):
    """Says `idle` once no input has reached the application for `timeout_ms`.

    It watches every window of the application (an event filter on QApplication), and only
    input the person gave: events the app sends itself do not count. After `idle` the watcher
    waits for input again before counting afresh. A timeout of 0 means never.

    Qt's timers stand still while the computer sleeps, so the time since the last input is
    also read from the wall clock (`clock`, in seconds): the first input after a sleep longer
    than the timeout is kept from the app and `idle` said instead.

    Signals: idle() when the time passed with no input.
    """

    idle = Signal()

    def __init__(
        self,
        timeout_ms: int,
        parent: QObject | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._last_input = clock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._watching = False
        self.set_timeout(timeout_ms)

    @property
    def timeout_ms(self) -> int:
        """The idle time that counts as away, in milliseconds (0: never)."""
        return self._timeout_ms

    @property
    def counting(self) -> bool:
        """True while the time to `idle` is running."""
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        """Milliseconds left before `idle` (-1 when not counting)."""
        return self._timer.remainingTime()

    def set_timeout(self, timeout_ms: int) -> None:
        """Change the idle time; the count starts again (or stops, for 0)."""
        self._timeout_ms = max(0, timeout_ms)
        self._timer.setInterval(self._timeout_ms)
        if self._watching:
            self._restart()

    def start(self) -> None:
        """Start watching for input and counting."""
        application = QCoreApplication.instance()
        if not self._watching and application is not None:
            application.installEventFilter(self)
            self._watching = True
        self._restart()

    def stop(self) -> None:
        """Stop watching and counting (while the window is locked, say)."""
        application = QCoreApplication.instance()
        if self._watching and application is not None:
            application.removeEventFilter(self)
        self._watching = False
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count again from zero on input the person gave; stop only input after a long sleep."""
        if not (event.spontaneous() and event.type() in INPUT_EVENTS):
            return False
        if self._slept_past_timeout():
            self._timer.stop()
            self.idle.emit()
            return True
        self._restart()
        return False

    def _slept_past_timeout(self) -> bool:
        elapsed_ms = (self._clock() - self._last_input) * 1000
        return self._timer.isActive() and elapsed_ms >= self._timeout_ms

    def _restart(self) -> None:
        self._last_input = self._clock()
        if self._timeout_ms > 0:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _timed_out(self) -> None:
        self.idle.emit()
