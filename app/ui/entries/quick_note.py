"""The Quick note window (a view): a title, the text, the domains and tags, Save and Cancel.

A small window of its own for the minute after a huddle, opened from the tray icon's menu or
File > Quick note… (app/ui/entries/quick_note_controller.py saves it as an entry). Ctrl+Enter or
Ctrl+S saves; Escape, Cancel or closing the window asks before dropping typed text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.entries.draft_saver import EntryDraft
from app.ui.privacy.underline import PrivacyUnderline
from app.ui.widgets.domain_row import DomainRow
from app.ui.widgets.fields import InlineError
from app.ui.widgets.keyboard_safe_dialog import USABLE_WHILE_LOCKED, KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.tag_line_edit import TagLineEdit
from app.ui.widgets.text_size import follow_zoom
from app.writing.domains import Domain

TITLE = "Quick note"
TEXT_PLACEHOLDER = (
    "What happened, and what did you notice? Ctrl+Enter saves it as an entry in your journal."
)
SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
DEFAULT_SIZE = (580, 380)
"""Small enough to sit beside other work, big enough for a paragraph."""


class QuickNoteDialog(KeyboardSafeDialog):
    """A title (optional), the text, the three domains and tags, Save and Cancel.

    It knows nothing of the journal: Save (the button, Ctrl+Enter or Ctrl+S) says
    saveRequested(), and whoever saves closes it with `saved()` or shows why not with
    `show_problem()`, keeping what was typed.

    Signals: saveRequested().
    """

    saveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setProperty(USABLE_WHILE_LOCKED, True)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("Title (optional: the first line otherwise)")
        self.title_edit.setAccessibleName("Note title")
        title_label = QLabel("T&itle:")
        title_label.setBuddy(self.title_edit)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText(TEXT_PLACEHOLDER)
        self.text_edit.setAccessibleName("Note text")
        self.text_edit.setAccessibleDescription(
            "The note, written in Markdown. Control Enter saves it."
        )
        self.text_edit.setTabChangesFocus(True)
        follow_zoom(self.text_edit)
        self.privacy = PrivacyUnderline(self.text_edit)
        check_spelling(self.text_edit)
        text_label = QLabel("&Note:")
        text_label.setBuddy(self.text_edit)

        domains = DomainRow()
        self.domain_boxes: dict[Domain, QCheckBox] = domains.boxes

        self.tags_edit = TagLineEdit()
        self.tags_edit.setAccessibleName("Tags")
        tags_label = QLabel("&Tags:")
        tags_label.setBuddy(self.tags_edit)

        self.problem = InlineError("Quick note problem")

        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save")
        self.save_button.setToolTip("Save it as an entry in your journal (Ctrl+Enter)")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.saveRequested)
        self.cancel_button.clicked.connect(self.reject)
        self.set_main_button(None)  # Enter in the title or tags does nothing; Ctrl+Enter saves

        fields = QGridLayout()
        fields.addWidget(title_label, 0, 0)
        fields.addWidget(self.title_edit, 0, 1)
        fields.addWidget(text_label, 1, 0, Qt.AlignmentFlag.AlignTop)
        fields.addWidget(self.text_edit, 1, 1)
        fields.addWidget(domains, 2, 0, 1, 2)
        fields.addWidget(tags_label, 3, 0)
        fields.addWidget(self.tags_edit, 3, 1)
        fields.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(fields, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)

        # In the order they are seen; the cursor starts in the text (focus_text).
        QWidget.setTabOrder(self.title_edit, self.text_edit)
        previous: QWidget = self.text_edit
        for box in self.domain_boxes.values():
            QWidget.setTabOrder(previous, box)
            previous = box
        QWidget.setTabOrder(previous, self.tags_edit)
        QWidget.setTabOrder(self.tags_edit, self.save_button)
        QWidget.setTabOrder(self.save_button, self.cancel_button)
        resize_within_screen(self, *DEFAULT_SIZE)

    def draft(self) -> EntryDraft:
        """What the fields hold now."""
        return EntryDraft(
            title=self.title_edit.text().strip(),
            body=self.text_edit.toPlainText(),
            domains=tuple(d for d, box in self.domain_boxes.items() if box.isChecked()),
            tags=self.tags_edit.tags(),
        )

    def has_words(self) -> bool:
        """True when a title or text is written (domains and tags alone are not a note)."""
        draft = self.draft()
        return bool(draft.title or draft.body.strip())

    def set_known_tags(self, tags: list[str]) -> None:
        """Tags offered for completion (none while the journal is locked)."""
        self.tags_edit.set_known_tags(tags)

    def focus_text(self) -> None:
        """Put the cursor in the text, at its end."""
        self.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.text_edit.moveCursor(self.text_edit.textCursor().MoveOperation.End)

    def show_problem(self, message: str) -> None:
        """Say why the note is not saved (or what it waits for); "" clears it. The text stays."""
        self.problem.show_message(message)

    def saved(self) -> None:
        """The note is in the journal: close without asking."""
        self.problem.show_message("")
        self.done(self.DialogCode.Accepted)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Enter and Ctrl+S save (from any field); the rest as in every dialog.

        Keys rather than shortcuts, so they work while the journal window is locked too
        (its lock stops every shortcut): saving then asks to unlock first.
        """
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl_enter = event.key() in SAVE_KEYS and modifiers == Qt.KeyboardModifier.ControlModifier
        if ctrl_enter or event.matches(QKeySequence.StandardKey.Save):
            event.accept()
            if self.save_button.isEnabled():
                self.save_button.click()
            return
        super().keyPressEvent(event)
