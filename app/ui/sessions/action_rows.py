"""The actions agreed in a session, as an editable list of small forms (one per action)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.supervision.session_records import ActionDraft, ActionRecord
from app.ui.sessions.optional_date import OptionalDate
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.one_line_edit import OneLineEdit
from app.ui.widgets.spelling import check_spelling
from app.ui.widgets.tab_order import chain_tab_order

DEFAULT_LEAD_DAYS = 14
"""An action's "by when", once ticked, starts this many days ahead."""
KEPT_TIP = "An action already agreed stays on record; mark it Dropped in the actions list instead."
EMPTY_NOTE = "No actions yet. Add what you agreed to try before the next session."


class ActionRow(QFrame):
    """One action: what, with whom, by when, and how I will know.

    `action_id` is the stored action's id, or None for one added in this dialog.
    Signals: removeRequested() from its Remove button.
    """

    removeRequested = Signal()

    def __init__(
        self,
        number: int,
        today: date,
        action: ActionRecord | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.action_id = action.id if action else None
        # What and how are sentences, so the spelling check underlines them; whom is a role.
        self.what = OneLineEdit()
        self.what.setPlaceholderText("What I will do")
        self.with_whom = QLineEdit()
        self.with_whom.setPlaceholderText("a role, e.g. my line manager")
        self.by_when = OptionalDate("Set a date", "Date to do it by")
        self.how = OneLineEdit()
        self.how.setPlaceholderText("What I will notice when it has worked")
        for prose in (self.what, self.how):
            check_spelling(prose)
        self.remove_button = QPushButton("Remove")
        self.remove_button.clicked.connect(self.removeRequested)
        if action is not None:
            self.what.setText(action.what)
            self.with_whom.setText(action.with_whom)
            self.how.setText(action.how_i_will_know)
            for line in (self.what, self.with_whom, self.how):
                line.setCursorPosition(0)  # show the start of long words, not the end
            # Agreed actions have no delete in the store; they are dropped instead.
            self.remove_button.setEnabled(False)
            self.remove_button.setToolTip(KEPT_TIP)
        self.by_when.set_date(
            action.by_when if action else None, today + timedelta(days=DEFAULT_LEAD_DAYS)
        )
        self._original = self.draft()
        self.set_number(number)

        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        fields: tuple[tuple[str, QWidget], ...] = (
            ("&What:", self.what),
            ("With who&m:", self.with_whom),
            ("&By when:", self.by_when),
            ("&How I will know:", self.how),
        )
        for row, (text, field) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(field)
            grid.addWidget(label, row, 0)
            grid.addWidget(field, row, 1, 1, 2 if row else 1)
        grid.addWidget(self.remove_button, 0, 2)

    def set_number(self, number: int) -> None:
        """Name the row's fields by its place in the list ("Action 2: what")."""
        self.number = number
        for field, name in (
            (self.what, "what"),
            (self.with_whom, "with whom"),
            (self.how, "how I will know"),
        ):
            field.setAccessibleName(f"Action {number}: {name}")
        self.by_when.date_edit.setAccessibleName(f"Action {number}: by when")
        self.by_when.check.setAccessibleName(f"Action {number}: set a date")
        self.remove_button.setAccessibleName(f"Remove action {number}")

    def draft(self) -> ActionDraft:
        """The action as written now."""
        return ActionDraft(
            what=self.what.text(),
            with_whom=self.with_whom.text(),
            by_when=self.by_when.date(),
            how_i_will_know=self.how.text(),
        )

    def is_blank(self) -> bool:
        """True when nothing has been written in the row."""
        draft = self.draft()
        return not any(
            (draft.what.strip(), draft.with_whom.strip(), draft.how_i_will_know.strip())
        ) and (draft.by_when is None)

    def changed(self) -> bool:
        """True when the row differs from what was stored (always True for a new row)."""
        return self.action_id is None or self.draft() != self._original


class ActionRowsEditor(QWidget):
    """The list of ActionRows with an "Add an action" button; rows scroll when many.

    Signals: rowsChanged() after a row is added or removed.
    """

    rowsChanged = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._rows: list[ActionRow] = []
        self.add_button = QPushButton("&Add an action")
        self.add_button.setAccessibleName("Add an action")
        self.add_button.clicked.connect(self.add_row)
        self.empty_note = quiet_note(EMPTY_NOTE)
        self.empty_note.setAccessibleName("No actions yet")
        self._column = QVBoxLayout()
        self._column.setSpacing(6)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(self._column)
        inner.addWidget(self.empty_note)
        inner.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll_area.setAccessibleName("Actions agreed")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def rows(self) -> list[ActionRow]:
        """The rows, in order."""
        return list(self._rows)

    def set_actions(self, actions: tuple[ActionRecord, ...]) -> None:
        """Show the stored actions of a session."""
        for action in actions:
            self._append(ActionRow(len(self._rows) + 1, self._today, action))
        self._after_change()

    @Slot()
    def add_row(self) -> ActionRow:
        """Add an empty row and put the cursor in its "What"."""
        row = self._append(ActionRow(len(self._rows) + 1, self._today))
        self._after_change()
        row.what.setFocus()
        self.scroll_area.ensureWidgetVisible(row)
        return row

    def remove_row(self, row: ActionRow) -> None:
        """Take a row away (only rows added in this dialog can go)."""
        if row not in self._rows or row.action_id is not None:
            return
        index = self._rows.index(row)
        self._rows.remove(row)
        self._column.removeWidget(row)
        row.hide()
        row.deleteLater()
        for number, other in enumerate(self._rows, start=1):
            other.set_number(number)
        self._after_change()
        if self._rows:
            self._rows[min(index, len(self._rows) - 1)].what.setFocus()
        else:
            self.add_button.setFocus()

    def _append(self, row: ActionRow) -> ActionRow:
        row.removeRequested.connect(self._remove_sender)
        self._rows.append(row)
        self._column.addWidget(row)
        return row

    @Slot()
    def _remove_sender(self) -> None:
        row = self.sender()
        if isinstance(row, ActionRow):
            self.remove_row(row)

    def _after_change(self) -> None:
        self.empty_note.setVisible(not self._rows)
        self._chain_tabs()
        self.rowsChanged.emit()

    def _chain_tabs(self) -> None:
        widgets: list[QWidget] = []
        for row in self._rows:
            widgets += [row.what, row.remove_button, row.with_whom, row.by_when.check]
            widgets += [row.by_when.date_edit, row.how]
        widgets.append(self.add_button)
        chain_tab_order(widgets)
