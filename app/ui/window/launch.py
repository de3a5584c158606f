"""Starting the window: the GUI's composition root.

`main()` builds the application, finds the journal folder, takes the journal lock, sets the
journal up or unlocks it (recovering it if the key is lost), and shows the window.
`JournalOpener` does the middle part and asks the person through `OpenerPrompts`, so tests
can answer for them.
"""

from __future__ import annotations

import argparse
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from app import collection
from app.errors import (
    JournalError,
    KeyUnavailableError,
    NotAJournalError,
    WrongDatabaseError,
    WrongKeyError,
)
from app.journal.paths import ENV_HOME, is_network_path, remember_journal_folder, resolve_data_dir
from app.storage.keys import KeyStore, SystemKeyring
from app.storage.meta import KeyMode, journal_exists, read_meta
from app.ui.start.opening_window import OpeningWindow
from app.ui.widgets.messages import show_error
from app.ui.widgets.readable_colours import use_readable_colours
from app.ui.widgets.resources import app_icon
from app.ui.widgets.settings import open_settings, remember_folder, remembered_folder
from app.ui.window.crash_report import run_reporting_bugs
from app.ui.window.display import display_problem

# The journal, its ORM, the folder lock and the big window load after a first window is on
# screen.
if TYPE_CHECKING:
    from app.journal.opening import Journal
    from app.journal.restore import RestoredBackup
    from app.storage.lock import JournalLock
    from app.ui.start.restore_pages import RestoreJournal
    from app.ui.start.setup_wizard import CreateJournal

APP_NAME = "Inquiry Journal"


class UnlockChoice(Enum):
    """The person chose, at the passphrase prompt, to use their recovery code."""

    RECOVER = "recover"


class OpenerPrompts(Protocol):
    """Everything JournalOpener asks the person. Each method returns None when they cancel."""

    def warn_network_folder(self, folder: Path) -> None:
        """Warn that the folder is on a network drive (the journal may still be opened)."""
        ...

    def show_error(self, message: str) -> None:
        """Say, in the error's own words, why the journal cannot be opened."""
        ...

    def run_setup(
        self, folder: Path, create: CreateJournal, restore: RestoreJournal
    ) -> Journal | Path | None:
        """First-run setup: the new (or restored) journal, or a folder that already holds one."""
        ...

    def ask_passphrase(self, folder: Path) -> Journal | UnlockChoice | None:
        """The journal opened with the passphrase typed, or the wish to use the recovery code."""
        ...

    def recover(self, folder: Path, reason: str, *, prefer_passphrase: bool) -> Journal | None:
        """The journal opened with its recovery code."""
        ...

    def refused(self, folder: Path, message: str, restore: RestoreJournal) -> Journal | None:
        """Say why journal.db was refused (missing, empty, another journal's); the journal
        restored from a backup if the person chose to restore one."""
        ...


class DialogPrompts:
    """OpenerPrompts answered by the person through the app's dialogs."""

    def __init__(self, key_store: KeyStore) -> None:
        self._key_store = key_store

    def warn_network_folder(self, folder: Path) -> None:
        """A warning box the person acknowledges."""
        from app.ui.start.setup_wizard import NETWORK_WARNING

        QMessageBox.warning(None, APP_NAME, f"{folder}\n\n{NETWORK_WARNING}")

    def show_error(self, message: str) -> None:
        """A message box with the error's message."""
        show_error(None, message)

    def run_setup(
        self, folder: Path, create: CreateJournal, restore: RestoreJournal
    ) -> Journal | Path | None:
        """The first-run wizard."""
        from app.ui.start.setup_wizard import SetupWizard

        wizard = SetupWizard(folder, self._key_store, create, restore=restore)
        wizard.setWindowIcon(app_icon())
        if wizard.exec() != SetupWizard.DialogCode.Accepted:
            return None
        return wizard.journal or wizard.existing_folder

    def ask_passphrase(self, folder: Path) -> Journal | UnlockChoice | None:
        """The passphrase dialog."""
        from app.ui.start.unlock_dialogs import RECOVER_REQUESTED, PassphraseDialog

        dialog = PassphraseDialog(folder, self._key_store)
        result = dialog.exec()
        if dialog.refusal is not None:
            raise dialog.refusal
        if result == RECOVER_REQUESTED:
            return UnlockChoice.RECOVER
        return dialog.journal if result == PassphraseDialog.DialogCode.Accepted else None

    def recover(self, folder: Path, reason: str, *, prefer_passphrase: bool) -> Journal | None:
        """The recovery dialog."""
        from app.ui.start.unlock_dialogs import RecoverDialog

        dialog = RecoverDialog(folder, self._key_store, reason, prefer_passphrase=prefer_passphrase)
        accepted = dialog.exec() == RecoverDialog.DialogCode.Accepted
        if dialog.refusal is not None:
            raise dialog.refusal
        return dialog.journal if accepted else None

    def refused(self, folder: Path, message: str, restore: RestoreJournal) -> Journal | None:
        """The refusal with "Restore a backup...", which leads to the restore wizard."""
        from app.journal.backups import backup_folder_or_default
        from app.ui.backups.refused_journal import (
            RESTORE_CHOSEN,
            RefusedJournalDialog,
            RestoreWizard,
        )

        dialog = RefusedJournalDialog(message)
        dialog.setWindowIcon(app_icon())
        chosen = dialog.exec()
        dialog.deleteLater()  # not left to the garbage collector: its slots keep it alive
        if chosen != RESTORE_CHOSEN:
            return None
        wizard = RestoreWizard(
            folder, self._key_store, restore, backups_folder=backup_folder_or_default(folder)
        )
        wizard.setWindowIcon(app_icon())
        accepted = wizard.exec() == RestoreWizard.DialogCode.Accepted
        wizard.deleteLater()
        return wizard.journal if accepted else None


