"""Earlier versions of something written, each with a preview, and a way back to one.

Entry > Versions shows an entry's; Cycle > Stage versions shows one stage's.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.ui.widgets.dates import local_text
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.screen_fit import resize_within_screen
from app.writing.entries import EntryRecord, EntryStore, display_title

NO_VERSIONS = (
    "No earlier versions yet. Each time you change this entry, the text it had before is "
    "kept here, so you can always go back."
)
CHOOSE = "Choose an earlier version to see it. Restoring keeps today's text too."


@dataclass(frozen=True)
class Version:
    """One earlier text as the list shows it."""

    id: int
    title: str
    body: str
    written_line: str
    replaced_tip: str


class VersionHistoryDialog(KeyboardSafeDialog):
    """Lists earlier versions, newest first; "Restore this version" brings one back.

    A subclass reads the versions (`_read`) and restores one (`_bring_back`).

    Signals: restored(object) with the record after a version was made current.
    """

    restored = Signal(object)

    def __init__(self, empty_note: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Earlier versions")
        self._versions: list[Version] = []
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
        self._splitter = splitter
        self.intro = QLabel(CHOOSE)
        self.intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        self.empty_note = quiet_note(empty_note)
        layout.addWidget(self.empty_note)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        resize_within_screen(self, 780, 520)

    def _read(self) -> list[Version]:
        raise NotImplementedError

    def _bring_back(self, version: Version) -> object:
        raise NotImplementedError

    def _load(self) -> None:
        try:
            self._versions = self._read()
        except JournalError as exc:
            self.error.show_message(str(exc))
            self._versions = []
        for version in self._versions:
            item = QListWidgetItem(version.written_line)
            item.setToolTip(version.replaced_tip)
            self.version_list.addItem(item)
        self.empty_note.setVisible(not self._versions)
        self.restore_button.setEnabled(bool(self._versions))
        # With nothing to choose from, only the sentence saying why: no empty panes.
        for part in (self.intro, self._splitter, self.restore_button):
            part.setVisible(bool(self._versions))
        if not self._versions:
            resize_within_screen(self, 560, 160)
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
            record = self._bring_back(self._versions[row])
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.restored.emit(record)
        self.accept()


class VersionsDialog(VersionHistoryDialog):
    """Entry > Versions: an entry's earlier texts, newest first.

    Signals: restored(object) with the EntryRecord after a version was made current.
    """

    def __init__(self, store: EntryStore, entry_id: str, parent: QWidget | None = None) -> None:
        super().__init__(NO_VERSIONS, parent)
        self._store = store
        self._entry_id = entry_id
        self._load()

    def _read(self) -> list[Version]:
        return [
            Version(
                v.id,
                v.title,
                v.body,
                f"Written {local_text(v.written)}\n{display_title(v.title, v.body)}",
                f"Replaced {local_text(v.replaced)}",
            )
            for v in self._store.versions(self._entry_id)
        ]

    def _bring_back(self, version: Version) -> EntryRecord:
        return self._store.restore_version(self._entry_id, version.id)
