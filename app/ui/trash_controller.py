"""Cycle > Move to trash (undoable) and the Trash dialog, for entries and cycles alike."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.errors import JournalError
from app.journal import Journal
from app.ui.cycle_controller import CycleController
from app.ui.cycle_trash_command import MoveCycleToTrashCommand
from app.ui.journal_controller import JournalController
from app.ui.messages import Confirm
from app.ui.navigation import View
from app.ui.navigation_controller import NavigationController

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.trash_dialog import TrashDialog  # loads when first opened

STATUS_MESSAGE_MS = 8000
CYCLE_TRASHED = "Moved “{title}” to the trash. Edit > Undo brings it back."
CYCLE_BACK = "“{title}” is back in its line of inquiry."


class TrashController(QObject):
    """Moves the cycle shown (or one chosen on a timeline) to the trash, undoably, and opens
    the Trash, where entries and cycles are restored or deleted for good.

    What is typed is saved first; a refused save leaves everything where it is.
    """

    def __init__(
        self,
        window: MainWindow,
        journal: Journal,
        *,
        confirm: Confirm,
        save_all: Callable[[], bool],
        entries: JournalController,
        cycles: CycleController,
        navigation: NavigationController,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._journal = journal
        self._confirm = confirm
        self._save_all = save_all
        self._entries = entries
        self._cycles = cycles
        self._navigation = navigation
        self.dialog: TrashDialog | None = None
        actions = window.commands
        actions.trash_cycle.triggered.connect(self.trash_shown_cycle)
        actions.open_trash.triggered.connect(self.show_trash)
        window.inquiries_page.timeline.trashCycleRequested.connect(self.trash_cycle)

    @Slot()
    def trash_shown_cycle(self) -> None:
        """Cycle > Move to trash: the cycle open in the Cycle view."""
        cycle_id = self._cycles.shown_cycle_id
        if self._navigation.view is View.CYCLE and cycle_id:
            self.trash_cycle(cycle_id)

    @Slot(str)
    def trash_cycle(self, cycle_id: str) -> None:
        """Move a cycle to the trash; Edit > Undo brings it back."""
        if not self._save_all():
            return
        try:
            title = self._journal.cycles.get(cycle_id).display_title
        except JournalError as exc:
            self._window.message_bar.show_problem(str(exc))
            return
        command = MoveCycleToTrashCommand(
            self._journal.cycles,
            cycle_id,
            title,
            ready=self._save_all,
            on_moved=self._moved,
            on_error=self._window.message_bar.show_problem,
        )
        self._window.undo_stack.push(command)

    @Slot()
    def show_trash(self) -> None:
        """Open the trash: restore entries and cycles, delete them for good, or empty it."""
        if self.dialog is not None:
            self.dialog.raise_()
            return
        if not self._save_all():
            return
        from app.ui.trash_dialog import TrashDialog

        dialog = TrashDialog(self._journal, confirm=self._confirm, parent=self._window)
        dialog.entryRestored.connect(self._entries.show_returned)
        dialog.cycleRestored.connect(self._cycle_restored)
        dialog.deletedForever.connect(self._window.undo_stack.clear)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _moved(self, cycle_id: str, trashed: bool) -> None:
        """After the cycle went to the trash (or came back by Undo): show what is live now."""
        window = self._window
        if trashed:
            if self._cycles.shown_cycle_id == cycle_id:
                window.cycle_pane.show_empty()
                window.rail.set_cycle_title("")
                if self._navigation.view is View.CYCLE:
                    window.cycle_pane.focus_current()
            self._entries.search.forget_item(cycle_id)
            self._navigation.refresh_shown()
            message = CYCLE_TRASHED
        else:
            if self._navigation.view is View.CYCLE and not self._cycles.shown_cycle_id:
                self._navigation.open_cycle(cycle_id)
            else:
                self._navigation.refresh_shown()
            self._entries.search.refresh()
            message = CYCLE_BACK
        window.statusBar().showMessage(
            message.format(title=self._title(cycle_id)), STATUS_MESSAGE_MS
        )

    @Slot(str)
    def _cycle_restored(self, cycle_id: str) -> None:
        self._navigation.refresh_shown()
        self._entries.search.refresh()
        self._window.statusBar().showMessage(
            CYCLE_BACK.format(title=self._title(cycle_id)), STATUS_MESSAGE_MS
        )

    @Slot()
    def _dialog_closed(self) -> None:
        self.dialog = None

    def _title(self, cycle_id: str) -> str:
        try:
            return self._journal.cycles.get(cycle_id).display_title
        except JournalError:
            return "The cycle"
