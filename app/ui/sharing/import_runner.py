"""An import on a worker thread, with its progress reported and a way to cancel it.

The journal's engine hands each thread its own pooled connection, so the import writes in
its own transaction while the window stays responsive (the import dialog is modal, and the
window saves what is typed before it opens, so nothing else writes meanwhile). Cancelling
raises ImportCancelled inside the progress callback: the transaction rolls back.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from app.journal.opening import Journal
from app.transfer import TransferService
from app.transfer.incoming import ImportCancelled, ImportOutcome
from app.ui.widgets.worker import WorkRelay, WorkTask, start_work

UNEXPECTED = "The import stopped unexpectedly; nothing was imported. Please try again."
_CANCELLED = object()


class ImportRunner(QObject):
    """Runs one import at a time off the GUI thread.

    Signals (on the GUI thread): progressed(int done, int total) as records are applied (at
    most about a hundred times per import); succeeded(object) with the ImportOutcome;
    failed(str) with a refusal in the core's words (nothing changed); cancelled() when the
    import stopped at the person's request (nothing changed).
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = WorkRelay(self)
        self._relay.done.connect(self._done)
        self._relay.failed.connect(self._failed)
        self._stop = threading.Event()
        self.running = False

    def start(self, journal: Journal, path: Path) -> None:
        """Begin importing `path` into `journal`."""
        if self.running:
            return
        self.running = True
        self._stop.clear()
        journal.sharing  # noqa: B018 - made here, on the GUI thread, not on first use there
        work = partial(self._work, journal, path)
        start_work(self._pool, WorkTask("import", work, self._relay, UNEXPECTED))

    def cancel(self) -> None:
        """Ask the import to stop at its next step; it rolls back."""
        self._stop.set()

    def wait(self) -> None:
        """Block until the import has ended (closing down)."""
        self._pool.waitForDone()

    def _work(self, journal: Journal, path: Path) -> object:
        """Runs on the worker thread."""
        shown = -1

        def progress(done: int, total: int) -> None:
            nonlocal shown
            if self._stop.is_set():
                raise ImportCancelled
            step = done * 100 // total if total else 100
            if step != shown:
                shown = step
                self.progressed.emit(done, total)

        try:
            return TransferService(journal).import_file(path, progress)
        except ImportCancelled:
            return _CANCELLED

    @Slot(object, object)
    def _done(self, _tag: object, result: object) -> None:
        self.running = False
        if isinstance(result, ImportOutcome):
            self.succeeded.emit(result)
        else:
            self.cancelled.emit()

    @Slot(object, str)
    def _failed(self, _tag: object, message: str) -> None:
        self.running = False
        self.failed.emit(message)
