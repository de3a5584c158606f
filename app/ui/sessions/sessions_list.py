"""Past sessions, newest first; open one to read or change it, or record a new one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.supervision.session_records import SessionRecord
from app.ui.widgets.captions import day_text, heading
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.item_list import ItemList, ListItem
from app.ui.widgets.message_bar import MessageBar
from app.ui.widgets.read_when_shown import ReadWhenShown
from app.ui.widgets.tab_order import chain_tab_order

if TYPE_CHECKING:
    from app.ui.sessions.session_dialog import SessionDialog  # loads when first opened

EMPTY = (
    "No sessions recorded yet. After a coaching or supervision session, record what you "
    "agreed: the actions appear on Home until they are done."
)


def session_item(session: SessionRecord) -> ListItem:
    """A session as a two-line row: kind and date, then who with, actions and next date."""
    parts = [f"with {session.with_whom}"] if session.with_whom else []
    if session.actions:
        still_open = sum(1 for a in session.actions if a.status.is_open)
        noun = "action" if len(session.actions) == 1 else "actions"
        parts.append(f"{len(session.actions)} {noun}, {still_open} open")
    if session.next_date:
        parts.append(f"next {day_text(session.next_date)}")
    return ListItem(
        session.id, f"{session.kind.label}, {day_text(session.held_on)}", " · ".join(parts)
    )


class SessionsList(QWidget):
    """Every session, newest first; Enter or double-click opens it in a SessionDialog.

    Constructor: SessionsList(journal, today=date.today, parent=None). `dialog` is the open
    SessionDialog, if any.

    Signals: sessionSaved(str) with the id of a session recorded or changed here.
    """

    sessionSaved = Signal(str)

    def __init__(
        self,
        journal: Journal,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sessions")
        self._journal = journal
        self._today = today
        self.dialog: SessionDialog | None = None
        self.title_label = heading("Sessions", "Sessions", 1.6)
        self.new_button = QPushButton("&Record a session…")
        self.new_button.setAccessibleName("Record a session")
        self.open_button = QPushButton("&Open")
        self.open_button.setAccessibleName("Open the chosen session")
        self.message_bar = MessageBar()
        self.list = ItemList("Sessions, newest first")
        self.empty_label = quiet_note(EMPTY)
        self.empty_label.setAccessibleName("No sessions yet")
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty_label)
        layout.addStretch(0)
        chain_tab_order([self.new_button, self.open_button, self.list])
        self.list.itemActivated.connect(self.open_session)
        self.new_button.clicked.connect(self.record_session)
        self.open_button.clicked.connect(self._open_current)
        self.message_bar.retryRequested.connect(self.refresh)
        self._reading = ReadWhenShown(self, self.refresh)

    @Slot()
    def refresh(self) -> None:
        """Read the sessions again."""
        self._reading.mark_read()
        try:
            sessions = self._journal.sessions.all()
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self.message_bar.clear()
        self.list.set_items([session_item(s) for s in sessions])
        self.list.setVisible(bool(sessions))
        self.empty_label.setVisible(not sessions)
        self.open_button.setEnabled(bool(sessions))

    def ids(self) -> list[str]:
        """The sessions listed, in order."""
        return self.list.ids()

    @Slot()
    def record_session(self) -> None:
        """Open an empty SessionDialog."""
        self._open_dialog(None)

    @Slot(str)
    def open_session(self, session_id: str) -> None:
        """Open this session in a SessionDialog."""
        self._open_dialog(session_id)

    @Slot()
    def _open_current(self) -> None:
        session_id = self.list.current_id()
        if session_id:
            self._open_dialog(session_id)

    def _open_dialog(self, session_id: str | None) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from app.ui.sessions.session_dialog import SessionDialog

        try:
            dialog = SessionDialog(self._journal, session_id, today=self._today, parent=self)
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            self.refresh()
            return
        dialog.sessionSaved.connect(self._saved)
        dialog.finished.connect(self._closed)
        self.dialog = dialog
        dialog.open()

    @Slot(str)
    def _saved(self, session_id: str) -> None:
        self.refresh()
        self.list.select_id(session_id)
        self.sessionSaved.emit(session_id)

    @Slot()
    def _closed(self) -> None:
        self.dialog = None
