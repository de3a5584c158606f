"""One piece of work on a worker thread, its outcome carried back to the GUI thread.

Searching and preparing or writing a summary both use it; each decides what runs when.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from app.diagnostics import errorlog
from app.errors import JournalError


class _CollectorGate(QObject):
    """Python's cycle collector is paused while any task runs on a worker thread.

    The collector runs in whichever thread allocates when a threshold is crossed. If that is a
    worker and the garbage holds a closed window, Qt objects are destroyed off the GUI thread
    and the process crashes. So the collector is paused on the GUI thread before a task starts
    and resumed there once every task has finished; collections then happen on the GUI thread,
    exactly as they would with no worker at all. Reference counting is not affected.
    """

    task_finished = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._running = 0
        self._paused_here = False
        # Emitted on a worker thread, delivered on the GUI thread, where this object lives.
        self.task_finished.connect(self._finish)

    def hold(self) -> None:
        """On the GUI thread, just before a task is handed to a pool."""
        if self._running == 0 and gc.isenabled():
            gc.disable()
            self._paused_here = True
        self._running += 1

    def _finish(self) -> None:
        self._running -= 1
        if self._running == 0 and self._paused_here:
            self._paused_here = False
            gc.enable()


_gate: _CollectorGate | None = None


def _collector_gate() -> _CollectorGate:
    global _gate  # one gate for the application, made on the GUI thread
    if _gate is None:
        _gate = _CollectorGate()
    return _gate


def start_work(pool: QThreadPool, task: WorkTask) -> None:
    """Hand `task` to `pool` (on the GUI thread), with the cycle collector paused until every
    running task has finished."""
    gate = _collector_gate()
    gate.hold()
    task.gate = gate
    pool.start(task)


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
        self.gate: _CollectorGate | None = None  # set by start_work

    def run(self) -> None:
        """Runs on the worker thread; only signals cross back."""
        try:
            self._report()
        finally:
            if self.gate is not None:
                self.gate.task_finished.emit()

    def _report(self) -> None:
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
