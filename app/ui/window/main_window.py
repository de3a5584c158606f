"""The journal window (a view): the views down the left, the one chosen beside them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QPaintEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import collection
from app.journal.opening import Journal
from app.spelling.english import EnglishDictionary
from app.storage.meta import KeyMode
from app.ui.backups.backups_controller import FIRST_CHECK_MS
from app.ui.coach.coaching_slot import CoachingSlot
from app.ui.comments.comments_panel import CommentsPanel
from app.ui.cycles.inquiries_page import InquiriesPage
from app.ui.cycles.pane import CyclePane
from app.ui.entries.page import EntriesPage
from app.ui.home.view import HomeView, utc_now
from app.ui.insights.insights_slot import InsightsSlot
from app.ui.reminders.tray import FIRST_CHECK_MS as FIRST_REMINDER_CHECK_MS
from app.ui.search.background import SearchFunction
from app.ui.sessions.actions_panel import ActionsPanel
from app.ui.sessions.sessions_list import SessionsList
from app.ui.sharing.actions import add_sharing_menus, create_sharing_actions
from app.ui.summary.hooks import ChooseFile, PrintDocument, ask_for_file, print_with_dialog
from app.ui.widgets import keyboard_reach
from app.ui.widgets.announce import announce
from app.ui.widgets.autosave import AUTOSAVE_DELAY_MS
from app.ui.widgets.dictionary_dialog import PersonalDictionaryDialog
from app.ui.widgets.file_pickers import PickFile, pick_with_dialog
from app.ui.widgets.message_bar import MessageBar
from app.ui.widgets.messages import Confirm, ask_to_confirm
from app.ui.widgets.moves_panel import MovesPanel
from app.ui.widgets.one_dialog import OneDialog
from app.ui.widgets.resources import app_icon
from app.ui.widgets.screen_fit import open_at_first_size
from app.ui.widgets.settings import (
    open_settings,
    reflective_moves_shown,
    remember_reflective_moves_shown,
    remember_spelling_checked,
    remember_window,
    restore_window,
    spelling_checked,
)
from app.ui.widgets.spelling import SpellingService
from app.ui.widgets.text_size import TextZoom
from app.ui.window.actions import add_help_menu, build_menus, create_actions
from app.ui.window.context import WindowContext
from app.ui.window.controllers import WindowControllers
from app.ui.window.crash_report import show_error_log
from app.ui.window.lock_screen import LockFrame, LockScreen
from app.ui.window.navigation import NavigationRail, View
from app.ui.window.navigation_controller import WindowViews

if TYPE_CHECKING:
    from app.ui.coach.coach_page import CoachPage
    from app.ui.insights.insights_page import InsightsPage

ZOOM_MESSAGE_MS = 3000  # long enough to read, gone before the next thing to say
PREPARE_ORM_MS = 400
"""How long after the window shows that the ORM loads: once it has painted, before a click."""


class MainWindow(QMainWindow):
    """The journal window. Closing it saves; there is never a "did you save?" question.

    `search` stands in for the journal's search function, `today`/`now` for the clock,
    `choose_file`/`print_document` for the system's Save and Print dialogs of the summary,
    `pick_file` for the Open and Save dialogs of cards, shares, feedback and imports, `idle_lock_ms`
    for the idle time in the settings before the window locks (tests pass their own),
    `english` for the UK English dictionary the spelling check shares (tests pass one loaded).
    Automatic backups are first looked at after `first_backup_check_ms` (None: never), and
    what is waiting for a reminder after `first_reminder_check_ms` (None: never).

    Signals: openCycleRequested(str cycle_id, str stage_id) when a cycle (or one of its
    stages) is chosen from the search results; the window opens it at that stage.
    """

    openCycleRequested = Signal(str, str)

    def __init__(
        self,
        journal: Journal,
        *,
        settings: QSettings | None = None,
        confirm: Confirm = ask_to_confirm,
        autosave_ms: int = AUTOSAVE_DELAY_MS,
        search: SearchFunction | None = None,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = utc_now,
        choose_file: ChooseFile = ask_for_file,
        print_document: PrintDocument = print_with_dialog,
        idle_lock_ms: int | None = None,
        first_backup_check_ms: int | None = FIRST_CHECK_MS,
        first_reminder_check_ms: int | None = FIRST_REMINDER_CHECK_MS,
        pick_file: PickFile = pick_with_dialog,
        english: EnglishDictionary | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Inquiry Journal")
        self._input_watch_asked = False
        self._watching_input = False
        self.setWindowIcon(app_icon())
        self._settings = settings if settings is not None else open_settings()
        self.undo_stack = QUndoStack(self)
        # Before the pages: their writing and reading widgets look for it when first shown.
        self.text_zoom = TextZoom(self._settings, self)
        # Before the pages too: each writing space joins it when first shown.
        self.spelling = SpellingService(
            journal.dictionary,
            english=english,
            enabled=spelling_checked(self._settings),
            parent=self,
        )
        self.commands = create_actions(self, self.undo_stack, journal)
        self._journal = journal
        self._dictionary_dialog: OneDialog[PersonalDictionaryDialog] = OneDialog(lambda _d: None)
        self.menus = build_menus(self, self.commands)
        self.sharing_commands = create_sharing_actions(self)
        add_sharing_menus(self, self.menus, self.commands, self.sharing_commands)
        add_help_menu(self, self.menus, self.commands)
        self.commands.show_error_log.triggered.connect(self.show_error_log)

        self.rail = NavigationRail()
        self.home = HomeView(journal, today=today, now=now, settings=self._settings)
        self.commands.looking_back.setChecked(self.home.looking_back_shown())
        self.commands.looking_back.toggled.connect(self.home.set_looking_back_shown)
        self.actions_panel = ActionsPanel(journal, today=today)
        self.home.add_side_section(self.actions_panel, self.actions_panel.focus_chain())
        self.entries_page = EntriesPage()
        self.inquiries_page = InquiriesPage(journal, today=today)
        self.cycle_pane = CyclePane(journal)
        self.cycle_comments = CommentsPanel()
        self.cycle_moves = MovesPanel()
        """The reflective moves of the stage being written (the flow's, once there is one)."""
        self.cycle_moves.hide()
        cycle_page = QSplitter(Qt.Orientation.Horizontal)
        cycle_page.setChildrenCollapsible(False)
        cycle_column = QWidget()
        cycle_layout = QVBoxLayout(cycle_column)
        cycle_layout.setContentsMargins(0, 0, 0, 0)
        cycle_layout.addWidget(self.cycle_pane, 1)
        cycle_layout.addWidget(self.cycle_pane.linked_from)
        cycle_page.addWidget(cycle_column)
        cycle_page.addWidget(self.cycle_moves)
        cycle_page.addWidget(self.cycle_comments)
        cycle_page.setStretchFactor(0, 1)
        cycle_page.setStretchFactor(1, 0)
        cycle_page.setStretchFactor(2, 0)
        self.sessions_list = SessionsList(journal, today=today)
        sessions_page = QWidget()
        sessions_layout = QVBoxLayout(sessions_page)
        sessions_layout.setContentsMargins(24, 18, 24, 18)
        sessions_layout.addWidget(self.sessions_list)
        # Coaching is for coaches: its page is built the first time it is asked for.
        self._coach_args = (journal, today, pick_file, confirm)
        self._coaching_slot = CoachingSlot(self._build_coach_page)
        # Insights is looked at now and then: its page, too, waits until first shown.
        self._insights_args = (journal, today)
        self.insights_slot = InsightsSlot(self._build_insights_page)
        self.pages: dict[View, QWidget] = {
            View.HOME: self.home,
            View.ENTRIES: self.entries_page,
            View.INQUIRIES: self.inquiries_page,
            View.CYCLE: cycle_page,
            View.SESSIONS: sessions_page,
            View.COACHING: self._coaching_slot,
            View.INSIGHTS: self.insights_slot,
        }
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)

        self.message_bar = MessageBar()
        separator = QFrame()
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setFrameShadow(QFrame.Shadow.Sunken)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(0)
        content_layout.addWidget(self.message_bar)
        content_layout.addWidget(self.stack, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.rail)
        layout.addWidget(separator)
        layout.addWidget(content, 1)
        asks_passphrase = journal.meta.key_mode is KeyMode.PASSPHRASE
        self.lock_frame = LockFrame(central, LockScreen(asks_passphrase=asks_passphrase))
        self.setCentralWidget(self.lock_frame)

        self.words_label = QLabel()
        self.words_label.setAccessibleName("Word count")
        self.save_state_label = QLabel()
        self.save_state_label.setAccessibleName("Save status")
        for label in (self.words_label, self.save_state_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.words_label)
        self.statusBar().addPermanentWidget(self.save_state_label)
        # A passing status message ("Saved.", "Backed up to …") is told to a screen reader as it
        # is shown; the word count and autosave state are read when asked for, not as they change.
        self.statusBar().messageChanged.connect(self._announce_status)

        self.commands.zoom_in.triggered.connect(self.text_zoom.zoom_in)
        self.commands.zoom_out.triggered.connect(self.text_zoom.zoom_out)
        self.commands.actual_size.triggered.connect(self.text_zoom.reset)
        self.text_zoom.changed.connect(self._show_zoom)

        if not restore_window(self._settings, self, self.entries_page):
            open_at_first_size(self)
        context = WindowContext(
            self,
            journal,
            commands=self.commands,
            menus=self.menus,
            message_bar=self.message_bar,
            undo_stack=self.undo_stack,
        )
        views = WindowViews(
            rail=self.rail,
            stack=self.stack,
            pages=self.pages,
            home=self.home,
            actions_panel=self.actions_panel,
            entries_page=self.entries_page,
            inquiries_page=self.inquiries_page,
            cycle_pane=self.cycle_pane,
            sessions_list=self.sessions_list,
            coaching=self._coaching_slot,
            insights=self.insights_slot,
            words_label=self.words_label,
            save_state_label=self.save_state_label,
        )
        self.controllers = WindowControllers(
            context,
            views,
            self._settings,
            cycle_comments=self.cycle_comments,
            sharing_commands=self.sharing_commands,
            lock_frame=self.lock_frame,
            confirm=confirm,
            autosave_ms=autosave_ms,
            search=search,
            today=today,
            now=now,
            choose_file=choose_file,
            print_document=print_document,
            idle_lock_ms=idle_lock_ms,
            first_backup_check_ms=first_backup_check_ms,
            first_reminder_check_ms=first_reminder_check_ms,
            pick_file=pick_file,
        )
        self.controller = self.controllers.entries
        self.navigation = self.controllers.navigation
        self.controller.search.cycleChosen.connect(self.openCycleRequested)
        self._offer_reflective_moves()
        self._offer_spelling()
        self.openCycleRequested.connect(self.navigation.open_cycle_at)
        self.controllers.sharing.imported.connect(self.refresh_coaching)
        self.navigation.restore()
        self.text_zoom.adopt()  # the pages on the stack not shown yet, too

    def prepare_storage_soon(self) -> None:
        """The window opens on the journal's plain connection; once it is on screen, load the
        ORM (Journal.prepare_orm) so the first edit or page does not wait for it. Nothing
        happens if the window is gone by then."""
        QTimer.singleShot(PREPARE_ORM_MS, self, self._prepare_storage)

    def _prepare_storage(self) -> None:
        self._journal.prepare_orm()
        collection.resume()  # held back while the window opened (app.ui.window.launch.main)

    def _offer_reflective_moves(self) -> None:
        """View > Reflective moves (and the button beside each writing space) shows the moves
        beside the entry and the stage being written; off until turned on, then remembered."""
        toggle = self.commands.reflective_moves
        self.entries_page.editor.moves_button.setDefaultAction(toggle)
        self.entries_page.editor.moves_button.show()
        toggle.setChecked(reflective_moves_shown(self._settings))
        self._show_reflective_moves(toggle.isChecked())
        toggle.toggled.connect(self._show_reflective_moves)
        self.controllers.cycles.cycleShown.connect(self._watch_stage_text)

    def _offer_spelling(self) -> None:
        """View > Check spelling: on until turned off, then remembered; a dictionary that
        cannot be read is said once in the message bar."""
        toggle = self.commands.check_spelling
        toggle.setChecked(self.spelling.enabled)
        toggle.toggled.connect(self._check_spelling)
        self.spelling.problem.connect(self.message_bar.show_problem)
        self.spelling.adopt()
        self.commands.personal_dictionary.triggered.connect(self.show_personal_dictionary)

    @Slot()
    def show_personal_dictionary(self) -> None:
        """Edit > Personal dictionary…: the words added, to add to or remove; the spelling
        check follows each change at once. Asked for again, the open one comes forward."""
        if self._dictionary_dialog.bring_forward():
            return
        self._dictionary_dialog.open(
            PersonalDictionaryDialog(
                self._journal.dictionary, self.spelling.personal_changed, parent=self
            )
        )

    @Slot(bool)
    def _check_spelling(self, checked: bool) -> None:
        remember_spelling_checked(self._settings, checked)
        self.spelling.set_enabled(checked)

    @Slot(bool)
    def _show_reflective_moves(self, shown: bool) -> None:
        remember_reflective_moves_shown(self._settings, shown)
        self.entries_page.moves_panel.setVisible(shown)
        self.cycle_moves.setVisible(shown)

    @Slot()
    def _watch_stage_text(self) -> None:
        flow = self.cycle_pane.flow
        if flow is not None:
            self.cycle_moves.watch(flow.stage_page.text_edit)
            button = flow.stage_page.moves_button
            if button.defaultAction() is None:
                button.setDefaultAction(self.commands.reflective_moves)
                button.show()

    @Slot(int)
    def _show_zoom(self, percent: int) -> None:
        self.statusBar().showMessage(f"Text size {percent}%", ZOOM_MESSAGE_MS)

    @Slot(str)
    def _announce_status(self, message: str) -> None:
        announce(self.statusBar(), message)

    @Slot()
    def show_error_log(self) -> None:
        """Help > Show error log: the log's folder in the file manager, or where it would be."""
        show_error_log(self)

    def _build_coach_page(self) -> CoachPage:
        from app.ui.coach.coach_page import CoachPage

        journal, today, pick_file, confirm = self._coach_args
        return CoachPage(journal, self._settings, today=today, pick_file=pick_file, confirm=confirm)

    def _build_insights_page(self) -> InsightsPage:
        from app.insights.service import InsightsService
        from app.ui.insights.insights_page import InsightsPage

        journal, today = self._insights_args
        page = InsightsPage(
            InsightsService(journal),
            self._settings,
            inquiries=lambda: [(i.id, i.question) for i in journal.cycles.inquiries()],
            today=today,
        )
        page.openEntry.connect(self.navigation.open_entry)
        page.readCycle.connect(self.navigation.read_cycle)
        return page

    @property
    def coach_page(self) -> CoachPage:
        """The Coaching view's page (built on first use)."""
        return self._coaching_slot.page

    @property
    def coach_page_built(self) -> bool:
        """Whether the Coaching page exists yet (it is built when first shown)."""
        return self._coaching_slot.built

    def refresh_coaching(self, _kind: str = "") -> None:
        """Read Coaching again, and offer it once the journal has a participant (after a share
        package is imported, say)."""
        self.navigation.refresh_coaching()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save what is typed, remember the layout and the place, and close; or, when the
        person chose it and closed the window itself (not Quit), lock it and stay in the tray."""
        if event.spontaneous() and self.controllers.reminders.hide_to_tray():
            event.ignore()
            return
        if not self.controllers.prepare_to_close():
            event.ignore()
            return
        self.controllers.shut_down()
        self.spelling.shut_down()
        self._coaching_slot.shut_down()
        self.insights_slot.shut_down()
        remember_window(self._settings, self, self.entries_page)
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Once the window has first painted, start watching the person's input (Enter on a
        focused button, the idle lock's count). Each is a Python filter on the whole app: set
        up while the window is built and shown, it was called for each of the thousands of
        events that sends, and the first event of one of Qt's own objects made PySide set up
        every class it wraps (about 150 enum types)."""
        super().paintEvent(event)
        if not self._input_watch_asked:
            self._input_watch_asked = True
            QTimer.singleShot(0, self, self._watch_input)

    @property
    def watching_input(self) -> bool:
        """Whether Enter on a focused button and the idle lock are watching input yet (from
        just after the window first paints)."""
        return self._watching_input

    @Slot()
    def _watch_input(self) -> None:
        keyboard_reach.install()
        self.controllers.lock.watch_input()
        self._watching_input = True

    def changeEvent(self, event: QEvent) -> None:
        """Save when the window stops being the active one (focus went elsewhere)."""
        controllers = getattr(self, "controllers", None)  # events can come during __init__
        if (
            isinstance(controllers, WindowControllers)
            and event.type() == QEvent.Type.ActivationChange
            and not self.isActiveWindow()
        ):
            controllers.save_quietly()
        super().changeEvent(event)