class JournalOpener:
    """Takes a folder to an open journal, holding the folder's lock while it is open.

    `open()` raises JournalError when the journal cannot be opened (in use, damaged, newer);
    it returns None when the person cancelled. A journal.db that is missing, empty or another
    journal's is refused with the offer of a restore; `refused` is then True.
    """

    def __init__(self, folder: Path, key_store: KeyStore, prompts: OpenerPrompts) -> None:
        self.folder = folder
        self._key_store = key_store
        self._prompts = prompts
        self._lock: JournalLock | None = None
        self.notice = ""
        """What the start did about an operation a crash had cut short ("" when nothing)."""
        self.refused = False

    def open(self) -> Journal | None:
        """Lock the folder, then set up a new journal or unlock the one there."""
        if is_network_path(self.folder):
            self._prompts.warn_network_folder(self.folder)
        self._take_lock(self.folder)
        self._finish_interrupted(self.folder)
        if journal_exists(self.folder):
            return self._unlock_or_offer_restore(self.folder)
        outcome = self._prompts.run_setup(self.folder, self._create, self._restore)
        if isinstance(outcome, Path):
            self._take_lock(outcome)
            self._finish_interrupted(outcome)
            return self._unlock_or_offer_restore(outcome)
        return outcome

    def release(self) -> None:
        """Let another window open the journal."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _take_lock(self, folder: Path) -> None:
        if self._lock is not None and self.folder == folder and self._lock.is_held:
            return
        from app.storage.lock import JournalLock  # filelock loads after the first window shows

        lock = JournalLock(folder)
        lock.acquire()
        self.release()
        self._lock = lock
        self.folder = folder

    def _finish_interrupted(self, folder: Path) -> None:
        from app.journal.interrupted import finish_interrupted

        self.notice = finish_interrupted(folder) or self.notice

    def _create(self, folder: Path, passphrase: str | None) -> tuple[Journal, str]:
        from app.journal.opening import create_journal

        self._take_lock(folder)
        return create_journal(folder, self._key_store, passphrase)

    def _restore(
        self, folder: Path, backup: Path, code: str, passphrase: str | None
    ) -> tuple[Journal, RestoredBackup, str | None]:
        from app.journal.restore import restore_with_kept_key, restore_with_recovery_code

        self._take_lock(folder)
        if not code.strip():  # offered only when the keyring keeps this journal's key
            return restore_with_kept_key(folder, backup, self._key_store)
        return restore_with_recovery_code(folder, backup, code, self._key_store, passphrase)

    def _unlock_or_offer_restore(self, folder: Path) -> Journal | None:
        try:
            return self._unlock(folder)
        except WrongDatabaseError as exc:
            self.refused = True
            return self._prompts.refused(folder, str(exc), self._restore)

    def _unlock(self, folder: Path) -> Journal | None:
        from app.journal.identity import refuse_missing_database

        meta = read_meta(folder)
        refuse_missing_database(folder, meta)  # before asking for a passphrase in vain
        if meta.key_mode is KeyMode.PASSPHRASE:
            answer = self._prompts.ask_passphrase(folder)
            if answer is UnlockChoice.RECOVER:
                return self._prompts.recover(
                    folder,
                    "Type your recovery code to open the journal, then choose how to keep its key.",
                    prefer_passphrase=True,
                )
            return answer
        from app.journal.opening import open_journal

        try:
            return open_journal(folder, self._key_store)
        except (KeyUnavailableError, WrongKeyError) as exc:
            return self._prompts.recover(folder, str(exc), prefer_passphrase=False)


def journal_folder(data_dir: Path | None, settings: QSettings) -> Path:
    """The folder to open: the one named, else the one chosen at setup, else the default."""
    default = resolve_data_dir(None)
    folder = resolve_data_dir(data_dir) if data_dir else default
    if folder == default and not os.environ.get(ENV_HOME) and not journal_exists(folder):
        # The command line passes the default folder too; a folder chosen at setup wins.
        remembered = remembered_folder(settings)
        if remembered is not None and journal_exists(remembered):
            return remembered
    return folder


QUICK_NOTE = "--quick-note"
"""Open the Quick note window in front of the journal window (a desktop shortcut can say it)."""


def _data_dir_argument(argv: list[str]) -> Path | None:
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data-dir", type=Path)
    known, _qt_arguments = parser.parse_known_args(argv[1:])
    value = known.data_dir
    return value if isinstance(value, Path) else None


def _application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setWindowIcon(app_icon())
    use_readable_colours(app)  # AA text contrast and a visible focus ring, in any palette
    return app


def main(
    data_dir: Path | None = None,
    argv: list[str] | None = None,
    *,
    prompts: OpenerPrompts | None = None,
    key_store: KeyStore | None = None,
) -> int:
    """Open the journal window; return the process exit code.

    1 when it could not open (said in a message), 2 after a bug (logged and shown).
    """
    collection.hold_back()  # until the window is on screen (MainWindow.prepare_storage_soon)
    problem = display_problem() if QApplication.instance() is None else None
    if problem is not None:
        print(problem, file=sys.stderr)  # instead of Qt's abort, which blames its plugin
        return 1
    arguments = list(sys.argv if argv is None else argv)
    app = _application(arguments)
    # A bug from here on is logged and shown, never a silent exit (there is no console).
    try:
        return run_reporting_bugs(
            lambda: _open_and_run(app, arguments, data_dir, prompts, key_store)
        )
    finally:
        collection.resume()  # when no journal window opened to do it


def _open_and_run(
    app: QApplication,
    arguments: list[str],
    data_dir: Path | None,
    prompts: OpenerPrompts | None,
    key_store: KeyStore | None,
) -> int:
    settings = open_settings()
    folder = journal_folder(data_dir or _data_dir_argument(arguments), settings)
    store = key_store if key_store is not None else SystemKeyring()
    asker = prompts if prompts is not None else DialogPrompts(store)
    from app.reminders.login import IN_TRAY  # what starting at login adds

    in_tray = IN_TRAY in arguments
    quick_note = QUICK_NOTE in arguments
    opening = None if in_tray else _opening_window(folder, settings)
    opener = JournalOpener(folder, store, asker)
    try:
        journal = opener.open()
    except JournalError as exc:
        opener.release()
        _close(opening)
        asker.show_error(str(exc))
        return 1
    if journal is None:
        opener.release()
        _close(opening)
        return 1 if opener.refused else 0
    try:
        if journal.folder != folder:
            remember_folder(settings, journal.folder)
            # The command line's default follows the folder chosen here too.
            remember_journal_folder(journal.folder)
        return _run_window(
            app,
            journal,
            settings,
            store,
            opening,
            opener.notice,
            in_tray=in_tray,
            quick_note=quick_note,
        )
    finally:
        journal.close()
        opener.release()


def _opening_window(folder: Path, settings: QSettings) -> OpeningWindow | None:
    """On the everyday path (a journal unlocked by the keyring) show a window at once.

    First run and passphrase journals start with their own dialog instead.
    """
    try:
        quick = journal_exists(folder) and read_meta(folder).key_mode is KeyMode.KEYRING
    except NotAJournalError:
        quick = False
    if not quick or is_network_path(folder):
        return None
    opening = OpeningWindow(settings)
    opening.show()
    QApplication.processEvents()
    return opening


def _close(window: QMainWindow | None) -> None:
    if window is not None:
        window.close()
        window.deleteLater()


def _run_window(
    app: QApplication,
    journal: Journal,
    settings: QSettings,
    key_store: KeyStore,
    opening: QMainWindow | None = None,
    notice: str = "",
    *,
    in_tray: bool = False,
    quick_note: bool = False,
) -> int:
    """Show the journal window until it closes; after a restore was asked for there, restore
    and show a new window on the journal as restored (the lock stays held throughout).

    `in_tray` (started at login with --in-tray): when the person chose to keep the app in the
    tray, the first window starts locked and hidden there; otherwise it shows as usual.
    `quick_note` (--quick-note): the Quick note window opens in front of the first window.
    """
    from app.ui.window.main_window import MainWindow

    current = journal
    restored, problem = "", ""
    try:
        while True:
            window = MainWindow(current, settings=settings)
            if not (in_tray and window.controllers.reminders.start_in_tray()):
                window.show()
            window.prepare_storage_soon()
            in_tray = False
            if quick_note:
                window.controllers.quick_note.open()
                quick_note = False
            _close(opening)
            opening = None
            if restored:
                window.statusBar().showMessage(restored)
            if problem:
                window.message_bar.show_problem(f"The backup was not restored: {problem}")
            elif notice:
                window.message_bar.show_note(notice)
                notice = ""
            try:
                code = app.exec()
            finally:
                request = window.controllers.backups.restore_request
                replace_journal = window.controllers.backups.replace_journal
                # Deleted now, before the journal closes (the window and its controller refer
                # to each other, so Python alone would free them only at some later collection).
                window.deleteLater()
                app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
            if request is None:
                return code
            try:
                reopened = current.backups.restore(
                    request, key_store, replace_journal=replace_journal
                )
            except JournalError as exc:  # restored, but it would not open again
                show_error(None, str(exc))
                return 1
            current = reopened.journal
            problem = reopened.problem
            restored = reopened.restored.describe() if reopened.restored is not None else ""
    finally:
        if current is not journal:
            current.close()
