"""One piece of work on a worker thread, its outcome carried back to the GUI thread.

Searching and preparing or writing a summary both use it; each decides what runs when.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from app import errorlog
from app.errors import JournalError


class WorkRelay(QObject):
    """Carries a task's outcome back to the GUI thread (it lives there; the task emits).

    Signals: done(object tag, object result); failed(object tag, str message for people).
    """

    done = Signal(object, object)
    failed = Signal(object, str)


class WorkTask(QRunnable):
    """Runs `work()` on a worker thread and reports it through `relay`, tagged with `tag`.

    A JournalError is reported in its own words; any other exception is a bug: it is recorded
    in the error log (which shows "Something went wrong" while the window runs), and
    `unexpected` is reported so the window does not stay busy.
    """

    def __init__(
        self, tag: object, work: Callable[[], object], relay: WorkRelay, unexpected: str
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._tag = tag
        self._work = work
        self._relay = relay
        self._unexpected = unexpected

    def run(self) -> None:
        """Runs on the worker thread; only signals cross back."""
        try:
            result = self._work()
        except JournalError as exc:
            self._relay.failed.emit(self._tag, str(exc))
            return
        except Exception:
            # Recorded here rather than re-raised: what PySide does with an exception leaving
            # run() on a pool thread is its own business; the trace must not depend on it.
            errorlog.record_current("Worker-thread failure")
            self._relay.failed.emit(self._tag, self._unexpected)
            return
        self._relay.done.emit(self._tag, result)
