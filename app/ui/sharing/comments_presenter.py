"""What a comments panel does: show an item's thread, count comments as read once seen, reply."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog

from app.errors import JournalError
from app.sharing.records import CommentRecord
from app.ui.comments.comments_panel import CommentsPanel
from app.ui.widgets.dates import local_text

if TYPE_CHECKING:
    # The thread's HTML and the privacy check of a reply load when a thread is first shown or
    # a reply written, not with the window; the review dialog when first needed.
    from app.journal.opening import Journal
    from app.sharing.exchange import ExchangeService
    from app.summary.privacy import LocatedFinding
    from app.ui.comments.comment_thread import ThreadGroup
    from app.ui.privacy.review import PrivacyReviewDialog

WHOLE_CYCLE = "On the whole cycle"
REPLY_SAVED = "Reply saved. It goes to your coach in your next share."


@dataclass(frozen=True)
class StageInfo:
    """A stage of the cycle shown: its id and title."""

    id: str
    title: str


def _in_reply(_located: LocatedFinding) -> str:
    return "your reply"


def _when(comment: CommentRecord) -> str:
    return local_text(comment.created)


def _latest_from_coach(groups: Sequence[ThreadGroup]) -> CommentRecord | None:
    """The comment a reply answers at first: the coach's latest in the first group that has
    one (on a stage screen, that stage's)."""
    for group in groups:
        theirs = [c for c in group.comments if not c.mine]
        if theirs:
            return max(theirs, key=lambda c: c.created)
    return None


class CommentsPresenter(QObject):
    """Fills one CommentsPanel with the comments on an entry or cycle, and saves replies.

    Comments not read before are marked NEW, and counted as read once the panel has been on
    screen with them (they stay marked while the item stays open). With a cycle's stage on
    screen, that stage's comments come first, then those on the whole cycle. A reply answers
    the comment chosen (the latest at first) and waits for the next share; what could
    identify someone in it is checked before it is saved.

    Signals: readChanged() after comments were counted as read or a reply was saved;
    replySaved(str) with a sentence to show.
    """

    readChanged = Signal()
    replySaved = Signal(str)

    def __init__(self, journal: Journal, panel: CommentsPanel, parent: QObject | None = None):
        super().__init__(parent)
        self._journal = journal
        self.panel = panel
        self.item_id = ""
        self._stages: tuple[StageInfo, ...] = ()
        self._stage: str | None = None
        self._new: set[str] = set()
        self._unseen: set[str] = set()
        self._shown: dict[str, CommentRecord] = {}
        self._target: CommentRecord | None = None
        self._drafts: dict[str, str] = {}
        self._pending = ""
        self.review: PrivacyReviewDialog | None = None
        panel.replyChosen.connect(self._choose)
        panel.saveRequested.connect(self.save_reply)
        panel.shown.connect(self._mark_seen)

    def _exchange(self) -> ExchangeService:
        """The journal's comments (loaded when an item with comments is first shown: the ORM
        is not needed to open the window)."""
        from app.sharing.exchange import ExchangeService

        return ExchangeService(self._journal)

    # -- what is shown --------------------------------------------------------------------

    def show_item(
        self, item_id: str, stages: Sequence[StageInfo] = (), stage_id: str | None = None
    ) -> None:
        """Show the comments on an entry (no stages) or a cycle (at `stage_id`, or all)."""
        if item_id != self.item_id:
            self._drafts[self.item_id] = self.panel.reply_text()
            self.panel.reply_edit.setPlainText(self._drafts.pop(item_id, ""))
            self.panel.error.show_message("")
            self._new.clear()
            self._target = None
        self.item_id = item_id
        self._stages = tuple(stages)
        self._stage = stage_id or None
        self.refresh()

    def clear(self) -> None:
        """Nothing with comments is open."""
        self.show_item("")

    @Slot()
    def refresh(self) -> None:
        """Read the comments again (an import brought more, a reply was saved)."""
        if not self.item_id:
            self.panel.hide()
            return
        try:
            comments = self._exchange().comments_on(self.item_id)
            names = {c.fingerprint: c.name for c in self._journal.sharing.contacts()}
        except JournalError as exc:
            self.panel.error.show_message(str(exc))
            return
        if not comments:
            self.panel.hide()
            return
        from app.ui.comments.comment_thread import thread_html

        groups, elsewhere = self._groups(comments)
        shown = [c for g in groups for c in g.comments]
        self._shown = {c.id: c for c in shown}
        self._unseen = {c.id for c in shown if not c.read and not c.mine}
        self._new |= self._unseen
        self.panel.scope_label.setText(self._scope_words(len(shown), elsewhere))
        self.panel.show_thread(
            thread_html(
                groups,
                names=names,
                new=self._new,
                when=_when,
                style=self.panel.style_colours(),
            )
        )
        if self._target is None or self._target.id not in self._shown:
            self._target = _latest_from_coach(groups)
        self._show_target(names)
        self.panel.show()
        self._mark_seen()

    def _groups(self, comments: list[CommentRecord]) -> tuple[list[ThreadGroup], int]:
        """The groups to show, and how many comments are on other stages."""
        from app.ui.comments.comment_thread import ThreadGroup

        if not self._stages:
            return [ThreadGroup("", tuple(comments))], 0
        titles = {s.id: s.title for s in self._stages}
        general = tuple(c for c in comments if not c.stage_id)
        if self._stage is not None:
            here = tuple(c for c in comments if c.stage_id == self._stage)
            groups = [
                ThreadGroup(f"On this stage: {titles.get(self._stage, self._stage)}", here),
                ThreadGroup(WHOLE_CYCLE, general),
            ]
            elsewhere = len(comments) - len(here) - len(general)
            return [g for g in groups if g.comments], elsewhere
        groups = [ThreadGroup(WHOLE_CYCLE, general)]
        known = [s.id for s in self._stages]
        unknown = sorted({c.stage_id for c in comments if c.stage_id and c.stage_id not in titles})
        for stage_id in known + unknown:
            on_stage = tuple(c for c in comments if c.stage_id == stage_id)
            groups.append(ThreadGroup(f"On {titles.get(stage_id, stage_id)}", on_stage))
        return [g for g in groups if g.comments], 0

    def _scope_words(self, shown: int, elsewhere: int) -> str:
        if not elsewhere:
            return ""
        others = "1 more is on another stage" if elsewhere == 1 else f"{elsewhere} more are on "
        if elsewhere > 1:
            others += "other stages"
        lead = "" if shown else "No comments on this stage. "
        return f"{lead}{others}: read the whole cycle (Ctrl+R) to see every comment."

    def _show_target(self, names: dict[str, str]) -> None:
        target = self._target
        self.panel.reply_area.setVisible(target is not None)
        if target is None:
            return
        first_line = " ".join(target.body.split())
        if len(first_line) > 70:
            first_line = first_line[:69].rstrip() + "…"
        name = names.get(target.contact, "your coach")
        self.panel.reply_label.setText(f"Replying to {name}: “{first_line}”")

    @Slot(str)
    def _choose(self, comment_id: str) -> None:
        chosen = self._shown.get(comment_id)
        if chosen is not None and not chosen.mine:
            self._target = chosen
            try:
                names = {c.fingerprint: c.name for c in self._journal.sharing.contacts()}
            except JournalError:
                names = {}
            self._show_target(names)

    @Slot()
    def _mark_seen(self) -> None:
        if not self._unseen or not self.panel.isVisible():
            return
        seen, self._unseen = self._unseen, set()
        try:
            self._exchange().mark_read(self.item_id, seen)
        except JournalError as exc:
            self.panel.error.show_message(str(exc))
            return
        self.readChanged.emit()

    # -- replying -----------------------------------------------------------------------

    @Slot()
    def save_reply(self) -> None:
        """Check the reply for privacy, then keep it for the next share."""
        body = self.panel.reply_text()
        if self._target is None or self.review is not None:
            return
        if not body.strip():
            self.panel.error.show_message("Write your reply first.")
            return
        from app.summary.privacy import find_in

        findings = find_in(body)
        if not findings:
            self._write(body)
            return
        self._pending = body
        from app.ui.privacy.review import PrivacyReviewDialog

        self.review = PrivacyReviewDialog(
            findings, None, self.panel, where=_in_reply, subject="reply"
        )
        self.review.finished.connect(self._reviewed)
        self.review.open()

    @Slot(int)
    def _reviewed(self, result: int) -> None:
        review, self.review = self.review, None
        body, self._pending = self._pending, ""
        if review is None or result != QDialog.DialogCode.Accepted:
            self.panel.error.show_message("The reply was not saved; it is still in the box.")
            return
        from app.summary.privacy import apply_redactions

        self._write(apply_redactions(body, review.to_redact()))

    def _write(self, body: str) -> None:
        target = self._target
        if target is None:
            return
        try:
            self._exchange().write_comment(
                target.contact,
                self.item_id,
                body,
                stage_id=target.stage_id,
                reply_to=target.id,
            )
        except JournalError as exc:
            self.panel.error.show_message(str(exc))
            return
        self.panel.error.show_message("")
        self.panel.reply_edit.clear()
        self.refresh()
        self.readChanged.emit()
        self.replySaved.emit(REPLY_SAVED)

    def close_dialogs(self) -> None:
        """Close the privacy check (the window is closing)."""
        if self.review is not None:
            self.review.reject()
