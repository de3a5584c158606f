"""New cycle: choose or start a line of inquiry, choose a template, and perhaps a date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.cycles.new_cycle_form import NewCycleForm
from app.ui.cycles.plan_pages import DEFAULT_LEAD_DAYS
from app.ui.cycles.template_page import template_item
from app.writing.cycle_records import DomainRequiredError, InquiryRecord, InquiryStatus

NO_QUESTION = "A line of inquiry needs a question, even a rough one."
FROM_ENTRY_NOTE = (
    "“{title}” becomes the first stage of a new cycle, with its domains and tags. The entry "
    "then moves to the trash (Edit > Undo brings it back if you change your mind)."
)
_STATUS_ORDER = {InquiryStatus.OPEN: 0, InquiryStatus.PAUSED: 1, InquiryStatus.CLOSED: 2}


class NewCycleDialog(NewCycleForm):
    """Creates a cycle through the CycleStore; `cycle_id` holds it once the dialog is accepted.

    Constructor: NewCycleDialog(journal, today=date.today, inquiry_id=None, entry_id=None,
    parent=None); `inquiry_id` preselects a line of inquiry; with `entry_id` the dialog turns
    that entry into the first stage of the cycle (CycleStore.cycle_from_entry), and the entry
    goes to the trash. Show it with open() or exec().

    Signals: cycleCreated(str) with the new cycle's id, just before the dialog closes.
    """

    cycleCreated = Signal(str)

    def __init__(
        self,
        journal: Journal,
        *,
        today: Callable[[], date] = date.today,
        inquiry_id: str | None = None,
        entry_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._today = today
        self.entry_id = entry_id
        self.cycle_id: str | None = None
        self._inquiries: list[InquiryRecord] = []
        self.experiment_date.set_date(None, today() + timedelta(days=DEFAULT_LEAD_DAYS))
        self._load(inquiry_id)
        if entry_id is not None:
            self._from_entry(entry_id)
        self.start_button.clicked.connect(self._start)
        self.cancel_button.clicked.connect(self.reject)
        self.template_list.currentIdChanged.connect(self._template_chosen)
        self.template_list.itemActivated.connect(self._start)
        self.existing_radio.toggled.connect(self._mode_changed)
        self._mode_changed()
        self._template_chosen()

    def _load(self, inquiry_id: str | None) -> None:
        try:
            inquiries = self._journal.cycles.inquiries()
        except JournalError as exc:
            self.error.show_message(str(exc))
            inquiries = []
        self._inquiries = sorted(inquiries, key=lambda i: _STATUS_ORDER[i.status])
        for inquiry in self._inquiries:
            suffix = "" if inquiry.status is InquiryStatus.OPEN else f" ({inquiry.status.label})"
            self.inquiry_combo.addItem(inquiry.question + suffix, inquiry.id)
        if inquiry_id is not None:
            index = self.inquiry_combo.findData(inquiry_id)
            self.inquiry_combo.setCurrentIndex(max(index, 0))
        has_any = bool(self._inquiries)
        self.existing_radio.setEnabled(has_any)
        self.inquiry_combo.setEnabled(has_any)
        (self.existing_radio if has_any else self.new_radio).setChecked(True)

        library = self._journal.templates
        self.template_list.set_items([template_item(t) for t in library.templates])
        self.template_list.select_id(library.default.id)

    def _from_entry(self, entry_id: str) -> None:
        """Say what happens to the entry, and start from its title and domains."""
        self.setWindowTitle("Turn the entry into a cycle")
        self.start_button.setText("&Turn into a cycle")
        self.start_button.setAccessibleName("Turn into a cycle")
        try:
            entry = self._journal.entries.get(entry_id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            self.start_button.setEnabled(False)
            return
        self.title_edit.setText(entry.display_title)
        self.domains.set_domains(entry.domains)
        self.entry_note.setText(FROM_ENTRY_NOTE.format(title=entry.display_title))
        self.entry_note.show()

    def showEvent(self, event: QShowEvent) -> None:
        """Start with the cursor where the first choice is: the question, or the line."""
        super().showEvent(event)
        first = self.question_edit if self.new_radio.isChecked() else self.inquiry_combo
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def chosen_template_id(self) -> str | None:
        """The template highlighted in the list."""
        return self.template_list.current_id()

    @Slot()
    def _mode_changed(self) -> None:
        new = self.new_radio.isChecked()
        self.inquiry_combo.setEnabled(not new and bool(self._inquiries))
        for widget in (self.question_edit, self.domains):
            widget.setEnabled(new)
        if new and self.isVisible():
            self.question_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _template_chosen(self) -> None:
        template_id = self.chosen_template_id()
        template = self._journal.templates.get(template_id) if template_id else None
        if template is None:
            self.template_intro.setText("")
            self.start_button.setEnabled(False)
            return
        stages = ", ".join(s.title for s in template.stages)
        self.template_intro.setText(f"{template.intro}\n\nStages: {stages}.")
        self.start_button.setEnabled(True)
        self.experiment_date.setEnabled(template.has_before_stages)

    @Slot()
    def _start(self) -> None:
        template_id = self.chosen_template_id()
        if template_id is None:
            return
        store = self._journal.cycles
        try:
            template = self._journal.templates.get(template_id)
            day = self.experiment_date.date() if template and template.has_before_stages else None
            title = self.title_edit.text().strip()
            if self.new_radio.isChecked():
                question = self.question_edit.text()
                if not question.strip():
                    raise JournalError(NO_QUESTION)
                domains = self.domains.domains()
                if not domains:
                    raise DomainRequiredError()
                cycle = store.start_inquiry(
                    question,
                    domains,
                    template_id,
                    title=title,
                    experiment_date=day,
                    entry_id=self.entry_id,
                )
            elif self.entry_id is None:
                inquiry_id = str(self.inquiry_combo.currentData())
                known = next(i for i in self._inquiries if i.id == inquiry_id)
                cycle = store.start_cycle(
                    inquiry_id,
                    template_id,
                    title=title,
                    domains=known.domains or None,
                    experiment_date=day,
                )
            else:
                cycle = store.cycle_from_entry(
                    self.entry_id,
                    str(self.inquiry_combo.currentData()),
                    template_id,
                    title=title,
                    experiment_date=day,
                )
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.cycle_id = cycle.id
        self.cycleCreated.emit(cycle.id)
        self.accept()
