"""First run: where the journal lives, how its key is kept, and the recovery code."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.journal.paths import is_network_path
from app.storage.keys import KeyStore
from app.storage.meta import journal_exists
from app.ui.start.protection_choice import ProtectionChoice
from app.ui.start.recovery_code_view import RecoveryCodeView
from app.ui.start.restore_pages import (
    RestoreBackupPage,
    RestoredPage,
    RestoreJournal,
    restore_into_pages,
)
from app.ui.widgets.backup_choosers import ChoosePath, choose_backup_file
from app.ui.widgets.fields import InlineError
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeWizard
from app.ui.widgets.resources import app_icon
from app.ui.widgets.screen_fit import resize_within_screen, scrolling_page

CreateJournal = Callable[[Path, str | None], tuple[Journal, str]]
"""Create a journal in a folder with a passphrase (or None: keyring); return it and its code."""
FolderChooser = Callable[[QWidget, Path], Path | None]
"""Ask for a folder, starting at the given one; None when the person cancels."""

NETWORK_WARNING = (
    "This folder looks like it is on a network drive. The journal's database can be damaged "
    "when it is kept on a network drive; a folder on this computer is much safer."
)


def choose_folder_with_dialog(parent: QWidget, start: Path) -> Path | None:
    """The platform's folder picker."""
    chosen = QFileDialog.getExistingDirectory(
        parent, "Choose a folder for your journal", str(start if start.exists() else Path.home())
    )
    return Path(chosen) if chosen else None


class FolderPage(QWizardPage):
    """Welcome, and the folder the journal will live in."""

    def __init__(self, folder: Path, choose_folder: FolderChooser, *, offer_restore: bool) -> None:
        super().__init__()
        self._choose_folder = choose_folder
        self.folder = folder
        self.restore_page_id = -1
        self.setTitle("Welcome to Inquiry Journal")
        intro = QLabel(
            "A private place to reflect on your leadership experiments: what you intended, "
            "what you did, what happened, and what you will try next.\n\n"
            "Everything you write stays on this computer, encrypted. Nothing is sent anywhere."
        )
        intro.setWordWrap(True)
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(64, 64))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        welcome = QHBoxLayout()
        welcome.addWidget(icon)
        welcome.addSpacing(12)
        welcome.addWidget(intro, 1)
        self.folder_edit = QLineEdit(str(folder))
        self.folder_edit.setReadOnly(True)
        # Read here, changed with the button: focus would only select the whole path.
        self.folder_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.folder_edit.setAccessibleName("Journal folder")
        self.choose_button = QPushButton("C&hoose another folder...")
        self.choose_button.setAccessibleName("Choose another folder")
        # Enter should mean Next, not "open the folder chooser".
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self._choose)
        self.note = InlineError("Folder note")
        self.new_radio = QRadioButton("Start a ne&w journal")
        self.new_radio.setAccessibleName("Start a new journal")
        self.restore_radio = QRadioButton("&Restore from a backup (new laptop)")
        self.restore_radio.setAccessibleName("Restore from a backup")
        choice = QButtonGroup(self)
        choice.addButton(self.new_radio)
        choice.addButton(self.restore_radio)
        self.new_radio.setChecked(True)
        self.new_radio.setVisible(offer_restore)
        self.restore_radio.setVisible(offer_restore)

        row = QHBoxLayout()
        row.addWidget(self.folder_edit, 1)
        row.addWidget(self.choose_button)
        layout = scrolling_page(self, "Welcome")
        layout.addLayout(welcome)
        layout.addSpacing(12)
        layout.addWidget(QLabel("Your journal will be kept in this folder:"))
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addSpacing(12)
        layout.addWidget(self.new_radio)
        layout.addWidget(self.restore_radio)
        layout.addStretch(1)
        self._describe()

    def holds_journal(self) -> bool:
        """True when the chosen folder already holds a journal (it will be opened instead)."""
        return journal_exists(self.folder)

    def nextId(self) -> int:
        """No more pages when an existing journal was chosen; restoring has its own page."""
        if self.holds_journal():
            return -1
        if self.restore_radio.isChecked():
            return self.restore_page_id
        return super().nextId()

    @Slot()
    def _choose(self) -> None:
        chosen = self._choose_folder(self, self.folder)
        if chosen is None:
            return
        self.folder = chosen.absolute()
        self.folder_edit.setText(str(self.folder))
        self._describe()
        self.completeChanged.emit()

    def _describe(self) -> None:
        notes = []
        if self.holds_journal():
            notes.append("This folder already holds a journal. Press Open to open it.")
            self.setButtonText(QWizard.WizardButton.FinishButton, "&Open")
        # Tells QWizard to lay its buttons out again: Open instead of Next, or back again.
        self.setFinalPage(self.holds_journal())
        self.new_radio.setEnabled(not self.holds_journal())
        self.restore_radio.setEnabled(not self.holds_journal())
        if is_network_path(self.folder):
            notes.append(NETWORK_WARNING)
        self.note.show_message("\n\n".join(notes))


