"""The Coaching view's layout (a view): participants, filters and items, the item and its
comments, or a page explaining how shares arrive when there are none yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.coach.conversation import Conversation
from app.ui.coach.filter_bar import CoachFilterBar
from app.ui.coach.item_reader import ItemReader
from app.ui.coach.participant_header import ParticipantHeader
from app.ui.coach.participant_list import ParticipantList
from app.ui.coach.shared_item_list import SharedItemList
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.message_bar import MessageBar
from app.ui.widgets.tab_order import chain_tab_order

EMPTY_TITLE = "Nothing shared with you yet"
EMPTY_TEXT = (
    "When participants share entries and cycles with you, they appear here to read, comment "
    "on and discuss. Ask participants to add your card (Sharing > Save my card…) and send you "
    "a share package; import it with File > Import…"
)
_MARGINS = (16, 12, 16, 12)
# Below these the columns stop shrinking and the page scrolls sideways instead.
_MIN_PARTICIPANTS = 180
_MIN_ITEMS = 250
_MIN_READING = 340


def _column(*widgets: QWidget, spacing: int = 6) -> QWidget:
    """The widgets one under another; the last one takes the spare height."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(spacing)
    for n, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if n == len(widgets) - 1 else 0)
    return column


class CoachLayout(QStackedWidget):
    """Lays out the Coaching view; CoachPage fills it and makes it work."""

    EMPTY_PAGE = 0
    WORK_PAGE = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Coaching")
        self.empty_title = heading(EMPTY_TITLE, "Coaching", 1.6)
        self.empty_label = quiet_note(EMPTY_TEXT)
        self.empty_label.setAccessibleName("How shares arrive")
        self.empty_label.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.empty_label.setMaximumWidth(640)

        participants_title = heading("&Participants", "Participants", 1.2)
        self.participant_list = ParticipantList()
        participants_title.setBuddy(self.participant_list)
        self.filter_bar = CoachFilterBar()
        self.item_list = SharedItemList()
        self.no_items_label = quiet_note("")
        self.no_items_label.setAccessibleName("No items to show")
        self.no_items_label.hide()
        self.header = ParticipantHeader()
        self.message_bar = MessageBar()
        self.notice_label = plain_label("", "Coaching notice")
        self.notice_label.hide()
        self.reader = ItemReader()
        self.conversation = Conversation()

        self.reading_split = QSplitter(Qt.Orientation.Vertical)
        self.reading_split.setChildrenCollapsible(False)
        self.reading_split.addWidget(self.reader)
        self.reading_split.addWidget(self.conversation)
        self.reading_split.setSizes([420, 380])
        items_column = _column(self.filter_bar, self.no_items_label, self.item_list)
        self.items_split = QSplitter(Qt.Orientation.Horizontal)
        self.items_split.setChildrenCollapsible(False)
        self.items_split.addWidget(items_column)
        self.items_split.addWidget(self.reading_split)
        self.items_split.setStretchFactor(1, 1)
        self.items_split.setSizes([300, 530])
        right = _column(
            self.header, self.message_bar, self.notice_label, self.items_split, spacing=10
        )
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        participants_column = _column(participants_title, self.participant_list)
        participants_column.setMinimumWidth(_MIN_PARTICIPANTS)
        items_column.setMinimumWidth(_MIN_ITEMS)
        self.reading_split.setMinimumWidth(_MIN_READING)
        self.split.addWidget(participants_column)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([210, 830])

        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.setContentsMargins(24, 18, 24, 18)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(1)
        work = QWidget()
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(*_MARGINS)
        work_layout.addWidget(self.split)
        # In a small window the three columns scroll rather than make the window wider.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(work)
        scroll.setAccessibleName("Participants and what they shared")
        self.addWidget(empty)
        self.addWidget(scroll)
        chain_tab_order(
            [
                self.participant_list,
                *self.header.focus_chain(),
                *self.filter_bar.focus_chain(),
                self.item_list,
                *self.reader.focus_chain(),
                *self.conversation.focus_chain(),
            ]
        )
