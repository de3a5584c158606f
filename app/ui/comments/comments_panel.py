"""The comments beside an entry or cycle (a view): the thread, and a box to reply in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.privacy.underline import PrivacyUnderline
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.text_size import fit_lines, follow_zoom

if TYPE_CHECKING:
    from app.ui.comments.comment_thread import ThreadStyle

REPLY_PLACEHOLDER = "Write a reply to your coach. Markdown works: **bold**, *italic*, - lists."
REPLY_NOTE = "Ctrl+Enter saves it. It goes to your coach in your next share."
SAVE_KEYS = ("Ctrl+Return", "Ctrl+Enter")
PANEL_WIDTH = 320


class CommentsPanel(QFrame):
    """Shows a comment thread (HTML from comment_thread) and a reply box; hidden when empty.

    A view only: CommentsPresenter fills it. Following a "Reply" link in the thread says
    which comment the reply answers.

    Signals: replyChosen(str) with the comment id of a Reply link followed; saveRequested()
    by "Save reply" or Ctrl+Enter in the reply box; shown() whenever the panel comes on
    screen (so comments shown while it was hidden are only then counted as seen).
    """

    replyChosen = Signal(str)
    saveRequested = Signal()
    shown = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Comments from your coach")
        self.setMinimumWidth(240)
        self.title_label = heading("Comments from your coach", "Comments heading", 1.15)
        self.scope_label = quiet_note("")
        self.scope_label.setAccessibleName("Which comments are shown")
        self.thread_view = PreviewBrowser()
        self.thread_view.setAccessibleName("Comments and replies")
        follow_zoom(self.thread_view)
        self.thread_view.anchorClicked.connect(self._link)
        self.reply_label = plain_label("", "Which comment the reply answers")
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setAccessibleName("Your reply")
        self.reply_edit.setPlaceholderText(REPLY_PLACEHOLDER)
        self.reply_edit.setTabChangesFocus(True)
        fit_lines(self.reply_edit, 8)
        self.privacy = PrivacyUnderline(self.reply_edit)
        check_spelling(self.reply_edit)
        self.reply_note = quiet_note(REPLY_NOTE)
        self.reply_note.setAccessibleName("About replies")
        self.error = InlineError("Problem saving the reply")
        self.save_button = QPushButton("Save &reply")
        self.save_button.setAccessibleName("Save reply")
        self.save_button.clicked.connect(self.saveRequested)
        self.save_action = QAction("Save reply", self.reply_edit)
        self.save_action.setShortcuts([QKeySequence(k) for k in SAVE_KEYS])
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.save_action.triggered.connect(self.saveRequested)
        self.reply_edit.addAction(self.save_action)

        self.reply_area = QWidget()
        reply_layout = QVBoxLayout(self.reply_area)
        reply_layout.setContentsMargins(0, 0, 0, 0)
        reply_layout.addWidget(self.reply_label)
        reply_layout.addWidget(self.reply_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reply_note, 1)
        buttons.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignTop)
        reply_layout.addLayout(buttons)
        reply_layout.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.scope_label)
        layout.addWidget(self.thread_view, 1)
        layout.addWidget(self.reply_area)
        QWidget.setTabOrder(self.thread_view, self.reply_edit)
        QWidget.setTabOrder(self.reply_edit, self.save_button)
        self.hide()

    def sizeHint(self) -> QSize:
        """A column beside the writing, not half the window."""
        return QSize(PANEL_WIDTH, super().sizeHint().height())

    def style_colours(self) -> ThreadStyle:
        """The palette's colours for the thread's HTML."""
        from app.ui.comments.comment_thread import ThreadStyle  # with the first thread shown

        palette = self.palette()
        return ThreadStyle(
            quiet=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            new_text=palette.color(QPalette.ColorRole.HighlightedText).name(),
            new_background=palette.color(QPalette.ColorRole.Highlight).name(),
            rule=palette.color(QPalette.ColorRole.Mid).name(),
        )

    def show_thread(self, html: str) -> None:
        """Show the thread, keeping the place it was scrolled to."""
        scrolled = self.thread_view.verticalScrollBar().value()
        self.thread_view.setHtml(html)
        self.thread_view.verticalScrollBar().setValue(scrolled)

    def reply_text(self) -> str:
        """What is typed in the reply box."""
        return self.reply_edit.toPlainText()

    @Slot(QUrl)
    def _link(self, url: QUrl) -> None:
        from app.ui.comments.comment_thread import REPLY_SCHEME

        if url.scheme() == REPLY_SCHEME and url.path():
            self.replyChosen.emit(url.path())
            self.reply_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: QShowEvent) -> None:
        """Say the panel is on screen (comments shown meanwhile have now been seen)."""
        super().showEvent(event)
        self.shown.emit()
