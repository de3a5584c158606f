"""Entry > Versions: earlier texts of an entry, each with a preview, and a way back to one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.entries import EntryStore, EntryVersionRecord, display_title
from app.errors import JournalError
from app.ui.dates import local_text
from app.ui.fields import InlineError, quiet_note
from app.ui.preview import PreviewBrowser

NO_VERSIONS = (
    "No earlier versions yet. Each time you change this entry, the text it had before is "
    "kept here, so you can always go back."
)


class VersionsDialog(QDialog):
    """Lists an entry's earlier versions, newest first; "Restore this version" brings one back.

    Signals: restored(object) with the EntryRecord after a version was made current.
    """

    restored = Signal(object)

    def __init__(self, store: EntryStore, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Earlier versions")
        self._store = store
        self._entry_id = entry_id
        self._versions: list[EntryVersionRecord] = []
        self.version_list = QListWidget()
        self.version_list.setAccessibleName("Earlier versions")
        self.version_list.setSpacing(3)
        self.preview = PreviewBrowser()
        self.preview.setAccessibleName("Version preview")
        self.error = InlineError("Versions problem")
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            "&Restore this version", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.restore_button.setAccessibleName("Restore this version")
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        close.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.version_list.currentRowChanged.connect(self._show_version)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.version_list)
        splitter.addWidget(self.preview)
        splitter.setSizes([260, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Choose an earlier version to see it. Restoring keeps today's text too.")
        )
        self.empty_note = quiet_note(NO_VERSIONS)
        layout.addWidget(self.empty_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(780, 520)
        self._load()

    def _load(self) -> None:
        try:
            self._versions = self._store.versions(self._entry_id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            self._versions = []
        for version in self._versions:
            item = QListWidgetItem(
                f"Written {local_text(version.written)}\n"
                f"{display_title(version.title, version.body)}"
            )
            item.setToolTip(f"Replaced {local_text(version.replaced)}")
            self.version_list.addItem(item)
        self.empty_note.setVisible(not self._versions)
        self.restore_button.setEnabled(bool(self._versions))
        if self._versions:
            self.version_list.setCurrentRow(0)

    @Slot(int)
    def _show_version(self, row: int) -> None:
        if 0 <= row < len(self._versions):
            version = self._versions[row]
            self.preview.show_markdown(version.body, version.title)
        else:
            self.preview.clear()

    @Slot()
    def _restore(self) -> None:
        row = self.version_list.currentRow()
        if not 0 <= row < len(self._versions):
            return
        try:
            record = self._store.restore_version(self._entry_id, self._versions[row].id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.restored.emit(record)
        self.accept()
