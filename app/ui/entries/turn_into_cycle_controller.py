"""Entry > Turn into a cycle: the entry shown becomes a cycle's first stage, undoably."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.errors import JournalError
from app.ui.cycles.controller import CycleController
from app.ui.entries.controller import EntriesController
from app.ui.entries.turn_into_cycle_command import TurnIntoCycleCommand
from app.ui.window.navigation import View

if TYPE_CHECKING:
    from app.ui.window.context import WindowContext

TURNED = (
    "“{title}” is now the first stage of a cycle. The entry is in the trash — "
    "Edit > Undo brings it back."
)
UNTURNED = "“{title}” is an entry again. Its cycle is in the trash — Edit > Redo brings it back."


class TurnIntoCycleController(QObject):
    """Turns the entry in the editor into a cycle (the New cycle dialog chooses its line of
    inquiry and template); Edit > Undo makes it an entry again, Redo a cycle again, and the
    window shows whichever is live."""

    def __init__(
        self, context: WindowContext, *, entries: EntriesController, cycles: CycleController
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._journal = context.journal
        self._entries = entries
        self._cycles = cycles
        context.commands.turn_into_cycle.triggered.connect(self.turn_entry_into_cycle)
        cycles.entryTurnedIntoCycle.connect(self._entry_turned)

    @Slot()
    def turn_entry_into_cycle(self) -> None:
        """Entry > Turn into a cycle: choose a line of inquiry and template for it."""
        entry_id = self._entries.saver.entry_id
        if (
            self._context.navigator.view is View.ENTRIES
            and entry_id
            and self._entries.saver.save_now()
        ):
            self._cycles.new_cycle(entry_id=entry_id)

    @Slot(str, str)
    def _entry_turned(self, entry_id: str, cycle_id: str) -> None:
        """The dialog turned an entry into a cycle: Edit > Undo takes it back."""
        self._entries.forget_entry(entry_id)
        self._context.show_status(TURNED.format(title=self._entry_title(entry_id)))
        command = TurnIntoCycleCommand(
            self._journal.cycles,
            entry_id,
            cycle_id,
            ready=self._context.navigator.save_shown,
            on_turned=self._turned,
            on_error=self._context.show_problem,
        )
        self._context.undo_stack.push(command)

    def _turned(self, entry_id: str, cycle_id: str, turned: bool) -> None:
        """After undo (turned False) or redo of Turn into a cycle: show what is live now."""
        navigator = self._context.navigator
        message = TURNED if turned else UNTURNED
        if turned:
            self._entries.forget_entry(entry_id)
            navigator.open_cycle(cycle_id)
        else:
            if self._cycles.shown_cycle_id == cycle_id:
                navigator.show_no_cycle()
            self._entries.search.forget_item(cycle_id)
            if navigator.show_view(View.ENTRIES):
                self._entries.show_returned(entry_id)
        self._context.show_status(message.format(title=self._entry_title(entry_id)))
        navigator.update_commands()

    def _entry_title(self, entry_id: str) -> str:
        try:
            return self._journal.entries.get(entry_id).display_title
        except JournalError:
            return "The entry"
