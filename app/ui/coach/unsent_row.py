"""The coach's comments on one item not sent yet: choose one, then Change or Withdraw it."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from app.sharing.records import CommentRecord
from app.ui.widgets.dates import local_text

UNSENT_HINT = (
    "Your comments can be changed or withdrawn until the feedback package is made; "
    "after that they are sent and cannot be changed."
)


class UnsentRow(QWidget):
    """A row under the thread, shown only while the item has comments of the coach's that
    have not gone in a feedback package; newest first, as the one most likely to change.

    Its buttons' clicked signals are connected by the Conversation.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unsent: dict[str, CommentRecord] = {}
        self.combo = QComboBox()
        self.combo.setAccessibleName("Your comment not sent yet")
        self.combo.setAccessibleDescription(UNSENT_HINT)
        self.combo.setToolTip(UNSENT_HINT)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(12)
        self.combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.label = QLabel("No&t sent yet:")
        self.label.setBuddy(self.combo)
        self.change_button = QPushButton("Chan&ge")
        self.change_button.setAccessibleName("Change this comment")
        self.change_button.setToolTip("Bring the comment's words into the box to change them")
        self.withdraw_button = QPushButton("&Withdraw…")
        self.withdraw_button.setAccessibleName("Withdraw this comment")
        self.withdraw_button.setToolTip("Delete the comment before it is sent (asks first)")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo, 1)
        row.addWidget(self.change_button)
        row.addWidget(self.withdraw_button)
        self.hide()

    def focus_chain(self) -> list[QWidget]:
        """Its controls in Tab order."""
        return [self.combo, self.change_button, self.withdraw_button]

    def show_comments(self, comments: Iterable[CommentRecord]) -> None:
        """List the coach's comments among `comments` that are not sent; hide when none are."""
        chosen = self.combo.currentData()
        self._unsent = {c.id: c for c in comments if c.mine and not c.sent}
        self.combo.clear()
        for comment in sorted(self._unsent.values(), key=lambda c: c.created, reverse=True):
            # The words first: a narrow column shows how the comment starts, not the date.
            words = " ".join(comment.body.split())
            self.combo.addItem(f"“{words}” ({local_text(comment.created)})", comment.id)
        self.combo.setCurrentIndex(max(self.combo.findData(chosen), 0))
        self.setVisible(bool(self._unsent))

    def holds(self, comment_id: str) -> bool:
        """True while that comment is listed (not sent, not withdrawn)."""
        return comment_id in self._unsent

    def chosen(self) -> CommentRecord | None:
        """The comment chosen in the list."""
        return self._unsent.get(str(self.combo.currentData() or ""))
