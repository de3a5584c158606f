"""The Entries view (a view): search and the entry list on the left, the editor on the right."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QLabel,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.comments.comments_panel import CommentsPanel
from app.ui.entries.editor import EntryEditor
from app.ui.search.sidebar import Sidebar
from app.ui.widgets.moves_panel import MovesPanel
from app.ui.widgets.resources import app_icon
from app.ui.widgets.text_size import set_relative_font

# The list's share of a page too narrow for it to keep its own width; the writing gets the rest.
_NARROW_LIST_SHARE = 0.3
_LIST_WIDTH = 320


class EntriesPage(QSplitter):
    """The sidebar (search, filters, entries or results) beside the editor or a hint, the
    reflective moves beside it when asked for, and the coach's comments on the entry when
    there are some."""

    HINT_PAGE = 0
    EDITOR_PAGE = 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setAccessibleName("Entries and editor")
        self.sidebar = Sidebar()
        self.editor = EntryEditor()
        self.hint_label = QLabel()
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName("Hint")
        set_relative_font(self.hint_label, 1.2)
        self.hint_button = QPushButton("&New entry")
        self.hint_button.setAccessibleName("New entry")
        hint_icon = QLabel()
        hint_icon.setPixmap(app_icon().pixmap(72, 72))
        hint_icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint_page = QWidget()
        hint_layout = QVBoxLayout(hint_page)
        hint_layout.setSpacing(12)
        hint_layout.addStretch(1)
        hint_layout.addWidget(hint_icon)
        hint_layout.addWidget(self.hint_label)
        hint_layout.addWidget(self.hint_button, 0, Qt.AlignmentFlag.AlignHCenter)
        hint_layout.addStretch(2)
        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(hint_page)
        self.editor_stack.addWidget(self.editor)

        self.moves_panel = MovesPanel()
        self.moves_panel.watch(self.editor.body_edit)
        self.moves_panel.hide()  # shown from View > Reflective moves
        self.comments_panel = CommentsPanel()
        beside = QSplitter(Qt.Orientation.Horizontal)
        beside.setChildrenCollapsible(False)
        beside.addWidget(self.editor_stack)
        beside.addWidget(self.moves_panel)
        beside.addWidget(self.comments_panel)
        beside.setStretchFactor(0, 1)
        beside.setStretchFactor(1, 0)
        beside.setStretchFactor(2, 0)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(beside, 1)
        self.addWidget(self.sidebar)
        self.addWidget(right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.setSizes([_LIST_WIDTH, 680])
        # Once the person drags the divider it stays put; one that comes back from last time
        # (kept whether dragged or not) stays too, unless it would leave the list the wider.
        self._placed_by_person = False
        self._restored = False
        self.splitterMoved.connect(self._divider_dragged)
        QWidget.setTabOrder(self.sidebar.last_in_tab_order, self.editor.title_edit)

    def _divider_dragged(self, _position: int, _index: int) -> None:
        self._placed_by_person = True

    def restoreState(self, state: QByteArray | bytes | bytearray | memoryview) -> bool:
        """Put the divider back where it was left; it stays there while the writing is wider."""
        restored = super().restoreState(state)
        self._restored = self._restored or restored
        return restored

    def resizeEvent(self, event: QResizeEvent) -> None:
        """On a narrow page the list gives way, so the writing keeps the larger share."""
        super().resizeEvent(event)
        if self._placed_by_person or self.count() < 2:
            return
        list_width, writing_width = self.sizes()[:2]
        if self._restored and list_width <= writing_width:
            return
        width = event.size().width() - self.handleWidth()
        wanted = max(self.sidebar.minimumSizeHint().width(), self.sidebar.minimumWidth())
        wanted = max(wanted, min(_LIST_WIDTH, round(width * _NARROW_LIST_SHARE)))
        if self.sizes()[0] != wanted:
            self.setSizes([wanted, width - wanted])

    def show_hint(self, text: str, *, offer_new_entry: bool) -> None:
        """Show a one-line hint instead of the editor."""
        self.hint_label.setText(text)
        self.hint_button.setVisible(offer_new_entry)
        self.editor_stack.setCurrentIndex(self.HINT_PAGE)

    def show_editor(self) -> None:
        """Show the editor (an entry is loaded in it)."""
        self.editor_stack.setCurrentIndex(self.EDITOR_PAGE)

    @property
    def showing_editor(self) -> bool:
        """True while an entry is in the editor (not the hint)."""
        return self.editor_stack.currentIndex() == self.EDITOR_PAGE
