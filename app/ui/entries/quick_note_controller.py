"""File > Quick note… and the tray menu's Quick note…: a note saved straight into the journal.

The note is a new entry like any other (its title, when none is typed, is the text's first line,
as app/writing/titles.py reads it), in the domains ticked and with the tags typed. While the
journal window is locked the note can still be written; saving it asks to unlock first (the
window's own lock screen comes forward) and saves once unlocked, and until then, or if saving
fails, what was typed stays in the note.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QDialog

from app.errors import JournalError
from app.ui.entries.controller import EntriesController
from app.ui.entries.quick_note import QuickNoteDialog
from app.ui.reminders.tray import bring_forward
from app.ui.widgets.messages import Confirm
from app.ui.widgets.settings import remember_geometry, restore_geometry_of
from app.ui.window.context import WindowContext

SETTINGS_NAME = "quick_note"
SAVED = "Quick note saved to your entries."
NOTHING_WRITTEN = "Write a few words first: there is nothing to save yet."
LOCKED = (
    "The journal is locked. Unlock it in the journal window and this note is saved then; "
    "until then it stays here."
)
SAVE_FAILED = (
    "The note could not be saved. It is still here; keep this window open and try again. "
    "The reason: {reason}"
)
CLOSE_TITLE = "Your quick note is not saved"
CLOSE_QUESTION = (
    "The Quick note window holds text that is not in your journal yet, so closing now would "
    "lose it.\n\nClose anyway? Choose No to go back to the note."
)


class QuickNoteController(QObject):
    """Opens the Quick note window (one at a time) and saves it as an entry.

    `locked` says whether the journal window is locked, `ask_to_unlock` brings its lock screen
    forward; call `lock_changed` when it locks or unlocks. `notify` tells the person the note
    was saved when the journal window is out of sight (the tray's message), and `entries` shows
    the new entry in the Entries view's list.
    """

    def __init__(
        self,
        context: WindowContext,
        settings: QSettings,
        *,
        entries: EntriesController,
        locked: Callable[[], bool],
        ask_to_unlock: Callable[[], None],
        confirm: Confirm,
        notify: Callable[[str], None] = lambda _message: None,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._settings = settings
        self._entries = entries
        self._locked = locked
        self._ask_to_unlock = ask_to_unlock
        self._confirm = confirm
        self._notify = notify
        self._waiting_for_unlock = False
        self.dialog: QuickNoteDialog | None = None
        context.commands.quick_note.triggered.connect(self.open)

    @Slot()
    def open(self) -> None:
        """Show the Quick note window (or bring the open one forward), the cursor in its text."""
        dialog = self.dialog
        if dialog is None:
            dialog = QuickNoteDialog(self._context.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.saveRequested.connect(self.save)
            dialog.finished.connect(self._closed)
            restore_geometry_of(self._settings, SETTINGS_NAME, dialog)
            self.dialog = dialog
            self._offer_tags()
        bring_forward(dialog)
        dialog.focus_text()

    @Slot()
    def save(self) -> None:
        """Save the note as a new entry and close it; or ask to unlock first, or say why not."""
        dialog = self.dialog
        if dialog is None:
            return
        if not dialog.has_words():
            dialog.show_problem(NOTHING_WRITTEN)
            dialog.focus_text()
            return
        if self._locked():
            self._waiting_for_unlock = True
            dialog.show_problem(LOCKED)
            self._ask_to_unlock()
            return
        self._waiting_for_unlock = False
        draft = dialog.draft()
        try:
            record = self._context.journal.entries.create(
                draft.title, draft.body, draft.domains, draft.tags
            )
        except JournalError as exc:
            dialog.show_problem(SAVE_FAILED.format(reason=exc))
            bring_forward(dialog)  # it may be behind the journal window, just unlocked
            return
        self._entries.add_written(record)
        self._context.navigator.refresh_home()
        self._context.show_status(SAVED)
        if not self._context.window.isVisible():
            self._notify(SAVED)
        dialog.saved()

    @Slot(bool)
    def lock_changed(self, locked: bool) -> None:
        """The journal window locked (no tags offered) or was unlocked (a note that waited for
        it is saved now)."""
        if locked:
            if self.dialog is not None:
                self.dialog.set_known_tags([])
            return
        self._offer_tags()
        if self._waiting_for_unlock:
            self.save()

    def prepare_to_close(self) -> bool:
        """The window is closing: a note with text in it asks first (False: keep it open)."""
        dialog = self.dialog
        if dialog is None or not dialog.has_typed_text():
            return True
        if self._confirm(self._context.window, CLOSE_TITLE, CLOSE_QUESTION):
            return True
        bring_forward(dialog)
        dialog.focus_text()
        return False

    def close_dialogs(self) -> None:
        """Close the note without asking (the window is closing, and it was asked)."""
        if self.dialog is not None:
            self.dialog.done(QDialog.DialogCode.Rejected)

    def _offer_tags(self) -> None:
        """The journal's tags for completion, never while it is locked."""
        dialog = self.dialog
        if dialog is None or self._locked():
            return
        try:
            dialog.set_known_tags(self._context.journal.entries.all_tags())
        except JournalError:
            dialog.set_known_tags([])  # completion is a help; typing a tag still works

    @Slot(int)
    def _closed(self, _result: int) -> None:
        if self.dialog is not None:
            remember_geometry(self._settings, SETTINGS_NAME, self.dialog)
        self.dialog = None
        self._waiting_for_unlock = False
