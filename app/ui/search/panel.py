"""The search results area (a view): how many were found, the order, and the results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.search.full_text import Order
from app.ui.search.delegate import SearchHitDelegate
from app.ui.widgets.announce import announce
from app.ui.widgets.text_size import set_relative_font

ORDER_LABELS = {Order.RELEVANCE: "Best match", Order.NEWEST: "Newest first"}


class SearchPanel(QWidget):
    """Results of the search, or a message saying why there are none."""

    RESULTS_PAGE = 0
    MESSAGE_PAGE = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Search status")
        self.order_combo = QComboBox()
        self.order_combo.setAccessibleName("Order of results")
        for order, label in ORDER_LABELS.items():
            self.order_combo.addItem(label, order)
        order_label = QLabel("&Sort:")
        order_label.setBuddy(self.order_combo)

        self.results_list = QListView()
        self.results_list.setAccessibleName("Search results")
        self.results_list.setItemDelegate(SearchHitDelegate(self.results_list))
        self.results_list.setUniformItemSizes(True)
        self.results_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.message_label = QLabel()
        self.message_label.setAccessibleName("Search message")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setMargin(16)
        set_relative_font(self.message_label, 1.1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.results_list)
        self.stack.addWidget(self.message_label)

        header = QHBoxLayout()
        header.setContentsMargins(2, 0, 0, 0)
        header.addWidget(self.status_label, 1)
        header.addWidget(order_label)
        header.addWidget(self.order_combo)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        QWidget.setTabOrder(self.order_combo, self.results_list)

    def order(self) -> Order:
        """The order chosen."""
        # Qt hands the enum back as its plain string value.
        return Order(self.order_combo.currentData() or Order.RELEVANCE)

    def show_message(self, text: str) -> None:
        """Show `text` where the results go (no results to show)."""
        self.message_label.setText(text)
        self.stack.setCurrentIndex(self.MESSAGE_PAGE)
        announce(self.message_label, text)

    def show_results(self, status: str) -> None:
        """Show the results list, with `status` above it."""
        self.status_label.setText(status)
        self.stack.setCurrentIndex(self.RESULTS_PAGE)
        announce(self.status_label, status)  # "3 found": what typing in the box brought

    @property
    def message(self) -> str:
        """The message shown instead of results ("" while results are shown)."""
        showing = self.stack.currentIndex() == self.MESSAGE_PAGE
        return self.message_label.text() if showing else ""
