"""Prepare a supervision summary: choose, preview, check for privacy, then export or print."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum
from functools import partial
from pathlib import Path

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.summary.contents import SummaryOptions, SummaryService, SupervisionSummary
from app.summary.export import SummaryFormat, write_summary
from app.summary.privacy import LocatedFinding, apply_redactions, find_in
from app.supervision.session_records import SessionKind
from app.ui.privacy.highlighter import PrivacyHighlighter
from app.ui.privacy.review import PrivacyReviewDialog
from app.ui.summary.choices import choice_groups
from app.ui.summary.document import qt_html, summary_document
from app.ui.summary.hooks import (
    ChooseFile,
    PrintDocument,
    WriteSummary,
    ask_for_file,
    print_with_dialog,
    suggested_name,
)
from app.ui.summary.summary_form import SummaryForm
from app.ui.widgets.background_call import BackgroundCall
from app.ui.widgets.captions import from_qdate, to_qdate

DEFAULT_ROLE = "Participant"
PREPARING = "Preparing the summary…"
REVIEWING = "Choose what to redact before anything is written."
REVIEW_CANCELLED = "Nothing was written: the privacy check was cancelled."
NOT_EXPORTED = "Nothing was exported."
PRINTED = "Sent to the printer."
NOT_PRINTED = "Printing was cancelled."
BAD_PERIOD = "The period ends before it starts: check the two dates."
BUILD_BUG = "The summary could not be prepared because of a fault in the app. Nothing was written."
WRITE_BUG = "The summary could not be written because of a fault in the app. Nothing was saved."


@dataclass(frozen=True)
class Prepared:
    """A summary and what the privacy check found in it."""

    summary: SupervisionSummary
    findings: tuple[LocatedFinding, ...]


def prepare(journal: Journal, options: SummaryOptions, today: date) -> Prepared:
    """Build the summary and check it (runs on a worker thread)."""
    summary = SummaryService(journal).build(options, today)
    return Prepared(summary, tuple(find_in(summary)))


def findings_note(count: int) -> str:
    """What the preview says about the privacy check."""
    if count == 0:
        return "The privacy check found nothing that looks like it identifies someone."
    things = "1 thing" if count == 1 else f"{count} things"
    return f"{things} could identify someone: you will choose what to redact before export."


class _Purpose(Enum):
    EXPORT = "export"
    PRINT = "print"


class SummaryDialog(SummaryForm):
    """The summary for a session, ready in under a minute: defaults for everything, a preview.

    Constructor: SummaryDialog(journal, today=date.today, choose_file=ask_for_file,
    print_document=print_with_dialog, write=write_summary, preview_delay_ms=250,
    parent=None). Show it with open() or show(); it deletes itself when closed. While the
    privacy check is open, `review` is that PrivacyReviewDialog.

    Signals:
      summaryExported(str): the path of a summary file just written, whole.
      printed(): the summary went to the printer.
      previewUpdated(): the preview shows the current choices.
    """

    summaryExported = Signal(str)
    printed = Signal()
    previewUpdated = Signal()

    def __init__(
        self,
        journal: Journal,
        *,
        today: Callable[[], date] = date.today,
        choose_file: ChooseFile = ask_for_file,
        print_document: PrintDocument = print_with_dialog,
        write: WriteSummary = write_summary,
        preview_delay_ms: int = 250,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._today = today
        self._choose_file = choose_file
        self._print_document = print_document
        self._write = write
        self.review: PrivacyReviewDialog | None = None
        self.last_export: Path | None = None
        self.prepared: Prepared | None = None
        self.preview_current = False
        self._checking: Prepared | None = None
        self._purpose: _Purpose | None = None
        self._preview_ticket = 0
        self._task_ticket = 0
        self._write_ticket = 0
        self._write_path: Path | None = None
        self._builder = BackgroundCall(BUILD_BUG, self)
        self._builder.finished.connect(self._built)
        self._builder.failed.connect(self._build_failed)
        self._writer = BackgroundCall(WRITE_BUG, self)
        self._writer.finished.connect(self._written)
        self._writer.failed.connect(self._write_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(preview_delay_ms)
        self._timer.timeout.connect(self._rebuild_preview)
        self.highlighter = PrivacyHighlighter(self.wants_edit.document())
        self._fill_defaults()
        self._connect()
        self._rebuild_preview()

    # -- choices -------------------------------------------------------------------------

    def _fill_defaults(self) -> None:
        today = self._today()
        since, until = SummaryService(self._journal).default_period(today)
        coming = SummaryService(self._journal).next_session(today)
        self.since_edit.setDate(to_qdate(since))
        self.until_edit.setDate(to_qdate(until))
        self.name_edit.setText(self._journal.sharing.card_name())
        self.role_edit.setText(DEFAULT_ROLE)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(coming.kind.value))
        self.session_date.setDate(to_qdate(coming.day))
        self.wants_edit.setPlainText(coming.wants)
        self._load_choices()

    def _connect(self) -> None:
        self.since_edit.dateChanged.connect(self._period_changed)
        self.until_edit.dateChanged.connect(self._period_changed)
        for signal in (
            self.name_edit.textChanged,
            self.role_edit.textChanged,
            self.programme_edit.textChanged,
            self.kind_combo.currentIndexChanged,
            self.session_date.dateChanged,
            self.wants_edit.textChanged,
            self.choices.choicesChanged,
            self.insights_check.toggled,
        ):
            signal.connect(self._inputs_changed)
        self.export_button.clicked.connect(self.export)
        self.print_button.clicked.connect(self.print_summary)
        self.close_button.clicked.connect(self.reject)

    def _load_choices(self) -> None:
        since, until = self._period()
        if since > until:
            return
        try:
            groups = choice_groups(self._journal, since, until)
            cycles, entries = SummaryService(self._journal).default_selection(since, until)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        ticked = {f"cycle:{c}" for c in cycles} | {f"entry:{e}" for e in entries}
        self.choices.set_groups(groups, ticked)
        self.choice_view.expandAll()
        self.choice_empty.setVisible(not groups)

    def _period(self) -> tuple[date, date]:
        return from_qdate(self.since_edit.date()), from_qdate(self.until_edit.date())

    def options(self) -> SummaryOptions | None:
        """What the participant chose; None (with a message shown) when it cannot be used."""
        since, until = self._period()
        if since > until:
            self.error.show_message(BAD_PERIOD)
            return None
        cycle_ids, entry_ids = self.choices.ticked()
        return SummaryOptions(
            since=since,
            until=until,
            role=self.role_edit.text().strip() or DEFAULT_ROLE,
            name=self.name_edit.text().strip(),
            programme=self.programme_edit.text().strip(),
            session_kind=SessionKind(str(self.kind_combo.currentData())),
            session_date=from_qdate(self.session_date.date()),
            wants=self.wants_edit.toPlainText(),
            cycle_ids=cycle_ids,
            entry_ids=entry_ids,
            insights=self.insights_check.isChecked(),
        )

    def summary_format(self) -> SummaryFormat:
        """The format chosen for export."""
        return SummaryFormat(str(self.format_combo.currentData()))

    @Slot()
    def _period_changed(self) -> None:
        # A new period brings its own defaults: flagged items and cycles reviewed in it.
        self._load_choices()
        self._inputs_changed()

    @Slot()
    def _inputs_changed(self) -> None:
        self.preview_current = False
        self._timer.start()

    # -- preview -------------------------------------------------------------------------

    @Slot()
    def _rebuild_preview(self) -> None:
        self.preview_current = False
        options = self.options()
        if options is None:
            return
        self.error.show_message("")
        self._preview_ticket = self._builder.start(
            partial(prepare, self._journal, options, self._today())
        )

    @Slot(int, object)
    def _built(self, ticket: int, result: object) -> None:
        assert isinstance(result, Prepared)
        if ticket == self._preview_ticket:
            self._show_preview(result)
        if ticket == self._task_ticket:
            self._task_ticket = 0
            self._review(result)

    @Slot(int, str)
    def _build_failed(self, ticket: int, message: str) -> None:
        self.error.show_message(message)
        if ticket == self._task_ticket:
            self._task_ticket = 0
            self._finish("")

    def _show_preview(self, prepared: Prepared) -> None:
        self.prepared = prepared
        scrolled = self.preview.verticalScrollBar().value()
        self.preview.setHtml(qt_html(prepared.summary))
        self.preview.verticalScrollBar().setValue(scrolled)
        self.preview_note.setText(findings_note(len(prepared.findings)))
        self.preview_current = not self._timer.isActive()
        self.previewUpdated.emit()

    # -- export and print ----------------------------------------------------------------

    @Slot()
    def export(self) -> None:
        """Check the summary for privacy, ask where to save it, then write it off the GUI thread."""
        self._start(_Purpose.EXPORT)

    @Slot()
    def print_summary(self) -> None:
        """Check the summary for privacy, then print it."""
        self._start(_Purpose.PRINT)

    def _start(self, purpose: _Purpose) -> None:
        if self._purpose is not None:
            return
        options = self.options()
        if options is None:
            return
        self.error.show_message("")
        self._timer.stop()
        self._purpose = purpose
        self._set_busy(PREPARING)
        self._task_ticket = self._builder.start(
            partial(prepare, self._journal, options, self._today())
        )
        self._preview_ticket = self._task_ticket

    def _review(self, prepared: Prepared) -> None:
        if not prepared.findings:
            self._carry_on(prepared.summary)
            return
        self._checking = prepared
        self.status_label.setText(REVIEWING)
        self.review = PrivacyReviewDialog(prepared.findings, prepared.summary, self)
        self.review.finished.connect(self._reviewed)
        self.review.open()

    @Slot(int)
    def _reviewed(self, result: int) -> None:
        review, self.review = self.review, None
        prepared, self._checking = self._checking, None
        if review is None or prepared is None or result != QDialog.DialogCode.Accepted:
            self._finish(REVIEW_CANCELLED)
            return
        self._carry_on(apply_redactions(prepared.summary, review.to_redact()))

    def _carry_on(self, summary: SupervisionSummary) -> None:
        if self._purpose is _Purpose.PRINT:
            self._print(summary)
        else:
            self._ask_and_write(summary)

    def _print(self, summary: SupervisionSummary) -> None:
        done = self._print_document(self, summary_document(summary))
        self._finish(PRINTED if done else NOT_PRINTED)
        if done:
            self.printed.emit()

    def _ask_and_write(self, summary: SupervisionSummary) -> None:
        fmt = self.summary_format()
        options = self.options()
        day = options.session_date if options and options.session_date else self._today()
        kind = options.session_kind if options else SessionKind.SUPERVISION
        path = self._choose_file(self, suggested_name(kind, day, fmt), fmt)
        if path is None:
            self._finish(NOT_EXPORTED)
            return
        self._write_path = path
        self._set_busy(f"Writing {path.name}…")
        self._write_ticket = self._writer.start(partial(self._write, summary, fmt, path))

    @Slot(int, object)
    def _written(self, ticket: int, _result: object) -> None:
        path = self._write_path
        if ticket != self._write_ticket or path is None:
            return
        self.last_export = path
        self._finish(f"Saved to {path}")
        self.summaryExported.emit(str(path))

    @Slot(int, str)
    def _write_failed(self, ticket: int, message: str) -> None:
        if ticket != self._write_ticket:
            return
        self._finish("")
        self.error.show_message(f"{message} Nothing was saved.")

    def _set_busy(self, text: str) -> None:
        self.busy_bar.show()
        self.status_label.setText(text)
        for button in (self.export_button, self.print_button):
            button.setEnabled(False)

    def _finish(self, text: str) -> None:
        self._purpose = None
        self.busy_bar.hide()
        self.status_label.setText(text)
        for button in (self.export_button, self.print_button):
            button.setEnabled(True)

    @property
    def busy(self) -> bool:
        """True while preparing, checking, writing or printing."""
        return self._purpose is not None

    def done(self, result: int) -> None:
        """Close: wait for a file being written so it is never left half-done."""
        self._timer.stop()
        if self.review is not None:
            self.review.reject()
        self._builder.wait()
        self._writer.wait()
        super().done(result)
