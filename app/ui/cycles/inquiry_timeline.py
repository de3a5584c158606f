"""A line of inquiry and its cycles in order, as a vertical timeline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.cycles.timeline_card import TimelineCard
from app.ui.widgets.captions import domains_text, heading, plain_label
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.message_bar import MessageBar

NO_CYCLES = (
    "No cycles yet in this line of inquiry. Start one: plan a small experiment, try it, "
    "then come back to reflect."
)
CHOOSE_INQUIRY = "Choose a line of inquiry to see its cycles."


class InquiryTimeline(QScrollArea):
    """Shows a line of inquiry's question, status and domains, then its cycles, oldest first.

    Constructor: InquiryTimeline(journal, inquiry_id=None, today=date.today, parent=None);
    `show_inquiry(id)` changes the line shown, `refresh()` reads it again.

    Signals:
      openCycle(str): a cycle's card was activated (Enter, Space or double-click).
      trashCycleRequested(str): "Move to trash" in a cycle card's context menu.
      newCycleRequested(str): "New cycle in this line" with the line of inquiry's id.
    """

    openCycle = Signal(str)
    trashCycleRequested = Signal(str)
    newCycleRequested = Signal(str)

    def __init__(
        self,
        journal: Journal,
        inquiry_id: str | None = None,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._today = today
        self._inquiry_id = inquiry_id
        self.cards: list[TimelineCard] = []
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Line of inquiry")
        self.question_label = heading("", "Question", 1.5)
        self.status_label = quiet_note("")
        self.status_label.setAccessibleName("Status and domains")
        self.description_label = plain_label("", "Description")
        self.message_bar = MessageBar()
        self.message_bar.retryRequested.connect(self.refresh)
        self.new_cycle_button = QPushButton("New c&ycle in this line")
        self.new_cycle_button.setAccessibleName("New cycle in this line of inquiry")
        self.new_cycle_button.clicked.connect(self._new_cycle)
        self.empty_label = quiet_note(NO_CYCLES)
        self.empty_label.setAccessibleName("No cycles")
        self._cards_layout = QVBoxLayout()
        self._cards_layout.setSpacing(0)

        header_row = QHBoxLayout()
        header_row.addWidget(self.question_label, 1)
        header_row.addWidget(self.new_cycle_button)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.message_bar)
        layout.addLayout(header_row)
        layout.addWidget(self.status_label)
        layout.addWidget(self.description_label)
        layout.addSpacing(12)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._cards_layout)
        layout.addStretch(1)
        self.setWidget(content)
        self.refresh()

    @property
    def inquiry_id(self) -> str | None:
        """The line of inquiry shown."""
        return self._inquiry_id

    def show_inquiry(self, inquiry_id: str | None) -> None:
        """Show another line of inquiry (None shows a prompt to choose one)."""
        self._inquiry_id = inquiry_id
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Read the line of inquiry and its cycles again."""
        self._clear_cards()
        if self._inquiry_id is None:
            self._show_header(CHOOSE_INQUIRY, "", "")
            self.new_cycle_button.hide()
            self.empty_label.hide()
            return
        try:
            inquiry = self._journal.cycles.inquiry(self._inquiry_id)
            steps = self._journal.cycles.timeline(self._inquiry_id)
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self.message_bar.clear()
        status = f"{inquiry.status.label} · {domains_text(inquiry.domains)}"
        self._show_header(inquiry.question, status, inquiry.description)
        self.new_cycle_button.show()
        self.empty_label.setVisible(not steps)
        today = self._today()
        previous: QWidget = self.new_cycle_button
        for number, step in enumerate(steps, start=1):
            card = TimelineCard(
                step, number, first=number == 1, last=number == len(steps), today=today
            )
            card.activated.connect(self.openCycle)
            card.trashRequested.connect(self.trashCycleRequested)
            self._cards_layout.addWidget(card)
            QWidget.setTabOrder(previous, card)
            previous = card
            self.cards.append(card)

    def _show_header(self, question: str, status: str, description: str) -> None:
        self.question_label.setText(question)
        self.status_label.setText(status)
        self.status_label.setVisible(bool(status))
        self.description_label.setText(description)
        self.description_label.setVisible(bool(description.strip()))

    def _clear_cards(self) -> None:
        for card in self.cards:
            self._cards_layout.removeWidget(card)
            card.hide()  # gone from the screen now, not when the event loop deletes it
            card.deleteLater()
        self.cards = []

    @Slot()
    def _new_cycle(self) -> None:
        if self._inquiry_id is not None:
            self.newCycleRequested.emit(self._inquiry_id)
