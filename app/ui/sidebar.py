"""The window's left column (a view): the search box and filters over the entries or results."""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.entry_delegate import EntryDelegate
from app.ui.saved_search_list import SavedSearchList
from app.ui.search_box import SearchBox
from app.ui.search_filter_bar import SearchFilterBar
from app.ui.search_panel import SearchPanel


def _escape_action(text: str, widget: QWidget, context: Qt.ShortcutContext) -> QAction:
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    action.setShortcutContext(context)
    widget.addAction(action)
    return action


class Sidebar(QWidget):
    """The search box with its filters and saved searches, above either the entry list or the
    search results."""

    ENTRIES_PAGE = 0
    RESULTS_PAGE = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # narrow enough that the window fits 1280x720 at 200% (640 logical pixels) with the rail
        self.setMinimumWidth(220)
        self.search_box = SearchBox()
        self.filters_button = QToolButton()
        self.filters_button.setText("Filte&rs")
        self.filters_button.setCheckable(True)
        self.filters_button.setAccessibleName("Search filters")
        self.filters_button.setToolTip("Narrow the search by domain, tag, template, date…")
        self.filter_bar = SearchFilterBar()
        self.filter_bar.hide()
        self.save_search_button = QToolButton()
        self.save_search_button.setText("Save")
        self.save_search_button.setAccessibleName("Save this search")
        self.save_search_button.setToolTip(
            "Save the words and filters under a name, to open again from Saved searches"
        )
        self.saved_searches = SavedSearchList()

        self.entry_list = QListView()
        self.entry_list.setAccessibleName("Entries")
        self.entry_list.setItemDelegate(EntryDelegate())
        self.entry_list.setUniformItemSizes(True)
        # Lay rows out a batch at a time, so a page added deep in the list stays cheap.
        self.entry_list.setLayoutMode(QListView.LayoutMode.Batched)
        self.entry_list.setBatchSize(200)
        self.entry_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.entry_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.search_panel = SearchPanel()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.entry_list)
        self.stack.addWidget(self.search_panel)

        self.escape_results = _escape_action(
            "Close search", self.search_panel, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        self.escape_filters = _escape_action(
            "Hide filters", self.filter_bar, Qt.ShortcutContext.WidgetWithChildrenShortcut
        )

        search_row = QHBoxLayout()
        search_row.setSpacing(4)
        search_row.addWidget(self.search_box, 1)
        search_row.addWidget(self.filters_button)
        search_row.addWidget(self.save_search_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addLayout(search_row)
        layout.addWidget(self.saved_searches)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.stack, 1)

        chain: list[QWidget] = [self.search_box, self.filters_button, self.save_search_button]
        chain.append(self.saved_searches.list)
        chain += self.filter_bar.focus_chain()
        chain += [self.entry_list, self.search_panel.order_combo, self.search_panel.results_list]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    @property
    def last_in_tab_order(self) -> QWidget:
        """Where Tab leaves the column."""
        return self.search_panel.results_list

    def show_entries(self) -> None:
        """Show the entry list."""
        self.stack.setCurrentIndex(self.ENTRIES_PAGE)

    def show_results(self) -> None:
        """Show the search results."""
        self.stack.setCurrentIndex(self.RESULTS_PAGE)

    @property
    def showing_results(self) -> bool:
        """True while the search results are shown."""
        return self.stack.currentIndex() == self.RESULTS_PAGE
