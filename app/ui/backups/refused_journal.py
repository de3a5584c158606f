"""When the journal's database is missing, empty or another journal's: say so, offer a restore.

The journal is never replaced by a new, empty one; the person sees what happened, the newest
backups, and can restore one here with the recovery code (the folder as it is is kept aside).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.storage.keys import KeyStore
from app.storage.meta import KeyMode, read_meta
from app.ui.start.restore_pages import (
    RestoreBackupPage,
    RestoredPage,
    RestoreJournal,
    restore_into_pages,
)
from app.ui.widgets.backup_choosers import ChoosePath, choose_backup_file
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog, KeyboardSafeWizard
from app.ui.widgets.screen_fit import resize_within_screen

RESTORE_CHOSEN = 2
"""RefusedJournalDialog's result when the person chose to restore a backup."""


class RefusedJournalDialog(KeyboardSafeDialog):
    """Why the journal was not opened, with "Restore a backup..." and "Close"."""

    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Your journal was not opened")
        self.message = QLabel(message)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("Why the journal was not opened")
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(
            "&Restore a backup...", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setAccessibleName("Restore a backup")
        self.restore_button.setDefault(True)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.restore_button.clicked.connect(self._restore)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    @Slot()
    def _restore(self) -> None:
        self.done(RESTORE_CHOSEN)


class RestoreWizard(KeyboardSafeWizard):
    """Restore this journal's folder from a backup with the recovery code; after it is
    accepted, `journal` is the restored journal, open."""

    def __init__(
        self,
        folder: Path,
        key_store: KeyStore,
        restore: RestoreJournal,
        *,
        backups_folder: Path,
        choose_backup: ChoosePath = choose_backup_file,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore your journal")
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self._folder = folder
        self._key_store = key_store
        self._restore_journal = restore
        self.journal: Journal | None = None
        kept_key = _kept_key(folder, key_store)
        self.restore_page = RestoreBackupPage(
            key_store, choose_backup, self._restore, start=backups_folder, kept_key=kept_key
        )
        how = (
            "Its key is on this laptop, so no recovery code is needed."
            if kept_key is not None
            else "Then type your recovery code."
        )
        self.restore_page.setSubTitle(
            f"Choose a backup of this journal. {how} What is in the journal folder now is "
            "kept aside, not deleted."
        )
        self.restored_page = RestoredPage()
        self.addPage(self.restore_page)
        self.addPage(self.restored_page)
        resize_within_screen(self, 640, 480)

    def reject(self) -> None:
        """Cancel, except once restored: a new recovery code must be kept first."""
        if self.journal is not None:
            return
        super().reject()

    def _restore(self, backup: Path, code: str, passphrase: str | None) -> bool:
        done = restore_into_pages(
            self._restore_journal,
            (self._folder, backup, code, passphrase),
            (self.restore_page, self.restored_page),
            self._key_store.description(),
        )
        if done is None:
            return False
        self.journal = done[0]
        return True


def _kept_key(folder: Path, key_store: KeyStore) -> str | None:
    """Where this laptop keeps the journal's key, or None when the recovery code is needed."""
    try:
        meta = read_meta(folder)
        if meta.key_mode is not KeyMode.KEYRING or not key_store.is_available():
            return None
        return key_store.description() if key_store.load(meta.journal_id) else None
    except JournalError:
        return None
