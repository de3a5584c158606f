"""Open actions for the home screen: move them on, note progress, link evidence of change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from app.errors import JournalError
from app.journal.opening import Journal
from app.storage.snapshot import reading
from app.supervision.session_reads import open_actions
from app.supervision.session_records import ActionRecord, ActionStatus
from app.ui.sessions.actions_panel_view import ActionsPanelLayout
from app.ui.sessions.evidence_picker import EvidencePicker
from app.ui.widgets.item_list import ListItem
from app.ui.widgets.journal_items import ItemKind, ItemRef, item_ref, recent_items, split_key
from app.ui.widgets.read_when_shown import ReadWhenShown


class ActionsPanel(ActionsPanelLayout):
    """The open actions, soonest first, with overdue ones marked; read again with `refresh()`.

    Constructor: ActionsPanel(journal, today=date.today, parent=None).

    Signals:
      openEntry(str): an entry linked as evidence was activated (Enter or double-click).
      openCycle(str): a cycle linked as evidence was activated.
      actionChanged(str): an action's status, progress note or evidence was saved.
    """

    openEntry = Signal(str)
    openCycle = Signal(str)
    actionChanged = Signal(str)

    def __init__(
        self,
        journal: Journal,
        *,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._today = today
        self._current: ActionRecord | None = None
        self.picker: EvidencePicker | None = None
        selection = self.table.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        self.status_combo.activated.connect(self._status_chosen)
        self.progress_edit.textChanged.connect(self._progress_edited)
        self.save_note_button.clicked.connect(self.save_progress)
        self.link_button.clicked.connect(self.choose_evidence)
        self.unlink_button.clicked.connect(self.unlink_current)
        self.evidence_list.itemActivated.connect(self._open_evidence)
        self.evidence_list.currentIdChanged.connect(self._evidence_current)
        self.message_bar.retryRequested.connect(self.refresh)
        self._reading = ReadWhenShown(self, self.refresh)

    # -- reading -------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the open actions again, keeping the chosen one chosen while it is open."""
        self._reading.mark_read()
        keep = self._current.id if self._current else None
        try:
            actions = self._open_actions()
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self.message_bar.clear()
        self.model.set_actions(actions, self._today())
        self.fit_table()
        self.empty_label.setVisible(not actions)
        self.table.setVisible(bool(actions))
        self.details.setVisible(bool(actions))
        row = self.model.row_of(keep) if keep else -1
        self._current = None
        if actions:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(max(row, 0), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _open_actions(self) -> list[ActionRecord]:
        # In plain SQL, as the store reads them: the panel is shown beside the Home view
        # before anything needs the ORM.
        with reading(self._journal) as conn:
            return open_actions(conn)

    def action_ids(self) -> list[str]:
        """The actions listed, in order."""
        return [self.model.action(r).id for r in range(self.model.rowCount())]

    def select_action(self, action_id: str) -> bool:
        """Make this action the chosen one; False if it is not listed."""
        row = self.model.row_of(action_id)
        if row < 0:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    @property
    def current_action(self) -> ActionRecord | None:
        """The action whose details are shown."""
        return self._current

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._save_pending_note()
        if not current.isValid():
            self._show(None)
            return
        self._show(self.model.action(current.row()))

    def _show(self, action: ActionRecord | None) -> None:
        self._current = action
        self.details.setEnabled(action is not None)
        if action is None:
            return
        self.details.setTitle(f"“{action.what}”")
        self.how_label.setText(action.how_i_will_know or "Not written yet.")
        self.status_combo.setCurrentIndex(self.status_combo.findData(action.status.value))
        self.progress_edit.blockSignals(True)
        self.progress_edit.setPlainText(action.progress)
        self.progress_edit.document().setModified(False)
        self.progress_edit.blockSignals(False)
        self.save_note_button.setEnabled(False)
        self._show_evidence(action)

    def _show_evidence(self, action: ActionRecord) -> None:
        refs: list[ItemRef] = []
        try:
            refs += [item_ref(self._journal, ItemKind.ENTRY, i) for i in action.evidence_entries]
            refs += [item_ref(self._journal, ItemKind.CYCLE, i) for i in action.evidence_cycles]
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
        self.evidence_list.set_items([ListItem(r.key, r.title, r.detail) for r in refs])
        self.evidence_list.setVisible(bool(refs))
        self.no_evidence_label.setVisible(not refs)
        self.unlink_button.setEnabled(False)

    # -- changing ------------------------------------------------------------------------

    @Slot(int)
    def _status_chosen(self, index: int) -> None:
        action = self._current
        status = ActionStatus(str(self.status_combo.itemData(index)))
        if action is None or status is action.status:
            return
        self._save_pending_note()
        if self._update(action, status=status) is None:
            return
        if not status.is_open:
            self.note_label.setText(f"“{action.what}” is marked {status.label.lower()}.")
        self.refresh()

    @Slot()
    def _progress_edited(self) -> None:
        self.save_note_button.setEnabled(self._current is not None)

    @Slot()
    def save_progress(self) -> None:
        """Save the progress note of the chosen action."""
        action = self._current
        if action is None:
            return
        updated = self._update(action, progress=self.progress_edit.toPlainText())
        if updated is not None:
            self.progress_edit.document().setModified(False)
            self.save_note_button.setEnabled(False)
            self.note_label.setText("Progress note saved.")
            self.model.replace(updated)
            if self._current is action:
                self._current = updated

    def _save_pending_note(self) -> None:
        # A note written and not saved is kept when the person moves to another action.
        if self._current is not None and self.progress_edit.document().isModified():
            self.save_progress()

    def _update(
        self,
        action: ActionRecord,
        *,
        status: ActionStatus | None = None,
        progress: str | None = None,
    ) -> ActionRecord | None:
        try:
            updated = self._journal.sessions.update_action(
                action.id, status=status, progress=progress
            )
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            self._show(action)
            return None
        self.actionChanged.emit(action.id)
        return updated

    def _replace(self, action: ActionRecord) -> None:
        """Show a changed action in its row, and in the details if it is the chosen one."""
        self.model.replace(action)
        if self._current is not None and self._current.id == action.id:
            self._current = action
            self._show_evidence(action)

    # -- evidence ------------------------------------------------------------------------

    @Slot()
    def choose_evidence(self) -> None:
        """Open the picker of recent entries and cycles for the chosen action."""
        action = self._current
        if action is None or self.picker is not None:
            return
        linked = {f"entry:{i}" for i in action.evidence_entries}
        linked |= {f"cycle:{i}" for i in action.evidence_cycles}
        try:
            items = [r for r in recent_items(self._journal) if r.key not in linked]
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self.picker = EvidencePicker(items, action.what, self)
        self.picker.finished.connect(self._picked)
        self.picker.open()

    @Slot(int)
    def _picked(self, result: int) -> None:
        picker, self.picker = self.picker, None
        action = self._current
        if picker is None or action is None or result != QDialog.DialogCode.Accepted:
            return
        updated = action
        try:
            for kind, item_id in picker.chosen():
                if kind is ItemKind.ENTRY:
                    updated = self._journal.sessions.link_evidence(action.id, entry_id=item_id)
                else:
                    updated = self._journal.sessions.link_evidence(action.id, cycle_id=item_id)
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
        self.actionChanged.emit(action.id)
        self._replace(updated)

    @Slot()
    def unlink_current(self) -> None:
        """Remove the chosen evidence link."""
        action, key = self._current, self.evidence_list.current_id()
        if action is None or not key:
            return
        kind, item_id = split_key(key)
        try:
            if kind is ItemKind.ENTRY:
                updated = self._journal.sessions.unlink_evidence(action.id, entry_id=item_id)
            else:
                updated = self._journal.sessions.unlink_evidence(action.id, cycle_id=item_id)
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self.actionChanged.emit(action.id)
        self._replace(updated)

    @Slot(str)
    def _evidence_current(self, key: str) -> None:
        self.unlink_button.setEnabled(bool(key))

    @Slot(str)
    def _open_evidence(self, key: str) -> None:
        kind, item_id = split_key(key)
        (self.openEntry if kind is ItemKind.ENTRY else self.openCycle).emit(item_id)

    def changeEvent(self, event: QEvent) -> None:
        """Follow theme changes in the overdue colour."""
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_palette(self.palette())
        super().changeEvent(event)
