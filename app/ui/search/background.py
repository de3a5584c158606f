"""Searches run on a worker thread, newest request first, so typing never waits for SQLite."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from app.search.full_text import Order, SearchFilters, SearchResults
from app.ui.widgets.worker import WorkRelay, WorkTask, start_work

SearchFunction = Callable[..., SearchResults]
"""`SearchService.search`, or a stand-in with the same call: (query, filters, *, order,
offset, limit) -> SearchResults."""

UNEXPECTED = "The search stopped unexpectedly. Please try again."


@dataclass(frozen=True)
class SearchRequest:
    """One page of one search. `generation` says which search the page belongs to."""

    generation: int
    query: str
    filters: SearchFilters
    order: Order
    offset: int = 0
    limit: int = 50


class BackgroundSearch(QObject):
    """Runs one search at a time off the GUI thread; only the newest waiting request is kept.

    A request made while another runs waits, replacing any request already waiting, so a burst
    of keystrokes costs at most two searches. Results are reported for every request that ran;
    the receiver drops those whose generation is no longer current.

    Signals: finished(SearchRequest, SearchResults); failed(SearchRequest, str) with a message
    for people.
    """

    finished = Signal(object, object)
    failed = Signal(object, str)

    def __init__(self, search: SearchFunction, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = WorkRelay(self)
        self._relay.done.connect(self._task_done)
        self._relay.failed.connect(self._task_failed)
        self._running = False
        self._waiting: SearchRequest | None = None

    @property
    def busy(self) -> bool:
        """True while a search runs or waits."""
        return self._running or self._waiting is not None

    def request(self, request: SearchRequest) -> None:
        """Run `request` now, or after the search that is running (replacing any waiting)."""
        if self._running:
            self._waiting = request
            return
        self._start(request)

    def cancel_waiting(self) -> None:
        """Forget the request waiting to run (the one running finishes and is reported)."""
        self._waiting = None

    def wait_for_done(self) -> None:
        """Block until the running search ends; nothing waiting will start (closing down)."""
        self._waiting = None
        self._pool.waitForDone()

    def _start(self, request: SearchRequest) -> None:
        self._running = True
        work = partial(
            self._search,
            request.query,
            request.filters,
            order=request.order,
            offset=request.offset,
            limit=request.limit,
        )
        start_work(self._pool, WorkTask(request, work, self._relay, UNEXPECTED))

    @Slot(object, object)
    def _task_done(self, request: object, results: object) -> None:
        self._next()
        self.finished.emit(request, results)

    @Slot(object, str)
    def _task_failed(self, request: object, message: str) -> None:
        self._next()
        self.failed.emit(request, message)

    def _next(self) -> None:
        self._running = False
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self._start(waiting)
