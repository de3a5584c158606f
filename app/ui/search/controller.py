"""What searching in the window does: search as you type, filters, order, pages, recent searches."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal, Slot

from app.errors import JournalError
from app.search.full_text import Kind, Order, SearchFilters, SearchHit, SearchResults
from app.search.query import parse_query
from app.ui.search.background import BackgroundSearch, SearchFunction, SearchRequest
from app.ui.search.results_model import HIT_ROLE, SearchResultsModel

if TYPE_CHECKING:
    from app.ui.search.sidebar import Sidebar
    from app.ui.window.context import WindowContext

SEARCH_DELAY_MS = 250
"""Typing pauses this long before the search runs."""
REMEMBER_DELAY_MS = 2000
"""Results left on screen this long (the person paused to read) put the search in the recents."""
BUSY_DELAY_MS = 300
"""A search taking longer than this says "Searching…"."""
PAGE_SIZE = 50
STATUS_MESSAGE_MS = 6000
NOTHING_TO_READ = "No result to read. Change the search or the filters."


def found_text(count: int, more: bool) -> str:
    """How many results there are, in words ("50+ found" while more can be loaded)."""
    return f"{count}+ found" if more else f"{count} found"


def cycle_hint(hit: SearchHit) -> str:
    """What the reader says while a cycle result is selected (it opens in the Cycle view)."""
    return f"{hit.title} is a cycle. Press Enter or double-click it to open it."


class SearchController(QObject):
    """Connects the search box, filters and results to the journal's search (behaviour only).

    Searches run on a worker thread (`BackgroundSearch`); each new search takes a new
    generation number and results from any older generation are dropped unseen.

    With the box empty, filters alone list what they let through (newest first). The first
    result of a new search becomes current, so the reader always shows a result in the list.

    Signals: entryChosen(str entry_id, bool focus_editor) when a result that is an entry
    becomes current (False) or is activated (True); cycleChosen(str cycle_id, str stage_id)
    when a cycle or stage result is activated; readerHint(str) when the current result is not
    an entry (a cycle, or there is none) and the reader should say this instead; closed() when
    the search is put away (Esc, or the box and filters emptied) and the entry list is back.
    """

    entryChosen = Signal(str, bool)
    cycleChosen = Signal(str, str)
    readerHint = Signal(str)
    closed = Signal()

    def __init__(
        self,
        context: WindowContext,
        sidebar: Sidebar,
        search: SearchFunction | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._sidebar = sidebar
        journal = context.journal
        self._journal = journal
        self._generation = 0
        self._shown_query = ""
        self._shown_hits = 0
        self._focus_results_when_shown = False
        self._recent_loaded = False
        self._chosen_order = 0
        self.model = SearchResultsModel(self)
        self.runner = BackgroundSearch(search or journal.search.search, self)
        self._search_timer = _single_shot(self, SEARCH_DELAY_MS, self.search_now)
        self._remember_timer = _single_shot(self, REMEMBER_DELAY_MS, self._remember_if_found)
        self._busy_timer = _single_shot(self, BUSY_DELAY_MS, self._say_busy)

        box, panel = sidebar.search_box, sidebar.search_panel
        panel.results_list.setModel(self.model)
        self.model.pageRequested.connect(self._request_page)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        box.textChanged.connect(self._text_changed)
        box.returnPressed.connect(self._enter_pressed)
        box.downPressed.connect(self.focus_results)
        box.escapePressed.connect(self.close_search)
        box.focused.connect(self._load_recent_once)
        box.recent_completer.activated.connect(self._recent_chosen)
        panel.order_combo.currentIndexChanged.connect(self.search_now)
        panel.results_list.activated.connect(self._activated)
        panel.results_list.selectionModel().currentChanged.connect(self._current_changed)
        sidebar.escape_results.triggered.connect(self.close_search)
        sidebar.escape_filters.triggered.connect(self._hide_filters)
        sidebar.filter_bar.changed.connect(self._filters_changed)
        sidebar.filters_button.toggled.connect(self._filters_toggled)
        context.commands.clear_recent.triggered.connect(self.clear_recent)

    # -- what the window asks -----------------------------------------------------------------

    @property
    def is_active(self) -> bool:
        """True while there is search text or a filter (results show instead of the entries)."""
        has_text = bool(self._sidebar.search_box.text().strip())
        return has_text or bool(self._sidebar.filter_bar.active_count())

    @Slot()
    def focus_box(self) -> None:
        """Put the cursor in the search box, its text selected (Ctrl+F)."""
        box = self._sidebar.search_box
        box.setFocus()
        box.selectAll()

    @Slot()
    def search_now(self) -> None:
        """Run the search for what is in the box, with the filters and order chosen."""
        self._search_timer.stop()
        text = self._sidebar.search_box.text()
        if not self.is_active:
            self._stop()
            return
        self._show_order(browsing=not parse_query(text).include)
        self._generation += 1
        self._busy_timer.start()
        self.runner.request(self._request(text, 0))
        self._sidebar.show_results()

    def open_saved(self, query: str, filters: SearchFilters) -> None:
        """Show a saved search: its words in the box, its filters set, its results listed."""
        box = self._sidebar.search_box
        box.blockSignals(True)  # one search below, not one per change
        box.setText(query)
        box.blockSignals(False)
        self._sidebar.filter_bar.set_filters(filters)
        self.search_now()

    @Slot()
    def close_search(self) -> None:
        """Clear the search and its filters and go back to the entry list, with the cursor in
        it (Esc)."""
        self._sidebar.filter_bar.clear()
        self._sidebar.search_box.clear()  # textChanged stops the search
        self._stop()
        self._sidebar.entry_list.setFocus()

    @Slot()
    def focus_results(self) -> None:
        """Move into the results, on the first one if none is current."""
        results = self._sidebar.search_panel.results_list
        if not self.model.rowCount():
            return
        if not results.currentIndex().isValid():
            results.setCurrentIndex(self.model.index(0))
        results.setFocus()

    def forget_item(self, item_id: str) -> None:
        """Take an item off the results (it was trashed)."""
        self.model.remove_item(item_id)

    def refresh(self) -> None:
        """Search again (something in the journal changed), if a search is shown."""
        if self.is_active:
            self.search_now()

    def shutdown(self) -> None:
        """Wait for a running search to end (the journal is about to close)."""
        self._search_timer.stop()
        self._remember_timer.stop()
        self._generation += 1
        self.runner.wait_for_done()

    @Slot()
    def clear_recent(self) -> None:
        """Forget the recent searches."""
        try:
            self._journal.search.forget_recent()
        except JournalError as exc:
            self._status(str(exc))
            return
        self._sidebar.search_box.set_recent([])
        self._status("Recent searches cleared.")

    # -- typing, filters and order ---------------------------------------------------------------

    @Slot(str)
    def _text_changed(self, text: str) -> None:
        if not self.is_active:
            self._stop()
            return
        self._search_timer.start()
        self._remember_timer.stop()

    @Slot()
    def _filters_changed(self) -> None:
        count = self._sidebar.filter_bar.active_count()
        self._sidebar.filters_button.setText(f"Filte&rs ({count})" if count else "Filte&rs")
        if self.is_active:
            self._search_timer.start()
        else:
            self._stop()

    @Slot(bool)
    def _filters_toggled(self, shown: bool) -> None:
        bar = self._sidebar.filter_bar
        if shown:
            self._load_filter_choices()
        bar.setVisible(shown)
        if shown:
            bar.domain_boxes[next(iter(bar.domain_boxes))].setFocus()

    @Slot()
    def _hide_filters(self) -> None:
        self._sidebar.filters_button.setChecked(False)
        self._sidebar.search_box.setFocus()

    @Slot()
    def _enter_pressed(self) -> None:
        text = self._sidebar.search_box.text()
        self._remember(text)
        if self._search_timer.isActive() or text != self._shown_query:
            self._focus_results_when_shown = True
            self.search_now()
        else:
            self.focus_results()

    @Slot(str)
    def _recent_chosen(self, text: str) -> None:
        self._sidebar.search_box.setText(text)
        self.search_now()

    # -- results ------------------------------------------------------------------------------

    @Slot(int)
    def _request_page(self, offset: int) -> None:
        self.runner.request(self._request(self._shown_query, offset))

    @Slot(object, object)
    def _finished(self, request: SearchRequest, results: SearchResults) -> None:
        if request.generation != self._generation:
            return  # an older search: what is in the box now has moved on
        self._busy_timer.stop()
        panel = self._sidebar.search_panel
        if request.offset:
            self.model.add_page(request.offset, results)
        else:
            self._shown_query = request.query
            current = panel.results_list.currentIndex()
            was = current.data(HIT_ROLE) if current.isValid() else None
            self.model.show_results(results)
            panel.results_list.scrollToTop()
            if results.hits and parse_query(request.query).include:
                self._remember_timer.start()
            self._follow_with_reader(was)
        self._shown_hits = self.model.rowCount()
        if results.message and not self.model.rowCount():
            panel.status_label.clear()
            panel.show_message(results.message)
        else:
            panel.show_results(found_text(self.model.rowCount(), self.model.has_more))
        if self._focus_results_when_shown:
            self._focus_results_when_shown = False
            self.focus_results()

    @Slot(object, str)
    def _failed(self, request: SearchRequest, message: str) -> None:
        if request.generation != self._generation:
            return
        self._busy_timer.stop()
        self._focus_results_when_shown = False
        if request.offset:
            self.model.page_failed()
            self._status(message)
        else:
            self.model.clear()
            self._sidebar.search_panel.status_label.clear()
            self._sidebar.search_panel.show_message(message)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        hit = current.data(HIT_ROLE) if current.isValid() else None
        if hit is None:
            return
        if hit.kind is Kind.ENTRY:
            self.entryChosen.emit(hit.item_id, False)
        else:
            self.readerHint.emit(cycle_hint(hit))

    def _follow_with_reader(self, was: SearchHit | None) -> None:
        """Keep the result that was current if it is still listed, else make the first one
        current, so the reader never shows something the list does not hold."""
        results = self._sidebar.search_panel.results_list
        if not self.model.rowCount():
            self.readerHint.emit(NOTHING_TO_READ)
            return
        row = 0
        if was is not None:
            same = (was.kind, was.item_id, was.stage_id)
            for n in range(self.model.rowCount()):
                hit = self.model.hit(n)
                if (hit.kind, hit.item_id, hit.stage_id) == same:
                    row = n
                    break
        results.setCurrentIndex(self.model.index(row))

    @Slot(QModelIndex)
    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is None:
            return
        self._remember(self._shown_query)
        if hit.kind is Kind.ENTRY:
            self.entryChosen.emit(hit.item_id, True)
        else:
            self.cycleChosen.emit(hit.item_id, hit.stage_id)

    # -- helpers ------------------------------------------------------------------------------

    def _request(self, text: str, offset: int) -> SearchRequest:
        return SearchRequest(
            generation=self._generation,
            query=text,
            filters=self._sidebar.filter_bar.filters(),
            order=self._sidebar.search_panel.order(),
            offset=offset,
            limit=PAGE_SIZE,
        )

    def _show_order(self, *, browsing: bool) -> None:
        """Browsing by filters lists newest first (there are no words to rank by): the order
        shows that, unchangeable, and the person's own choice comes back with a word."""
        combo = self._sidebar.search_panel.order_combo
        if browsing == (not combo.isEnabled()):
            return
        combo.blockSignals(True)
        if browsing:
            self._chosen_order = combo.currentIndex()
            combo.setCurrentIndex(combo.findData(Order.NEWEST))
        else:
            combo.setCurrentIndex(self._chosen_order)
        combo.blockSignals(False)
        combo.setEnabled(not browsing)

    def _stop(self) -> None:
        """No search: drop whatever is running or waiting, and show the entry list."""
        self._search_timer.stop()
        self._remember_timer.stop()
        self._busy_timer.stop()
        self._generation += 1
        self.runner.cancel_waiting()
        self._shown_query = ""
        self._shown_hits = 0
        self.model.clear()
        self._sidebar.search_panel.show_results("")
        if self._sidebar.showing_results:
            self._sidebar.show_entries()
            self.closed.emit()

    @Slot()
    def _say_busy(self) -> None:
        self._sidebar.search_panel.status_label.setText("Searching…")

    @Slot()
    def _remember_if_found(self) -> None:
        text = self._sidebar.search_box.text()
        if self._shown_hits and text == self._shown_query:
            self._remember(text)

    def _remember(self, text: str) -> None:
        if not text.strip():
            return
        try:
            self._journal.search.remember(text)
            self._sidebar.search_box.set_recent(self._journal.search.recent())
        except JournalError as exc:
            self._status(str(exc))
        self._recent_loaded = True

    @Slot()
    def _load_recent_once(self) -> None:
        if self._recent_loaded:
            return
        self._recent_loaded = True
        try:
            self._sidebar.search_box.set_recent(self._journal.search.recent())
        except JournalError as exc:
            self._status(str(exc))

    def _load_filter_choices(self) -> None:
        journal = self._journal
        try:
            tags, inquiries = journal.entries.all_tags(), journal.cycles.inquiries()
        except JournalError as exc:
            self._status(str(exc))
            return
        self._sidebar.filter_bar.set_choices(tags, journal.templates.templates, inquiries)

    def _status(self, message: str) -> None:
        self._context.show_status(message, STATUS_MESSAGE_MS)


def _single_shot(parent: QObject, interval_ms: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
