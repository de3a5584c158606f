"""Add dates to calendar: the coming dates, shown here in full, saved as an .ics file.

The list shows the person their own titles (it is their screen); what goes in the file is
what the Include titles box says, and a title that could identify someone goes in with each
finding replaced by its label, as a summary's redaction does.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.reminders.calendar import title_findings, with_titles_redacted
from app.reminders.due import COMING_DAYS, DueItem, day_words
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.words import counted

ABOUT = (
    "These dates go in a calendar file that Outlook, Apple Calendar and Google Calendar can "
    "import. Each is an all-day event that reminds you at 09:00 on the day, even when "
    "Inquiry Journal is closed. Saving the file again later updates the same events."
)
PRIVATE = (
    "Without titles each event says only what kind of date it is, such as “Reflect on your "
    "experiment (Inquiry Journal)”. Calendars are often shared or synced to a phone, so "
    "titles are left out unless you choose."
)
NOTHING_COMING = (
    f"Nothing is dated in the next {COMING_DAYS} days. Give an experiment a date to try it "
    "by, or an agreed action a date, and it will be here."
)


class CalendarDialog(KeyboardSafeDialog):
    """The coming dates and whether their titles go in; Accepted means "save the file".

    Constructor: CalendarDialog(items, parent=None). `chosen()` is what to write: the items
    with their titles (each finding replaced by its label) or not, and whether titles go in.
    """

    def __init__(self, items: Sequence[DueItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Add dates to calendar")
        self.items = list(items)
        self._findings = title_findings(self.items)
        self.dates = QListWidget()
        self.dates.setAccessibleName("Dates to add")
        self.dates.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.dates.setWordWrap(True)  # a long title wraps rather than hiding behind a scroll bar
        self.dates.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dates.setResizeMode(QListWidget.ResizeMode.Adjust)
        for item in self.items:
            self.dates.addItem(f"{day_words(item.day)}: {item.words()}")
        self.titles_box = QCheckBox("&Include titles in the events")
        self.titles_box.setAccessibleName("Include titles in the events")
        self.titles_box.setAccessibleDescription(PRIVATE)
        self.titles_note = plain_label("", "What goes in the file")
        buttons, self.save_button = self.main_and_cancel("&Save calendar file…")

        layout = QVBoxLayout(self)
        count = counted(len(self.items), "date", "dates")
        self.heading = heading(f"{count} in the next {COMING_DAYS} days", "Dates", 1.2)
        layout.addWidget(self.heading)
        layout.addWidget(plain_label(ABOUT, "About the calendar file"))
        if self.items:
            layout.addWidget(self.dates, 1)
        else:
            layout.addWidget(plain_label(NOTHING_COMING, "No dates"))
            self.dates.hide()
        layout.addWidget(self.titles_box)
        layout.addWidget(self.titles_note)
        layout.addWidget(buttons)
        self.titles_box.toggled.connect(self._explain)
        self.titles_box.setEnabled(bool(self.items))
        self.save_button.setEnabled(bool(self.items))
        self._explain()
        self.setMinimumWidth(520)

    @property
    def with_titles(self) -> bool:
        """Whether the titles go in the file."""
        return self.titles_box.isChecked()

    def chosen(self) -> list[DueItem]:
        """The dates to write, any finding in a title replaced by its label."""
        if not self.with_titles:
            return list(self.items)
        return with_titles_redacted(self.items, self._findings)

    def _explain(self) -> None:
        if not self.with_titles:
            self.titles_note.setText(PRIVATE)
        elif self._findings:
            things = counted(len(self._findings), "thing", "things")
            self.titles_note.setText(
                f"The titles hold {things} that could identify someone; each goes in as a "
                "label instead, such as [NHS number] or [name]."
            )
        else:
            self.titles_note.setText(
                "Each event will also say the cycle's title, the action, or whom the session "
                "is with. Anyone who can see your calendar will see them."
            )
