"""What a share would carry: each entry or cycle, whether it went before, a tick to leave it out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal

from app.sharing.content import SharedRecord
from app.sharing.records import SentBefore
from app.ui.widgets.dates import local_day
from app.ui.widgets.row_list_model import Index, RowListModel

if TYPE_CHECKING:
    from app.journal.opening import Journal

RECORD_ROLE = Qt.ItemDataRole.UserRole + 41
"""data() for this role is the row's ShareCandidate."""
KIND_WORDS = {"entry": "Entry", "cycle": "Cycle"}


@dataclass(frozen=True)
class OpenItem:
    """The entry or cycle the window has open, offered as what to share."""

    kind: str
    id: str
    title: str


@dataclass(frozen=True)
class ShareCandidate:
    """An entry or cycle as it would travel, and what went to this coach before."""

    record: SharedRecord
    sent: SentBefore | None

    @property
    def id(self) -> str:
        """The entry's or cycle's id."""
        return self.record.id

    @property
    def changed(self) -> bool:
        """True when it went before and has changed since."""
        return self.sent is not None and self.sent.changed_since(self.record)

    def status(self) -> str:
        """Sent before or not, and changed since or not, in words."""
        if self.sent is None:
            return "Not sent before"
        when = local_day(self.sent.sent_at)
        if self.changed:
            return f"Sent {when}; changed since"
        return f"Sent {when}; unchanged since"

    def detail(self) -> str:
        """Kind, date written and the sent status: "Entry · 3 Mar 2025 · Not sent before"."""
        written = local_day(datetime.fromisoformat(self.record.written))
        return f"{KIND_WORDS[self.record.kind]} · {written} · {self.status()}"


def share_candidates(
    journal: Journal, coach: str, entry_ids: Iterable[str], cycle_ids: Iterable[str]
) -> list[ShareCandidate]:
    """The chosen entries and cycles as they would go to this coach."""
    from app.sharing.exchange import ExchangeService  # loaded when a share is being made

    records = ExchangeService(journal).records_to_share(entry_ids, cycle_ids)
    sent = ExchangeService(journal).sent_before(coach)
    return [ShareCandidate(r, sent.get(r.id)) for r in records]


class ShareItemsModel(RowListModel[ShareCandidate]):
    """The candidates, each with a tick box (all ticked at first).

    Signals: tickedChanged() when a tick is set or cleared.
    """

    tickedChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._unticked: set[str] = set()

    def set_candidates(self, candidates: list[ShareCandidate]) -> None:
        """Show these, all ticked."""
        self._unticked.clear()
        self._reset_rows(list(candidates))
        self.tickedChanged.emit()

    def row_data(self, row: ShareCandidate, role: int) -> Any:
        """Title and details on two lines; the tick; the candidate itself."""
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.record.title}\n{row.detail()}"
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return f"{row.record.title}. {row.detail()}"
        if role == Qt.ItemDataRole.CheckStateRole:
            ticked = row.id not in self._unticked
            return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        if role == RECORD_ROLE:
            return row
        return None

    def row_id(self, row: ShareCandidate) -> str:
        """The entry's or cycle's id."""
        return row.id

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be ticked and chosen."""
        return super().flags(index) | Qt.ItemFlag.ItemIsUserCheckable

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick or untick a row."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        candidate = self._rows[index.row()]
        state = Qt.CheckState(value) if isinstance(value, int) else value
        if state == Qt.CheckState.Checked:
            self._unticked.discard(candidate.id)
        else:
            self._unticked.add(candidate.id)
        self.dataChanged.emit(index, index, [role])
        self.tickedChanged.emit()
        return True

    def candidate(self, row: int) -> ShareCandidate:
        """The candidate on a row."""
        return self._rows[row]

    def ticked(self) -> list[ShareCandidate]:
        """The rows ticked to go, in order."""
        return [c for c in self._rows if c.id not in self._unticked]
