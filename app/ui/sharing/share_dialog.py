"""Share with coach: pick the coach and what goes, see it, pass the privacy check, save the file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtWidgets import QAbstractButton, QDialog, QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.content import SharedRecord
from app.sharing.exchange import ExchangeService
from app.sharing.records import ContactRecord, Role
from app.summary.privacy import LocatedFinding, apply_redactions
from app.ui.privacy.review import PrivacyReviewDialog
from app.ui.sharing.share_items import OpenItem, ShareCandidate
from app.ui.sharing.share_view import ShareDialogView
from app.ui.sharing.share_work import SavedShare, ShareWork, WhatGoes, WhatGoesQuery
from app.ui.sharing.words import shared_message
from app.ui.widgets.file_pickers import PickFile, share_request
from app.ui.widgets.item_list import ListItem
from app.ui.widgets.screen_fit import resize_within_screen
from app.words import counted

REVIEW_CANCELLED = "Nothing was saved: the privacy check was cancelled."
SHARE_SIZE = QSize(860, 640)
NO_COACH_SIZE = QSize(620, 230)
NOT_SAVED = "Nothing was saved."
READING = "Reading what will go…"
CHECKING = "Checking for anything that could identify a patient or colleague…"
REVIEWING = "Choose what to redact or keep before anything is saved."
_READING, _SAVING = "reading", "saving"
_FIELDS = {"title": "title", "body": "text", "tags": "tags"}


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
    cancelled. Reading what goes, the check and the writing run on a worker (`work`):
    meanwhile `busy` is True, a busy bar and a status show, and Save is disabled (while
    saving, every choice is). The dialog deletes itself when closed.

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
        self._query: WhatGoesQuery | None = None
        self._step = ""
        self._closing = False
        self._focus_save = False
        self.review: PrivacyReviewDialog | None = None
        self.work = ShareWork(journal, self)
        self.work.read.connect(self._read)
        self.work.readFailed.connect(self._read_failed)
        self.work.checked.connect(self._checked)
        self.work.saved.connect(self._saved)
        self.work.saveFailed.connect(self._save_failed)

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
            size = SHARE_SIZE if has_coach else NO_COACH_SIZE
            resize_within_screen(self, size.width(), size.height())
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
        self._focus_save = has_coach  # once what goes is read and Save can take it
        (self.save_button if has_coach else self.add_coach_button).setFocus()

    def _marked(self) -> tuple[list[str], list[str]]:
        try:
            return ExchangeService(self._journal).marked_for_coach()
        except JournalError as exc:
            self.error.show_message(str(exc))
            return [], []

    @Slot()
    def _reload_items(self) -> None:
        """Read what goes for the coach and scope chosen, on the worker; rows come later."""
        if self._loading:
            return
        coach = self.coach()
        self._focus_save = False
        self._replies = 0
        self.replies_note.hide()
        self.empty_note.hide()
        self.items_model.set_candidates([])
        self.preview.clear()
        if coach is None:
            self._query = None
            self.empty_note.setVisible(self.marked_button.isChecked())
            if self._step == _READING:
                self._idle()
            return
        open_item = self._open_item
        use_open = self.selected_button.isChecked() and open_item is not None
        self._query = WhatGoesQuery(
            coach.fingerprint,
            (open_item.kind, open_item.id) if use_open and open_item is not None else None,
        )
        self._set_busy(READING)
        self.work.read_what_goes(self._query)

    @Slot(object)
    def _read(self, result: object) -> None:
        if not isinstance(result, WhatGoes) or result.query != self._query:
            return  # the coach or scope changed meanwhile: a newer read follows
        self._idle()
        coach = self._coaches.get(result.query.coach)
        replies = result.replies if coach is not None else 0
        self._replies = replies
        if coach is not None and replies:
            self.replies_note.setText(
                f"Also going: {counted(replies, 'reply', 'replies')} to {coach.name}'s "
                "comments (each was checked when you saved it)."
            )
        self.replies_note.setVisible(bool(replies))
        self._show_candidates(result.candidates)
        if self._focus_save:
            self._focus_save = False
            self.save_button.setFocus()

    @Slot(str)
    def _read_failed(self, message: str) -> None:
        self._idle()
        self.error.show_message(message)
        self._show_candidates([])

    def _show_candidates(self, candidates: list[ShareCandidate]) -> None:
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
        self.save_button.setEnabled(not self.busy and (ticked > 0 or self._replies > 0))

    # -- busy ---------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """True while reading what goes, or checking, reviewing or saving it."""
        return bool(self._step)

    def _set_busy(self, text: str, *, saving: bool = False) -> None:
        """Show work going on; Save waits for it, and while saving so does everything else."""
        self._step = _SAVING if saving else _READING
        self.busy_bar.show()
        self.status_label.setText(text)
        self.save_button.setEnabled(False)
        for control in self._choices():
            control.setEnabled(not saving)

    def _idle(self) -> None:
        self._step = ""
        self.busy_bar.hide()
        self.status_label.setText("")
        for control in self._choices():
            control.setEnabled(True)
        self._update_count()

    def _choices(self) -> list[QWidget]:
        return [
            self.coach_list,
            self.another_coach_button,
            self.selected_button,
            self.marked_button,
            self.items_view,
            self.cancel_button,
        ]

    # -- saving -------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Check what is ticked for privacy (on the worker), then ask where to save it."""
        coach = self.coach()
        ticked = self.items_model.ticked()
        if coach is None or self.review is not None or self.busy:
            return
        if not ticked and not self._replies:
            self.error.show_message("Tick at least one entry or cycle to share.")
            return
        self.error.show_message("")
        records = tuple(c.record for c in ticked)
        self._pending = (coach, records)
        self._set_busy(CHECKING, saving=True)
        self.work.check(records)

    @Slot(object)
    def _checked(self, findings: object) -> None:
        pending = self._pending
        if pending is None or not isinstance(findings, list) or self._closing:
            return
        coach, records = pending
        if not findings:
            self._pending = None
            self._ask_and_write(coach, records)
            return
        self.busy_bar.hide()
        self.status_label.setText(REVIEWING)
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
            self._idle()
            self.error.show_message(REVIEW_CANCELLED)
            return
        coach, records = pending
        self._ask_and_write(coach, apply_redactions(records, review.to_redact()))

    def _ask_and_write(self, coach: ContactRecord, records: tuple[SharedRecord, ...]) -> None:
        path = self._pick_file(self, share_request(coach.name, self._today()))
        if path is None:
            self._idle()
            self.error.show_message(NOT_SAVED)
            return
        self._set_busy(f"Saving {path.name}…", saving=True)
        self.work.save(coach, records, path)

    @Slot(object)
    def _saved(self, saved: object) -> None:
        if not isinstance(saved, SavedShare):
            return
        self._idle()
        self.shared.emit(shared_message(saved.items, saved.replies, saved.coach, saved.path.name))
        if not self._closing:
            self.accept()

    @Slot(str)
    def _save_failed(self, message: str) -> None:
        self._pending = None
        self._idle()
        self.error.show_message(f"{as_sentence(message)} {NOT_SAVED}")
        self.save_button.setFocus()

    def done(self, result: int) -> None:
        """Close, closing the privacy check with it. A read or save still running is waited
        for, so a package is never left half-written, nor written but not recorded as sent."""
        self._closing = True
        if self.review is not None:
            self.review.reject()
        self.work.wait()
        super().done(result)


def as_sentence(message: str) -> str:
    """The message ending in a full stop, to be followed by another sentence."""
    message = message.rstrip()
    return message if message.endswith((".", "!", "?")) else f"{message}."
