"""Reading the shared items for a filter on a worker thread, newest request first."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Signal, Slot

from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.workspace import SharedFilter, SharedItemRecord, WorkspaceService
from app.ui.widgets.background_call import BackgroundCall

UNEXPECTED = "The shared items could not be read. Please try again."


@dataclass(frozen=True)
class ItemsRead:
    """The items matching one filter, and the unread replies per item id."""

    where: SharedFilter
    items: list[SharedItemRecord]
    unread: dict[str, int]


def read_items(journal: Journal, where: SharedFilter) -> ItemsRead:
    """The items for `where` (runs on the worker thread)."""
    return ItemsRead(
        where,
        WorkspaceService(journal).shared_items(where=where),
        ExchangeService(journal).unread_counts(),
    )


class ItemLoader(QObject):
    """Reads one filter at a time; a request made meanwhile waits, replacing any waiting one,
    so a burst of typing costs at most two reads and only the newest is reported.

    Signals: loaded(ItemsRead); failed(str) with a message for people.
    """

    loaded = Signal(object)
    failed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self._calls = BackgroundCall(UNEXPECTED, self)
        self._calls.finished.connect(self._done)
        self._calls.failed.connect(self._failed)
        self._waiting: SharedFilter | None = None

    @property
    def busy(self) -> bool:
        """True while a read runs or waits."""
        return self._calls.busy or self._waiting is not None

    def request(self, where: SharedFilter) -> None:
        """Read the items for `where` now, or after the read that is running."""
        if self._calls.busy:
            self._waiting = where
            return
        self._calls.start(partial(read_items, self._journal, where))

    def wait(self) -> None:
        """Block until the running read ends; nothing waiting starts (closing down)."""
        self._waiting = None
        self._calls.wait()

    def _next(self) -> bool:
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return False
        self._calls.start(partial(read_items, self._journal, waiting))
        return True

    @Slot(int, object)
    def _done(self, _ticket: int, result: object) -> None:
        if not self._next() and isinstance(result, ItemsRead):
            self.loaded.emit(result)

    @Slot(int, str)
    def _failed(self, _ticket: int, message: str) -> None:
        if not self._next():
            self.failed.emit(message)
