"""The window's left column (a view): the search box and filters over the entries or results."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHBoxLayout,
    QListView,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.search.box import SearchBox
from app.ui.search.filter_bar import SearchFilterBar
from app.ui.search.panel import SearchPanel
from app.ui.search.saved_list import SavedSearchList
from app.ui.widgets.entry_delegate import EntryDelegate

MINIMUM_WIDTH = 140


def _escape_action(text: str, widget: QWidget, context: Qt.ShortcutContext) -> QAction:
    action = QAction(text, widget)
    action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
    action.setShortcutContext(context)
    widget.addAction(action)
    return action


_ROW_SPACING = 4


class SearchRow(QWidget):
    """The search box with its Filters and Save buttons beside it, or the buttons on a row of
    their own under the box when the column is narrow, so the column can give way to the text."""

    def __init__(self, search_box: QWidget, buttons: list[QWidget]) -> None:
        super().__init__()
        self._search_box = search_box
        self._buttons = buttons
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(_ROW_SPACING)
        self._layout.addWidget(search_box, 1)
        button_row = QHBoxLayout()
        button_row.setSpacing(_ROW_SPACING)
        for button in buttons:
            button_row.addWidget(button)
        self._layout.addLayout(button_row)
        self._layout.setAlignment(button_row, Qt.AlignmentFlag.AlignLeft)

    def _buttons_width(self) -> int:
        return sum(b.sizeHint().width() for b in self._buttons) + _ROW_SPACING * len(self._buttons)

    def _row_width(self) -> int:
        """The width the box and buttons need side by side."""
        return self._search_box.sizeHint().width() + self._buttons_width()

    def minimumSizeHint(self) -> QSize:
        """As narrow as the box or the buttons alone (the row wraps), never the two together."""
        hint = super().minimumSizeHint()
        width = max(self._search_box.minimumSizeHint().width(), self._buttons_width())
        return QSize(width, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """One row when there is room, the buttons under the box when not."""
        super().resizeEvent(event)
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._row_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if self._layout.direction() != wanted:
            self._layout.setDirection(wanted)
            self.updateGeometry()


class Sidebar(QWidget):
    """The search box with its filters and saved searches, above either the entry list or the
    search results."""

    ENTRIES_PAGE = 0
    RESULTS_PAGE = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # narrow enough that, at 1280x720 at 200% (640 logical pixels), the rail and this
        # column leave the writing the larger share; the search row wraps to fit
        self.setMinimumWidth(MINIMUM_WIDTH)
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

        self.search_row = SearchRow(self.search_box, [self.filters_button, self.save_search_button])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.search_row)
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
