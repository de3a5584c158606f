"""Cycles as a Qt list model: most recently changed first, a batch at a time, no stage texts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.errors import JournalError
from app.ui.widgets.dates import local_day, local_text
from app.ui.widgets.row_list_model import Index, RowListModel
from app.writing.cycle_records import CycleStatus, CycleSummary
from app.writing.cycles import CycleStore

CYCLE_SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() for this role is the row's CycleSummary (title, status, loop, domains, dates)."""
CYCLE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""data() for this role is the row's cycle id."""


def describe(summary: CycleSummary) -> str:
    """A cycle in one line of words, for screen readers and tooltips."""
    domains = ", ".join(d.label for d in summary.domains)
    parts = [summary.title, summary.status.label, summary.loop.label]
    if summary.experiment_date is not None:
        parts.append(f"experiment on {summary.experiment_date:%d %b %Y}")
    parts.append(f"changed {local_day(summary.updated)}")
    return ", ".join(parts) + (f", {domains}" if domains else "")


class CycleListModel(RowListModel[CycleSummary]):
    """Cycles (optionally only some statuses, or those in the trash), fetched in batches as
    the view scrolls.

    Empty until the first `reload()`, so the owner can connect `loadFailed` first. A delegate
    draws a row from `CYCLE_SUMMARY_ROLE`; the display role is the title alone.

    Signals: loadFailed(str) when the journal could not be read; the message is for people.
    """

    loadFailed = Signal(str)

    def __init__(
        self,
        store: CycleStore,
        *,
        statuses: Iterable[CycleStatus] | None = None,
        batch_size: int = 50,
        trashed: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._trashed = trashed
        self._statuses = None if statuses is None else tuple(statuses)
        self._batch_size = batch_size
        self._at_end = True

    # -- Qt's model interface -------------------------------------------------------------

    def row_data(self, row: CycleSummary, role: int) -> Any:
        """Title for display; a sentence for screen readers; the summary and id."""
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.deleted is not None:
                return f"{row.title}\nMoved to the trash {local_text(row.deleted)}"
            return f"{row.title}\n{row.status.label}, changed {local_text(row.updated)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return describe(row)
        if role == CYCLE_SUMMARY_ROLE:
            return row
        if role == CYCLE_ID_ROLE:
            return row.id
        return None

    def row_id(self, row: CycleSummary) -> str:
        """The cycle's id."""
        return row.id

    def canFetchMore(self, parent: Index) -> bool:
        """True until a batch comes back short (the end of the cycles)."""
        return not parent.isValid() and not self._at_end

    def fetchMore(self, parent: Index) -> None:
        """Load the next batch."""
        if parent.isValid() or self._at_end:
            return
        self._append_rows(self._read(len(self._rows), self._batch_size))

    # -- what the owner asks ------------------------------------------------------------------

    def set_statuses(self, statuses: Iterable[CycleStatus] | None) -> None:
        """List only cycles with these statuses (None: every cycle), from the top."""
        self._statuses = None if statuses is None else tuple(statuses)
        self.reload()

    def reload(self, at_least: int = 0) -> None:
        """Read the list again from the journal (at least `at_least` rows, if there are)."""
        self._reset_rows(self._read(0, max(self._batch_size, at_least)))

    def summary(self, row: int) -> CycleSummary:
        """The cycle on a row."""
        return self._rows[row]

    def _read(self, offset: int, limit: int) -> list[CycleSummary]:
        """A batch; a short (or failed) batch means there is nothing after it."""
        try:
            batch = self._store.summaries(
                statuses=self._statuses, offset=offset, limit=limit, trashed=self._trashed
            )
        except JournalError as exc:
            self.loadFailed.emit(str(exc))
            batch = []
        self._at_end = len(batch) < limit
        return batch
