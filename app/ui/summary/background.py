"""Work that must not hold up the window (building or writing a summary) on a worker thread."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from app.errors import JournalError


class _Relay(QObject):
    """Carries a task's outcome back to the GUI thread (it lives there; the task emits)."""

    done = Signal(int, object)
    failed = Signal(int, str)


class _Task(QRunnable):
    def __init__(
        self, ticket: int, work: Callable[[], object], relay: _Relay, unexpected: str
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._ticket = ticket
        self._work = work
        self._relay = relay
        self._unexpected = unexpected

    def run(self) -> None:
        """Runs on the worker thread; only signals cross back."""
        try:
            result = self._work()
        except JournalError as exc:
            self._relay.failed.emit(self._ticket, str(exc))
            return
        except Exception:
            # A bug, not a known error: the window must not stay busy, and the trace must show.
            self._relay.failed.emit(self._ticket, self._unexpected)
            raise
        self._relay.done.emit(self._ticket, result)


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
        self._relay = _Relay(self)
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
        self._pool.start(_Task(self._last, work, self._relay, self._unexpected))
        return self._last

    def wait(self) -> None:
        """Block until every queued call has run (closing down)."""
        self._pool.waitForDone()

    @Slot(int, object)
    def _done(self, ticket: int, result: object) -> None:
        self._running -= 1
        self.finished.emit(ticket, result)

    @Slot(int, str)
    def _failed(self, ticket: int, message: str) -> None:
        self._running -= 1
        self.failed.emit(ticket, message)
