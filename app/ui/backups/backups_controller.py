"""What the window does about backups: back up now, the Backups dialog, automatic backups.

Backups and the check before a restore run on one worker thread, one at a time. Restoring
closes the window; the app (app/ui/window/launch.py) then restores and opens a new window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import Enum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.ui.widgets.background_call import BackgroundCall
from app.ui.widgets.backup_choosers import ChoosePath, choose_backup_file, choose_backup_folder
from app.ui.widgets.messages import Confirm

# Backing up, restoring and the dialog load when first needed (the first automatic check
# waits FIRST_CHECK_MS), not with the window.
if TYPE_CHECKING:
    from app.ui.backups.backups_dialog import BackupsDialog
    from app.ui.window.context import WindowContext

FIRST_CHECK_MS = 5_000
"""The first automatic check waits until the window has settled."""
CHECK_EVERY_MS = 10 * 60 * 1000
"""Then a look every ten minutes (a name-only listing of the backup folder)."""
UNEXPECTED = "The backup stopped unexpectedly. Please try again."
NOT_SAVED = (
    "What you typed could not be saved, so the journal was not restored. "
    "Fix the problem shown above first."
)


class _Job(Enum):
    AUTOMATIC = "automatic"
    NOW = "now"
    CHECK = "check"


class BackupsController(QObject):
    """File > Back up now, File > Backups... and a backup whenever one is due.

    `first_check_ms` is when automatic backups are first looked at (None: never; tests and
    the window pass their own), `now` the clock. After a restore is confirmed,
    `restore_request` names the backup and the window closes; `replace_journal` is True when
    the person chose to replace this journal by another journal's backup.

    Signals: backupsChanged() after a backup was made.
    """

    backupsChanged = Signal()

    def __init__(
        self,
        context: WindowContext,
        *,
        now: Callable[[], datetime],
        confirm: Confirm,
        first_check_ms: int | None = FIRST_CHECK_MS,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._journal = context.journal
        self._now = now
        self._confirm = confirm
        self.choose_folder: ChoosePath = choose_backup_folder
        self.choose_file: ChoosePath = choose_backup_file
        self.restore_request: Path | None = None
        self.replace_journal = False
        self.dialog: BackupsDialog | None = None
        self._problem = ""
        self._jobs: dict[int, tuple[_Job, Path | None]] = {}
        self.runner = BackgroundCall(UNEXPECTED, self)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(self._failed)
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check_due)
        self._first_check = QTimer(self)
        self._first_check.setSingleShot(True)
        self._first_check.timeout.connect(self._start_checking)
        if first_check_ms is not None:
            self._first_check.start(first_check_ms)
        actions = context.commands
        actions.back_up_now.triggered.connect(self.back_up_now)
        actions.backups.triggered.connect(self.show_dialog)
        context.message_bar.retryRequested.connect(self._retry)

    @property
    def busy(self) -> bool:
        """True while a backup or a check runs."""
        return self.runner.busy

    @Slot()
    def check_due(self) -> None:
        """Make a backup if one is due (nothing happens while another runs)."""
        if not self.runner.busy:
            self._start(_Job.AUTOMATIC, partial(self._journal.backups.take_if_due, self._now()))

    @Slot()
    def back_up_now(self) -> None:
        """Save what is typed, then back up to the backup folder."""
        self._context.save_all()
        self._start(_Job.NOW, partial(self._journal.backups.take, self._now()))

    def check_restore(self, backup: Path) -> None:
        """Check, off the GUI thread, that `backup` would restore; the dialog hears back."""
        from app.journal.restore import check_backup

        self._start(_Job.CHECK, partial(check_backup, backup, self._journal.key), backup)

    @Slot()
    def show_dialog(self) -> None:
        """File > Backups...: settings, the backups made, and Restore."""
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from app.ui.backups.backups_dialog import BackupsDialog

        dialog = BackupsDialog(
            self._journal, self, confirm=self._confirm, parent=self._context.window
        )
        dialog.finished.connect(self._dialog_closed)
        dialog.restoreConfirmed.connect(self.restore)
        dialog.replaceConfirmed.connect(self.replace_by)
        self.dialog = dialog
        dialog.open()

    @Slot(str)
    def restore(self, backup: str) -> None:
        """Close the window so the app can restore `backup` and open the journal again."""
        self._close_to_restore(backup, replace_journal=False)

    @Slot(str)
    def replace_by(self, backup: str) -> None:
        """As `restore`, for another journal's backup the person chose to replace this by."""
        self._close_to_restore(backup, replace_journal=True)

    def _close_to_restore(self, backup: str, *, replace_journal: bool) -> None:
        if not self._context.save_all():
            if self.dialog is not None:
                self.dialog.show_problem(NOT_SAVED)
            return
        self.restore_request = Path(backup)
        self.replace_journal = replace_journal
        if self.dialog is not None:
            self.dialog.reject()
        if not self._context.window.close():
            self.restore_request = None

    def shut_down(self) -> None:
        """The window is closing: no more checks; a backup under way is finished first."""
        self._first_check.stop()
        self._timer.stop()
        self.runner.wait()

    def _start(self, job: _Job, work: Callable[[], object], backup: Path | None = None) -> None:
        self._jobs[self.runner.start(work)] = (job, backup)

    @Slot()
    def _start_checking(self) -> None:
        self._timer.start()
        self.check_due()

    @Slot(int, object)
    def _finished(self, ticket: int, result: object) -> None:
        job, backup = self._jobs.pop(ticket)
        if job is _Job.CHECK:
            if self.dialog is not None and backup is not None:
                self.dialog.backup_checked(backup, result)
            return
        from app.journal.backups import BackupResult

        if not isinstance(result, BackupResult):
            return  # not due
        if self._problem and self._context.message_bar.message == self._problem:
            self._context.message_bar.clear()
        self._problem = ""
        how = "Backed up automatically" if job is _Job.AUTOMATIC else "Backed up"
        self._context.show_status(f"{how} to {result.record.path} (checked).")
        if result.problem:
            self._show_problem(result.problem)
        self.backupsChanged.emit()

    @Slot(int, str)
    def _failed(self, ticket: int, message: str) -> None:
        job, backup = self._jobs.pop(ticket)
        if job is _Job.CHECK:
            if self.dialog is not None and backup is not None:
                self.dialog.backup_refused(message)
            return
        what = "The automatic backup" if job is _Job.AUTOMATIC else "The backup"
        self._show_problem(f"{what} did not work: {message}")
        if self.dialog is not None:
            self.dialog.show_problem(message)

    def _show_problem(self, message: str) -> None:
        self._problem = message
        self._context.show_problem(message)

    @Slot()
    def _retry(self) -> None:
        if self._problem:  # the bar may already be cleared by a save retried with it
            self.back_up_now()

    @Slot()
    def _dialog_closed(self) -> None:
        self.dialog = None
