"""The Cycle view (a view): the guided flow, or the whole cycle read as one page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.journal.opening import Journal
from app.ui.cycles.cycle_read_view import CycleReadView
from app.ui.widgets.captions import heading
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.linked_from import LinkedFromList

if TYPE_CHECKING:
    from app.ui.cycles.cycle_flow import CycleFlow  # made when the first cycle opens

NO_CYCLE = (
    "No cycle is open. Start one with Ctrl+Shift+N, or open one from Home or from a line "
    "of inquiry's timeline (Ctrl+3)."
)
READING_NOTE = "The whole cycle on one page. Links lead to the cycle before and after."


class CyclePane(QStackedWidget):
    """A note while no cycle is open, the CycleFlow (made for the first cycle), or the read page.

    The owner makes the flow and gives it with `set_flow()`; `read_view` and `back_button`
    are the read page's.
    """

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Cycle")
        self.flow: CycleFlow | None = None
        self.new_cycle_button = QPushButton("New c&ycle…")
        self.new_cycle_button.setAccessibleName("New cycle")
        self.new_cycle_button.setToolTip("Start an action-inquiry cycle (Ctrl+Shift+N)")
        empty_note = quiet_note(NO_CYCLE)
        empty_note.setAccessibleName("No cycle open")
        empty_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page = QWidget()
        empty_layout = QVBoxLayout(self.empty_page)
        empty_layout.setContentsMargins(48, 24, 48, 24)
        empty_layout.addStretch(1)
        title = heading("No cycle open", "No cycle open", 1.4)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(title)
        empty_layout.addWidget(empty_note)
        empty_layout.addSpacing(8)
        empty_layout.addWidget(self.new_cycle_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.read_view = CycleReadView(journal)
        self.back_button = QPushButton("&Back to writing")
        self.back_button.setAccessibleName("Back to writing")
        self.back_button.setToolTip("Back to the guided flow (Esc)")
        self.back_button.setShortcut(Qt.Key.Key_Escape)
        reading_note = quiet_note(READING_NOTE)
        reading_note.setAccessibleName("Reading the whole cycle")
        top = QHBoxLayout()
        top.addWidget(reading_note, 1)
        top.addWidget(self.back_button)
        self.read_page = QWidget()
        read_layout = QVBoxLayout(self.read_page)
        read_layout.setContentsMargins(18, 12, 18, 12)
        read_layout.addLayout(top)
        read_layout.addWidget(self.read_view, 1)

        self.addWidget(self.empty_page)
        self.addWidget(self.read_page)
        self.linked_from = LinkedFromList()
        """What links to the cycle shown; the window lays it out below the pane."""
        self.currentChanged.connect(self._page_changed)

    def _page_changed(self, _index: int) -> None:
        if self.currentWidget() is self.empty_page:
            self.linked_from.show_items([])

    def set_flow(self, flow: CycleFlow) -> None:
        """Put the flow in the pane (once)."""
        self.flow = flow
        self.addWidget(flow)

    def show_flow(self) -> None:
        """Show the guided flow."""
        if self.flow is not None:
            self.setCurrentWidget(self.flow)

    def show_read_page(self) -> None:
        """Show the whole cycle as one page."""
        self.setCurrentWidget(self.read_page)

    def show_empty(self) -> None:
        """Say that no cycle is open."""
        self.setCurrentWidget(self.empty_page)

    @property
    def reading(self) -> bool:
        """True while the read page is shown."""
        return self.currentWidget() is self.read_page

    def focus_current(self) -> None:
        """Put the keyboard focus where the page shown wants it."""
        if self.flow is not None and self.currentWidget() is self.flow:
            self.flow.focus_current()
        elif self.reading:
            self.read_view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.new_cycle_button.setFocus(Qt.FocusReason.OtherFocusReason)
