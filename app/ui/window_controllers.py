"""The window's behaviour, built in one place: entries, cycles, supervision and navigation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings

from app.journal import Journal
from app.ui.background_search import SearchFunction
from app.ui.backups.backups_controller import BackupsController
from app.ui.cycle_controller import CycleController
from app.ui.journal_controller import JournalController
from app.ui.messages import Confirm
from app.ui.navigation_controller import NavigationController
from app.ui.sharing.comments_controller import CommentsController
from app.ui.sharing.controller import SharingController
from app.ui.sharing.files import PickFile
from app.ui.summary.hooks import ChooseFile, PrintDocument
from app.ui.supervision_controller import SupervisionController
from app.ui.trash_controller import TrashController
from app.ui.window_lock import WindowLock

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


class WindowControllers(QObject):
    """Makes the controllers for a window and speaks for them when it saves or closes.

    `sharing.imported` (a SharingController signal, with the kind of file) says when an
    import changed the journal.
    """

    def __init__(
        self,
        window: MainWindow,
        journal: Journal,
        settings: QSettings,
        *,
        confirm: Confirm,
        autosave_ms: int,
        search: SearchFunction | None,
        today: Callable[[], date],
        now: Callable[[], datetime],
        choose_file: ChooseFile,
        print_document: PrintDocument,
        idle_lock_ms: int | None = None,
        first_backup_check_ms: int | None,
        pick_file: PickFile,
    ) -> None:
        super().__init__(window)
        self.entries = JournalController(
            window, journal, confirm=confirm, delay_ms=autosave_ms, search=search
        )
        self.cycles = CycleController(
            window,
            journal,
            today=today,
            autosave_ms=autosave_ms,
            confirm=confirm,
            settings=settings,
        )
        self.supervision = SupervisionController(
            window,
            journal,
            today=today,
            choose_file=choose_file,
            print_document=print_document,
            save_all=self.save_all,
        )
        self.navigation = NavigationController(
            window, journal, settings, entries=self.entries, cycles=self.cycles
        )
        self.supervision.sessionsChanged.connect(self.navigation.refresh_home)
        self.trash = TrashController(
            window,
            journal,
            confirm=confirm,
            save_all=self.save_all,
            entries=self.entries,
            cycles=self.cycles,
            navigation=self.navigation,
        )
        self.lock = WindowLock(window, journal, settings, save=self.save_all, idle_ms=idle_lock_ms)
        self.backups = BackupsController(
            window,
            journal,
            now=now,
            confirm=confirm,
            save_all=self.save_all,
            first_check_ms=first_backup_check_ms,
        )
        self.comments = CommentsController(
            window, journal, entries=self.entries, cycles=self.cycles, navigation=self.navigation
        )
        self.sharing = SharingController(
            window,
            journal,
            pick_file=pick_file,
            today=today,
            save_all=self.save_all,
            entries=self.entries,
            cycles=self.cycles,
            navigation=self.navigation,
        )
        self.sharing.imported.connect(self.comments.refresh)
        self.sharing.shared.connect(self.comments.refresh)

    def save_all(self) -> bool:
        """Save the entry and the cycle being written; False if either was refused."""
        entry_saved = self.entries.saver.save_now()
        cycle_saved = self.cycles.save_now()
        return entry_saved and cycle_saved

    def save_quietly(self) -> None:
        """Save without a message (the window lost focus)."""
        self.save_all()

    def prepare_to_close(self) -> bool:
        """Save before the window closes; a refused save asks whether to close anyway."""
        return self.entries.prepare_to_close() and self.cycles.prepare_to_close()

    def shut_down(self) -> None:
        """The window is closing: remember the place, stop searching and backing up, close
        the dialogs."""
        self.navigation.remember()
        self.lock.shut_down()
        self.supervision.close_dialogs()
        self.sharing.close_dialogs()
        self.comments.close_dialogs()
        self.entries.search.shutdown()
        self.backups.shut_down()
