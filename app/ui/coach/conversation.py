"""The comments on the chosen item, the box to add one (Markdown, Ctrl+Enter), and changing or
withdrawing one's own comments until a feedback package carries them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.sharing.records import CommentRecord
from app.sharing.workspace import SharedItemRecord
from app.ui.coach.item_html import thread_html
from app.ui.coach.unsent_row import UnsentRow
from app.ui.widgets.captions import heading
from app.ui.widgets.dates import local_text
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.text_size import fit_lines, follow_zoom

ADD_KEYS = ("Ctrl+Return", "Ctrl+Enter")
EMPTY_COMMENT = "The comment is empty: write something first. Nothing was added."
EMPTY_CHANGE = "The comment is empty: write something, or withdraw it. Nothing was changed."
PLACEHOLDER = "Write a comment for {name}. Markdown works (*emphasis*, lists). Ctrl+Enter adds it."
CHANGING = (
    "Changing your comment of {when}. Ctrl+Enter keeps the change; Escape leaves it as it was."
)


class Conversation(QWidget):
    """Comments and replies, oldest first, above a box for a new comment on the whole item or
    one stage of a cycle. An empty comment is refused, in words, and nothing is added.

    Below the thread, the coach's comments not yet sent can be chosen, then changed (their
    words come into the box) or withdrawn (the page asks first); sent ones are final.

    Signals: commentRequested(str body, str stage_id) when the person adds a comment ("" for
    the whole item); changeRequested(str comment_id, str body) when they keep a change;
    withdrawRequested(str comment_id) when they ask to withdraw one.
    """

    commentRequested = Signal(str, str)
    changeRequested = Signal(str, str)
    withdrawRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = heading("Comments", "Comments", 1.1)
        self.thread_view = PreviewBrowser()
        self.thread_view.setAccessibleName("Comments and replies")
        follow_zoom(self.thread_view)
        self.about_combo = QComboBox()
        self.about_combo.setAccessibleName("What the comment is about")
        about_label = QLabel("A&bout:")
        about_label.setBuddy(self.about_combo)
        self.edit = QPlainTextEdit()
        self.edit.setAccessibleName("New comment")
        self.edit.setTabChangesFocus(True)
        fit_lines(self.edit, 6, least=3)
        check_spelling(self.edit)
        self.edit.setPlaceholderText(PLACEHOLDER.format(name="the participant"))
        self.add_button = QPushButton("&Add comment")
        self.add_button.setAccessibleName("Add comment")
        self.add_button.setToolTip(
            "Add the comment (Ctrl+Enter); it goes in the next feedback package"
        )
        self.error = InlineError("Comment problem")
        self._key = ""
        self._drafts: dict[str, str] = {}
        self._changing = ""
        self._draft_aside = ""
        add = QAction("Add comment", self.edit)
        add.setShortcuts([QKeySequence(k) for k in ADD_KEYS])
        add.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        add.triggered.connect(self.add)
        self.edit.addAction(add)
        # Escape leaves a change, and only while there is one (otherwise it is not taken here).
        self.leave_action = QAction("Leave the comment as it was", self.edit)
        self.leave_action.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.leave_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.leave_action.setEnabled(False)
        self.leave_action.triggered.connect(self.cancel_change)
        self.edit.addAction(self.leave_action)

        self.unsent_row = UnsentRow()
        self.changing_note = quiet_note("")
        self.changing_note.setAccessibleName("Changing a comment")
        self.changing_note.hide()

        about = QHBoxLayout()
        about.addWidget(about_label)
        about.addWidget(self.about_combo, 1)
        about.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.thread_view, 1)
        layout.addWidget(self.unsent_row)
        layout.addWidget(self.changing_note)
        layout.addWidget(self.edit)
        layout.addLayout(about)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        self.unsent_row.change_button.clicked.connect(self.start_change)
        self.unsent_row.withdraw_button.clicked.connect(self._withdraw)
        self.show_nothing()

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [
            self.thread_view,
            *self.unsent_row.focus_chain(),
            self.edit,
            self.about_combo,
            self.add_button,
        ]

    def show_thread(
        self,
        item: SharedItemRecord,
        comments: list[CommentRecord],
        participant: str,
        new_ids: set[str],
    ) -> None:
        """Show the item's comments. A comment half-written on another item waits for it
        (in memory only) rather than following the coach to this one."""
        key = f"{item.participant}/{item.item_id}"
        fresh = key != self._key
        self.unsent_row.show_comments(comments)
        if self._changing and fresh:
            self._end_change()  # another item: the comment stays as it was
        elif self._changing and not self.unsent_row.holds(self._changing):
            # Sent (or withdrawn) meanwhile: the words typed stay, to go as a new comment.
            self._end_change(keep_words=True)
        if fresh:
            self._keep_draft()
            self._key = key
            self.edit.setPlainText(self._drafts.pop(key, ""))
            self.edit.setPlaceholderText(PLACEHOLDER.format(name=participant))
            self.error.show_message("")
        self.setEnabled(True)
        count = len(comments)
        self.heading.setText(f"Comments ({count})" if count else "Comments")
        self.thread_view.setHtml(thread_html(item, comments, participant, new_ids))
        aimed_at = "" if fresh else self.stage_id()
        self.about_combo.clear()
        self.about_combo.addItem(
            "The whole cycle" if item.kind == "cycle" else "The whole entry", ""
        )
        for stage in item.stages:
            if stage.text.strip():
                self.about_combo.addItem(f"Stage: {stage.title}", stage.stage)
        self.about_combo.setCurrentIndex(max(self.about_combo.findData(aimed_at), 0))

    def show_nothing(self) -> None:
        """No item is chosen: nothing to read, nothing to comment on."""
        self._end_change()
        self._keep_draft()
        self._key = ""
        self.edit.clear()
        self.unsent_row.show_comments([])
        self.heading.setText("Comments")
        self.thread_view.clear()
        self.about_combo.clear()
        self.error.show_message("")
        self.setEnabled(False)

    def _keep_draft(self) -> None:
        if self._changing:
            return  # the box holds a comment being changed, not a draft
        draft = self.edit.toPlainText()
        if self._key and draft.strip():
            self._drafts[self._key] = draft

    def stage_id(self) -> str:
        """The stage the next comment is about ("" for the whole item)."""
        return str(self.about_combo.currentData() or "")

    @Slot(str)
    def comment_on_stage(self, stage_id: str) -> None:
        """Aim the next comment at this stage and put the cursor in the box."""
        at = self.about_combo.findData(stage_id)
        if at >= 0:
            self.about_combo.setCurrentIndex(at)
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def add(self) -> None:
        """Ask for the typed comment to be added, or the change kept (refused here when
        empty)."""
        body = self.edit.toPlainText()
        if not body.strip():
            self.error.show_message(EMPTY_CHANGE if self._changing else EMPTY_COMMENT)
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self._changing:
            self.changeRequested.emit(self._changing, body)
        else:
            self.commentRequested.emit(body, self.stage_id())

    @property
    def changing(self) -> str:
        """The id of the comment being changed in the box ("" when writing a new one)."""
        return self._changing

    def chosen_unsent(self) -> CommentRecord | None:
        """The unsent comment chosen below the thread."""
        return self.unsent_row.chosen()

    @Slot()
    def start_change(self) -> None:
        """Bring the chosen unsent comment's words into the box to change them; a new
        comment half-written there waits until the change is kept or left."""
        comment = self.chosen_unsent()
        if comment is None:
            return
        if not self._changing:
            self._draft_aside = self.edit.toPlainText()
        self._changing = comment.id
        self.edit.setPlainText(comment.body)
        self.edit.moveCursor(self.edit.textCursor().MoveOperation.End)
        self.changing_note.setText(CHANGING.format(when=local_text(comment.created)))
        self.changing_note.show()
        self.add_button.setText("Keep the ch&ange")
        self.add_button.setAccessibleName("Keep the change")
        self.add_button.setToolTip("Keep the changed comment (Ctrl+Enter)")
        self.about_combo.setEnabled(False)  # a change is to the words, not what it is about
        self.unsent_row.setEnabled(False)  # one change at a time: keep it or leave it first
        self.leave_action.setEnabled(True)
        self.error.show_message("")
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def cancel_change(self) -> None:
        """Leave the comment as it was (Escape in the box while changing one)."""
        if self._changing:
            self._end_change()
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def change_kept(self) -> None:
        """The change was kept: the box goes back to a new comment."""
        self._end_change()

    def _end_change(self, *, keep_words: bool = False) -> None:
        if not self._changing:
            return
        self._changing = ""
        words = [self.edit.toPlainText()] if keep_words else []
        self.edit.setPlainText("\n\n".join(t for t in [*words, self._draft_aside] if t.strip()))
        self._draft_aside = ""
        self.changing_note.hide()
        self.add_button.setText("&Add comment")
        self.add_button.setAccessibleName("Add comment")
        self.add_button.setToolTip(
            "Add the comment (Ctrl+Enter); it goes in the next feedback package"
        )
        self.about_combo.setEnabled(True)
        self.unsent_row.setEnabled(True)
        self.leave_action.setEnabled(False)
        self.error.show_message("")

    @Slot()
    def _withdraw(self) -> None:
        comment = self.chosen_unsent()
        if comment is not None:
            self.withdrawRequested.emit(comment.id)

    def comment_added(self) -> None:
        """The comment was kept: empty the box for the next one, aimed at the whole item."""
        self.edit.clear()
        self.error.show_message("")
        self.about_combo.setCurrentIndex(0)

    def comment_withdrawn(self) -> None:
        """The comment is gone (and its buttons with it): the cursor goes to the box."""
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, message: str) -> None:
        """Say why the comment was not added (the text stays in the box)."""
        self.error.show_message(message)
