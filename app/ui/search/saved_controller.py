"""What the saved searches in the sidebar do: save the search shown, open, rename, delete."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.errors import JournalError
from app.search.saved_records import SavedSearch, saved_searches, suggest_name
from app.ui.search.controller import STATUS_MESSAGE_MS, SearchController
from app.ui.widgets.messages import Confirm

if TYPE_CHECKING:
    from app.search.saved import SavedSearchStore
    from app.ui.search.sidebar import Sidebar
    from app.ui.window.context import WindowContext


class SavedSearchController(QObject):
    """Connects the sidebar's saved searches and its Save button to the journal (behaviour)."""

    def __init__(
        self,
        context: WindowContext,
        sidebar: Sidebar,
        search: SearchController,
        confirm: Confirm,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._sidebar = sidebar
        self._search = search
        self._confirm = confirm
        self._view = sidebar.saved_searches
        sidebar.save_search_button.clicked.connect(self.save_current)
        self._view.openRequested.connect(self.open)
        self._view.renameRequested.connect(self.rename)
        self._view.deleteRequested.connect(self.delete)
        self.reload()

    @property
    def _store(self) -> SavedSearchStore:
        """What saves, renames and deletes (made on first use: it needs the ORM)."""
        return self._context.journal.saved_searches

    def _all(self) -> list[SavedSearch]:
        """Every saved search, by name, read without the ORM (as at start)."""
        with self._context.journal.reading() as conn:
            return saved_searches(conn)

    def reload(self, current: str | None = None) -> None:
        """Read the saved searches again (an import may have brought some)."""
        try:
            self._view.set_searches(self._all(), current)
        except JournalError as exc:
            self._status(str(exc))

    @Slot()
    def save_current(self) -> None:
        """Save the words and filters shown under a suggested name, ready to be renamed."""
        query = self._sidebar.search_box.text()
        filters = self._sidebar.filter_bar.filters()
        try:
            taken = [s.name for s in self._all()]
            saved = self._store.save(suggest_name(query, filters, taken), query, filters)
        except JournalError as exc:
            self._status(str(exc))
            return
        self.reload(current=saved.id)
        self._view.edit_name(saved.id)
        self._status(f"Saved as {saved.name}. Type a name and press Enter, or keep this one.")

    @Slot(str)
    def open(self, search_id: str) -> None:
        """Show a saved search's results, its words and filters set as they were saved."""
        found = self._find(search_id)
        if found is not None:
            self._search.open_saved(found.query, found.filters)

    @Slot(str, str)
    def rename(self, search_id: str, name: str) -> None:
        """Give a saved search the name typed; a refused name goes back to the old one."""
        try:
            renamed = self._store.rename(search_id, name)
        except JournalError as exc:
            found = self._find(search_id)
            if found is not None:
                self._view.show_name(search_id, found.name)
            self._status(str(exc))
            return
        self._view.show_name(search_id, renamed.name)

    @Slot(str)
    def delete(self, search_id: str) -> None:
        """Delete a saved search once the person agrees (what it lists is untouched)."""
        found = self._find(search_id)
        if found is None:
            return
        question = (
            f"Delete the saved search {found.name}? "
            "The entries and cycles it lists stay in the journal."
        )
        if not self._confirm(self._context.window, "Delete saved search", question):
            return
        try:
            self._store.delete(search_id)
        except JournalError as exc:
            self._status(str(exc))
        self.reload()
        self._status(f"Saved search {found.name} deleted.")

    def _find(self, search_id: str) -> SavedSearch | None:
        try:
            found = [s for s in self._all() if s.id == search_id]
        except JournalError as exc:
            self._status(str(exc))
            return None
        if not found:
            self._status("That saved search no longer exists.")
            self.reload()
            return None
        return found[0]

    def _status(self, message: str) -> None:
        self._context.show_status(message, STATUS_MESSAGE_MS)
