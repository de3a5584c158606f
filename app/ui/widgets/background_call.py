"""Work that must not hold up the window (building or writing a summary) on a worker thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from app.ui.widgets.worker import WorkRelay, WorkTask, start_work


class BackgroundCall(QObject):
    """Runs functions one at a time on its own worker thread; each call gets a ticket number.

    Constructor: BackgroundCall(unexpected, parent=None), where `unexpected` is the message
    reported if the work fails with a bug rather than a known JournalError.

    Signals (on the GUI thread): finished(int, object) with the ticket and the result;
    failed(int, str) with the ticket and a message for people.
    """

    finished = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, unexpected: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unexpected = unexpected
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = WorkRelay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._last = 0
        self._running = 0

    @property
    def busy(self) -> bool:
        """True while work is running or waiting."""
        return self._running > 0

    def start(self, work: Callable[[], object]) -> int:
        """Queue `work`; return its ticket."""
        self._last += 1
        self._running += 1
        start_work(self._pool, WorkTask(self._last, work, self._relay, self._unexpected))
        return self._last

    def wait(self) -> None:
        """Block until every queued call has run (closing down)."""
        self._pool.waitForDone()

    @Slot(object, object)
    def _done(self, ticket: object, result: object) -> None:
        self._running -= 1
        self.finished.emit(ticket, result)

    @Slot(object, str)
    def _failed(self, ticket: object, message: str) -> None:
        self._running -= 1
        self.failed.emit(ticket, message)
