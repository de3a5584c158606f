"""The window's behaviour, built in one place: entries, cycles, supervision and navigation.

Each controller is given the page or widgets it drives and the window's context
(app/ui/window/context.py), never the window itself.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QObject, QSettings

from app.ui.backups.backups_controller import BackupsController
from app.ui.comments.comments_panel import CommentsPanel
from app.ui.cycles.controller import CycleController
from app.ui.entries.controller import EntriesController
from app.ui.entries.quick_note_controller import QuickNoteController
from app.ui.entries.turn_into_cycle_controller import TurnIntoCycleController
from app.ui.reminders.controller import CalendarController
from app.ui.reminders.reminders_controller import RemindersController
from app.ui.search.background import SearchFunction
from app.ui.sessions.supervision_controller import SupervisionController
from app.ui.sharing.actions import SharingActions
from app.ui.sharing.comments_controller import CommentsController
from app.ui.sharing.controller import SharingController
from app.ui.summary.hooks import ChooseFile, PrintDocument
from app.ui.trash.controller import TrashController
from app.ui.widgets.file_pickers import PickFile
from app.ui.widgets.messages import Confirm
from app.ui.window.context import WindowContext
from app.ui.window.item_links import ItemLinksController
from app.ui.window.lock import WindowLock
from app.ui.window.lock_screen import LockFrame
from app.ui.window.navigation_controller import NavigationController, WindowViews


class WindowControllers(QObject):
    """Makes the controllers for a window and speaks for them when it saves or closes.

    `views` are the window's pages, `cycle_comments` the comments beside the Cycle view,
    `sharing_commands` the Sharing menu's and `lock_frame` what stands in for the window's
    content while it is locked.

    `sharing.imported` (a SharingController signal, with the kind of file) says when an import
    changed the journal.
    """

    def __init__(
        self,
        context: WindowContext,
        views: WindowViews,
        settings: QSettings,
        *,
        cycle_comments: CommentsPanel,
        sharing_commands: SharingActions,
        lock_frame: LockFrame,
        confirm: Confirm,
        autosave_ms: int,
        search: SearchFunction | None,
        today: Callable[[], date],
        now: Callable[[], datetime],
        choose_file: ChooseFile,
        print_document: PrintDocument,
        idle_lock_ms: int | None = None,
        first_backup_check_ms: int | None,
        first_reminder_check_ms: int | None = None,
        pick_file: PickFile,
    ) -> None:
        super().__init__(context.window)
        self.context = context
        entries_page = views.entries_page
        self.entries = EntriesController(
            context,
            entries_page,
            confirm=confirm,
            delay_ms=autosave_ms,
            search=search,
            words_label=views.words_label,
            save_state_label=views.save_state_label,
        )
        self.cycles = CycleController(
            context,
            views.cycle_pane,
            today=today,
            autosave_ms=autosave_ms,
            confirm=confirm,
            settings=settings,
        )
        context.add_saver(self.entries.saver.save_now)
        context.add_saver(self.cycles.save_now)
        self.supervision = SupervisionController(
            context,
            views.sessions_list,
            today=today,
            choose_file=choose_file,
            print_document=print_document,
        )
        self.navigation = NavigationController(
            context, views, settings, entries=self.entries, cycles=self.cycles
        )
        context.set_navigator(self.navigation)
        self.turn_into_cycle = TurnIntoCycleController(
            context, entries=self.entries, cycles=self.cycles
        )
        self.links = ItemLinksController(
            context,
            entries_page=entries_page,
            cycle_pane=views.cycle_pane,
            entries=self.entries,
            cycles=self.cycles,
        )
        self.supervision.sessionsChanged.connect(self.navigation.refresh_home)
        self.trash = TrashController(
            context,
            views.inquiries_page.timeline,
            confirm=confirm,
            entries=self.entries,
            cycles=self.cycles,
        )
        self.lock = WindowLock(context, lock_frame, settings, idle_ms=idle_lock_ms)
        self.backups = BackupsController(
            context, now=now, confirm=confirm, first_check_ms=first_backup_check_ms
        )
        self.comments = CommentsController(
            context,
            entries_page=entries_page,
            cycle_pane=views.cycle_pane,
            cycle_comments=cycle_comments,
            home=views.home,
            entries=self.entries,
            cycles=self.cycles,
        )
        self.sharing = SharingController(
            context,
            sharing_commands,
            entries_page,
            pick_file=pick_file,
            today=today,
            entries=self.entries,
            cycles=self.cycles,
        )
        self.sharing.imported.connect(self.comments.refresh)
        self.sharing.shared.connect(self.comments.refresh)
        self.calendar = CalendarController(context, pick_file=pick_file, today=today, now=now)
        self.reminders = RemindersController(
            context,
            settings,
            now=now,
            locked=lambda: self.lock.locked,
            lock=self.lock.lock,
            first_check_ms=first_reminder_check_ms,
        )
        self.lock.lockedChanged.connect(self.reminders.reminders.lock_changed)
        self.quick_note = QuickNoteController(
            context,
            settings,
            entries=self.entries,
            locked=lambda: self.lock.locked,
            ask_to_unlock=self.lock.ask_to_unlock,
            confirm=confirm,
            notify=self.reminders.tell,
        )
        self.lock.lockedChanged.connect(self.quick_note.lock_changed)

    def save_all(self) -> bool:
        """Save the entry and the cycle being written; False if either was refused."""
        return self.context.save_all()

    def save_quietly(self) -> None:
        """Save without a message (the window lost focus)."""
        self.save_all()

    def prepare_to_close(self) -> bool:
        """Save before the window closes; a refused save asks whether to close anyway."""
        return (
            self.quick_note.prepare_to_close()
            and self.entries.prepare_to_close()
            and self.cycles.prepare_to_close()
        )

    def shut_down(self) -> None:
        """The window is closing: remember the place, stop searching and backing up, close
        the dialogs."""
        self.navigation.remember()
        self.lock.shut_down()
        self.supervision.close_dialogs()
        self.sharing.close_dialogs()
        self.calendar.close_dialogs()
        self.reminders.close_dialogs()
        self.quick_note.close_dialogs()
        self.comments.close_dialogs()
        self.entries.search.shutdown()
        self.backups.shut_down()
