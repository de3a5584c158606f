"""Python's cycle collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed. If that
is a worker thread (loading shared items, searching, importing) and the garbage holds a closed
window or dialog, Qt objects are destroyed off the GUI thread, which crashes the process. So the
automatic collector is switched off and a timer on the GUI thread collects instead, generation
by generation, with the collector's own thresholds. Objects freed by reference counting are not
affected: only the GUI thread holds widgets.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500
"""How often the GUI thread looks at the collector's counts (a collection is skipped when
nothing crossed a threshold, so most ticks cost a few microseconds)."""


class MainThreadCollector(QObject):
    """Owns the timer; `stop()` gives the collector back to Python."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        gc.disable()
        self._timer.start()

    def collect_due(self) -> None:
        """Collect the oldest generation whose count crossed its threshold (and the younger
        ones with it), as the automatic collector would have."""
        counts = gc.get_count()
        due = -1
        for generation, (count, threshold) in enumerate(
            zip(counts, self._thresholds, strict=False)
        ):
            if threshold and count > threshold:
                due = generation
        if due >= 0:
            gc.collect(due)

    def stop(self) -> None:
        """Stop the timer and switch the automatic collector back on."""
        self._timer.stop()
        gc.enable()


def collect_on_gui_thread(parent: QObject) -> MainThreadCollector:
    """Move cycle collection to the GUI thread for as long as `parent` (the application) lives."""
    existing = parent.findChild(MainThreadCollector)
    return existing if existing is not None else MainThreadCollector(parent)
