"""File > Backups...: where backups go, how often, how many are kept, and restoring one."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.journal.backups import (
    MAX_KEEP,
    BackupInterval,
    BackupSettings,
    describe_size,
    list_backups,
    read_settings,
    save_settings,
)
from app.journal.opening import Journal
from app.storage.backup_file import BackupManifest
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.messages import Confirm
from app.ui.widgets.screen_fit import resize_within_screen, scrolling

if TYPE_CHECKING:
    from app.ui.backups.backups_controller import BackupsController

NO_BACKUPS = "No backups of this journal in this folder yet."
ABOUT = (
    "Backups are encrypted with your journal's key, and your recovery code opens them. "
    "A OneDrive or other synced folder keeps copies off this laptop."
)

ALSO_KEPT = (
    "Also kept: the newest backup of each of the last 7 days, 5 weeks and 12 months, and "
    "older backups that hold more than your journal does now."
)


def restore_question(manifest: BackupManifest) -> str:
    """What the person is asked before a restore."""
    when = manifest.made_at.astimezone().strftime("%A %d %B %Y at %H:%M")
    return (
        f"Restore the backup made on {when}?\n\n"
        "The journal will close and open again as it was then. What you wrote since is not "
        "lost: the journal as it is now is kept in a 'before-restore' folder inside the "
        "journal folder."
    )


def replace_question(manifest: BackupManifest, journal_id: str) -> str:
    """What the person is asked before another journal's backup replaces this journal."""
    when = manifest.made_at.astimezone().strftime("%A %d %B %Y at %H:%M")
    return (
        f"This backup, made on {when}, is of ANOTHER journal (id {manifest.journal_id[:8]}), "
        f"not of this one (id {journal_id[:8]}).\n\n"
        "Replace this journal by that other journal? This journal as it is now is kept in a "
        "'before-restore' folder inside the journal folder. If you meant to bring back this "
        "journal, choose No and pick one of its own backups."
    )


