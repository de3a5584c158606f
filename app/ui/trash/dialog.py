"""The Trash: trashed entries and cycles, to restore, delete for good, or empty all at once."""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.journal.opening import Journal
from app.ui.cycles.cycle_page import cycle_page_html
from app.ui.cycles.list_model import CycleListModel
from app.ui.entries.list_model import EntryListModel
from app.ui.widgets.entry_delegate import EntryDelegate
from app.ui.widgets.fields import InlineError, quiet_note
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.messages import Confirm, ask_to_confirm
from app.ui.widgets.preview import PreviewBrowser
from app.ui.widgets.screen_fit import resize_within_screen

EMPTY_TRASH = "The trash is empty."


class TrashedKind(StrEnum):
    """What a row of the trash is."""

    ENTRY = "entry"
    CYCLE = "cycle"


class TrashDialog(KeyboardSafeDialog):
    """Trashed entries and trashed cycles, each in its own list, with a read-only preview of
    the one chosen (choosing in one list leaves nothing chosen in the other).

    Signals: entryRestored(str) and cycleRestored(str) with the id of what was brought back;
    deletedForever() after something was deleted for good (so nothing can be undone to it).
    """

    entryRestored = Signal(str)
    cycleRestored = Signal(str)
    deletedForever = Signal()

    def __init__(
        self, journal: Journal, confirm: Confirm = ask_to_confirm, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle("Trash")
        self._journal = journal
        self._confirm = confirm
        self.model = EntryListModel(journal.entries, trashed=True, parent=self)
        self.entry_list = _list("Trashed entries", self.model)
        self.entry_list.setItemDelegate(EntryDelegate(show_deleted_date=True))
        self.cycle_model = CycleListModel(journal.cycles, trashed=True, parent=self)
        self.cycle_list = _list("Trashed cycles", self.cycle_model)
        self.preview = PreviewBrowser()
        self.preview.setAccessibleName("Trashed entry preview")
        self.note = quiet_note(
            "Entries and cycles here can be restored until you delete them for good or empty "
            "the trash. A restored cycle goes back to its line of inquiry."
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
        self.cycle_model.loadFailed.connect(self.error.show_message)
        for view in (self.entry_list, self.cycle_list):
            view.installEventFilter(self)
        self.entry_list.selectionModel().currentChanged.connect(self._entry_changed)
        self.cycle_list.selectionModel().currentChanged.connect(self._cycle_changed)

        self.entries_section = _section("E&ntries", self.entry_list)
        self.cycles_section = _section("C&ycles", self.cycle_list)
        lists = QSplitter(Qt.Orientation.Vertical)
        lists.addWidget(self.entries_section)
        lists.addWidget(self.cycles_section)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(lists)
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
        resize_within_screen(self, 800, 560)
        self._reload()

    def _button(self, text: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        button.setAccessibleName(text.replace("&", "").rstrip("."))
        return button

    def selected(self) -> tuple[TrashedKind, str] | None:
        """What is chosen: an entry or a cycle, and its id."""
        index = self.entry_list.currentIndex()
        if index.isValid():
            return TrashedKind.ENTRY, self.model.summary(index.row()).id
        index = self.cycle_list.currentIndex()
        if index.isValid():
            return TrashedKind.CYCLE, self.cycle_model.summary(index.row()).id
        return None

    def selected_id(self) -> str | None:
        """The id of the chosen trashed entry or cycle."""
        chosen = self.selected()
        return chosen[1] if chosen is not None else None

    # -- choosing ---------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Moving into a list by keyboard (Tab, Alt+letter) chooses its first row, so the
        preview and the buttons follow the keyboard."""
        if (
            event.type() == QEvent.Type.FocusIn
            and isinstance(watched, QListView)
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.MouseFocusReason
            and not watched.currentIndex().isValid()
            and watched.model().rowCount() > 0
        ):
            watched.setCurrentIndex(watched.model().index(0, 0))
        return super().eventFilter(watched, event)

    @Slot(QModelIndex, QModelIndex)
    def _entry_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.cycle_list.selectionModel().clearCurrentIndex()
            self.cycle_list.clearSelection()
        self._show_chosen()

    @Slot(QModelIndex, QModelIndex)
    def _cycle_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.entry_list.selectionModel().clearCurrentIndex()
            self.entry_list.clearSelection()
        self._show_chosen()

    def _show_chosen(self) -> None:
        chosen = self.selected()
        self.restore_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None)
        if chosen is None:
            self.preview.clear()
            return
        kind, item_id = chosen
        self.preview.setAccessibleName(f"Trashed {kind} preview")
        try:
            if kind is TrashedKind.ENTRY:
                record = self._journal.entries.get(item_id)
                self.preview.show_markdown(record.body, record.display_title)
                return
            cycle = self._journal.cycles.get(item_id)
            inquiry = self._journal.cycles.inquiry(cycle.inquiry_id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        template = self._journal.templates.get(cycle.template_id)
        self.preview.setHtml(cycle_page_html(cycle, template, inquiry))

    # -- commands ---------------------------------------------------------------------------

    @Slot()
    def _restore(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        kind, item_id = chosen
        store = self._journal.entries if kind is TrashedKind.ENTRY else self._journal.cycles
        try:
            store.restore(item_id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self._take_off_list(kind, item_id)
        (self.entryRestored if kind is TrashedKind.ENTRY else self.cycleRestored).emit(item_id)

    @Slot()
    def _delete_forever(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        kind, item_id = chosen
        if kind is TrashedKind.ENTRY:
            title = self.model.summary(self.entry_list.currentIndex().row()).title
            question = f"Delete “{title}” and all its earlier versions for good?"
        else:
            title = self.cycle_model.summary(self.cycle_list.currentIndex().row()).title
            question = (
                f"Delete the cycle “{title}”, its stages and their earlier versions, for good?"
            )
        if not self._confirm(self, "Delete forever?", f"{question} This cannot be undone."):
            return
        store = self._journal.entries if kind is TrashedKind.ENTRY else self._journal.cycles
        try:
            store.delete_forever(item_id)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self._take_off_list(kind, item_id)
        self.deletedForever.emit()

    @Slot()
    def _empty(self) -> None:
        try:
            entries = self.model.total()
            cycles = self._journal.cycles.trashed_count()
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        if not entries + cycles:
            return
        if not self._confirm(
            self,
            "Empty the trash?",
            f"Delete {_what(entries, cycles)} in the trash, and their earlier versions, for "
            "good? This cannot be undone.",
        ):
            return
        try:
            self._journal.entries.empty_trash()
            self._journal.cycles.empty_trash()
        except JournalError as exc:
            self.error.show_message(str(exc))
            self._reload()
            return
        self._reload()
        self.deletedForever.emit()

    # -- the lists --------------------------------------------------------------------------

    def _take_off_list(self, kind: TrashedKind, item_id: str) -> None:
        model: EntryListModel | CycleListModel
        model, view = (
            (self.model, self.entry_list)
            if kind is TrashedKind.ENTRY
            else (self.cycle_model, self.cycle_list)
        )
        row = model.row_of(item_id) or 0
        model.remove(item_id)
        row = min(row, model.rowCount() - 1)
        if row >= 0:
            view.setCurrentIndex(model.index(row))
        else:
            self._select_first()
        self._update_sections()

    def _reload(self) -> None:
        self.model.reload()
        self.cycle_model.reload()
        self._select_first()
        self._update_sections()

    def _select_first(self) -> None:
        """Choose the newest entry, or else the newest cycle, or nothing."""
        for model, view in ((self.model, self.entry_list), (self.cycle_model, self.cycle_list)):
            if model.rowCount():
                view.setCurrentIndex(model.index(0))
                return
        for view in (self.entry_list, self.cycle_list):
            view.selectionModel().clearCurrentIndex()
        self._show_chosen()

    def _update_sections(self) -> None:
        has_entries = self.model.rowCount() > 0
        has_cycles = self.cycle_model.rowCount() > 0
        self.entries_section.setVisible(has_entries)
        self.cycles_section.setVisible(has_cycles)
        self.empty_button.setEnabled(has_entries or has_cycles)
        self.pages.setCurrentIndex(0 if has_entries or has_cycles else 1)


def _list(name: str, model: EntryListModel | CycleListModel) -> QListView:
    view = QListView()
    view.setAccessibleName(name)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setModel(model)
    return view


def _section(title: str, view: QListView) -> QWidget:
    """A list under its label; the label's Alt+letter moves to the list."""
    label = QLabel(title)
    label.setBuddy(view)
    section = QWidget()
    layout = QVBoxLayout(section)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(view, 1)
    return section


def _what(entries: int, cycles: int) -> str:
    """'the entry', 'the 3 entries and 1 cycle'... for the Empty trash question."""
    if entries + cycles == 1:
        return "the entry" if entries else "the cycle"
    parts = [
        f"{n} {word if n == 1 else plural}"
        for n, word, plural in ((entries, "entry", "entries"), (cycles, "cycle", "cycles"))
        if n
    ]
    return "the " + " and ".join(parts)
