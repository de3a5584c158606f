"""Search results as a Qt model, filled a page at a time by whoever runs the searches."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.search import Kind, SearchHit, SearchResults
from app.ui.dates import local_day, local_text

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() for this role is the row's SearchHit."""

KIND_LABELS = {Kind.ENTRY: "Entry", Kind.CYCLE: "Cycle", Kind.STAGE: "Cycle stage"}
"""What each kind of result is called on screen."""

_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """The hits of the current search. It never searches itself: when the view scrolls near
    the end it asks for the next page (`pageRequested`) and shows it when `add_page` brings it.

    Signals: pageRequested(int offset) when the view wants the rows from `offset` on.
    """

    pageRequested = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []
        self._has_more = False
        self._waiting = False

    # -- Qt's model interface -------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        """Hits loaded so far."""
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Title for display; a readable line for tooltips and screen readers; the hit."""
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n{KIND_LABELS[hit.kind]}, {local_text(hit.date)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{KIND_LABELS[hit.kind]}: {hit.title}, {local_day(hit.date)}. {hit.plain_snippet}"
            )
        if role == HIT_ROLE:
            return hit
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        """True while the search has more hits and no page is on its way."""
        return not parent.isValid() and self._has_more and not self._waiting

    def fetchMore(self, parent: _Index) -> None:
        """Ask for the next page; it arrives later through `add_page`."""
        if parent.isValid() or not self._has_more or self._waiting:
            return
        self._waiting = True
        self.pageRequested.emit(len(self._hits))

    # -- what the search controller tells it ------------------------------------------------

    def show_results(self, results: SearchResults) -> None:
        """Replace the rows with a search's first page."""
        self.beginResetModel()
        self._hits = list(results.hits)
        self._has_more = results.has_more
        self._waiting = False
        self.endResetModel()

    def add_page(self, offset: int, results: SearchResults) -> None:
        """Append a later page (ignored unless it starts where the rows end)."""
        self._waiting = False
        if offset != len(self._hits):
            return
        self._has_more = results.has_more
        if results.hits:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(results.hits) - 1)
            self._hits.extend(results.hits)
            self.endInsertRows()

    def page_failed(self) -> None:
        """The page could not be read: stop asking for more."""
        self._waiting = False
        self._has_more = False

    def clear(self) -> None:
        """No search: no rows."""
        self.beginResetModel()
        self._hits = []
        self._has_more = False
        self._waiting = False
        self.endResetModel()

    def remove_item(self, item_id: str) -> None:
        """Take every hit for an item off the list (it was trashed)."""
        for row in reversed(range(len(self._hits))):
            if self._hits[row].item_id == item_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._hits[row]
                self.endRemoveRows()

    @property
    def has_more(self) -> bool:
        """True when the search found more hits than are loaded."""
        return self._has_more

    def hit(self, row: int) -> SearchHit:
        """The hit on a row."""
        return self._hits[row]

    def row_of(self, item_id: str) -> int | None:
        """The first row showing this item, if it is loaded."""
        return next((r for r, h in enumerate(self._hits) if h.item_id == item_id), None)
