"""What the window does for supervision: sessions, flags on entries, the summary."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from app.journal import Journal
from app.ui.summary.hooks import ChooseFile, PrintDocument

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.summary.summary_dialog import SummaryDialog  # loads when first opened

STATUS_MESSAGE_MS = 8000
FLAGGED = "Flagged to bring to supervision."
UNFLAGGED = "No longer flagged for supervision."
SHARED = "Marked to share with your coach."
UNSHARED = "No longer marked to share with your coach."


class SupervisionController(QObject):
    """Record a session (File menu), flag the entry shown (Entry menu), and prepare the summary.

    `save_all()` is asked before a summary is prepared, so it holds what was just typed.

    Signals: sessionsChanged() after a session was recorded or changed.
    """

    sessionsChanged = Signal()

    def __init__(
        self,
        window: MainWindow,
        journal: Journal,
        *,
        today: Callable[[], date],
        choose_file: ChooseFile,
        print_document: PrintDocument,
        save_all: Callable[[], bool],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._journal = journal
        self._today = today
        self._choose_file = choose_file
        self._print_document = print_document
        self._save_all = save_all
        self.summary_dialog: SummaryDialog | None = None
        actions = window.commands
        actions.record_session.triggered.connect(self.record_session)
        actions.export_summary.triggered.connect(self.export_summary)
        actions.print_summary.triggered.connect(self.print_summary)
        for flag in (actions.flag_entry, actions.share_entry):
            flag.failed.connect(window.message_bar.show_problem)
        actions.flag_entry.flagChanged.connect(self._flagged)
        actions.share_entry.flagChanged.connect(self._shared)
        window.sessions_list.sessionSaved.connect(self.sessionsChanged)

    @Slot()
    def record_session(self) -> None:
        """Open an empty session dialog (the Sessions view lists it once saved)."""
        self._window.sessions_list.record_session()

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
        if not self._save_all():
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
                parent=self._window,
            )
            dialog.finished.connect(self._summary_closed)
            dialog.summaryExported.connect(self._exported)
            self.summary_dialog = dialog
            dialog.open()
        dialog.print_button.setDefault(printing)
        dialog.export_button.setDefault(not printing)

    @Slot(str)
    def _exported(self, path: str) -> None:
        self._window.statusBar().showMessage(f"Summary saved to {path}", STATUS_MESSAGE_MS)

    @Slot()
    def _summary_closed(self) -> None:
        self.summary_dialog = None

    @Slot(str, bool)
    def _flagged(self, _entry_id: str, flagged: bool) -> None:
        self._window.statusBar().showMessage(FLAGGED if flagged else UNFLAGGED, STATUS_MESSAGE_MS)

    @Slot(str, bool)
    def _shared(self, _entry_id: str, shared: bool) -> None:
        self._window.statusBar().showMessage(SHARED if shared else UNSHARED, STATUS_MESSAGE_MS)
