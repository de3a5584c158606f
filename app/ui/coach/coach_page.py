"""The Coaching view: read what participants shared, comment, tick "discussed", send feedback.

Everything goes through the core (app.sharing.workspace and app.sharing.exchange); the item
list is read on a worker thread, one item and its comments on the spot.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.workspace import ParticipantSummary, WorkspaceService
from app.summary.privacy import apply_redactions, find_in
from app.ui.coach.coach_layout import CoachLayout
from app.ui.coach.feedback import save_feedback
from app.ui.coach.item_loader import ItemLoader, ItemsRead
from app.ui.coach.participant_insights import ParticipantInsightsDialog
from app.ui.coach.rows import (
    ALL_ID,
    ItemKey,
    SharedRow,
    participant_items,
    participant_label,
)
from app.ui.coach.verify_dialog import VerifyParticipantDialog
from app.ui.privacy.review import PrivacyReviewDialog
from app.ui.widgets.dates import local_text
from app.ui.widgets.file_pickers import PickFile, feedback_request, pick_with_dialog
from app.ui.widgets.messages import Confirm, ask_to_confirm
from app.ui.widgets.read_when_shown import ReadWhenShown
from app.ui.widgets.settings import remember_participant, remembered_participant

NOTHING_MATCHES = "Nothing matches. Try fewer words, another domain or all participants."
NOTHING_TO_DISCUSS = "Everything here has been discussed."
COMMENT_ADDED = "Comment added. It goes to {name} in the next feedback package."
COMMENT_NOT_CHECKED = (
    "The comment was not added: it could identify someone until each finding is redacted or "
    "kept. It is still in the box."
)
CHANGE_NOT_CHECKED = (
    "The comment was not changed: it could identify someone until each finding is redacted "
    "or kept. The change is still in the box."
)
COMMENT_CHANGED = "Comment changed. It goes to {name} in the next feedback package."
WITHDRAW_TITLE = "Withdraw comment"
WITHDRAW_QUESTION = (
    "Withdraw your comment of {when} (“{start}”)? It has not been sent, so {name} will never "
    "see it. It cannot be brought back."
)
COMMENT_WITHDRAWN = "Comment withdrawn: it will not go to {name}."
VERIFIED = "{name} is verified: the fingerprints matched, so their shares are from them."
NOT_SAVED = "The feedback package was not saved: {reason} Nothing was marked as sent."


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


class CoachPage(CoachLayout):
    """The coach's workspace, read fresh with `refresh()` (also after a share is imported).

    Constructor: CoachPage(journal, settings, today=date.today,
    pick_file=pick_with_dialog, confirm=ask_to_confirm, parent=None); `pick_file` asks where
    to save a feedback package, `confirm` whether to withdraw a comment.

    Signals: itemsShown() each time the item list has been read and shown; countsRead() each
    time the participants' counts have been read again (after anything here changed them).
    """

    itemsShown = Signal()
    countsRead = Signal()

    def __init__(
        self,
        journal: Journal,
        settings: QSettings,
        *,
        today: Callable[[], date] = date.today,
        pick_file: PickFile = pick_with_dialog,
        confirm: Confirm = ask_to_confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._settings = settings
        self._today = today
        self._pick_file = pick_file
        self._confirm = confirm
        self.review: PrivacyReviewDialog | None = None
        self.verifying: VerifyParticipantDialog | None = None
        self._pending = ("", "", "")  # body, stage id, and the comment id when changing one
        self._people: dict[str, ParticipantSummary] = {}
        self._chosen = remembered_participant(settings)
        self._current: ItemKey | None = None
        self._new_ids: set[str] = set()
        self._filling = False
        self._retry: Callable[[], None] = self.refresh
        self.loader = ItemLoader(journal, self)
        self.loader.loaded.connect(self._items_loaded)
        self.loader.failed.connect(self._load_failed)
        self.participant_list.currentIdChanged.connect(self._participant_chosen)
        self.filter_bar.filtersChanged.connect(self._load_items)
        self.item_list.itemChosen.connect(self._item_chosen)
        self.reader.discussedToggled.connect(self._discussed)
        self.reader.stageCommentRequested.connect(self.conversation.comment_on_stage)
        self.conversation.commentRequested.connect(self._add_comment)
        self.conversation.changeRequested.connect(self._change_comment)
        self.conversation.withdrawRequested.connect(self._withdraw_comment)
        self.header.feedback_button.clicked.connect(self.make_feedback_package)
        self.header.verify_button.clicked.connect(self.verify_participant)
        self.header.insights_button.clicked.connect(self.show_insights)
        self.insights: ParticipantInsightsDialog | None = None
        self.message_bar.retryRequested.connect(self._try_again)
        self._reading = ReadWhenShown(self, self.refresh)

    # -- what the window asks ---------------------------------------------------------------

    def mark_stale(self) -> None:
        """Something arrived while the page was hidden: read again when it is next shown."""
        self._reading.done = False

    @Slot()
    def refresh(self) -> None:
        """Read the participants, their counts and balance, and the items, again."""
        self._reading.mark_read()
        if not self._read_participants():
            return
        self.message_bar.clear()
        has_items = any(p.items for p in self._people.values())
        self.setCurrentIndex(self.WORK_PAGE if has_items else self.EMPTY_PAGE)
        self._load_items()

    def focus_first(self) -> None:
        """Put the keyboard focus on the participants (or the explanation, when empty)."""
        target = self.participant_list if self.currentIndex() == self.WORK_PAGE else None
        (target or self.empty_label).setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def chosen_participant(self) -> str:
        """The fingerprint of the participant chosen ("" for all)."""
        return self._chosen

    def choose_participant(self, fingerprint: str) -> bool:
        """Choose a participant ("" for all); False if they are not listed."""
        return self.participant_list.select_id(fingerprint)

    @property
    def busy(self) -> bool:
        """True while the item list is being read."""
        return self.loader.busy

    def shut_down(self) -> None:
        """The window is closing: close the privacy check, let a read in progress finish."""
        if self.review is not None:
            self.review.reject()
        if self.verifying is not None:
            self.verifying.reject()
        self.loader.wait()

    # -- participants -----------------------------------------------------------------------

    def _read_participants(self) -> bool:
        """Read participants and counts into the list and header; False (shown) on failure."""
        try:
            people = WorkspaceService(self._journal).participants()
        except JournalError as exc:
            self._problem(str(exc))
            return False
        self._people = {p.fingerprint: p for p in people}
        if self._chosen not in self._people:
            self._chosen = ALL_ID
        items = participant_items(people)
        listed = self.participant_list
        if listed.ids() == [i.id for i in items]:
            for item in items:  # the same people: new counts in place, the list stays still
                listed.list_model.update(item)
        else:
            self._filling = True
            listed.set_items(items)
            listed.select_id(self._chosen)
            self._filling = False
        self._show_header()
        self.countsRead.emit()
        return True

    def _show_header(self) -> None:
        chosen = self._people.get(self._chosen)
        self.header.show_participant(chosen, list(self._people.values()))
        try:
            self.header.show_balance(
                WorkspaceService(self._journal).domain_balance(
                    chosen.fingerprint if chosen else None
                )
            )
        except JournalError as exc:
            self._problem(str(exc))

    @Slot(str)
    def _participant_chosen(self, fingerprint: str) -> None:
        if self._filling or fingerprint == self._chosen:
            return
        self._chosen = fingerprint
        remember_participant(self._settings, fingerprint)
        self._show_header()
        self._load_items()

    # -- the item list ----------------------------------------------------------------------

    @Slot()
    def _load_items(self) -> None:
        self.loader.request(self.filter_bar.shared_filter(self._chosen or None))

    @Slot(object)
    def _items_loaded(self, read: ItemsRead) -> None:
        names = {p.fingerprint: participant_label(p) for p in self._people.values()}
        rows = [
            SharedRow(r, names.get(r.participant, "A participant"), read.unread.get(r.item_id, 0))
            for r in read.items
        ]
        kept = self.item_list.set_rows(rows, self._current)
        if not kept:
            self._current = None
            self._new_ids = set()
            self.reader.show_nothing()
            self.conversation.show_nothing()
        elif self._current is not None:
            row = self.item_list.row_for(self._current)
            if row is not None and (row.record != self.reader.item or row.unread):
                self._show_item(self._current)  # a new version or reply came in: show it
        if not rows:
            everything_discussed = read.where.to_discuss_only and not read.where.text.strip()
            self.no_items_label.setText(
                NOTHING_TO_DISCUSS if everything_discussed else NOTHING_MATCHES
            )
        self.no_items_label.setVisible(not rows)
        self.itemsShown.emit()

    # -- one item ---------------------------------------------------------------------------

    @Slot(str)
    def _item_chosen(self, key_text: str) -> None:
        self._show_item(ItemKey.parse(key_text))

    def _show_item(self, key: ItemKey) -> None:
        fresh = key != self._current
        try:
            record = WorkspaceService(self._journal).shared_item(key.participant, key.item_id)
            comments = [
                c
                for c in ExchangeService(self._journal).comments_on(key.item_id)
                if c.contact == key.participant
            ]
        except JournalError as exc:
            self._problem(str(exc))
            return
        unread = {c.id for c in comments if not c.mine and not c.read}
        self._new_ids = unread if fresh else self._new_ids | unread
        self._current = key
        person = self._people.get(key.participant)
        name = person.name if person is not None else "A participant"
        row = SharedRow(record, participant_label(person) if person else name, 0)
        self.reader.show_row(row)
        self.conversation.show_thread(record, comments, name, self._new_ids)
        self.item_list.update_row(row)
        if unread:
            try:
                WorkspaceService(self._journal).mark_replies_read(key.participant, key.item_id)
            except JournalError as exc:
                self._problem(str(exc))
            self._read_participants()

    @Slot(bool)
    def _discussed(self, discussed: bool) -> None:
        key = self._current
        if key is None:
            return
        try:
            WorkspaceService(self._journal).mark_discussed(key.participant, key.item_id, discussed)
        except JournalError as exc:
            self._problem(str(exc))
        self._show_item(key)
        self._read_participants()

    @Slot(str, str)
    def _add_comment(self, body: str, stage_id: str) -> None:
        """Check the comment for privacy (it will leave this computer), then keep it."""
        self._check_then_keep(body, stage_id, "")

    @Slot(str, str)
    def _change_comment(self, comment_id: str, body: str) -> None:
        """Check the changed words for privacy, as a new comment's, then keep them."""
        self._check_then_keep(body, "", comment_id)

    def _check_then_keep(self, body: str, stage_id: str, comment_id: str) -> None:
        if self._current is None or self.review is not None:
            return
        findings = find_in(body)
        if not findings:
            self._keep(body, stage_id, comment_id)
            return
        self._pending = (body, stage_id, comment_id)
        self.review = PrivacyReviewDialog(
            findings, None, self, where=lambda _f: "your comment", subject="comment"
        )
        self.review.finished.connect(self._reviewed)
        self.review.open()

    @Slot(int)
    def _reviewed(self, result: int) -> None:
        review, self.review = self.review, None
        (body, stage_id, comment_id), self._pending = self._pending, ("", "", "")
        if review is None or result != QDialog.DialogCode.Accepted:
            self.conversation.show_error(CHANGE_NOT_CHECKED if comment_id else COMMENT_NOT_CHECKED)
            return
        self._keep(apply_redactions(body, review.to_redact()), stage_id, comment_id)

    def _keep(self, body: str, stage_id: str, comment_id: str) -> None:
        if comment_id:
            self._keep_change(comment_id, body)
        else:
            self._keep_comment(body, stage_id)

    def _keep_change(self, comment_id: str, body: str) -> None:
        key = self._current
        if key is None:
            return
        try:
            ExchangeService(self._journal).edit_pending_comment(comment_id, body)
        except JournalError as exc:
            self._show_item(key)  # sent or gone meanwhile: show it as it is now
            self.conversation.show_error(_sentence(str(exc)))  # the words stay in the box
            return
        self.conversation.change_kept()
        self._show_item(key)
        self._read_participants()
        self._notice(COMMENT_CHANGED.format(name=self._name_of(key.participant)))

    @Slot(str)
    def _withdraw_comment(self, comment_id: str) -> None:
        """Ask, then withdraw a comment that has not been sent."""
        key = self._current
        comment = self.conversation.chosen_unsent()
        if key is None or comment is None or comment.id != comment_id:
            return
        start = " ".join(comment.body.split())
        question = WITHDRAW_QUESTION.format(
            when=local_text(comment.created),
            start=start if len(start) <= 60 else start[:59] + "…",
            name=self._name_of(key.participant),
        )
        if not self._confirm(self, WITHDRAW_TITLE, question):
            return
        try:
            ExchangeService(self._journal).withdraw_pending_comment(comment_id)
        except JournalError as exc:
            self._show_item(key)
            self.conversation.show_error(_sentence(str(exc)))
            return
        self._show_item(key)
        self.conversation.comment_withdrawn()
        self._read_participants()
        self._notice(COMMENT_WITHDRAWN.format(name=self._name_of(key.participant)))

    def _name_of(self, fingerprint: str) -> str:
        person = self._people.get(fingerprint)
        return person.name if person else "the participant"

    def _keep_comment(self, body: str, stage_id: str) -> None:
        key = self._current
        if key is None:
            return
        try:
            ExchangeService(self._journal).write_comment(
                key.participant, key.item_id, body, stage_id=stage_id
            )
        except JournalError as exc:
            self.conversation.show_error(f"{_sentence(str(exc))} The comment was not added.")
            return
        self.conversation.comment_added()
        self._show_item(key)
        self._read_participants()
        person = self._people.get(key.participant)
        self._notice(COMMENT_ADDED.format(name=person.name if person else "the participant"))

    # -- feedback ---------------------------------------------------------------------------

    @Slot()
    def make_feedback_package(self) -> None:
        """Ask where to save the chosen participant's new comments, then save them there."""
        person = self._people.get(self._chosen)
        if person is None or not person.unsent_comments:
            return
        path = self._pick_file(self, feedback_request(person.name, self._today()))
        if path is None:
            return
        try:
            saved = save_feedback(self._journal, person.fingerprint, path)
        except JournalError as exc:
            self._problem(NOT_SAVED.format(reason=_sentence(str(exc))), self.make_feedback_package)
            return
        self.message_bar.clear()
        self._notice(saved.message)
        self._read_participants()
        if self._current is not None and self._current.participant == person.fingerprint:
            self._show_item(self._current)  # its comments now say "sent"

    # -- insights ---------------------------------------------------------------------------

    @Slot()
    def show_insights(self) -> None:
        """Open the chosen participant's Insights, counted from what they shared."""
        person = self._people.get(self._chosen)
        if person is None:
            return
        if self.insights is not None and self.insights.participant == person.fingerprint:
            self.insights.raise_()
            self.insights.activateWindow()
            return
        if self.insights is not None:
            self.insights.close()
        self.insights = ParticipantInsightsDialog(
            self._journal,
            person.fingerprint,
            person.name,
            self._settings,
            today=self._today,
            parent=self,
        )
        self.insights.openItem.connect(self._open_from_insights)
        self.insights.destroyed.connect(self._insights_closed)
        self.insights.show()

    @Slot(str)
    def _open_from_insights(self, item_id: str) -> None:
        if self.insights is not None:
            self._show_item(ItemKey(self.insights.participant, item_id))
            self.activateWindow()
            self.reader.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _insights_closed(self) -> None:
        self.insights = None

    # -- verifying --------------------------------------------------------------------------

    @Slot()
    def verify_participant(self) -> None:
        """Show the chosen participant's fingerprint to compare aloud, and verify on a match."""
        person = self._people.get(self._chosen)
        if person is None or person.verified or self.verifying is not None:
            return
        self.verifying = VerifyParticipantDialog(person.name, person.fingerprint, self)
        self.verifying.finished.connect(self._verify_finished)
        self.verifying.open()

    @Slot(int)
    def _verify_finished(self, result: int) -> None:
        dialog, self.verifying = self.verifying, None
        if dialog is None or result != QDialog.DialogCode.Accepted:
            return
        try:
            person = self._journal.sharing.verify(dialog.fingerprint, dialog.fingerprint)
        except JournalError as exc:
            self._problem(str(exc))
            return
        self._notice(VERIFIED.format(name=person.name))
        self._read_participants()
        if self._current is not None:
            self._show_item(self._current)
        self._load_items()

    # -- messages ---------------------------------------------------------------------------

    def _notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    @Slot(str)
    def _load_failed(self, message: str) -> None:
        self._problem(message)

    def _problem(self, message: str, retry: Callable[[], None] | None = None) -> None:
        self._retry = retry or self.refresh
        self._notice("")
        self.message_bar.show_problem(message)

    @Slot()
    def _try_again(self) -> None:
        self.message_bar.clear()
        self._retry()
