"""Cycle > Move to trash (undoable) and the Trash dialog, for entries and cycles alike."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.errors import JournalError
from app.ui.cycles.controller import CycleController
from app.ui.cycles.trash_command import MoveCycleToTrashCommand
from app.ui.entries.controller import EntriesController
from app.ui.widgets.messages import Confirm
from app.ui.window.navigation import View

if TYPE_CHECKING:
    from app.ui.cycles.inquiry_timeline import InquiryTimeline
    from app.ui.trash.dialog import TrashDialog  # loads when first opened
    from app.ui.window.context import WindowContext

CYCLE_TRASHED = "Moved “{title}” to the trash. Edit > Undo brings it back."
CYCLE_BACK = "“{title}” is back in its line of inquiry."


class TrashController(QObject):
    """Moves the cycle shown (or one chosen on a timeline) to the trash, undoably, and opens
    the Trash, where entries and cycles are restored or deleted for good.

    What is typed is saved first; a refused save leaves everything where it is.
    """

    def __init__(
        self,
        context: WindowContext,
        timeline: InquiryTimeline,
        *,
        confirm: Confirm,
        entries: EntriesController,
        cycles: CycleController,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._journal = context.journal
        self._confirm = confirm
        self._entries = entries
        self._cycles = cycles
        self.dialog: TrashDialog | None = None
        actions = context.commands
        actions.trash_cycle.triggered.connect(self.trash_shown_cycle)
        actions.open_trash.triggered.connect(self.show_trash)
        timeline.trashCycleRequested.connect(self.trash_cycle)

    @Slot()
    def trash_shown_cycle(self) -> None:
        """Cycle > Move to trash: the cycle open in the Cycle view."""
        cycle_id = self._cycles.shown_cycle_id
        if self._context.navigator.view is View.CYCLE and cycle_id:
            self.trash_cycle(cycle_id)

    @Slot(str)
    def trash_cycle(self, cycle_id: str) -> None:
        """Move a cycle to the trash; Edit > Undo brings it back."""
        if not self._context.save_all():
            return
        try:
            title = self._journal.cycles.get(cycle_id).display_title
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        command = MoveCycleToTrashCommand(
            self._journal.cycles,
            cycle_id,
            title,
            ready=self._context.save_all,
            on_moved=self._moved,
            on_error=self._context.show_problem,
        )
        self._context.undo_stack.push(command)

    @Slot()
    def show_trash(self) -> None:
        """Open the trash: restore entries and cycles, delete them for good, or empty it."""
        if self.dialog is not None:
            self.dialog.raise_()
            return
        if not self._context.save_all():
            return
        from app.ui.trash.dialog import TrashDialog

        dialog = TrashDialog(self._journal, confirm=self._confirm, parent=self._context.window)
        dialog.entryRestored.connect(self._entries.show_returned)
        dialog.cycleRestored.connect(self._cycle_restored)
        dialog.deletedForever.connect(self._context.undo_stack.clear)
        dialog.finished.connect(self._dialog_closed)
        self.dialog = dialog
        dialog.open()

    def _moved(self, cycle_id: str, trashed: bool) -> None:
        """After the cycle went to the trash (or came back by Undo): show what is live now."""
        navigator = self._context.navigator
        if trashed:
            if self._cycles.shown_cycle_id == cycle_id:
                navigator.show_no_cycle(focus=True)
            self._entries.search.forget_item(cycle_id)
            navigator.refresh_shown()
            message = CYCLE_TRASHED
        else:
            if navigator.view is View.CYCLE and not self._cycles.shown_cycle_id:
                navigator.open_cycle(cycle_id)
            else:
                navigator.refresh_shown()
            self._entries.search.refresh()
            message = CYCLE_BACK
        self._context.show_status(message.format(title=self._title(cycle_id)))

    @Slot(str)
    def _cycle_restored(self, cycle_id: str) -> None:
        self._context.navigator.refresh_shown()
        self._entries.search.refresh()
        self._context.show_status(CYCLE_BACK.format(title=self._title(cycle_id)))

    @Slot()
    def _dialog_closed(self) -> None:
        self.dialog = None

    def _title(self, cycle_id: str) -> str:
        try:
            return self._journal.cycles.get(cycle_id).display_title
        except JournalError:
            return "The cycle"
