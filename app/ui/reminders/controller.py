"""File > Add dates to calendar…: the coming dates, chosen in a dialog, saved as an .ics file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot

from app.errors import JournalError
from app.ui.widgets.file_pickers import PickFile, calendar_request
from app.ui.widgets.one_dialog import OneDialog
from app.ui.window.context import WindowContext
from app.words import counted

if TYPE_CHECKING:  # the dialog and the calendar writer load when the command is first used
    from app.ui.reminders.calendar_dialog import CalendarDialog

SAVED = "Saved {count} to {name}. Open it to add them to your calendar."


class CalendarController(QObject):
    """Opens the calendar dialog from File > Add dates to calendar…, then asks where to save
    (through `pick_file`) and writes the file. Problems go to the message bar."""

    def __init__(
        self,
        context: WindowContext,
        *,
        pick_file: PickFile,
        today: Callable[[], date],
        now: Callable[[], datetime],
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._pick_file = pick_file
        self._today = today
        self._now = now
        self._slot: OneDialog[CalendarDialog] = OneDialog(self._save)
        context.commands.add_to_calendar.triggered.connect(self.add_to_calendar)

    @property
    def dialog(self) -> CalendarDialog | None:
        """The dialog, while it is open."""
        return self._slot.dialog

    @Slot()
    def add_to_calendar(self) -> None:
        """Show the coming dates (or bring the open dialog forward)."""
        if self._slot.bring_forward():
            return
        from app.reminders.due import ReminderService
        from app.ui.reminders.calendar_dialog import CalendarDialog

        try:
            items = ReminderService(self._context.journal).coming(self._today())
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        self._slot.open(CalendarDialog(items, self._context.window))

    def close_dialogs(self) -> None:
        """Close the dialog if it is open."""
        self._slot.close()

    def _save(self, dialog: CalendarDialog) -> None:
        from app.reminders.calendar import to_ics
        from app.storage.files import write_atomically

        path = self._pick_file(self._context.window, calendar_request(self._today()))
        if path is None:
            return
        items = dialog.chosen()
        text = to_ics(items, titles=dialog.with_titles, stamp=self._now())
        try:
            write_atomically(path, text.encode("utf-8"))
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        count = counted(len(items), "date", "dates")
        self._context.show_status(SAVED.format(count=count, name=path.name))
