"""File > Import…: a JSON export, or a share or feedback package, with progress and Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.transfer.incoming import ImportOutcome, IncomingKind, incoming_kind
from app.ui.sharing.import_runner import ImportRunner
from app.ui.sharing.words import NOTHING_IMPORTED, import_message
from app.ui.widgets.announce import announce
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog

KIND_WORDS = {
    IncomingKind.PACKAGE: "A share or feedback package: it is checked before anything changes.",
    IncomingKind.JSON: "A journal export (JSON): entries already here are kept unless the "
    "file's copy is newer.",
}
STARTING = "Opening and checking the file…"
STOPPING = "Stopping…"
REFUSED = "{message} Nothing was imported; your journal is as it was."


class ImportDialog(KeyboardSafeDialog):
    """Imports one file off the GUI thread: a progress bar, Cancel, then the outcome in words.

    Constructor: ImportDialog(journal, path, parent=None); `start()` begins the import (the
    owner opens the dialog first). Closing it while the import runs cancels it, and waits
    for the rollback. It deletes itself when closed.

    Signals: imported(object) with the ImportOutcome once an import changed the journal
    (or was already done: `changed` says which).
    """

    imported = Signal(object)

    def __init__(self, journal: Journal, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Import")
        self._journal = journal
        self.path = path
        self.outcome: ImportOutcome | None = None
        self.runner = ImportRunner(self)
        self.title_label = heading(f"Importing {path.name}", "Importing", 1.2)
        self.kind_label = quiet_note("")
        self.kind_label.setAccessibleName("What kind of file")
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Import progress")
        self.progress_bar.setRange(0, 0)
        self.status_label = plain_label(STARTING, "Import status")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the import: nothing changes")
        self.close_button = QPushButton("&Close")
        self.close_button.setAccessibleName("Close")
        buttons = QDialogButtonBox()
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.accept)
        self.runner.progressed.connect(self._progressed)
        self.runner.succeeded.connect(self._succeeded)
        self.runner.failed.connect(self._failed)
        self.runner.cancelled.connect(self._cancelled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.kind_label)
        layout.addSpacing(6)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.status_label)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)

    @property
    def running(self) -> bool:
        """True while the import runs."""
        return self.runner.running

    def start(self) -> None:
        """Say what kind of file it is, then import it on a worker thread."""
        try:
            kind = incoming_kind(self.path)
        except JournalError as exc:
            self._failed(str(exc))
            return
        self.kind_label.setText(KIND_WORDS[kind])
        self.runner.start(self._journal, self.path)

    @Slot()
    def cancel(self) -> None:
        """Stop the import; it rolls back, so nothing changes."""
        if not self.running:
            self.reject()
            return
        self.runner.cancel()
        self.cancel_button.setEnabled(False)
        self.status_label.setText(STOPPING)

    @Slot(int, int)
    def _progressed(self, done: int, total: int) -> None:
        if total <= 0:
            return
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        if self.cancel_button.isEnabled():
            self.status_label.setText(f"Importing {done} of {total}…")

    @Slot(object)
    def _succeeded(self, outcome: object) -> None:
        if not isinstance(outcome, ImportOutcome):
            return
        self.outcome = outcome
        if self.progress_bar.maximum() == 0:  # too quick for any progress to be reported
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(1)
        self.title_label.setText(
            f"Imported {self.path.name}" if outcome.changed else f"Nothing new in {self.path.name}"
        )
        self._finish(import_message(outcome))
        self.imported.emit(outcome)

    @Slot(str)
    def _failed(self, message: str) -> None:
        self.title_label.setText(f"Not imported: {self.path.name}")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self._finish(REFUSED.format(message=message), problem=True)

    @Slot()
    def _cancelled(self) -> None:
        self.title_label.setText(f"Not imported: {self.path.name}")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self._finish(NOTHING_IMPORTED)

    def _finish(self, text: str, *, problem: bool = False) -> None:
        self.status_label.setText(text)
        announce(self.status_label, text, assertive=problem)
        self.cancel_button.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.close_button.setFocus()

    def done(self, result: int) -> None:
        """Close; an import still running is cancelled and waited for (it rolls back)."""
        if self.running:
            self.runner.cancel()
        self.runner.wait()
        super().done(result)
