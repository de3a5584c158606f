"""What the Sharing menu and File > Import… do: pair with a coach, share, import."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QMenu, QWidget

from app.errors import JournalError
from app.ui.cycles.controller import CycleController
from app.ui.entries.controller import EntriesController
from app.ui.sharing.actions import SharingActions
from app.ui.widgets.file_pickers import PickFile, import_request, open_card_request
from app.ui.window.navigation import View

# The dialogs load when first opened, not with the window.
if TYPE_CHECKING:
    from app.ui.entries.page import EntriesPage
    from app.ui.sharing.card_dialogs import AddCoachDialog, SaveCardDialog
    from app.ui.sharing.import_dialog import ImportDialog
    from app.ui.sharing.share_dialog import ShareDialog
    from app.ui.sharing.share_items import OpenItem
    from app.ui.window.context import WindowContext


class SharingController(QObject):
    """Runs the sharing commands: Save my card, Add coach from card, Share with coach, Import.

    The dialogs open over the window; what typed is saved before sharing or importing. After
    an import that changed the journal, the entries, the cycle and the view shown are read
    again.

    Signals:
      imported(str): an import changed the journal; the kind of file: "share" (a
        participant's share arrived: the coach workspace should refresh, and may be shown),
        "feedback" (a coach's comments arrived) or "json" (a journal export).
      shared(): a share package was saved (the replies in it now count as sent).
    """

    imported = Signal(str)
    shared = Signal()

    def __init__(
        self,
        context: WindowContext,
        commands: SharingActions,
        entries_page: EntriesPage,
        *,
        pick_file: PickFile,
        today: Callable[[], date],
        entries: EntriesController,
        cycles: CycleController,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._commands = commands
        self._entries_page = entries_page
        self._entry_list = entries_page.sidebar.entry_list
        self._journal = context.journal
        self._pick_file = pick_file
        self._today = today
        self._entries = entries
        self._cycles = cycles
        self.card_dialog: SaveCardDialog | None = None
        self.coach_dialog: AddCoachDialog | None = None
        self.share_dialog: ShareDialog | None = None
        self.import_dialog: ImportDialog | None = None
        actions = commands
        actions.save_card.triggered.connect(self.save_card)
        actions.add_coach.triggered.connect(self.add_coach)
        actions.share.triggered.connect(self.share)
        actions.share_open_item.triggered.connect(self.share_open_item)
        actions.import_file.triggered.connect(self.import_file)
        context.menus["entry"].aboutToShow.connect(self._update_share_open_item)
        self.entry_menu = QMenu(self._entry_list)
        self.entry_menu.addAction(context.commands.share_entry)
        self.entry_menu.addAction(actions.share_open_item)
        self.entry_menu.addSeparator()
        self.entry_menu.addAction(context.commands.trash)
        self._entry_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._entry_list.customContextMenuRequested.connect(self._entry_context_menu)

    # -- pairing --------------------------------------------------------------------------

    @Slot()
    def save_card(self) -> None:
        """Sharing > Save my card…"""
        if self.card_dialog is not None:
            self.card_dialog.raise_()
            return
        from app.ui.sharing.card_dialogs import SaveCardDialog

        try:
            dialog = SaveCardDialog(self._journal, self._pick_file, self._context.window)
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        dialog.cardSaved.connect(self._card_saved)
        dialog.finished.connect(self._card_closed)
        self.card_dialog = dialog
        dialog.open()

    @Slot()
    def add_coach(self) -> None:
        """Sharing > Add coach from card…: open the card, then compare and confirm."""
        if self.coach_dialog is not None:
            self.coach_dialog.raise_()
            return
        parent: QWidget = self.share_dialog or self._context.window
        path = self._pick_file(parent, open_card_request())
        if path is None:
            return
        from app.ui.sharing.card_dialogs import AddCoachDialog, read_card_file

        try:
            card = read_card_file(path)
        except JournalError as exc:
            dialog = AddCoachDialog(self._journal, None, problem=str(exc), parent=parent)
        else:
            dialog = AddCoachDialog(self._journal, card, parent=parent)
        dialog.coachAdded.connect(self._coach_added)
        dialog.finished.connect(self._coach_closed)
        self.coach_dialog = dialog
        dialog.open()

    @Slot(str)
    def _card_saved(self, path: str) -> None:
        self._context.show_status(f"Card saved to {path}")

    @Slot(str)
    def _coach_added(self, fingerprint: str) -> None:
        dialog = self.coach_dialog
        name = dialog.card.name if dialog is not None and dialog.card else "The coach"
        self._context.show_status(f"{name} is now one of your coaches.")
        if self.share_dialog is not None:
            self.share_dialog.refresh_coaches(fingerprint)

    @Slot()
    def _card_closed(self) -> None:
        self.card_dialog = None

    @Slot()
    def _coach_closed(self) -> None:
        self.coach_dialog = None

    # -- sharing --------------------------------------------------------------------------

    @Slot()
    def share(self) -> None:
        """Sharing > Share with coach…"""
        self._open_share(prefer_open=False)

    @Slot()
    def share_open_item(self) -> None:
        """Entry > Share this entry with coach now… (and the entry list's context menu)."""
        self._open_share(prefer_open=True)

    def open_item(self) -> OpenItem | None:
        """The entry or cycle on screen, if any."""
        from app.ui.sharing.share_items import OpenItem  # what a share needs loads with one

        view = self._context.navigator.view
        try:
            entry_id = self._entries.saver.entry_id
            if view is View.ENTRIES and entry_id and self._entries_page.showing_editor:
                title = self._journal.entries.get(entry_id).display_title
                return OpenItem("entry", entry_id, title)
            cycle_id = self._cycles.shown_cycle_id
            if view is View.CYCLE and cycle_id:
                title = self._journal.cycles.get(cycle_id).display_title
                return OpenItem("cycle", cycle_id, title)
        except JournalError:
            return None
        return None

    def _open_share(self, *, prefer_open: bool) -> None:
        if self.share_dialog is not None:
            self.share_dialog.raise_()
            return
        if not self._context.save_all():
            return
        from app.ui.sharing.share_dialog import ShareDialog

        dialog = ShareDialog(
            self._journal,
            pick_file=self._pick_file,
            today=self._today,
            open_item=self.open_item(),
            prefer_open=prefer_open,
            parent=self._context.window,
        )
        dialog.shared.connect(self._shared)
        dialog.addCoachRequested.connect(self.add_coach)
        dialog.finished.connect(self._share_closed)
        self.share_dialog = dialog
        dialog.open()

    @Slot(str)
    def _shared(self, message: str) -> None:
        self._context.message_bar.show_note(message)
        self.shared.emit()

    @Slot()
    def _share_closed(self) -> None:
        self.share_dialog = None

    @Slot()
    def _update_share_open_item(self) -> None:
        item = self.open_item()
        self._commands.share_open_item.setEnabled(item is not None and item.kind == "entry")

    @Slot(QPoint)
    def _entry_context_menu(self, position: QPoint) -> None:
        entry_list = self._entry_list
        index = entry_list.indexAt(position)
        if not index.isValid():
            return
        entry_list.setCurrentIndex(index)  # the menu acts on the row clicked
        self._context.navigator.update_commands()
        self._update_share_open_item()
        viewport = entry_list.viewport()
        assert viewport is not None
        self.entry_menu.popup(viewport.mapToGlobal(position))

    # -- importing ------------------------------------------------------------------------

    @Slot()
    def import_file(self) -> None:
        """File > Import…: choose a file, then import it with progress and a Cancel button."""
        if self.import_dialog is not None:
            self.import_dialog.raise_()
            return
        if not self._context.save_all():
            return
        path = self._pick_file(self._context.window, import_request())
        if path is None:
            return
        from app.ui.sharing.import_dialog import ImportDialog

        dialog = ImportDialog(self._journal, path, self._context.window)
        dialog.imported.connect(self._imported)
        dialog.finished.connect(self._import_closed)
        self.import_dialog = dialog
        dialog.open()
        dialog.start()

    @Slot(object)
    def _imported(self, outcome: object) -> None:
        from app.transfer.incoming import ImportOutcome
        from app.ui.sharing.words import import_message

        if not isinstance(outcome, ImportOutcome) or not outcome.changed:
            return
        # The Import dialog, still open, has just said these words to a screen reader.
        self._context.message_bar.show_note(import_message(outcome), announced=False)
        if outcome.kind == "json":
            self._entries.refresh()
            cycle_id = self._cycles.shown_cycle_id
            if cycle_id and self._cycles.reading:
                self._cycles.read(cycle_id)
            elif cycle_id:
                flow = self._cycles.flow
                self._cycles.open(cycle_id, flow.stage_id if flow is not None else "")
        self._context.navigator.refresh_shown()
        self.imported.emit(outcome.kind)

    @Slot()
    def _import_closed(self) -> None:
        self.import_dialog = None

    def close_dialogs(self) -> None:
        """Close every sharing dialog (an import running is cancelled and rolled back)."""
        for dialog in (self.coach_dialog, self.card_dialog, self.share_dialog, self.import_dialog):
            if dialog is not None:
                dialog.reject()
