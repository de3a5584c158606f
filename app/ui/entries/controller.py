"""What the journal window does: choose, write, autosave, search for and trash entries."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Signal, Slot
from PySide6.QtWidgets import QLabel

from app.errors import JournalError
from app.ui.entries.draft_saver import DraftSaver
from app.ui.entries.list_model import ENTRY_ID_ROLE, EntryListModel, summary_of
from app.ui.entries.trash_command import MoveToTrashCommand
from app.ui.search.background import SearchFunction
from app.ui.search.controller import SearchController
from app.ui.search.saved_controller import SavedSearchController
from app.ui.widgets.messages import Confirm
from app.writing.entry_record import EntryRecord

if TYPE_CHECKING:
    from app.ui.entries.page import EntriesPage
    from app.ui.window.context import WindowContext
    from app.writing.entries import EntryStore

EMPTY_JOURNAL_HINT = "Your journal is empty.\nPress Ctrl+N to write your first entry."
CHOOSE_HINT = "Choose an entry on the left, or press Ctrl+N to start a new one."
TRASHED_MESSAGE = "Moved to trash — Undo (Ctrl+Z)"
SAVE_FAILED = (
    "Your latest changes could not be saved. They are still here in the editor; "
    "keep this window open and try again. The reason: {reason}"
)


class EntriesController(QObject):
    """Connects the Entries view's widgets to the journal's entries (behaviour, not layout).

    `words_label` and `save_state_label` (in the status bar) say how many words the entry in
    the editor has and whether it is saved.

    Signals: currentEntryChanged(str) with the id of the entry now in the editor ("" for
    none); entrySaved(str) after an entry was written. A cycle chosen in the search results
    is passed on by `search.cycleChosen`.
    """

    currentEntryChanged = Signal(str)
    entrySaved = Signal(str)

    def __init__(
        self,
        context: WindowContext,
        page: EntriesPage,
        *,
        confirm: Confirm,
        delay_ms: int,
        search: SearchFunction | None = None,
        words_label: QLabel,
        save_state_label: QLabel,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._page = page
        self._editor = page.editor
        self._list = page.sidebar.entry_list
        journal = context.journal
        self._journal = journal
        self._confirm = confirm
        self._quiet = False
        self._loaded = False
        self._fresh: set[str] = set()
        self.model = EntryListModel(journal, parent=self)
        self._words_label = words_label
        self._save_state_label = save_state_label
        self.saver = DraftSaver(journal, self._editor.draft, delay_ms, parent=self)
        self.search = SearchController(context, page.sidebar, search, parent=self)
        self.saved_searches = SavedSearchController(
            context, page.sidebar, self.search, confirm, parent=self
        )

        self._list.setModel(self.model)
        self._list.addAction(context.commands.trash)
        self.model.loadFailed.connect(context.show_problem)
        selection = self._list.selectionModel()
        selection.currentChanged.connect(self._current_changed)
        self._editor.edited.connect(self.saver.note_edit)
        self._editor.edited.connect(self._update_word_count)
        self.saver.stateChanged.connect(save_state_label.setText)
        self.saver.saved.connect(self._saved)
        self.saver.failed.connect(self._save_failed)
        context.message_bar.retryRequested.connect(self.save_now)
        page.hint_button.clicked.connect(self.new_entry)
        self.search.entryChosen.connect(self.open_entry)
        self.search.readerHint.connect(self.show_search_hint)
        self.search.closed.connect(self._search_closed)

        actions = context.commands
        actions.trash.triggered.connect(self.trash_current)
        actions.versions.triggered.connect(self.show_versions)
        actions.show_recovery_code.triggered.connect(self.show_recovery_code)

        save_state_label.setText(self.saver.state.value)

    @property
    def _store(self) -> EntryStore:
        """The journal's entries, made when first written to (the window is built without
        them: the list reads in plain SQL)."""
        return self._journal.entries

    def ensure_loaded(self) -> None:
        """Read the list and show its newest entry, the first time the Entries view or an entry
        command needs them (the window often opens on another view)."""
        if self._loaded:
            return
        self._loaded = True
        self.model.reload()
        self._refresh_known_tags()
        self._select_row(0)

    # -- commands -------------------------------------------------------------------------

    @Slot()
    def new_entry(self) -> None:
        """Start a new entry at the top of the list, with the cursor in its text."""
        self.ensure_loaded()
        if not self._leave_current():
            return
        if self.search.is_active:
            self.search.close_search()
        try:
            record = self._store.create()
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        self._fresh.add(record.id)
        self.model.insert_first(summary_of(record))
        self._select_row(0)
        self._editor.focus_text()

    @Slot()
    def save_now(self) -> None:
        """Save the entry being edited at once (Ctrl+S)."""
        if self.saver.save_now() and self.saver.entry_id is not None:
            self._context.show_status("Saved.")

    @Slot()
    def save_quietly(self) -> None:
        """Save without a status message (the window lost focus)."""
        self.saver.save_now()

    @Slot(str, bool)
    def open_entry(self, entry_id: str, focus_editor: bool = False) -> None:
        """Show an entry chosen elsewhere than the list (a search result)."""
        self.ensure_loaded()
        if entry_id != self.saver.entry_id or self._page.editor_stack.currentIndex() != (
            self._page.EDITOR_PAGE
        ):
            if not self._leave_current():
                return
            self._show(entry_id)
            row = self.model.row_of(entry_id)
            selection = self._list.selectionModel()
            with self._quietly():
                if row is None:
                    selection.clear()
                else:
                    selection.setCurrentIndex(
                        self.model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect
                    )
        if focus_editor and self.saver.entry_id == entry_id:
            self._editor.focus_text()

    @Slot(str)
    def show_search_hint(self, text: str) -> None:
        """The current search result is not an entry (or there is none): the reader says
        `text` instead of showing an entry the results do not hold."""
        if not self._leave_current():
            return
        self.saver.end()
        self.currentEntryChanged.emit("")
        self._page.show_hint(text, offer_new_entry=False)
        self._words_label.clear()
        self._save_state_label.clear()

    @Slot()
    def trash_current(self) -> None:
        """Move the selected entry to the trash; Ctrl+Z brings it back."""
        entry_id = self.saver.entry_id
        if entry_id is None or not self.saver.save_now():
            return
        row = self.model.row_of(entry_id)
        title = self.model.summary(row).title if row is not None else ""
        command = MoveToTrashCommand(
            self._store, entry_id, title, self._moved, self._context.show_problem
        )
        self._context.undo_stack.push(command)

    @Slot()
    def show_versions(self) -> None:
        """Open the earlier versions of the entry being edited."""
        entry_id = self.saver.entry_id
        if entry_id is None or not self.saver.save_now():
            return
        from app.ui.widgets.versions_dialog import VersionsDialog  # loads when first opened

        dialog = VersionsDialog(self._store, entry_id, parent=self._context.window)
        dialog.restored.connect(self._version_restored)
        dialog.open()

    @Slot()
    def show_recovery_code(self) -> None:
        """Show the code that opens this journal without its key or passphrase."""
        try:
            code = self._journal.recovery_code()
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        from app.ui.start.recovery_dialog import RecoveryCodeDialog  # loads when first opened

        RecoveryCodeDialog(code, parent=self._context.window).open()

    def refresh(self) -> None:
        """Read the list and the entry in the editor again (an import may have changed both);
        what was typed is saved first."""
        if not self._loaded:
            self.ensure_loaded()
            self.saved_searches.reload()
            return
        if not self._leave_current():
            return
        entry_id = self.saver.entry_id
        with self._quietly():
            self.model.reload(at_least=self.model.rowCount())
        self._refresh_known_tags()
        self.saved_searches.reload()
        if entry_id is None:
            self._select_row(0)
            return
        self._show(entry_id)
        self._select_id(entry_id)

    def add_written(self, record: EntryRecord) -> None:
        """An entry written outside the editor (a quick note): at the top of the list, its
        tags offered; shown in the editor only when no other entry is."""
        if not self._loaded:
            return  # read with the rest when the list is first needed
        with self._quietly():
            self.model.insert_first(summary_of(record))
        self._refresh_known_tags()
        if self.saver.entry_id is None and not self.search.is_active:
            self._select_row(0)

    def forget_entry(self, entry_id: str) -> None:
        """The entry left the list (it became a cycle): show the next one."""
        self.ensure_loaded()
        row = self.model.row_of(entry_id) or 0
        if entry_id == self.saver.entry_id:
            self.saver.end()
        self._fresh.discard(entry_id)
        with self._quietly():
            self.model.remove(entry_id)
        self.search.forget_item(entry_id)
        self._select_row(min(row, self.model.rowCount() - 1))

    @Slot(str)
    def show_returned(self, entry_id: str) -> None:
        """The entry is back in the list (an undo or the Trash brought it back): read the list
        and show it."""
        self.ensure_loaded()
        self._reload_and_select(entry_id)

    def prepare_to_close(self) -> bool:
        """Save before the window closes. Only a refused save can keep the window open."""
        if self.saver.save_now():
            self._discard_if_empty()
            return True
        return self._confirm(
            self._context.window,
            "Your latest changes are not saved",
            "Your latest changes could not be saved, so closing now would lose them.\n\n"
            "Close anyway? Choose No to keep the window open and copy your text somewhere safe.",
        )

    # -- reacting to the list and the editor -------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet:
            return
        new_id = current.data(ENTRY_ID_ROLE) if current.isValid() else None
        if new_id == self.saver.entry_id:
            return
        if not self._leave_current():
            # The old entry could not be saved: stay on it, with its text, until it can be.
            self._select_id(self.saver.entry_id)
            return
        if isinstance(new_id, str):
            self._show(new_id)
        else:
            self._show_hint()

    def _leave_current(self) -> bool:
        """Save the entry being edited; drop it if it was new and is still empty."""
        if not self.saver.save_now():
            return False
        self._discard_if_empty()
        return True

    def _discard_if_empty(self) -> None:
        entry_id = self.saver.entry_id
        if entry_id not in self._fresh or not self._editor.draft().is_empty():
            return
        self._fresh.discard(entry_id)
        self.saver.end()
        try:
            if not self._store.discard_unwritten(entry_id):
                return  # words arrived after all: it is kept
        except JournalError:
            return  # an empty entry left behind is harmless
        with self._quietly():
            self.model.remove(entry_id)

    def _show(self, entry_id: str) -> None:
        try:
            record = self._store.get(entry_id)
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        self._editor.show_entry(record)
        self.saver.begin(record)
        self._page.show_editor()
        self._save_state_label.setText(self.saver.state.value)
        self._update_word_count()
        self.currentEntryChanged.emit(record.id)

    def _show_hint(self) -> None:
        self.saver.end()
        self.currentEntryChanged.emit("")
        if self.model.rowCount():
            self._page.show_hint(CHOOSE_HINT, offer_new_entry=True)
        else:
            self._page.show_hint(EMPTY_JOURNAL_HINT, offer_new_entry=True)
        self._words_label.clear()
        self._save_state_label.clear()

    @Slot(object)
    def _saved(self, record: EntryRecord) -> None:
        self._context.message_bar.clear()
        self.model.update(summary_of(record))
        self._refresh_known_tags()
        self.entrySaved.emit(record.id)

    @Slot(str)
    def _save_failed(self, reason: str) -> None:
        self._context.show_problem(SAVE_FAILED.format(reason=reason))

    @Slot()
    def _update_word_count(self) -> None:
        from app.writing.rendering import word_count  # with the first entry shown

        words = word_count(self._editor.body_edit.toPlainText())
        self._words_label.setText(f"{words} word" if words == 1 else f"{words} words")

    @Slot()
    def _search_closed(self) -> None:
        """Back from the search: the list shows the entry in the editor, if it is loaded."""
        entry_id = self.saver.entry_id
        if entry_id is None:  # the reader showed a cycle result or none: show the list's first
            self._select_row(0)
            return
        row = self.model.row_of(entry_id)
        if row is not None:
            index = self.model.index(row)
            with self._quietly():
                self._list.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                )
            self._list.scrollTo(index)

    def _moved(self, entry_id: str, trashed: bool) -> None:
        if trashed:
            self.forget_entry(entry_id)
            self._context.show_status(TRASHED_MESSAGE)
            self._list.setFocus()
        else:
            self._reload_and_select(entry_id)
            self._context.show_status("Restored from the trash.")

    @Slot(object)
    def _version_restored(self, record: EntryRecord) -> None:
        self._editor.show_entry(record)
        self.saver.begin(record)
        self.model.update(summary_of(record))
        self._update_word_count()
        self._context.show_status("Earlier version restored.")

    # -- helpers ------------------------------------------------------------------------------

    def _reload_and_select(self, entry_id: str) -> None:
        if not self._leave_current():
            return
        with self._quietly():
            self.model.reload(at_least=self.model.rowCount() + 1)
        self._select_id(entry_id)

    def _select_row(self, row: int) -> None:
        """Make `row` current and show its entry, or show the hint when there is no such row."""
        target = self.model.summary(row).id if 0 <= row < self.model.rowCount() else None
        if target is None:
            if not self._leave_current():
                return
            with self._quietly():
                self._list.selectionModel().clearCurrentIndex()
            self._show_hint()
            return
        self._select_id(target)

    def _select_id(self, entry_id: str | None) -> None:
        """Make the entry current (loading more of the list if needed) and show it."""
        if entry_id is None:
            return
        if entry_id != self.saver.entry_id and not self._leave_current():
            return
        row = self.model.row_of(entry_id)
        while row is None and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(entry_id)
        if row is None:
            return
        index = self.model.index(row)
        with self._quietly():
            self._list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        self._list.scrollTo(index)
        if entry_id != self.saver.entry_id:
            self._show(entry_id)

    def _refresh_known_tags(self) -> None:
        try:
            self._editor.set_known_tags(self._store.all_tags())
        except JournalError as exc:
            self._context.show_problem(str(exc))

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        """Changes to the list made here do not count as the person choosing an entry."""
        previous, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = previous
