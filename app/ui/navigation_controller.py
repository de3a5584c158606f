"""Which view the window shows, and opening entries, cycles and lines of inquiry in it."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction

from app.cycles_model import InquiryStatus
from app.errors import JournalError
from app.journal import Journal
from app.sharing.workspace import CoachingWork, waiting_work
from app.ui.coach.availability import coaching_available, waiting_words
from app.ui.command_states import update_commands
from app.ui.cycle_controller import CycleController
from app.ui.journal_controller import JournalController
from app.ui.navigation import View
from app.ui.settings import Place, remember_place, remembered_place
from app.ui.turn_into_cycle_command import TurnIntoCycleCommand

if TYPE_CHECKING:
    from app.ui.coach.coach_page import CoachPage
    from app.ui.main_window import MainWindow

STATUS_MESSAGE_MS = 8000
TURNED = (
    "“{title}” is now the first stage of a cycle. The entry is in the trash — "
    "Edit > Undo brings it back."
)
UNTURNED = "“{title}” is an entry again. Its cycle is in the trash — Edit > Redo brings it back."


class NavigationController(QObject):
    """Moves between Home, Entries, Lines of inquiry, the Cycle, Sessions and Coaching, and
    opens things. Coaching is offered once the journal has a participant.

    Leaving a view saves what is typed in it; a refused save keeps the person where they are,
    with the reason shown. The view and the ids open in it are remembered (never content):
    reopening the window resumes a cycle it was closed on, and otherwise starts on Home.
    """

    def __init__(
        self,
        window: MainWindow,
        journal: Journal,
        settings: QSettings,
        *,
        entries: JournalController,
        cycles: CycleController,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._journal = journal
        self._settings = settings
        self._entries = entries
        self._cycles = cycles
        self._view = View.HOME
        self._chosen = False
        self._last_cycle_id = ""
        self._inquiry_id = ""
        self._badge_wired = False
        self._connect_views()
        self._connect_openers()
        self._connect_commands()
        self.refresh_coaching()

    # -- where we are ------------------------------------------------------------------------

    @property
    def view(self) -> View:
        """The view shown."""
        return self._view

    def current_inquiry_id(self) -> str | None:
        """The line of inquiry the Inquiry menu acts on: the one shown, or the cycle's."""
        if self._view is View.INQUIRIES:
            return self._window.inquiries_page.current_inquiry_id()
        if self._view is View.CYCLE:
            return self._cycles.current_inquiry_id()
        return None

    def restore(self) -> None:
        """Start where the person left off: on the view they closed the window on (the cycle
        open in it, the line of inquiry chosen), else Home - or Coaching, for a journal with
        participants, unless the person chose Home themselves last time."""
        place = remembered_place(self._settings)
        self._inquiry_id = place.inquiry_id
        self._last_cycle_id = place.cycle_id if self._is_live(place.cycle_id) else ""
        home_chosen = place.view == View.HOME.value and place.chosen  # kept as chosen, then
        self._show(View.HOME, check=False, fresh=True, chosen=home_chosen)  # it read everything
        coaching = self._window.rail.is_available(View.COACHING)
        if coaching and place.view in ("", View.HOME.value) and not place.chosen:
            # A coach's work is their participants': Home would only say nothing waits.
            self._show(View.COACHING, check=False, chosen=False)
            return
        if place.view == View.CYCLE.value:
            if not self._last_cycle_id:
                return  # the cycle is gone: Home
            if place.reading:
                self.read_cycle(self._last_cycle_id)
            else:
                self.open_cycle(self._last_cycle_id)
            return
        view = next((v for v in View if v.value == place.view), View.HOME)
        # Coaching is kept only while there is a participant to coach.
        if view is not View.HOME and self._window.rail.is_available(view):
            self._show(view, check=False)

    def remember(self) -> None:
        """Keep the view and the ids open in it for next time."""
        reading = self._view is View.CYCLE and self._cycles.reading
        remember_place(
            self._settings,
            Place(self._view.value, self._last_cycle_id, reading, self._inquiry_id, self._chosen),
        )

    @Slot()
    def refresh_coaching(self) -> None:
        """Offer Coaching (rail and View menu) once there is a participant; read it if shown."""
        available = coaching_available(self._journal)
        self._window.rail.set_available(View.COACHING, available)
        self._window.commands.views[View.COACHING].setVisible(available)
        if self._view is View.COACHING:
            self._coach_page().refresh()
        elif self._window.coach_page_built:
            self._window.coach_page.mark_stale()
        self.refresh_coaching_badge()

    @Slot()
    def refresh_coaching_badge(self) -> None:
        """Count what waits for the coach (new shares and replies, comments not yet sent) on
        Coaching's row of the rail."""
        work = CoachingWork(0, 0, 0)
        if self._window.rail.is_available(View.COACHING):
            # No badge then: Coaching (and Home) read the journal too, and say what went wrong.
            with contextlib.suppress(JournalError):
                work = waiting_work(self._journal)
        self._window.rail.set_badge(View.COACHING, work.total, waiting_words(work))

    def _coach_page(self) -> CoachPage:
        """The Coaching page, its counts wired to the rail's badge the first time."""
        page = self._window.coach_page
        if not self._badge_wired:
            page.countsRead.connect(self.refresh_coaching_badge)
            self._badge_wired = True
        return page

    # -- moving ------------------------------------------------------------------------------

    def show_view(self, view: View, *, focus: bool = True) -> bool:
        """Show `view` (saving the one left); False when what is typed could not be saved.

        With `focus` the keyboard focus goes into the view (not when choosing on the rail,
        where the arrow keys should go on moving through the views)."""
        return self._show(view, check=True, focus=focus)

    @Slot(str)
    def open_cycle(self, cycle_id: str, stage_id: str = "") -> None:
        """Show a cycle in the guided flow, where it was left or at `stage_id`."""
        if self._view is not View.CYCLE and not self._leave(self._view):
            return
        self._cycles.open(cycle_id, stage_id)
        self._show(View.CYCLE, check=False)

    @Slot(str, str)
    def open_cycle_at(self, cycle_id: str, stage_id: str) -> None:
        """Show a cycle at a stage (a search result), or where it was left if "" or not offered."""
        self.open_cycle(cycle_id, stage_id)

    @Slot(str)
    def read_cycle(self, cycle_id: str) -> None:
        """Show a whole cycle as one page."""
        if self._view is not View.CYCLE and not self._leave(self._view):
            return
        self._cycles.read(cycle_id)
        self._show(View.CYCLE, check=False)

    @Slot(str)
    def open_entry(self, entry_id: str) -> None:
        """Show an entry in the editor, with the cursor in its text."""
        if self.show_view(View.ENTRIES):
            self._entries.open_entry(entry_id, True)

    @Slot()
    def new_entry(self) -> None:
        """Start a new entry (Ctrl+N), from any view."""
        if self.show_view(View.ENTRIES):
            self._entries.new_entry()

    @Slot()
    def new_cycle(self) -> None:
        """Start a new cycle (Ctrl+Shift+N), in the line of inquiry shown if there is one."""
        if self._leave(self._view):
            inquiry_id = self.current_inquiry_id() if self._view is View.INQUIRIES else None
            self._cycles.new_cycle(inquiry_id)

    @Slot(str)
    def new_cycle_in(self, inquiry_id: str) -> None:
        """Start a new cycle in this line of inquiry."""
        if self._leave(self._view):
            self._cycles.new_cycle(inquiry_id)

    @Slot()
    def find(self) -> None:
        """Search (Ctrl+F): the Entries view with the cursor in the search box."""
        if self.show_view(View.ENTRIES):
            self._entries.search.focus_box()

    @Slot()
    def turn_entry_into_cycle(self) -> None:
        """Entry > Turn into a cycle: choose a line of inquiry and template for it."""
        entry_id = self._entries.saver.entry_id
        if self._view is View.ENTRIES and entry_id and self._entries.saver.save_now():
            self._cycles.new_cycle(entry_id=entry_id)

    @Slot()
    def save_now(self) -> None:
        """Save at once (Ctrl+S) whatever the view being written in holds."""
        if self._view is View.CYCLE:
            if self._cycles.save_now():
                self._window.statusBar().showMessage("Saved.", STATUS_MESSAGE_MS)
        else:
            self._entries.save_now()

    @Slot()
    def update_commands(self) -> None:
        """Enable the menu commands that make sense in the view shown, for what is in it."""
        if "_window" not in vars(self):
            return  # taken apart by the collector while the window's parts still signal
        update_commands(
            self._window,
            self._journal,
            self._view,
            self._entries,
            self._cycles,
            self.current_inquiry_id(),
        )

    def _show(
        self,
        view: View,
        *,
        check: bool,
        fresh: bool = False,
        focus: bool = True,
        chosen: bool = True,
    ) -> bool:
        window = self._window
        if check and view is not self._view and not self._leave(self._view):
            window.rail.set_current(self._view)
            window.commands.views[self._view].setChecked(True)
            return False
        came_from, self._view = self._view, view
        self._chosen = chosen
        if view is View.ENTRIES:
            self._entries.ensure_loaded()
        if not fresh:
            self._prepare(view, came_from)
        window.stack.setCurrentWidget(window.pages[view])
        window.rail.set_current(view)
        window.commands.views[view].setChecked(True)
        for label in (window.words_label, window.save_state_label):
            label.setVisible(view is View.ENTRIES)
        self.remember()
        self.update_commands()
        if focus:
            self._focus(view)
        return True

    def _leave(self, view: View) -> bool:
        """Save what the view holds before it goes; False (the reason shown) if refused."""
        if view is View.ENTRIES:
            return self._entries.saver.save_now()
        if view is View.CYCLE:
            return self._cycles.save_now()
        return True

    def _prepare(self, view: View, came_from: View) -> None:
        """Read the view's contents fresh as it is shown."""
        window = self._window
        if view is View.HOME:
            window.home.refresh()
            window.actions_panel.refresh()
        elif view is View.INQUIRIES:
            from_cycle = self._cycles.current_inquiry_id() if came_from is View.CYCLE else None
            window.inquiries_page.refresh(from_cycle or self._inquiry_id or None)
        elif view is View.SESSIONS:
            window.sessions_list.refresh()
        elif view is View.COACHING:
            self._coach_page().refresh()
        elif view is View.CYCLE and not self._cycles.shown_cycle_id:
            if self._last_cycle_id and self._is_live(self._last_cycle_id):
                self._cycles.open(self._last_cycle_id)
            else:
                window.cycle_pane.show_empty()

    def _focus(self, view: View) -> None:
        window = self._window
        reason = Qt.FocusReason.OtherFocusReason
        if view is View.HOME:
            home = window.home
            lists = [s.list for s in (home.waiting, home.in_progress) if s.list.ids()]
            (lists[0] if lists else home.new_cycle_button).setFocus(reason)
        elif view is View.ENTRIES:
            sidebar = window.sidebar
            target = sidebar.search_panel.results_list if sidebar.showing_results else None
            (target or window.entry_list).setFocus(reason)
        elif view is View.INQUIRIES:
            page = window.inquiries_page
            (page.inquiry_list.list if page.inquiry_list.ids() else page.new_cycle_button).setFocus(
                reason
            )
        elif view is View.CYCLE:
            window.cycle_pane.focus_current()
        elif view is View.COACHING:
            window.coach_page.focus_first()
        else:
            sessions = window.sessions_list
            (sessions.list if sessions.ids() else sessions.new_button).setFocus(reason)

    def _is_live(self, cycle_id: str) -> bool:
        if not cycle_id:
            return False
        try:
            return self._journal.cycles.get(cycle_id).deleted is None
        except JournalError:
            return False

    # -- reacting ----------------------------------------------------------------------------

    @Slot(str)
    def _rail_chosen(self, value: str) -> None:
        self.show_view(View(value), focus=False)

    @Slot(QAction)
    def _view_action(self, action: QAction) -> None:
        self.show_view(View(str(action.data())))

    @Slot(str)
    def _cycle_shown(self, cycle_id: str) -> None:
        self._last_cycle_id = cycle_id
        try:
            title = self._journal.cycles.get(cycle_id).display_title
        except JournalError:
            title = ""
        self._window.rail.set_cycle_title(title)
        self.remember()
        self.update_commands()

    @Slot()
    def refresh_home(self) -> None:
        """Read Home again if it is shown (something it lists has changed)."""
        if self._view is View.HOME:
            self._window.home.refresh()
            self._window.actions_panel.refresh()

    @Slot()
    def refresh_shown(self) -> None:
        """Read the view shown again (an import changed the journal under it)."""
        if self._view is not View.CYCLE:
            self._prepare(self._view, self._view)
        self.update_commands()

    @Slot(str)
    def _cycle_changed(self, _cycle_id: str) -> None:
        self.refresh_home()
        self.update_commands()

    @Slot()
    def _finish_later(self) -> None:
        self.show_view(View.HOME)

    @Slot(str, str)
    def _entry_turned(self, entry_id: str, cycle_id: str) -> None:
        """The dialog turned an entry into a cycle: Edit > Undo takes it back."""
        self._entries.forget_entry(entry_id)
        self._window.statusBar().showMessage(
            TURNED.format(title=self._entry_title(entry_id)), STATUS_MESSAGE_MS
        )
        command = TurnIntoCycleCommand(
            self._journal.cycles,
            entry_id,
            cycle_id,
            ready=self._save_shown,
            on_turned=self._turned,
            on_error=self._window.message_bar.show_problem,
        )
        self._window.undo_stack.push(command)

    def _save_shown(self) -> bool:
        return self._leave(self._view)

    def _turned(self, entry_id: str, cycle_id: str, turned: bool) -> None:
        """After undo (turned False) or redo of Turn into a cycle: show what is live now."""
        message = TURNED if turned else UNTURNED
        if turned:
            self._entries.forget_entry(entry_id)
            self.open_cycle(cycle_id)
        else:
            if self._cycles.shown_cycle_id == cycle_id:
                self._window.cycle_pane.show_empty()
                self._window.rail.set_cycle_title("")
            self._entries.search.forget_item(cycle_id)
            if self.show_view(View.ENTRIES):
                self._entries.show_returned(entry_id)
        self._window.statusBar().showMessage(
            message.format(title=self._entry_title(entry_id)), STATUS_MESSAGE_MS
        )
        self.update_commands()

    def _entry_title(self, entry_id: str) -> str:
        try:
            return self._journal.entries.get(entry_id).display_title
        except JournalError:
            return "The entry"

    @Slot(str)
    def _inquiry_chosen(self, inquiry_id: str) -> None:
        self._inquiry_id = inquiry_id
        self.remember()
        self.update_commands()

    @Slot(str)
    def _inquiry_changed(self, inquiry_id: str) -> None:
        if self._view is View.INQUIRIES:
            self._window.inquiries_page.refresh(inquiry_id)
        self.update_commands()

    @Slot()
    def _pause(self) -> None:
        self._set_inquiry_status(InquiryStatus.PAUSED)

    @Slot()
    def _close(self) -> None:
        self._set_inquiry_status(InquiryStatus.CLOSED)

    @Slot()
    def _reopen(self) -> None:
        self._set_inquiry_status(InquiryStatus.OPEN)

    def _set_inquiry_status(self, status: InquiryStatus) -> None:
        inquiry_id = self.current_inquiry_id()
        if inquiry_id:
            self._cycles.set_inquiry_status(inquiry_id, status)

    # -- wiring ------------------------------------------------------------------------------

    def _connect_views(self) -> None:
        window = self._window
        window.rail.viewChosen.connect(self._rail_chosen)
        group = window.commands.views[View.HOME].actionGroup()
        assert group is not None
        group.triggered.connect(self._view_action)
        for menu in window.menus.values():
            menu.aboutToShow.connect(self.update_commands)

    def _connect_openers(self) -> None:
        window = self._window
        home = window.home
        home.openCycle.connect(self.open_cycle)
        home.openEntry.connect(self.open_entry)
        home.newCycleRequested.connect(self.new_cycle)
        home.newEntryRequested.connect(self.new_entry)
        window.actions_panel.openCycle.connect(self.open_cycle)
        window.actions_panel.openEntry.connect(self.open_entry)
        page = window.inquiries_page
        page.timeline.openCycle.connect(self.open_cycle)
        page.timeline.newCycleRequested.connect(self.new_cycle_in)
        page.inquiry_list.currentInquiryChanged.connect(self._inquiry_chosen)
        window.cycle_pane.new_cycle_button.clicked.connect(self.new_cycle)
        page.new_cycle_button.clicked.connect(self.new_cycle)
        window.openCycleRequested.connect(self.open_cycle_at)
        cycles = self._cycles
        cycles.cycleShown.connect(self._cycle_shown)
        cycles.cycleChanged.connect(self._cycle_changed)
        cycles.cycleCreated.connect(self.open_cycle)
        cycles.entryTurnedIntoCycle.connect(self._entry_turned)
        cycles.finishLaterRequested.connect(self._finish_later)
        cycles.inquiryChanged.connect(self._inquiry_changed)
        self._entries.currentEntryChanged.connect(self.update_commands)

    def _connect_commands(self) -> None:
        window = self._window
        actions = window.commands
        actions.new_entry.triggered.connect(self.new_entry)
        actions.new_cycle.triggered.connect(self.new_cycle)
        actions.find.triggered.connect(self.find)
        actions.save.triggered.connect(self.save_now)
        actions.quit.triggered.connect(window.close)
        actions.turn_into_cycle.triggered.connect(self.turn_entry_into_cycle)
        actions.pause_inquiry.triggered.connect(self._pause)
        actions.close_inquiry.triggered.connect(self._close)
        actions.reopen_inquiry.triggered.connect(self._reopen)
        inquiry_list = window.inquiries_page.inquiry_list.list
        inquiry_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        inquiry_list.addActions(
            [actions.pause_inquiry, actions.close_inquiry, actions.reopen_inquiry]
        )
