"""Record a session, or change one: the kind, date, who with, what I wanted, notes, actions."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.supervision.session_records import SessionKind, SessionRecord
from app.ui.privacy.highlighter import PrivacyHighlighter
from app.ui.sessions.action_rows import ActionRow
from app.ui.sessions.session_form import SessionForm
from app.ui.widgets.captions import from_qdate, to_qdate

DEFAULT_GAP_DAYS = 28
"""An unset next session date is offered this many days after the session."""
NEXT_BEFORE = "The next session comes after this one: check the two dates."
NEXT_KEPT = "A next date, once saved, can be changed but not removed yet. Set the date you expect."


class SessionDialog(SessionForm):
    """Records a new session, or saves changes to one, through the journal's SessionStore.

    Constructor: SessionDialog(journal, session_id=None, today=date.today, parent=None).
    With a session id the dialog edits that session; without, it records a new one.
    Show it with open() or exec(); it deletes itself when closed.

    Signals: sessionSaved(str) with the session's id, just before the dialog closes.
    """

    sessionSaved = Signal(str)

    def __init__(
        self,
        journal: Journal,
        session_id: str | None = None,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        day = today()
        super().__init__(day, parent)
        self._journal = journal
        self._session: SessionRecord | None = None
        self.session_id = session_id
        self.highlighters = [PrivacyHighlighter(e.document()) for e in (self.wants, self.notes)]
        if session_id is not None:
            self._session = journal.sessions.get(session_id)
            self._show(self._session)
        else:
            self._fresh(day)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        self.kind_combo.setFocus()

    def _fresh(self, today: date) -> None:
        last = self._journal.sessions.last_before(today + timedelta(days=1))
        kind = last.kind if last else SessionKind.COACHING
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        self.held_on.setDate(to_qdate(today))
        if last is not None:
            self.with_whom.setText(last.with_whom)
        self.next_date.set_date(None, today + timedelta(days=DEFAULT_GAP_DAYS))

    def _show(self, session: SessionRecord) -> None:
        self.setWindowTitle(f"{session.kind.label} session")
        self.title_label.setText(f"{session.kind.label} session")
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(session.kind.value))
        self.held_on.setDate(to_qdate(session.held_on))
        self.with_whom.setText(session.with_whom)
        self.wants.setPlainText(session.wants)
        self.notes.setPlainText(session.notes)
        self.next_date.set_date(
            session.next_date, session.held_on + timedelta(days=DEFAULT_GAP_DAYS)
        )
        self.action_rows.set_actions(session.actions)

    @Slot()
    def save(self) -> None:
        """Save the session and its actions; on a problem say why in place and keep everything."""
        problem = self._date_problem()
        if problem:
            self.error.show_message(problem)
            self.next_date.setFocus()
            return
        try:
            record = self._record() if self._session is None else self._save_changes(self._session)
        except JournalError as exc:
            self.error.show_message(str(exc))
            self._focus_incomplete_action()
            return
        self.error.show_message("")
        self.session_id = record.id
        self.sessionSaved.emit(record.id)
        self.accept()

    def _kind(self) -> SessionKind:
        return SessionKind(str(self.kind_combo.currentData()))

    def _date_problem(self) -> str:
        next_day = self.next_date.date()
        if next_day is not None and next_day <= from_qdate(self.held_on.date()):
            return NEXT_BEFORE
        if self._session and self._session.next_date and next_day is None:
            return NEXT_KEPT
        return ""

    def _rows_to_save(self) -> list[ActionRow]:
        # Rows added here and left empty are ignored rather than refused.
        return [r for r in self.action_rows.rows() if not (r.action_id is None and r.is_blank())]

    def _record(self) -> SessionRecord:
        return self._journal.sessions.record(
            self._kind(),
            from_qdate(self.held_on.date()),
            with_whom=self.with_whom.text(),
            wants=self.wants.toPlainText(),
            notes=self.notes.toPlainText(),
            next_date=self.next_date.date(),
            actions=[row.draft() for row in self._rows_to_save()],
        )

    def _save_changes(self, session: SessionRecord) -> SessionRecord:
        # One transaction: a refusal or a failure leaves the session as it was.
        return self._journal.sessions.update(
            session.id,
            kind=self._kind(),
            held_on=from_qdate(self.held_on.date()),
            with_whom=self.with_whom.text(),
            wants=self.wants.toPlainText(),
            notes=self.notes.toPlainText(),
            next_date=self.next_date.date(),
            actions=[(row.action_id, row.draft()) for row in self._rows_to_save()],
        )

    def _focus_incomplete_action(self) -> None:
        for row in self.action_rows.rows():
            if not row.what.text().strip() and (row.action_id or not row.is_blank()):
                row.what.setFocus()
                self.action_rows.scroll_area.ensureWidgetVisible(row)
                return
