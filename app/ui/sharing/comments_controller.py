"""Coach comments in the window: beside the entry or cycle open, marked in lists, counted."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QPushButton

from app.errors import JournalError
from app.ui.sharing.comments_presenter import CommentsPresenter, StageInfo
from app.ui.sharing.unread import UnreadComments
from app.ui.sharing.words import unread_message
from app.ui.widgets.entry_delegate import EntryDelegate
from app.ui.widgets.item_list import ItemList
from app.ui.widgets.row_list_model import RowListModel

if TYPE_CHECKING:
    from app.ui.comments.comments_panel import CommentsPanel
    from app.ui.cycles.controller import CycleController
    from app.ui.cycles.pane import CyclePane
    from app.ui.entries.controller import EntriesController
    from app.ui.entries.page import EntriesPage
    from app.ui.home.view import HomeView
    from app.ui.window.context import WindowContext


class CommentsController(QObject):
    """Keeps the comment panels on the entry and the cycle shown, and the unread markers.

    The entry list and Home's lists mark rows with unread comments ("2 new"); the status bar
    says how many there are, and pressing it opens the first.
    """

    def __init__(
        self,
        context: WindowContext,
        *,
        entries_page: EntriesPage,
        cycle_pane: CyclePane,
        cycle_comments: CommentsPanel,
        home: HomeView,
        entries: EntriesController,
        cycles: CycleController,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        journal = context.journal
        self._journal = journal
        self._entry_list = entries_page.sidebar.entry_list
        self._home = home
        self._entries = entries
        self._cycles = cycles
        self._flow_connected = False
        self.unread = UnreadComments(journal, self)
        self.entry_comments = CommentsPresenter(journal, entries_page.comments_panel, self)
        self.cycle_comments = CommentsPresenter(journal, cycle_comments, self)
        self.unread_button = QPushButton()
        self.unread_button.setFlat(True)
        self.unread_button.setAccessibleName("New comments from your coach")
        self.unread_button.setToolTip("Open the first entry or cycle with new comments")
        self.unread_button.hide()
        context.window.statusBar().addPermanentWidget(self.unread_button)

        delegate = self._entry_list.itemDelegate()  # the entry list's, made by now
        if isinstance(delegate, EntryDelegate):
            delegate.badges = self.unread.badge
        entry_model = self._entry_list.model()
        if isinstance(entry_model, RowListModel):
            entry_model.badges = self.unread.badge
        for item_list in self._marked_lists():
            item_list.delegate.badges = self.unread.badge
            item_list.list_model.badges = self.unread.badge

        self.unread.changed.connect(self._unread_changed)
        self.unread.failed.connect(context.show_problem)
        self.unread_button.clicked.connect(self.open_first_unread)
        for presenter in (self.entry_comments, self.cycle_comments):
            presenter.readChanged.connect(self.unread.refresh)
            presenter.replySaved.connect(self._reply_saved)
        entries.currentEntryChanged.connect(self._entry_shown)
        cycles.cycleShown.connect(self._cycle_shown)
        cycle_pane.currentChanged.connect(self._show_cycle_comments)
        self.unread.refresh()
        self._entry_shown(entries.saver.entry_id or "")

    def _marked_lists(self) -> list[ItemList]:
        home = self._home
        return [home.waiting.list, home.in_progress.list, home.recent.list]

    @Slot()
    def refresh(self) -> None:
        """Read everything again (feedback arrived, a share was saved)."""
        self.unread.refresh()
        self.entry_comments.refresh()
        self.cycle_comments.refresh()

    def close_dialogs(self) -> None:
        """Close a privacy check left open on a reply."""
        self.entry_comments.close_dialogs()
        self.cycle_comments.close_dialogs()

    # -- following what is shown ------------------------------------------------------------

    @Slot(str)
    def _entry_shown(self, entry_id: str) -> None:
        self.entry_comments.show_item(entry_id)

    @Slot(str)
    def _cycle_shown(self, _cycle_id: str) -> None:
        flow = self._cycles.flow
        if flow is not None and not self._flow_connected:
            flow.stageShown.connect(self._show_cycle_comments)
            self._flow_connected = True
        self._show_cycle_comments()

    @Slot()
    def _show_cycle_comments(self) -> None:
        cycle_id = self._cycles.shown_cycle_id
        if not cycle_id:
            self.cycle_comments.clear()
            return
        try:
            cycle = self._journal.cycles.get(cycle_id)
        except JournalError:
            self.cycle_comments.clear()
            return
        stages = [StageInfo(s.stage_id, s.title) for s in cycle.stages]
        flow = self._cycles.flow
        stage = None if self._cycles.reading or flow is None else flow.stage_id
        self.cycle_comments.show_item(cycle_id, stages, stage)

    # -- the count ----------------------------------------------------------------------------

    @Slot(int)
    def _unread_changed(self, total: int) -> None:
        self.unread_button.setText(unread_message(total))
        self.unread_button.setVisible(total > 0)
        viewport = self._entry_list.viewport()
        if viewport is not None:
            viewport.update()
        for item_list in self._marked_lists():
            list_viewport = item_list.viewport()
            if list_viewport is not None:
                list_viewport.update()

    @Slot(str)
    def _reply_saved(self, message: str) -> None:
        self._context.show_status(message)

    @Slot()
    def open_first_unread(self) -> None:
        """Open an entry or cycle with unread comments (a cycle at the stage they are on)."""
        for item_id in self.unread.counts:
            try:
                entry = self._journal.entries.get(item_id)
            except JournalError:
                entry = None
            if entry is not None and entry.deleted is None:
                self._context.navigator.open_entry(item_id)
                return
            from app.sharing.exchange import ExchangeService  # the ORM's, loaded when needed

            try:
                cycle = self._journal.cycles.get(item_id)
                unread = [
                    c for c in ExchangeService(self._journal).comments_on(item_id) if not c.read
                ]
            except JournalError:
                continue
            if cycle.deleted is None:
                self._context.navigator.open_cycle(item_id, unread[0].stage_id if unread else "")
                return
        self._context.show_status(
            "The comments are on entries or cycles in the trash (Entry > Trash…)."
        )
