"""Entry > Trash: trashed entries, to restore, delete for good, or empty all at once."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.entries import EntryStore
from app.errors import JournalError
from app.ui.entry_delegate import EntryDelegate
from app.ui.entry_list_model import EntryListModel
from app.ui.fields import InlineError, quiet_note
from app.ui.messages import Confirm, ask_to_confirm
from app.ui.preview import PreviewBrowser

EMPTY_TRASH = "The trash is empty."


class TrashDialog(QDialog):
    """Trashed entries with a preview of the chosen one.

    Signals: entryRestored(str) with the id of an entry brought back; deletedForever() after
    entries were deleted for good (so nothing can be undone to them any more).
    """

    entryRestored = Signal(str)
    deletedForever = Signal()

    def __init__(
        self, store: EntryStore, confirm: Confirm = ask_to_confirm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Trash")
        self._store = store
        self._confirm = confirm
        self.model = EntryListModel(store, trashed=True, parent=self)
        self.entry_list = QListView()
        self.entry_list.setAccessibleName("Trashed entries")
        self.entry_list.setItemDelegate(EntryDelegate(show_deleted_date=True))
        self.entry_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.entry_list.setModel(self.model)
        self.preview = PreviewBrowser()
        self.preview.setAccessibleName("Trashed entry preview")
        self.note = quiet_note(
            "Entries here can be restored until you delete them for good or empty the trash."
        )
        self.error = InlineError("Trash problem")
        self.buttons = QDialogButtonBox()
        self.restore_button = self._button("&Restore", QDialogButtonBox.ButtonRole.ActionRole)
        self.delete_button = self._button(
            "&Delete forever...", QDialogButtonBox.ButtonRole.ActionRole
        )
        self.empty_button = self._button("&Empty trash...", QDialogButtonBox.ButtonRole.ResetRole)
        close = self._button("Close", QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.restore_button.clicked.connect(self._restore)
        self.delete_button.clicked.connect(self._delete_forever)
        self.empty_button.clicked.connect(self._empty)
        self.model.loadFailed.connect(self.error.show_message)
        self.entry_list.selectionModel().currentChanged.connect(self._current_changed)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.entry_list)
        splitter.addWidget(self.preview)
        splitter.setSizes([300, 460])
        self.empty_label = QLabel(EMPTY_TRASH)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(EMPTY_TRASH)
        self.pages = QStackedWidget()
        self.pages.addWidget(splitter)
        self.pages.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(800, 520)
        self._reload()

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setAccessibleName(text.replace("&", "").rstrip("."))
        return button

    def selected_id(self) -> str | None:
        """The chosen trashed entry."""
        index = self.entry_list.currentIndex()
        return self.model.summary(index.row()).id if index.isValid() else None

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        has_entry = current.isValid()
        self.restore_button.setEnabled(has_entry)
        self.delete_button.setEnabled(has_entry)
        if not has_entry:
            self.preview.clear()
            return
        try:
            record = self._store.get(self.model.summary(current.row()).id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.preview.show_markdown(record.body, record.display_title)

    @Slot()
    def _restore(self) -> None:
        entry_id = self.selected_id()
        if entry_id is None:
            return
        try:
            self._store.restore(entry_id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self._take_off_list(entry_id)
        self.entryRestored.emit(entry_id)

    @Slot()
    def _delete_forever(self) -> None:
        entry_id = self.selected_id()
        if entry_id is None:
            return
        title = self.model.summary(self.entry_list.currentIndex().row()).title
        if not self._confirm(
            self,
            "Delete forever?",
            f"Delete “{title}” and all its earlier versions for good? This cannot be undone.",
        ):
            return
        try:
            self._store.delete_forever(entry_id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self._take_off_list(entry_id)
        self.deletedForever.emit()

    @Slot()
    def _empty(self) -> None:
        count = self.model.total()
        if not count:
            return
        noun = "entry" if count == 1 else f"{count} entries"
        if not self._confirm(
            self,
            "Empty the trash?",
            f"Delete the {noun} in the trash, and their earlier versions, for good? "
            "This cannot be undone.",
        ):
            return
        try:
            self._store.empty_trash()
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self._reload()
        self.deletedForever.emit()

    def _take_off_list(self, entry_id: str) -> None:
        row = self.model.row_of(entry_id) or 0
        self.model.remove(entry_id)
        self._select(min(row, self.model.rowCount() - 1))

    def _reload(self) -> None:
        self.model.reload()
        self._select(0)

    def _select(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.entry_list.setCurrentIndex(self.model.index(row))
        else:
            self.entry_list.selectionModel().clearCurrentIndex()
            self._current_changed(QModelIndex(), QModelIndex())
        self.empty_button.setEnabled(self.model.total() > 0)
        self.pages.setCurrentIndex(0 if self.model.total() else 1)
