"""Share with coach: pick the coach and what goes, see it, pass the privacy check, save the file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from app.errors import JournalError
from app.journal import Journal
from app.sharing.contacts import ContactRecord, Role
from app.sharing.content import SharedRecord
from app.sharing.exchange import (
    make_share,
    marked_for_coach,
    privacy_findings,
    record_sent,
    unsent_reply_count,
)
from app.storage.files import write_atomically
from app.summary.privacy import LocatedFinding, apply_redactions
from app.ui.cycles.item_list import ListItem
from app.ui.sharing.files import PickFile, share_request
from app.ui.sharing.share_items import ShareCandidate, share_candidates
from app.ui.sharing.share_view import ShareDialogView
from app.ui.sharing.words import shared_message
from app.ui.summary.privacy_review import PrivacyReviewDialog
from app.words import counted

REVIEW_CANCELLED = "Nothing was saved: the privacy check was cancelled."
SHARE_SIZE = QSize(860, 640)
NO_COACH_SIZE = QSize(620, 230)
NOT_SAVED = "Nothing was saved."
_FIELDS = {"title": "title", "body": "text", "tags": "tags"}


@dataclass(frozen=True)
class OpenItem:
    """The entry or cycle the window has open, offered as what to share."""

    kind: str
    id: str
    title: str


def place_in_share(records: tuple[SharedRecord, ...], located: LocatedFinding) -> str:
    """Where a finding is, in words: "“Huddle” › text" or "“Bay 4” › Action"."""
    path = located.path
    record = records[int(path[0])]
    where = f"“{record.title}”"
    if len(path) > 3 and path[1] == "stages":
        stage = record.stages[int(path[2])]
        return f"{where} › {stage.title}" + (" (title)" if path[3] == "title" else "")
    return f"{where} › {_FIELDS.get(str(path[1]), str(path[1]))}"


class ShareDialog(ShareDialogView):
    """Makes a share package for one coach from the ticked entries and cycles.

    Constructor: ShareDialog(journal, pick_file=..., today=date.today, open_item=None,
    prefer_open=False, parent=None). `open_item` is offered as an alternative to everything
    marked "Share with coach"; with `prefer_open` it is chosen at first. While the privacy
    check is open, `review` is that PrivacyReviewDialog; nothing is written if it is
    cancelled. The dialog deletes itself when closed.

    Signals: shared(str) with the sentence to show once the file is saved;
    addCoachRequested() when the person wants to add a coach's card.
    """

    shared = Signal(str)
    addCoachRequested = Signal()

    def __init__(
        self,
        journal: Journal,
        *,
        pick_file: PickFile,
        today: Callable[[], date] = date.today,
        open_item: OpenItem | None = None,
        prefer_open: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._journal = journal
        self._pick_file = pick_file
        self._today = today
        self._open_item = open_item
        self._coaches: dict[str, ContactRecord] = {}
        self._pending: tuple[ContactRecord, tuple[SharedRecord, ...]] | None = None
        self._loading = False
        self._replies = 0
        self.review: PrivacyReviewDialog | None = None

        if open_item is not None:
            kind = "entry" if open_item.kind == "entry" else "cycle"
            self.selected_button.setText(f"The {kind} you have open: “{open_item.title}”")
        self.selected_button.setVisible(open_item is not None)
        marked = self._marked()
        self.marked_button.setText(
            f"Everything marked “Share with coach” ({sum(map(len, marked))})"
        )
        use_open = open_item is not None and (prefer_open or not any(marked))
        (self.selected_button if use_open else self.marked_button).setChecked(True)

        self.coach_list.currentIdChanged.connect(self._reload_items)
        self.scope.buttonToggled.connect(self._scope_changed)
        self.items_model.tickedChanged.connect(self._update_count)
        self.items_model.modelReset.connect(self._update_count)
        selection = self.items_view.selectionModel()
        selection.currentChanged.connect(self._show_preview)
        self.save_button.clicked.connect(self.save)
        self.add_coach_button.clicked.connect(self.addCoachRequested)
        self.another_coach_button.clicked.connect(self.addCoachRequested)
        self.refresh_coaches()

    # -- what the dialog shows ------------------------------------------------------------

    def coach(self) -> ContactRecord | None:
        """The coach chosen."""
        chosen = self.coach_list.current_id()
        return self._coaches.get(chosen) if chosen else None

    def refresh_coaches(self, select: str = "") -> None:
        """Read the coaches again (one was added), choosing `select` if given."""
        previous = select or (self.coach_list.current_id() or "")
        try:
            coaches = self._journal.sharing.contacts(Role.COACH)
        except JournalError as exc:
            self.error.show_message(str(exc))
            coaches = []
        self._coaches = {c.fingerprint: c for c in coaches}
        has_coach = bool(coaches)
        page = self.SHARE_PAGE if has_coach else self.NO_COACH_PAGE
        if page != self.pages.currentIndex() or not self.isVisible():
            self.resize(SHARE_SIZE if has_coach else NO_COACH_SIZE)
        self.pages.setCurrentIndex(page)
        self.save_button.setVisible(has_coach)
        self.cancel_button.setText("Cancel" if has_coach else "&Close")
        self.cancel_button.setAccessibleName("Cancel: nothing is saved" if has_coach else "Close")
        self._loading = True
        try:
            self.coach_list.set_items(
                [ListItem(c.fingerprint, c.name, f"Fingerprint {c.fingerprint}") for c in coaches]
            )
            if previous in self._coaches:
                self.coach_list.select_id(previous)
            elif coaches:
                self.coach_list.select_id(coaches[0].fingerprint)
        finally:
            self._loading = False
        self._reload_items()
        (self.save_button if has_coach else self.add_coach_button).setFocus()

    def _marked(self) -> tuple[list[str], list[str]]:
        try:
            return marked_for_coach(self._journal)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return [], []

    @Slot()
    def _reload_items(self) -> None:
        if self._loading:
            return
        coach = self.coach()
        candidates: list[ShareCandidate] = []
        self._replies = 0
        open_item = self._open_item
        if coach is not None:
            if self.selected_button.isChecked() and open_item is not None:
                is_entry = open_item.kind == "entry"
                entries, cycles = ([open_item.id], []) if is_entry else ([], [open_item.id])
            else:
                entries, cycles = self._marked()
            try:
                candidates = share_candidates(self._journal, coach.fingerprint, entries, cycles)
                replies = unsent_reply_count(self._journal, coach.fingerprint)
            except JournalError as exc:
                self.error.show_message(str(exc))
                replies = 0
            self.replies_note.setText(
                f"Also going: {counted(replies, 'reply', 'replies')} to {coach.name}'s "
                "comments (each was checked when you saved it)."
                if replies
                else ""
            )
            self.replies_note.setVisible(bool(replies))
            self._replies = replies
        self.items_model.set_candidates(candidates)
        self.empty_note.setVisible(not candidates and self.marked_button.isChecked())
        if candidates:
            self.items_view.setCurrentIndex(self.items_model.index(0))
        else:
            self.preview.clear()

    @Slot(QAbstractButton, bool)
    def _scope_changed(self, _button: QAbstractButton, checked: bool) -> None:
        if checked:
            self._reload_items()

    @Slot(QModelIndex, QModelIndex)
    def _show_preview(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self.preview.clear()
            return
        record = self.items_model.candidate(current.row()).record
        self.preview.show_markdown(record.content(), record.title)

    @Slot()
    def _update_count(self) -> None:
        ticked, total = len(self.items_model.ticked()), self.items_model.rowCount()
        if total:
            self.count_label.setText(f"{ticked} of {counted(total, 'item', 'items')} will go.")
        else:
            self.count_label.setText("")
        self.save_button.setEnabled(ticked > 0 or self._replies > 0)

    # -- saving -------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Check what is ticked for privacy, then ask where to save it and write it."""
        coach = self.coach()
        ticked = self.items_model.ticked()
        if coach is None or self.review is not None:
            return
        if not ticked and not self._replies:
            self.error.show_message("Tick at least one entry or cycle to share.")
            return
        self.error.show_message("")
        records = tuple(c.record for c in ticked)
        findings = privacy_findings(records)
        if not findings:
            self._write(coach, records)
            return
        self._pending = (coach, records)
        self.review = PrivacyReviewDialog(
            findings, None, self, where=partial(place_in_share, records), subject="share"
        )
        self.review.finished.connect(self._reviewed)
        self.review.open()

    @Slot(int)
    def _reviewed(self, result: int) -> None:
        review, self.review = self.review, None
        pending, self._pending = self._pending, None
        if review is None or pending is None or result != QDialog.DialogCode.Accepted:
            self.error.show_message(REVIEW_CANCELLED)
            return
        coach, records = pending
        self._write(coach, apply_redactions(records, review.to_redact()))

    def _write(self, coach: ContactRecord, records: tuple[SharedRecord, ...]) -> None:
        path = self._pick_file(self, share_request(coach.name, self._today()))
        if path is None:
            self.error.show_message(NOT_SAVED)
            return
        try:
            outgoing = make_share(self._journal, coach, list(records))
            write_atomically(path, outgoing.data)
            record_sent(self._journal, outgoing)
        except JournalError as exc:
            self.error.show_message(f"{exc} {NOT_SAVED}")
            return
        self.shared.emit(shared_message(len(records), len(outgoing.notes), coach.name, path.name))
        self.accept()

    def done(self, result: int) -> None:
        """Close, closing the privacy check with it."""
        if self.review is not None:
            self.review.reject()
        super().done(result)
