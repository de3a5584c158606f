"""The Share dialog's slow steps on a worker thread: reading what will go, the privacy check,
and sealing and writing the package.

The journal's engine hands each thread its own pooled connection. The dialog is modal and the
window saves what is typed before it opens, so nothing else writes meanwhile; the dialog
waits for the step running before it closes, so a package is never written after its journal
has closed, and never written without being recorded as sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from app.errors import StorageError
from app.journal.opening import Journal
from app.sharing.content import SharedRecord
from app.sharing.exchange import ExchangeService, privacy_findings
from app.sharing.records import ContactRecord
from app.storage.files import describe_os_error, write_atomically
from app.ui.sharing.share_items import ShareCandidate, share_candidates
from app.ui.widgets.background_call import BackgroundCall

UNEXPECTED = "The share could not go on because of a fault in the app."
_READ, _CHECK, _SAVE = "read", "check", "save"


@dataclass(frozen=True)
class WhatGoesQuery:
    """What to read: for this coach (fingerprint), the item open as (kind, id), or everything
    marked "Share with coach" when `open_item` is None."""

    coach: str
    open_item: tuple[str, str] | None = None


@dataclass(frozen=True)
class WhatGoes:
    """What a share would carry, as read for one query."""

    query: WhatGoesQuery
    candidates: list[ShareCandidate]
    replies: int


@dataclass(frozen=True)
class SavedShare:
    """A share package written and recorded as sent."""

    path: Path
    items: int
    replies: int
    coach: str


def read_what_goes(journal: Journal, query: WhatGoesQuery) -> WhatGoes:
    """The candidates and the number of unsent replies for `query` (runs on the worker)."""
    if query.open_item is None:
        entries, cycles = ExchangeService(journal).marked_for_coach()
    elif query.open_item[0] == "entry":
        entries, cycles = [query.open_item[1]], []
    else:
        entries, cycles = [], [query.open_item[1]]
    candidates = share_candidates(journal, query.coach, entries, cycles)
    return WhatGoes(query, candidates, ExchangeService(journal).unsent_reply_count(query.coach))


def save_share(
    journal: Journal, coach: ContactRecord, records: tuple[SharedRecord, ...], path: Path
) -> SavedShare:
    """Seal the package, write it whole, then record what went (runs on the worker).

    Nothing is recorded as sent unless the file was written.
    """
    outgoing = ExchangeService(journal).make_share(coach, list(records))
    try:
        write_atomically(path, outgoing.data)
    except OSError as exc:  # write_atomically words its own; this is a refusal from below it
        raise StorageError(f"Could not write {path}: {describe_os_error(exc)}") from exc
    ExchangeService(journal).record_sent(outgoing)
    return SavedShare(path, len(records), len(outgoing.notes), coach.name)


class ShareWork(QObject):
    """Runs the Share dialog's slow steps one at a time off the GUI thread.

    A read asked for while a step runs waits, replacing any read already waiting, so a burst
    of scope changes costs at most two reads and only the newest is reported.

    Signals (on the GUI thread): read(WhatGoes); readFailed(str); checked(object) with the
    privacy findings (list[LocatedFinding]); saved(SavedShare); saveFailed(str) when the
    check or the writing failed (nothing was recorded as sent). Messages are for people.
    """

    read = Signal(object)
    readFailed = Signal(str)
    checked = Signal(object)
    saved = Signal(object)
    saveFailed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        journal.sharing  # noqa: B018 - made here, on the GUI thread, not on first use there
        self._journal = journal
        self._calls = BackgroundCall(UNEXPECTED, self)
        self._calls.finished.connect(self._done)
        self._calls.failed.connect(self._failed)
        self._steps: dict[int, str] = {}
        self._waiting: WhatGoesQuery | None = None

    @property
    def busy(self) -> bool:
        """True while a step runs or a read waits."""
        return self._calls.busy or self._waiting is not None

    def read_what_goes(self, query: WhatGoesQuery) -> None:
        """Read what goes for `query` now, or once the step running ends."""
        if self._calls.busy:
            self._waiting = query
            return
        self._start(_READ, partial(read_what_goes, self._journal, query))

    def check(self, records: tuple[SharedRecord, ...]) -> None:
        """Look through the records for anything that could identify someone."""
        self._waiting = None
        self._start(_CHECK, partial(privacy_findings, records))

    def save(self, coach: ContactRecord, records: tuple[SharedRecord, ...], path: Path) -> None:
        """Seal, write and record the share (see save_share)."""
        self._waiting = None
        self._start(_SAVE, partial(save_share, self._journal, coach, records, path))

    def wait(self) -> None:
        """Block until the step running ends; nothing waiting starts (closing down)."""
        self._waiting = None
        self._calls.wait()

    def _start(self, step: str, work: Callable[[], object]) -> None:
        self._steps[self._calls.start(work)] = step

    def _next(self) -> bool:
        waiting, self._waiting = self._waiting, None
        if waiting is None:
            return False
        self.read_what_goes(waiting)
        return True

    @Slot(int, object)
    def _done(self, ticket: int, result: object) -> None:
        step = self._steps.pop(ticket, "")
        if self._next() and step == _READ:
            return  # a newer read replaces this one
        if step == _READ:
            self.read.emit(result)
        elif step == _CHECK:
            self.checked.emit(result)
        elif step == _SAVE:
            self.saved.emit(result)

    @Slot(int, str)
    def _failed(self, ticket: int, message: str) -> None:
        step = self._steps.pop(ticket, "")
        if self._next() and step == _READ:
            return
        if step == _READ:
            self.readFailed.emit(message)
        elif step:
            self.saveFailed.emit(message)
