"""Search results as a Qt model, filled a page at a time by whoever runs the searches."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from app.search.full_text import Kind, SearchHit, SearchResults
from app.ui.widgets.dates import local_day, local_text
from app.ui.widgets.row_list_model import Index, RowListModel

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""data() for this role is the row's SearchHit."""

KIND_LABELS = {Kind.ENTRY: "Entry", Kind.CYCLE: "Cycle", Kind.STAGE: "Cycle stage"}
"""What each kind of result is called on screen."""


class SearchResultsModel(RowListModel[SearchHit]):
    """The hits of the current search. It never searches itself: when the view scrolls near
    the end it asks for the next page (`pageRequested`) and shows it when `add_page` brings it.

    Signals: pageRequested(int offset) when the view wants the rows from `offset` on.
    """

    pageRequested = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._has_more = False
        self._waiting = False

    # -- Qt's model interface -------------------------------------------------------------

    def row_data(self, row: SearchHit, role: int) -> Any:
        """Title for display; a readable line for tooltips and screen readers; the hit."""
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.title}\n{KIND_LABELS[row.kind]}, {local_text(row.date)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return (
                f"{KIND_LABELS[row.kind]}: {row.title}, {local_day(row.date)}. {row.plain_snippet}"
            )
        if role == HIT_ROLE:
            return row
        return None

    def row_id(self, row: SearchHit) -> str:
        """The id of the entry or cycle the hit is in."""
        return row.item_id

    def canFetchMore(self, parent: Index) -> bool:
        """True while the search has more hits and no page is on its way."""
        return not parent.isValid() and self._has_more and not self._waiting

    def fetchMore(self, parent: Index) -> None:
        """Ask for the next page; it arrives later through `add_page`."""
        if parent.isValid() or not self._has_more or self._waiting:
            return
        self._waiting = True
        self.pageRequested.emit(len(self._rows))

    # -- what the search controller tells it ------------------------------------------------

    def show_results(self, results: SearchResults) -> None:
        """Replace the rows with a search's first page."""
        self._has_more = results.has_more
        self._waiting = False
        self._reset_rows(list(results.hits))

    def add_page(self, offset: int, results: SearchResults) -> None:
        """Append a later page (ignored unless it starts where the rows end)."""
        self._waiting = False
        if offset != len(self._rows):
            return
        self._has_more = results.has_more
        self._append_rows(list(results.hits))

    def page_failed(self) -> None:
        """The page could not be read: stop asking for more."""
        self._waiting = False
        self._has_more = False

    def clear(self) -> None:
        """No search: no rows."""
        self._has_more = False
        self._waiting = False
        self._reset_rows([])

    def remove_item(self, item_id: str) -> None:
        """Take every hit for an item off the list (it was trashed)."""
        while self.remove(item_id):
            pass

    @property
    def has_more(self) -> bool:
        """True when the search found more hits than are loaded."""
        return self._has_more

    def hit(self, row: int) -> SearchHit:
        """The hit on a row."""
        return self._rows[row]