class ProtectionPage(QWizardPage):
    """Keyring or passphrase; creates the journal when the person moves on."""

    def __init__(self, key_store: KeyStore, create: Callable[[str | None], bool]) -> None:
        super().__init__()
        self._create = create
        self.setTitle("Protect your journal")
        self.setSubTitle("Your journal is encrypted. Choose how its key is kept.")
        description = key_store.description() if key_store.is_available() else None
        self.choice = ProtectionChoice(description)
        self.choice.changed.connect(self.completeChanged)
        self.error = InlineError("Setup problem")
        layout = scrolling_page(self, "Protect your journal")
        layout.addWidget(self.choice)
        layout.addWidget(self.error)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "&Create journal")

    def isComplete(self) -> bool:
        """The passphrase (if any) is long enough and typed the same twice."""
        return self.choice.is_complete()

    def validatePage(self) -> bool:
        """Create the journal now; a problem is shown here and the page stays."""
        self.error.show_message("")
        return self._create(self.choice.passphrase())

    def show_problem(self, message: str) -> None:
        """Show why the journal could not be created."""
        self.error.show_message(message)


class RecoveryCodePage(QWizardPage):
    """The recovery code, with the promise to keep it safe that finishing requires."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Your recovery code")
        self.setSubTitle("This code opens your journal if its key or passphrase is ever lost.")
        self.view: RecoveryCodeView | None = None
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Start writing")
        self._body = scrolling_page(self, "Your recovery code")

    def show_code(self, code: str) -> None:
        """Put the new journal's code on the page."""
        self.view = RecoveryCodeView(code, ask_confirmation=True)
        self.view.confirmedChanged.connect(self.completeChanged)
        self._body.addWidget(self.view)

    def isComplete(self) -> bool:
        """Finishing needs the "I have kept my recovery code safe" box ticked."""
        return self.view is not None and self.view.is_confirmed()

    def nextId(self) -> int:
        """The last page of a new journal's setup."""
        return -1


class SetupWizard(KeyboardSafeWizard):
    """The short first-run setup. After it, `journal` is the new journal (or the one restored
    from a backup, when `restore` is given), or `existing_folder` names a folder that already
    held one (to be unlocked instead)."""

    def __init__(
        self,
        folder: Path,
        key_store: KeyStore,
        create: CreateJournal,
        choose_folder: FolderChooser = choose_folder_with_dialog,
        parent: QWidget | None = None,
        *,
        restore: RestoreJournal | None = None,
        choose_backup: ChoosePath = choose_backup_file,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Set up Inquiry Journal")
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self._create_journal = create
        self._restore_journal = restore
        self._key_store = key_store
        self.journal: Journal | None = None
        self.recovery_code = ""
        self.folder_page = FolderPage(folder, choose_folder, offer_restore=restore is not None)
        self.protection_page = ProtectionPage(key_store, self._create)
        self.code_page = RecoveryCodePage()
        for page in (self.folder_page, self.protection_page, self.code_page):
            self.addPage(page)
        self.restore_page = RestoreBackupPage(key_store, choose_backup, self._restore)
        self.restored_page = RestoredPage()
        if restore is not None:
            self.folder_page.restore_page_id = self.addPage(self.restore_page)
            self.addPage(self.restored_page)
        resize_within_screen(self, 640, 520)

    @property
    def folder(self) -> Path:
        """The folder chosen on the first page."""
        return self.folder_page.folder

    @property
    def existing_folder(self) -> Path | None:
        """Set when the person chose a folder that already holds a journal."""
        if self.journal is None and self.folder_page.holds_journal():
            return self.folder
        return None

    def reject(self) -> None:
        """Cancel, except once the journal exists: then the recovery code must be kept first."""
        if self.journal is not None:
            return
        super().reject()

    def _create(self, passphrase: str | None) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.journal, self.recovery_code = self._create_journal(self.folder, passphrase)
        except JournalError as exc:
            self.protection_page.show_problem(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.code_page.show_code(self.recovery_code)
        return True

    def _restore(self, backup: Path, code: str, passphrase: str | None) -> bool:
        if self._restore_journal is None:
            return False
        done = restore_into_pages(
            self._restore_journal,
            (self.folder, backup, code, passphrase),
            (self.restore_page, self.restored_page),
            self._key_store.description(),
        )
        if done is None:
            return False
        self.journal, new_code = done
        self.recovery_code = new_code or ""
        return True
