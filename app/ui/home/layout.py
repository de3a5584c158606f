"""Home's layout (a view): sections with headings, friendly empty states, the balance bars."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui.home.balance_bars import DomainBalanceBars
from app.ui.home.looking_back_card import LookingBackCard
from app.ui.widgets.captions import heading
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.item_list import ItemList, ListItem
from app.ui.widgets.message_bar import MessageBar
from app.ui.widgets.tab_order import chain_tab_order

WAITING_EMPTY = (
    "Nothing waiting for your reflection. When the date you planned for an experiment "
    "comes, the cycle appears here. Start a cycle with Ctrl+Shift+N."
)
IN_PROGRESS_EMPTY = (
    "No cycles in progress. A cycle moves here once you have tried the experiment and "
    "started reflecting on it."
)
RECENT_EMPTY = "No entries yet. A quick note after a shift is a fine start (Ctrl+N)."


class HomeSection(QWidget):
    """A heading, then either a list or a friendly sentence saying why it is empty."""

    def __init__(self, title: str, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = title
        self.heading = heading(title, title, 1.2)
        self.list = ItemList(title, fit_contents=True)
        self.empty_label = quiet_note(empty_text)
        self.empty_label.setAccessibleName(f"{title}: empty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def set_items(self, items: list[ListItem]) -> None:
        """Show the rows, or the empty sentence when there are none."""
        self.list.set_items(items)
        self.list.setVisible(bool(items))
        self.empty_label.setVisible(not items)
        self.heading.setText(f"{self._title} ({len(items)})" if items else self._title)

    def ids(self) -> list[str]:
        """The ids listed, in order."""
        return self.list.ids()


_TWO_COLUMNS_EM = 95
"""Below this many average characters of width, Home's two columns go one above the other."""


class HomeLayout(QScrollArea):
    """Lays out Home; HomeView fills it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Home")
        self.title_label = heading("Your inquiry", "Home", 1.6)
        self.new_cycle_button = QPushButton("New c&ycle")
        self.new_cycle_button.setAccessibleName("New cycle")
        self.new_cycle_button.setToolTip("Start an action-inquiry cycle (Ctrl+Shift+N)")
        self.new_entry_button = QPushButton("Ne&w entry")
        self.new_entry_button.setAccessibleName("New entry")
        self.new_entry_button.setToolTip("Write a free entry (Ctrl+N)")
        self.message_bar = MessageBar()
        self.waiting = HomeSection("Waiting for your reflection", WAITING_EMPTY)
        self.in_progress = HomeSection("In progress", IN_PROGRESS_EMPTY)
        self.recent = HomeSection("Recent entries", RECENT_EMPTY)
        self.looking_back = LookingBackCard()
        self.balance_heading = heading("Balance of the last 30 days", "Balance", 1.2)
        self.balance_heading.setWordWrap(False)
        self.balance_bars = DomainBalanceBars()
        self.balance_note = quiet_note("")
        self.balance_note.setAccessibleName("About the balance")

        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.new_cycle_button)
        top.addWidget(self.new_entry_button)
        left = QVBoxLayout()
        left.setSpacing(20)
        for section in (self.looking_back, self.waiting, self.in_progress, self.recent):
            left.addWidget(section)
        left.addStretch(1)
        self._left = left
        right = QVBoxLayout()
        right.setSpacing(8)
        self._right = right
        right.addWidget(self.balance_heading)
        right.addWidget(self.balance_bars)
        right.addWidget(self.balance_note)
        right.addStretch(1)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(28)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self._columns = columns

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addSpacing(8)
        layout.addLayout(columns, 1)
        self.setWidget(content)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self._focus_chain: list[QWidget] = [
            self.new_cycle_button,
            self.new_entry_button,
            *self.looking_back.focus_chain(),
            self.waiting.list,
            self.in_progress.list,
            self.recent.list,
            self.balance_bars,
        ]
        chain_tab_order(self._focus_chain)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side where two columns have room, one above the other where they do not
        (a laptop at 200%), so nothing is squeezed or scrolled sideways."""
        super().resizeEvent(event)
        self._arrange(self.viewport().width())

    def _arrange(self, width: int) -> None:
        """Stack the columns when the view is narrower than two of them need."""
        room = _TWO_COLUMNS_EM * self.fontMetrics().averageCharWidth()
        wanted = (
            QBoxLayout.Direction.LeftToRight if width >= room else QBoxLayout.Direction.TopToBottom
        )
        if self._columns.direction() != wanted:
            self._columns.setDirection(wanted)

    def add_side_section(self, widget: QWidget, focus_chain: Sequence[QWidget]) -> None:
        """Put another section (the agreed actions, say) at the top of the side column; Tab
        goes through `focus_chain`, its controls, after the main column's lists."""
        self._right.insertWidget(0, widget)
        self._right.insertSpacing(1, 18)
        at = self._focus_chain.index(self.balance_bars)
        self._focus_chain[at:at] = list(focus_chain)
        chain_tab_order(self._focus_chain)
