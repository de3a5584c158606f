"""What the window does for supervision: sessions, flags on entries, the summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app.ui.summary.hooks import ChooseFile, PrintDocument

if TYPE_CHECKING:
    from app.ui.sessions.sessions_list import SessionsList
    from app.ui.summary.summary_dialog import SummaryDialog  # loads when first opened
    from app.ui.window.context import WindowContext

FLAGGED = "Flagged to bring to supervision."
UNFLAGGED = "No longer flagged for supervision."
SHARED = "Marked to share with your coach."
UNSHARED = "No longer marked to share with your coach."


class SupervisionController(QObject):
    """Record a session (File menu), flag the entry shown (Entry menu), and prepare the summary.

    Everything typed is saved (the context's `save_all()`) before a summary is prepared, so
    it holds what was just typed.

    Signals: sessionsChanged() after a session was recorded or changed.
    """

    sessionsChanged = Signal()

    def __init__(
        self,
        context: WindowContext,
        sessions_list: SessionsList,
        *,
        today: Callable[[], date],
        choose_file: ChooseFile,
        print_document: PrintDocument,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._sessions_list = sessions_list
        self._journal = context.journal
        self._today = today
        self._choose_file = choose_file
        self._print_document = print_document
        self.summary_dialog: SummaryDialog | None = None
        actions = context.commands
        actions.record_session.triggered.connect(self.record_session)
        actions.export_summary.triggered.connect(self.export_summary)
        actions.print_summary.triggered.connect(self.print_summary)
        for flag in (actions.flag_entry, actions.share_entry):
            flag.failed.connect(context.show_problem)
        actions.flag_entry.flagChanged.connect(self._flagged)
        actions.share_entry.flagChanged.connect(self._shared)
        sessions_list.sessionSaved.connect(self.sessionsChanged)

    @Slot()
    def record_session(self) -> None:
        """Open an empty session dialog (the Sessions view lists it once saved)."""
        self._sessions_list.record_session()

    @Slot()
    def export_summary(self) -> None:
        """The summary dialog, ready to export."""
        self._open_summary(printing=False)

    @Slot()
    def print_summary(self) -> None:
        """The summary dialog, ready to print."""
        self._open_summary(printing=True)

    def close_dialogs(self) -> None:
        """Close the summary dialog (it waits for a file being written)."""
        if self.summary_dialog is not None:
            self.summary_dialog.reject()

    def _open_summary(self, *, printing: bool) -> None:
        if not self._context.save_all():
            return
        dialog = self.summary_dialog
        if dialog is not None:
            dialog.raise_()
            dialog.activateWindow()
        else:
            from app.ui.summary.summary_dialog import SummaryDialog

            dialog = SummaryDialog(
                self._journal,
                today=self._today,
                choose_file=self._choose_file,
                print_document=self._print_document,
                parent=self._context.window,
            )
            dialog.finished.connect(self._summary_closed)
            dialog.summaryExported.connect(self._exported)
            self.summary_dialog = dialog
            dialog.open()
        dialog.print_button.setDefault(printing)
        dialog.export_button.setDefault(not printing)

    @Slot(str)
    def _exported(self, path: str) -> None:
        self._context.show_status(f"Summary saved to {path}")

    @Slot()
    def _summary_closed(self) -> None:
        self.summary_dialog = None

    @Slot(str, bool)
    def _flagged(self, _entry_id: str, flagged: bool) -> None:
        self._context.show_status(FLAGGED if flagged else UNFLAGGED)

    @Slot(str, bool)
    def _shared(self, _entry_id: str, shared: bool) -> None:
        self._context.show_status(SHARED if shared else UNSHARED)
