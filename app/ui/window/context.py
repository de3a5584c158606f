"""What every controller may use of the window it works in, and nothing of its pages.

A controller is given the page or widgets it drives and this context: the window itself only
as the parent of its dialogs (and to close), the window's commands, menus and undo stack, the
message bar and status bar, saving everything typed, and moving between the views. So no
controller knows the window's layout, and the window can change its pages without them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu

from app.journal.opening import Journal
from app.ui.widgets.message_bar import MessageBar
from app.ui.window.actions import WindowActions
from app.ui.window.navigation import View

STATUS_MESSAGE_MS = 8000
"""How long a passing status message ("Saved.") stays: long enough to read twice."""


class Navigator(Protocol):
    """Moving between the views and opening things in them (the window's navigation)."""

    @property
    def view(self) -> View:
        """The view shown."""
        ...

    def show_view(self, view: View, *, focus: bool = True) -> bool:
        """Show `view` (saving the one left); False when what is typed could not be saved."""
        ...

    def open_entry(self, entry_id: str) -> None:
        """Show an entry in the Entries view, with the cursor in its text."""
        ...

    def open_cycle(self, cycle_id: str, stage_id: str = "") -> None:
        """Show a cycle in the Cycle view, where it was left or at `stage_id`."""
        ...

    def open_action(self, action_id: str) -> None:
        """Show Home with an agreed action chosen in its actions."""
        ...

    def save_shown(self) -> bool:
        """Save what the view shown holds; False (the reason shown) if refused."""
        ...

    def show_no_cycle(self, *, focus: bool = False) -> None:
        """The cycle shown is gone: the Cycle view shows none and the rail no cycle's title;
        with `focus`, the keyboard goes to the empty Cycle view if it is the view shown."""
        ...

    def refresh_shown(self) -> None:
        """Read the view shown again (the journal changed under it)."""
        ...

    def refresh_home(self) -> None:
        """Read Home again if it is shown (something it lists has changed)."""
        ...

    def update_commands(self) -> None:
        """Enable the menu commands that make sense for what is shown."""
        ...


class WindowContext:
    """The window as the controllers see it.

    `window` is the parent of the controllers and their dialogs (and closes to restore a
    backup); `commands`, `menus` and `undo_stack` are the window's; `message_bar` shows
    problems that must stay until dealt with, `show_status()` passing news. `save_all()` asks
    every saver added with `add_saver()` (the entry and the cycle being written), and
    `navigator` is the window's navigation, once it is made.
    """

    def __init__(
        self,
        window: QMainWindow,
        journal: Journal,
        *,
        commands: WindowActions,
        menus: dict[str, QMenu],
        message_bar: MessageBar,
        undo_stack: QUndoStack,
    ) -> None:
        self.window = window
        self.journal = journal
        self.commands = commands
        self.menus = menus
        self.message_bar = message_bar
        self.undo_stack = undo_stack
        self._savers: list[Callable[[], bool]] = []
        self._navigator: Navigator | None = None

    def show_status(self, message: str, ms: int = STATUS_MESSAGE_MS) -> None:
        """Say `message` in the status bar for `ms` milliseconds."""
        self.window.statusBar().showMessage(message, ms)

    def show_problem(self, message: str) -> None:
        """Show a problem in the message bar (it stays until dealt with)."""
        self.message_bar.show_problem(message)

    def add_saver(self, save: Callable[[], bool]) -> None:
        """Have `save_all()` also call `save` (True when saved or nothing to save)."""
        self._savers.append(save)

    def save_all(self) -> bool:
        """Save everything typed; False if any of it was refused (every saver is asked)."""
        saved = [save() for save in self._savers]
        return all(saved)

    @property
    def navigator(self) -> Navigator:
        """The window's navigation (set once made, before any controller uses it)."""
        if self._navigator is None:
            raise RuntimeError("the window's navigation is not made yet")
        return self._navigator

    def set_navigator(self, navigator: Navigator) -> None:
        """Make `navigator` the window's navigation."""
        self._navigator = navigator
