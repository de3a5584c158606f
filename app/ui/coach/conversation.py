"""The comments on the chosen item and the box to add one (Markdown, Ctrl+Enter)."""

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

from app.sharing.exchange import CommentRecord
from app.sharing.workspace import SharedItemRecord
from app.ui.coach.item_html import thread_html
from app.ui.cycles.text import heading
from app.ui.fields import InlineError
from app.ui.preview import PreviewBrowser
from app.ui.text_size import fit_lines, follow_zoom

ADD_KEYS = ("Ctrl+Return", "Ctrl+Enter")
EMPTY_COMMENT = "The comment is empty: write something first. Nothing was added."
PLACEHOLDER = "Write a comment for {name}. Markdown works (*emphasis*, lists). Ctrl+Enter adds it."


class Conversation(QWidget):
    """Comments and replies, oldest first, above a box for a new comment on the whole item or
    one stage of a cycle. An empty comment is refused, in words, and nothing is added.

    Signals: commentRequested(str body, str stage_id) when the person adds a comment ("" for
    the whole item).
    """

    commentRequested = Signal(str, str)

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
        self.edit.setPlaceholderText(PLACEHOLDER.format(name="the participant"))
        self.add_button = QPushButton("&Add comment")
        self.add_button.setAccessibleName("Add comment")
        self.add_button.setToolTip(
            "Add the comment (Ctrl+Enter); it goes in the next feedback package"
        )
        self.error = InlineError("Comment problem")
        self._key = ""
        self._drafts: dict[str, str] = {}
        add = QAction("Add comment", self.edit)
        add.setShortcuts([QKeySequence(k) for k in ADD_KEYS])
        add.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        add.triggered.connect(self.add)
        self.edit.addAction(add)

        about = QHBoxLayout()
        about.addWidget(about_label)
        about.addWidget(self.about_combo, 1)
        about.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.thread_view, 1)
        layout.addWidget(self.edit)
        layout.addLayout(about)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        self.show_nothing()

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [self.thread_view, self.edit, self.about_combo, self.add_button]

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
        self._keep_draft()
        self._key = ""
        self.edit.clear()
        self.heading.setText("Comments")
        self.thread_view.clear()
        self.about_combo.clear()
        self.error.show_message("")
        self.setEnabled(False)

    def _keep_draft(self) -> None:
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
        """Ask for the typed comment to be added (refused here when empty)."""
        body = self.edit.toPlainText()
        if not body.strip():
            self.error.show_message(EMPTY_COMMENT)
            self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.commentRequested.emit(body, self.stage_id())

    def comment_added(self) -> None:
        """The comment was kept: empty the box for the next one, aimed at the whole item."""
        self.edit.clear()
        self.error.show_message("")
        self.about_combo.setCurrentIndex(0)

    def show_error(self, message: str) -> None:
        """Say why the comment was not added (the text stays in the box)."""
        self.error.show_message(message)
