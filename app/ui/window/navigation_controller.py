"""Which view the window shows, and opening entries, cycles and lines of inquiry in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from app.errors import JournalError
from app.ui.coach.coaching_offer import CoachingOffer
from app.ui.cycles.controller import CycleController
from app.ui.entries.controller import EntriesController
from app.ui.insights.insights_slot import InsightsSlot
from app.ui.widgets.settings import Place, remember_place, remembered_place
from app.ui.window.command_states import update_commands
from app.ui.window.navigation import NavigationRail, View
from app.writing.cycle_records import InquiryStatus

if TYPE_CHECKING:
    from app.ui.coach.coaching_slot import CoachingSlot
    from app.ui.cycles.inquiries_page import InquiriesPage
    from app.ui.cycles.pane import CyclePane
    from app.ui.entries.page import EntriesPage
    from app.ui.home.view import HomeView
    from app.ui.sessions.actions_panel import ActionsPanel
    from app.ui.sessions.sessions_list import SessionsList
    from app.ui.window.context import WindowContext


@dataclass(frozen=True)
class WindowViews:
    """The window's views as navigation drives them: the rail and the stack that show one
    page at a time, and the parts of each page it reads, focuses or listens to.

    `words_label` and `save_state_label` (in the status bar) show only with the Entries view.
    """

    rail: NavigationRail
    stack: QStackedWidget
    pages: dict[View, QWidget]
    home: HomeView
    actions_panel: ActionsPanel
    entries_page: EntriesPage
    inquiries_page: InquiriesPage
    cycle_pane: CyclePane
    sessions_list: SessionsList
    coaching: CoachingSlot
    insights: InsightsSlot
    words_label: QLabel
    save_state_label: QLabel


class NavigationController(QObject):
    """Moves between Home, Entries, Lines of inquiry, the Cycle, Sessions and Coaching, and
    opens things. Coaching is offered once the journal has a participant.

    Leaving a view saves what is typed in it; a refused save keeps the person where they are,
    with the reason shown. The view and the ids open in it are remembered (never content):
    reopening the window resumes a cycle it was closed on, and otherwise starts on Home.
    """

    def __init__(
        self,
        context: WindowContext,
        views: WindowViews,
        settings: QSettings,
        *,
        entries: EntriesController,
        cycles: CycleController,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._views = views
        self._journal = context.journal
        self._settings = settings
        self._entries = entries
        self._cycles = cycles
        self._view = View.HOME
        self._chosen = False
        self._last_cycle_id = ""
        self._inquiry_id = ""
        self._coaching = CoachingOffer(
            self._journal, views.rail, context.commands.views[View.COACHING], views.coaching, self
        )
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
            return self._views.inquiries_page.current_inquiry_id()
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
        coaching = self._views.rail.is_available(View.COACHING)
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
        if view is not View.HOME and self._views.rail.is_available(view):
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
        self._coaching.refresh(shown=self._view is View.COACHING)

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
    def save_now(self) -> None:
        """Save at once (Ctrl+S) whatever the view being written in holds."""
        if self._view is View.CYCLE:
            if self._cycles.save_now():
                self._context.show_status("Saved.")
        else:
            self._entries.save_now()

    @Slot()
    def update_commands(self) -> None:
        """Enable the menu commands that make sense in the view shown, for what is in it."""
        try:
            actions, entries_page = self._context.commands, self._views.entries_page
        except AttributeError:
            return  # taken apart by the collector while the window's parts still signal
        update_commands(
            actions,
            self._journal,
            self._view,
            self._entries,
            self._cycles,
            self.current_inquiry_id(),
            editor_shown=entries_page.showing_editor,
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
        views, commands = self._views, self._context.commands
        if check and view is not self._view and not self._leave(self._view):
            views.rail.set_current(self._view)
            commands.views[self._view].setChecked(True)
            return False
        came_from, self._view = self._view, view
        self._chosen = chosen
        if view is View.ENTRIES:
            self._entries.ensure_loaded()
        if not fresh:
            self._prepare(view, came_from)
        views.stack.setCurrentWidget(views.pages[view])
        views.rail.set_current(view)
        commands.views[view].setChecked(True)
        for label in (views.words_label, views.save_state_label):
            label.setVisible(view is View.ENTRIES)
        self.remember()
        self.update_commands()
        if focus:
            self._focus(view)
        return True

    def save_shown(self) -> bool:
        """Save what the view shown holds; False (the reason shown) if refused."""
        return self._leave(self._view)

    def _leave(self, view: View) -> bool:
        """Save what the view holds before it goes; False (the reason shown) if refused."""
        if view is View.ENTRIES:
            return self._entries.saver.save_now()
        if view is View.CYCLE:
            return self._cycles.save_now()
        return True

    def _prepare(self, view: View, came_from: View) -> None:
        """Read the view's contents fresh as it is shown."""
        views = self._views
        if view is View.HOME:
            views.home.refresh()
            views.actions_panel.refresh()
        elif view is View.INQUIRIES:
            from_cycle = self._cycles.current_inquiry_id() if came_from is View.CYCLE else None
            views.inquiries_page.refresh(from_cycle or self._inquiry_id or None)
        elif view is View.SESSIONS:
            views.sessions_list.refresh()
        elif view is View.COACHING:
            self._coaching.page().refresh()
        elif view is View.INSIGHTS:
            views.insights.page.refresh()
        elif view is View.CYCLE and not self._cycles.shown_cycle_id:
            if self._last_cycle_id and self._is_live(self._last_cycle_id):
                self._cycles.open(self._last_cycle_id)
            else:
                views.cycle_pane.show_empty()

    def _focus(self, view: View) -> None:
        views = self._views
        reason = Qt.FocusReason.OtherFocusReason
        if view is View.HOME:
            home = views.home
            lists = [s.list for s in (home.waiting, home.in_progress) if s.list.ids()]
            (lists[0] if lists else home.new_cycle_button).setFocus(reason)
        elif view is View.ENTRIES:
            sidebar = views.entries_page.sidebar
            target = sidebar.search_panel.results_list if sidebar.showing_results else None
            (target or sidebar.entry_list).setFocus(reason)
        elif view is View.INQUIRIES:
            page = views.inquiries_page
            (page.inquiry_list.list if page.inquiry_list.ids() else page.new_cycle_button).setFocus(
                reason
            )
        elif view is View.CYCLE:
            views.cycle_pane.focus_current()
        elif view is View.COACHING:
            views.coaching.page.focus_first()
        elif view is View.INSIGHTS:
            views.insights.page.focus_first()
        else:
            sessions = views.sessions_list
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
        self._views.rail.set_cycle_title(title)
        self.remember()
        self.update_commands()

    def open_action(self, action_id: str) -> None:
        """Show Home with an agreed action chosen in its actions (Home alone if it is gone)."""
        if self.show_view(View.HOME, focus=False):
            self._views.actions_panel.select_action(action_id)

    @Slot()
    def refresh_home(self) -> None:
        """Read Home again if it is shown (something it lists has changed)."""
        if self._view is View.HOME:
            self._views.home.refresh()
            self._views.actions_panel.refresh()

    @Slot()
    def refresh_shown(self) -> None:
        """Read the view shown again (an import changed the journal under it)."""
        if self._view is not View.CYCLE:
            self._prepare(self._view, self._view)
        self.update_commands()

    def show_no_cycle(self, *, focus: bool = False) -> None:
        """The cycle shown is gone: the Cycle view shows none and the rail no cycle's title;
        with `focus`, the keyboard goes to the empty Cycle view if it is the view shown."""
        self._views.cycle_pane.show_empty()
        self._views.rail.set_cycle_title("")
        if focus and self._view is View.CYCLE:
            self._views.cycle_pane.focus_current()

    @Slot(str)
    def _cycle_changed(self, _cycle_id: str) -> None:
        self.refresh_home()
        self.update_commands()

    @Slot()
    def _finish_later(self) -> None:
        self.show_view(View.HOME)

    @Slot(str)
    def _inquiry_chosen(self, inquiry_id: str) -> None:
        self._inquiry_id = inquiry_id
        self.remember()
        self.update_commands()

    @Slot(str)
    def _inquiry_changed(self, inquiry_id: str) -> None:
        if self._view is View.INQUIRIES:
            self._views.inquiries_page.refresh(inquiry_id)
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
        self._views.rail.viewChosen.connect(self._rail_chosen)
        group = self._context.commands.views[View.HOME].actionGroup()
        assert group is not None
        group.triggered.connect(self._view_action)
        for menu in self._context.menus.values():
            menu.aboutToShow.connect(self.update_commands)

    def _connect_openers(self) -> None:
        views = self._views
        home = views.home
        home.openCycle.connect(self.open_cycle)
        home.openEntry.connect(self.open_entry)
        home.newCycleRequested.connect(self.new_cycle)
        home.newEntryRequested.connect(self.new_entry)
        views.actions_panel.openCycle.connect(self.open_cycle)
        views.actions_panel.openEntry.connect(self.open_entry)
        page = views.inquiries_page
        page.timeline.openCycle.connect(self.open_cycle)
        page.timeline.newCycleRequested.connect(self.new_cycle_in)
        page.inquiry_list.currentInquiryChanged.connect(self._inquiry_chosen)
        views.cycle_pane.new_cycle_button.clicked.connect(self.new_cycle)
        page.new_cycle_button.clicked.connect(self.new_cycle)
        cycles = self._cycles
        cycles.cycleShown.connect(self._cycle_shown)
        cycles.cycleChanged.connect(self._cycle_changed)
        cycles.cycleCreated.connect(self.open_cycle)
        cycles.finishLaterRequested.connect(self._finish_later)
        cycles.inquiryChanged.connect(self._inquiry_changed)
        self._entries.currentEntryChanged.connect(self.update_commands)

    def _connect_commands(self) -> None:
        actions = self._context.commands
        actions.new_entry.triggered.connect(self.new_entry)
        actions.new_cycle.triggered.connect(self.new_cycle)
        actions.find.triggered.connect(self.find)
        actions.save.triggered.connect(self.save_now)
        actions.quit.triggered.connect(self._context.window.close)
        actions.pause_inquiry.triggered.connect(self._pause)
        actions.close_inquiry.triggered.connect(self._close)
        actions.reopen_inquiry.triggered.connect(self._reopen)
        inquiry_list = self._views.inquiries_page.inquiry_list.list
        inquiry_list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        inquiry_list.addActions(
            [actions.pause_inquiry, actions.close_inquiry, actions.reopen_inquiry]
        )
