"""The session dialog's layout (a view): the session on the left, its actions on the right."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.supervision.session_records import SessionKind
from app.ui.sessions.action_rows import ActionRowsEditor
from app.ui.sessions.optional_date import OptionalDate
from app.ui.widgets.captions import heading
from app.ui.widgets.dates import DAY_FORMAT
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen, scrolling
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.tab_order import chain_tab_order
from app.ui.widgets.text_size import follow_zoom

WITH_WHOM_HINT = "a role, e.g. my programme coach"
ROLES_NOTE = "Write roles rather than names: this journal may one day be shared."


class SessionForm(KeyboardSafeDialog):
    """Lays out the session dialog; SessionDialog gives it behaviour."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Session")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.title_label = heading("Record a session", "Session", 1.4)
        self.kind_combo = QComboBox()
        self.kind_combo.setAccessibleName("Type of session")
        for kind in SessionKind:
            self.kind_combo.addItem(kind.label, kind.value)
        self.held_on = QDateEdit()
        self.held_on.setAccessibleName("Date of the session")
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat(DAY_FORMAT)
        self.with_whom = QLineEdit()
        self.with_whom.setAccessibleName("With whom")
        self.with_whom.setPlaceholderText(WITH_WHOM_HINT)
        self.with_whom.setToolTip(ROLES_NOTE)
        self.wants = QPlainTextEdit()
        self.wants.setAccessibleName("What I want from this session")
        self.wants.setTabChangesFocus(True)
        self.wants.setPlaceholderText("The question or situation I want help with")
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes (Markdown)")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("What we talked about; Markdown works here")
        for box in (self.wants, self.notes):
            follow_zoom(box)
            check_spelling(box)
        self.next_date = OptionalDate("Set a date", "Next session date")
        self.action_rows = ActionRowsEditor(today)
        self.error = InlineError("Problem saving the session")
        self.buttons = QDialogButtonBox()
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save the session")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setVerticalSpacing(6)  # not the 20 px between the columns it would inherit
        for text, field in (
            ("&Type:", self.kind_combo),
            ("&Date:", self.held_on),
            ("With wh&om:", self.with_whom),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        self.with_whom.setMinimumWidth(280)
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(form)
        roles_note = quiet_note(ROLES_NOTE)
        roles_note.setAccessibleName("Roles, not names")
        left.addWidget(roles_note)
        left.addSpacing(8)
        for text, editor, stretch in (
            ("What I want from th&is session", self.wants, 2),
            ("&Notes", self.notes, 3),
        ):
            label = QLabel(text)
            label.setBuddy(editor)
            left.addWidget(label)
            left.addWidget(editor, stretch)
        next_label = QLabel("Ne&xt session:")
        next_label.setBuddy(self.next_date)
        next_row = QHBoxLayout()
        next_row.addWidget(next_label)
        next_row.addWidget(self.next_date, 1)
        left.addLayout(next_row)
        right = QVBoxLayout()
        right.setSpacing(6)
        right.addWidget(heading("Actions agreed", "Actions agreed", 1.15))
        right.addWidget(self.action_rows, 1)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        # the form scrolls on a short screen (1280x720 at 200%); the buttons stay in sight
        layout.addWidget(scrolling(columns, "Session form"), 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        chain_tab_order(
            [
                self.kind_combo,
                self.held_on,
                self.with_whom,
                self.wants,
                self.notes,
                self.next_date.check,
                self.next_date.date_edit,
                self.action_rows.add_button,
            ]
        )
        resize_within_screen(self, 980, 660)
