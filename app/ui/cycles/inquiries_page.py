"""The Lines of inquiry view (a view): every line on the left, the chosen one's timeline beside."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QPushButton, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from app.journal.opening import Journal
from app.ui.cycles.inquiry_list import InquiryList
from app.ui.cycles.inquiry_timeline import InquiryTimeline
from app.ui.widgets.captions import heading
from app.ui.widgets.fields import quiet_note

LIST_NOTE = "Open lines first, then paused, then closed. The Inquiry menu pauses or closes one."
NONE_YET = (
    "A line of inquiry is a question or dilemma you work on over several small experiments, "
    "for example “How do I get my team to raise concerns earlier?”. Each cycle you start "
    "belongs to one, and its timeline shows what you learned, cycle by cycle."
)


class InquiriesPage(QSplitter):
    """InquiryList beside the InquiryTimeline of the line highlighted in it."""

    def __init__(
        self,
        journal: Journal,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setAccessibleName("Lines of inquiry")
        self.inquiry_list = InquiryList(journal)
        self.timeline = InquiryTimeline(journal, today=today)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(12, 18, 6, 12)
        column.addWidget(heading("Lines of inquiry", "Lines of inquiry", 1.3))
        note = quiet_note(LIST_NOTE)
        note.setAccessibleName("About the lines of inquiry")
        column.addWidget(note)
        column.addWidget(self.inquiry_list, 1)
        self.new_cycle_button = QPushButton("New c&ycle…")
        self.new_cycle_button.setAccessibleName("New cycle")
        self.new_cycle_button.setToolTip("Start a cycle and its line of inquiry (Ctrl+Shift+N)")
        none_yet = QWidget()
        none_layout = QVBoxLayout(none_yet)
        none_layout.setContentsMargins(24, 18, 24, 18)
        none_layout.addWidget(heading("No lines of inquiry yet", "No lines of inquiry yet", 1.5))
        note = quiet_note(NONE_YET)
        note.setAccessibleName("What a line of inquiry is")
        none_layout.addWidget(note)
        none_layout.addSpacing(8)
        none_layout.addWidget(self.new_cycle_button, 0, Qt.AlignmentFlag.AlignLeft)
        none_layout.addStretch(1)
        self.right = QStackedWidget()
        self.right.addWidget(self.timeline)
        self.right.addWidget(none_yet)
        self._none_yet = none_yet
        self._left = left
        self.addWidget(left)
        self.addWidget(self.right)
        self.setStretchFactor(0, 0)
        self.setStretchFactor(1, 1)
        self.setChildrenCollapsible(False)
        self.setSizes([380, 620])
        QWidget.setTabOrder(self.inquiry_list.list, self.timeline.new_cycle_button)
        self.inquiry_list.currentInquiryChanged.connect(self._show_timeline)

    def current_inquiry_id(self) -> str | None:
        """The line of inquiry whose timeline is shown."""
        return self.timeline.inquiry_id

    def refresh(self, select_id: str | None = None) -> None:
        """Read the lines again and show `select_id`'s timeline (or the one shown, or the first)."""
        keep = select_id or self.timeline.inquiry_id
        self.inquiry_list.refresh()
        ids = self.inquiry_list.ids()
        chosen = keep if keep in ids else (ids[0] if ids else None)
        if chosen is not None:
            self.inquiry_list.list.select_id(chosen)
        if self.timeline.inquiry_id != chosen or chosen is None:
            self.timeline.show_inquiry(chosen)
        else:
            self.timeline.refresh()
        self.right.setCurrentWidget(self.timeline if ids else self._none_yet)
        self._left.setVisible(bool(ids))  # with none yet, the right side says it all

    @Slot(str)
    def _show_timeline(self, inquiry_id: str) -> None:
        if inquiry_id != self.timeline.inquiry_id:
            self.timeline.show_inquiry(inquiry_id)