class BackupsDialog(KeyboardSafeDialog):
    """Backup settings (saved as they change), this journal's backups, and Restore.

    The controller runs backups and checks; the dialog hears back through `backup_checked`,
    `backup_refused` and `show_problem`.

    Signals: restoreConfirmed(str) with the path of a checked backup the person chose to
    restore; replaceConfirmed(str) with the path of another journal's backup the person
    chose to replace this journal by.
    """

    restoreConfirmed = Signal(str)
    replaceConfirmed = Signal(str)

    def __init__(
        self,
        journal: Journal,
        controller: BackupsController,
        *,
        confirm: Confirm,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Backups")
        self._journal = journal
        self._controller = controller
        self._confirm = confirm
        self._settings = BackupSettings()

        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        # Read here, changed with the buttons: focus would only select the whole path.
        self.folder_edit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.folder_edit.setAccessibleName("Backup folder")
        self.choose_button = QPushButton("C&hoose...")
        self.choose_button.setAccessibleName("Choose the backup folder")
        self.choose_button.setAutoDefault(False)
        self.default_button = QPushButton("Use the &default")
        self.default_button.setAccessibleName("Back up to the default folder")
        self.default_button.setAutoDefault(False)
        self.interval_combo = QComboBox()
        self.interval_combo.setAccessibleName("Back up automatically")
        for interval in BackupInterval:
            self.interval_combo.addItem(interval.label, interval.value)
        self.keep_spin = QSpinBox()
        self.keep_spin.setRange(1, MAX_KEEP)
        self.keep_spin.setSuffix(" backups")
        self.keep_spin.setAccessibleName("Backups to keep")
        self.backup_list = QTreeWidget()
        self.backup_list.setAccessibleName("Backups of this journal")
        self.backup_list.setHeaderLabels(["Made", "Size"])
        self.backup_list.setRootIsDecorated(False)
        self.backup_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty_label = quiet_note(NO_BACKUPS)
        self.status_label = quiet_note("")
        self.error = InlineError("Backups problem")
        self.back_up_button = QPushButton("&Back up now")
        self.back_up_button.setAccessibleName("Back up now")
        self.restore_button = QPushButton("&Restore...")
        self.restore_button.setAccessibleName("Restore the chosen backup")
        self.restore_file_button = QPushButton("Restore from a &file...")
        self.restore_file_button.setAccessibleName("Restore from a backup file")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setAccessibleName("Close")
        for button in (self.back_up_button, self.restore_button, self.restore_file_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self._lay_out(buttons)

        self.choose_button.clicked.connect(self._choose_folder)
        self.default_button.clicked.connect(self._use_default_folder)
        self.interval_combo.currentIndexChanged.connect(self._interval_changed)
        self.keep_spin.valueChanged.connect(self._keep_changed)
        self.backup_list.itemSelectionChanged.connect(self._update_buttons)
        self.back_up_button.clicked.connect(self._back_up)
        self.restore_button.clicked.connect(self._restore_chosen)
        self.restore_file_button.clicked.connect(self._restore_file)
        controller.backupsChanged.connect(self._backed_up)
        self._load()
        resize_within_screen(self, 640, 480)

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)
        form = QFormLayout()
        form.addRow("Backups go to:", folder_row)
        form.addRow("", quiet_note(ABOUT))
        form.addRow("Back up automatically:", self.interval_combo)
        form.addRow("Keep the newest:", self.keep_spin)
        form.addRow("", quiet_note(ALSO_KEPT))
        body = QVBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addLayout(form)
        body.addSpacing(8)
        body.addWidget(QLabel("Backups of this journal:"))
        body.addWidget(self.backup_list, 1)
        body.addWidget(self.empty_label)
        body.addWidget(self.status_label)
        body.addWidget(self.error)
        layout = QVBoxLayout(self)
        # the body scrolls on a short screen (1280x720 at 200%); Close stays in sight below it
        layout.addWidget(scrolling(body, "Backups"), 1)
        layout.addWidget(buttons)

    @property
    def folder(self) -> Path:
        """The folder backups go to now."""
        return self._settings.folder_for(self._journal.folder)

    def backups_listed(self) -> list[str]:
        """The rows of the list as shown ("made | size"), newest first."""
        rows = []
        for i in range(self.backup_list.topLevelItemCount()):
            item = self.backup_list.topLevelItem(i)
            if item is not None:
                rows.append(f"{item.text(0)} | {item.text(1)}")
        return rows

    def show_problem(self, message: str) -> None:
        """Show a problem under the list (a backup or restore did not work)."""
        self._set_busy("")
        self.error.show_message(message)

    def backup_checked(self, backup: Path, manifest: object) -> None:
        """The backup would restore: ask, then say so (the controller closes the window)."""
        self._set_busy("")
        if not isinstance(manifest, BackupManifest):
            return
        mine = self._journal.meta.journal_id
        if manifest.journal_id != mine:
            # It opens with this journal's key (the same passphrase), but it is another journal.
            if self._confirm(self, "Replace this journal?", replace_question(manifest, mine)):
                self.replaceConfirmed.emit(str(backup))
            return
        if self._confirm(self, "Restore a backup", restore_question(manifest)):
            self.restoreConfirmed.emit(str(backup))

    def backup_refused(self, message: str) -> None:
        """The backup cannot be restored: say why; nothing was changed."""
        self.show_problem(message)

    # -- settings ------------------------------------------------------------------------------

    def _load(self) -> None:
        try:
            self._settings = read_settings(self._journal.folder)
        except JournalError as exc:
            self._settings = BackupSettings()
            self.error.show_message(str(exc))
        self.folder_edit.setText(str(self.folder))
        self.default_button.setEnabled(self._settings.folder is not None)
        for widget in (self.interval_combo, self.keep_spin):
            widget.blockSignals(True)
        self.interval_combo.setCurrentIndex(
            self.interval_combo.findData(self._settings.interval.value)
        )
        self.keep_spin.setValue(self._settings.keep)
        for widget in (self.interval_combo, self.keep_spin):
            widget.blockSignals(False)
        self._refresh_list()

    def _save(self, settings: BackupSettings) -> None:
        try:
            save_settings(self._journal.folder, settings)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.error.show_message("")
        self._load()

    @Slot()
    def _choose_folder(self) -> None:
        chosen = self._controller.choose_folder(self, self.folder)
        if chosen is not None:
            self._save(replace(self._settings, folder=chosen.absolute()))

    @Slot()
    def _use_default_folder(self) -> None:
        self._save(replace(self._settings, folder=None))

    @Slot(int)
    def _interval_changed(self, index: int) -> None:
        interval = BackupInterval(self.interval_combo.itemData(index))
        self._save(replace(self._settings, interval=interval))

    @Slot(int)
    def _keep_changed(self, keep: int) -> None:
        self._save(replace(self._settings, keep=keep))

    # -- the list, backing up and restoring ---------------------------------------------------

    def _refresh_list(self) -> None:
        self.backup_list.clear()
        try:
            records = list_backups(self.folder, self._journal.meta.journal_id)
        except JournalError as exc:
            records = []
            self.error.show_message(str(exc))
        for record in records:
            item = QTreeWidgetItem([record.describe(), describe_size(record.size)])
            item.setData(0, Qt.ItemDataRole.UserRole, str(record.path))
            item.setToolTip(0, str(record.path))
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.backup_list.addTopLevelItem(item)
        self.backup_list.resizeColumnToContents(0)
        self.empty_label.setVisible(not records)
        self._update_buttons()

    @Slot()
    def _back_up(self) -> None:
        self.error.show_message("")
        self._set_busy("Backing up...")
        self._controller.back_up_now()

    @Slot()
    def _backed_up(self) -> None:
        self._set_busy("")
        self._refresh_list()

    @Slot()
    def _restore_chosen(self) -> None:
        items = self.backup_list.selectedItems()
        if items:
            self._check(Path(str(items[0].data(0, Qt.ItemDataRole.UserRole))))

    @Slot()
    def _restore_file(self) -> None:
        chosen = self._controller.choose_file(self, self.folder)
        if chosen is not None:
            self._check(chosen)

    def _check(self, backup: Path) -> None:
        self.error.show_message("")
        self._set_busy("Checking the backup...")
        self._controller.check_restore(backup)

    def _set_busy(self, status: str) -> None:
        self.status_label.setText(status)
        self.status_label.setVisible(bool(status))
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        idle = not self.status_label.text()
        self.back_up_button.setEnabled(idle)
        self.restore_file_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and bool(self.backup_list.selectedItems()))
