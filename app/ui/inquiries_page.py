"""The Lines of inquiry view (a view): every line on the left, the chosen one's timeline beside."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.journal import Journal
from app.ui.cycles.inquiry_list import InquiryList
from app.ui.cycles.inquiry_timeline import InquiryTimeline
from app.ui.cycles.text import heading
from app.ui.fields import quiet_note

LIST_NOTE = "Open lines first, then paused, then closed. The Inquiry menu pauses or closes one."


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
        self.addWidget(left)
        self.addWidget(self.timeline)
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

    @Slot(str)
    def _show_timeline(self, inquiry_id: str) -> None:
        if inquiry_id != self.timeline.inquiry_id:
            self.timeline.show_inquiry(inquiry_id)
