"""Links between entries and cycles in the window: `[[` and Link… where one writes, links that
open in the read views, and "Linked from" under the entry or cycle shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication

from app.errors import JournalError
from app.ui.widgets.link_completer import LinkPicker, completer_for
from app.ui.widgets.linked_from import LinkedFromList
from app.writing.links import ItemLink, LinkedItem, LinkKind

if TYPE_CHECKING:
    from app.ui.cycles.controller import CycleController
    from app.ui.cycles.pane import CyclePane
    from app.ui.entries.controller import EntriesController
    from app.ui.entries.page import EntriesPage
    from app.ui.window.context import WindowContext

NOWHERE_TO_LINK = "Put the cursor in an entry's text or a cycle stage's text first, then link."
GONE = "That {kind} is in the trash or no longer exists."


class ItemLinksController(QObject):
    """Gives the editors and read views what links need, and opens what a link leads to."""

    def __init__(
        self,
        context: WindowContext,
        *,
        entries_page: EntriesPage,
        cycle_pane: CyclePane,
        entries: EntriesController,
        cycles: CycleController,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._journal = context.journal
        self._pane = cycle_pane
        self.picker: LinkPicker | None = None
        self._entries = entries
        editor = entries_page.editor
        editor.links.find = self._find_for_entry
        editor.preview.live_links = self.live
        editor.preview.itemLinkClicked.connect(self.open_item)
        self._entry_linked_from = editor.linked_from
        editor.linked_from.openItem.connect(self.open_item)
        cycle_pane.read_view.live_links = self.live
        cycle_pane.read_view.itemLinkClicked.connect(self.open_item)
        cycle_pane.linked_from.openItem.connect(self.open_item)
        entries.currentEntryChanged.connect(self._entry_shown)
        cycles.cycleShown.connect(self._cycle_shown)
        context.commands.insert_link.triggered.connect(self.insert_link)

    def find(self, text: str) -> list[LinkedItem]:
        """Entries and cycles whose titles hold `text`, the most recently changed first."""
        return self._journal.links.titled(text)

    def _find_for_entry(self, text: str) -> list[LinkedItem]:
        entry_id = self._entries.saver.entry_id
        return [i for i in self.find(text) if i.link != ItemLink(LinkKind.ENTRY, entry_id or "")]

    def _find_for_cycle(self, text: str) -> list[LinkedItem]:
        flow = self._pane.flow
        cycle = flow.cycle if flow is not None else None
        cycle_id = cycle.id if cycle is not None else ""
        return [i for i in self.find(text) if i.link != ItemLink(LinkKind.CYCLE, cycle_id)]

    def live(self, links: list[ItemLink]) -> set[ItemLink]:
        """Which of these items can be opened."""
        return self._journal.links.live(links)

    @Slot()
    def insert_link(self) -> None:
        """Link…: choose an entry or cycle and link to it at the cursor."""
        completer = completer_for(QApplication.focusWidget())
        if completer is None:
            self._context.show_status(NOWHERE_TO_LINK)
            return
        self.picker = completer.pick_and_insert(self._context.window)

    @Slot(str, str)
    def open_item(self, kind: str, item_id: str) -> None:
        """Open the entry or cycle a link or a "Linked from" row leads to."""
        link = ItemLink(LinkKind(kind), item_id)
        try:
            live = link in self.live([link])
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        if not live:
            self._context.show_status(GONE.format(kind=kind))
            return
        navigator = self._context.navigator
        if link.kind is LinkKind.ENTRY:
            navigator.open_entry(item_id)
        else:
            navigator.open_cycle(item_id)

    @Slot(str)
    def _entry_shown(self, entry_id: str) -> None:
        link = ItemLink(LinkKind.ENTRY, entry_id) if entry_id else None
        self._show_linked_from(self._entry_linked_from, link)

    @Slot(str)
    def _cycle_shown(self, cycle_id: str) -> None:
        flow = self._pane.flow
        if flow is not None:
            flow.stage_page.links.find = self._find_for_cycle
        link = ItemLink(LinkKind.CYCLE, cycle_id) if cycle_id else None
        self._show_linked_from(self._pane.linked_from, link)

    def _show_linked_from(self, shown: LinkedFromList, link: ItemLink | None) -> None:
        if link is None:
            shown.show_items([])
            return
        try:
            shown.show_items(self._journal.links.linked_from(link))
        except JournalError as exc:
            shown.show_items([])
            self._context.show_problem(str(exc))
