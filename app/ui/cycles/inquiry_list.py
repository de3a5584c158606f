"""The lines of inquiry to choose from: open ones first, each with its cycles counted."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.widgets.dates import local_day
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.item_list import ItemList, ListItem
from app.ui.widgets.read_when_shown import ReadWhenShown
from app.writing.cycle_records import InquiryStatus

NO_INQUIRIES = (
    "No lines of inquiry yet. A line of inquiry is a question you work through over several "
    "cycles; start one with a new cycle."
)
_ORDER = {InquiryStatus.OPEN: 0, InquiryStatus.PAUSED: 1, InquiryStatus.CLOSED: 2}


class InquiryList(QWidget):
    """Every line of inquiry, open first, then paused, then closed.

    Constructor: InquiryList(journal, parent=None); `refresh()` reads them again.

    Signals:
      currentInquiryChanged(str): the highlighted line changed (to show it alongside).
      inquiryActivated(str): Enter or double-click on a line.
    """

    currentInquiryChanged = Signal(str)
    inquiryActivated = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._journal = journal
        self.list = ItemList("Lines of inquiry")
        self.list.itemActivated.connect(self.inquiryActivated)
        self.list.currentIdChanged.connect(self.currentInquiryChanged)
        self.empty_label = quiet_note(NO_INQUIRIES)
        self.empty_label.setAccessibleName("No lines of inquiry")
        self.error = InlineError("Problem reading the lines of inquiry")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.error)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list, 1)
        layout.addStretch(0)  # with the list hidden, the note stays at the top
        self._reading = ReadWhenShown(self, self.refresh)

    @Slot()
    def refresh(self) -> None:
        """Read the lines of inquiry again."""
        self._reading.mark_read()
        try:
            inquiries = self._journal.cycles.inquiries()
            counts = self._journal.cycles.counts_by_inquiry()
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.error.show_message("")
        items = []
        for inquiry in sorted(inquiries, key=lambda i: _ORDER[i.status]):
            n = counts.get(inquiry.id, 0)
            cycles = f"{n} cycle" + ("" if n == 1 else "s")
            detail = f"{inquiry.status.label} · {cycles} · active {local_day(inquiry.updated)}"
            items.append(ListItem(inquiry.id, inquiry.question, detail, inquiry.domains))
        self.list.set_items(items)
        self.empty_label.setVisible(not items)
        self.list.setVisible(bool(items))

    def ids(self) -> list[str]:
        """The ids listed, in order."""
        return self.list.ids()
