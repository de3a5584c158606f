"""The setup wizard's pages for a new laptop: choose a backup, type the recovery code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWizard,
    QWizardPage,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.journal.restore import RestoredBackup
from app.storage.backup_file import read_manifest
from app.storage.keys import KeyStore
from app.ui.start.protection_choice import ProtectionChoice
from app.ui.start.recovery_code_view import RecoveryCodeView
from app.ui.start.unlock_dialogs import recovery_code_input
from app.ui.widgets.backup_choosers import ChoosePath
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.screen_fit import scrolling_page

RestoreJournal = Callable[[Path, Path, str, str | None], tuple[Journal, RestoredBackup, str | None]]
"""Restore (folder, backup file, recovery code, new passphrase or None: keyring); return the
open journal, what was restored, and the new recovery code if a passphrase was chosen."""


class RestoreBackupPage(QWizardPage):
    """The backup file and the recovery code; restores when the person moves on."""

    def __init__(
        self,
        key_store: KeyStore,
        choose_backup: ChoosePath,
        restore: Callable[[Path, str, str | None], bool],
        *,
        start: Path | None = None,
        kept_key: str | None = None,
    ) -> None:
        """`kept_key` names where this laptop keeps the journal's key (its own journal being
        restored): the recovery code is then not needed and the key stays there."""
        super().__init__()
        self._kept_key = kept_key
        self._choose_backup = choose_backup
        self._start = start
        self._restore = restore
        self.backup: Path | None = None
        self.setTitle("Restore from a backup")
        self.setSubTitle(
            "Bring your journal over from your old laptop: choose its backup file, then type "
            "your recovery code."
        )
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.file_edit.setPlaceholderText("No backup chosen yet")
        self.file_edit.setAccessibleName("Backup file")
        self.choose_button = QPushButton("C&hoose backup...")
        self.choose_button.setAccessibleName("Choose the backup file")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose)
        self.about_label = quiet_note("")
        self.about_label.setAccessibleName("About the backup")
        self.about_label.hide()
        prompt, self.code_edit = recovery_code_input()
        self.code_edit.textChanged.connect(self.completeChanged)
        description = key_store.description() if key_store.is_available() else None
        self.choice = ProtectionChoice(description)
        self.choice.changed.connect(self.completeChanged)
        self.error = InlineError("Restore problem")

        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.choose_button)
        layout = scrolling_page(self, "Restore from a backup")
        layout.addWidget(QLabel("Backup file (it ends in .ijbackup):"))
        layout.addLayout(row)
        layout.addWidget(self.about_label)
        layout.addSpacing(8)
        layout.addWidget(prompt)
        layout.addWidget(self.code_edit)
        layout.addWidget(self.error)
        keep_label = QLabel("On this laptop, keep the key:")
        layout.addSpacing(8)
        layout.addWidget(keep_label)
        layout.addWidget(self.choice)
        if kept_key is not None:
            prompt.setText(f"&Recovery code (not needed: the key is in {kept_key}):")
            self.code_edit.setPlaceholderText("Leave empty to use the key this laptop keeps")
            keep_label.hide()
            self.choice.hide()
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Restore journal")

    def isComplete(self) -> bool:
        """A backup is chosen, and a code typed and the key's keeping decided (unless this
        laptop keeps the key)."""
        if self.backup is None:
            return False
        if self._kept_key is not None:
            return True
        return bool(self.code_edit.text().strip()) and self.choice.is_complete()

    def validatePage(self) -> bool:
        """Restore now; a problem is shown here, nothing is written, and the page stays."""
        self.error.show_message("")
        if self.backup is None:
            return False
        passphrase = None if self._kept_key is not None else self.choice.passphrase()
        return self._restore(self.backup, self.code_edit.text(), passphrase)

    def show_problem(self, message: str) -> None:
        """Show why the backup could not be restored."""
        self.error.show_message(message)
        self.code_edit.setFocus()

    @Slot()
    def _choose(self) -> None:
        start = self.backup.parent if self.backup else (self._start or Path.home())
        chosen = self._choose_backup(self, start)
        if chosen is None:
            return
        self.error.show_message("")
        try:
            manifest = read_manifest(chosen)
        except JournalError as exc:
            self.backup = None
            self.file_edit.clear()
            self.about_label.hide()
            self.error.show_message(str(exc))
        else:
            self.backup = chosen
            self.file_edit.setText(str(chosen))
            when = manifest.made_at.astimezone().strftime("%A %d %B %Y at %H:%M")
            self.about_label.setText(f"Made on {when}.")
            self.about_label.show()
        self.completeChanged.emit()


class RestoredPage(QWizardPage):
    """The journal is back; a new recovery code, if a passphrase was chosen, must be kept."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Your journal is restored")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("What was restored")
        self.view: RecoveryCodeView | None = None
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Start writing")
        self._body = scrolling_page(self, "Your journal is restored")
        self._body.addWidget(self.message)

    def show_restored(self, restored: RestoredBackup, keyring: str, new_code: str | None) -> None:
        """Say what was restored and how the key is kept; show a new code to keep."""
        text = restored.describe()
        if new_code is None:
            text += f" Its key is now kept in {keyring} on this laptop."
        else:
            text += (
                " It is protected by your new passphrase. Your old recovery code no longer "
                "works: keep this new one safe instead."
            )
            self.view = RecoveryCodeView(new_code, ask_confirmation=True)
            self.view.confirmedChanged.connect(self.completeChanged)
            self._body.addWidget(self.view)
        self.message.setText(text)

    def isComplete(self) -> bool:
        """A new recovery code must be confirmed as kept before finishing."""
        return self.view is None or self.view.is_confirmed()

    def nextId(self) -> int:
        """The last page."""
        return -1


def restore_into_pages(
    restore: RestoreJournal,
    request: tuple[Path, Path, str, str | None],
    pages: tuple[RestoreBackupPage, RestoredPage],
    keyring: str,
) -> tuple[Journal, str | None] | None:
    """Run a wizard's restore (folder, backup, code, passphrase) with a busy cursor: a
    problem is shown on the backup page (None); success fills the restored page and
    returns the open journal with its new recovery code, if any."""
    restore_page, restored_page = pages
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        journal, restored, new_code = restore(*request)
    except JournalError as exc:
        restore_page.show_problem(str(exc))
        return None
    finally:
        QGuiApplication.restoreOverrideCursor()
    restored_page.show_restored(restored, keyring, new_code)
    return journal, new_code
