"""Starting the app: one window per journal, setup or unlock, recovery when the key is lost."""

from __future__ import annotations

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.errors import JournalInUseError
from app.journal.opening import create_journal, open_journal
from app.journal.paths import ENV_HOME, resolve_data_dir
from app.storage.keys import KEYRING_SERVICE, SystemKeyring
from app.storage.lock import JournalLock
from app.storage.meta import meta_path, read_meta
from app.ui.widgets.settings import open_settings
from app.ui.window import launch
from app.ui.window.launch import JournalOpener, UnlockChoice, journal_folder, main
from tests.support.data import PASSPHRASE
from tests.ui.launching import FakePrompts, close_windows_when_shown


def test_a_second_window_on_the_same_journal_is_refused(journal_dir, key_store):
    create_journal(journal_dir, key_store)[0].close()
    prompts = FakePrompts()
    with JournalLock(journal_dir):
        with pytest.raises(JournalInUseError):
            JournalOpener(journal_dir, key_store, prompts).open()
        assert main(journal_dir, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 1
    assert "already open in another Inquiry Journal window" in prompts.errors[0]


def test_first_run_sets_up_opens_the_window_and_releases_the_journal(qtbot, journal_dir, key_store):
    prompts = FakePrompts(setup=lambda folder, create: create(folder, None)[0])
    close_windows_when_shown()
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 0
    assert prompts.asked == ["setup"]
    assert prompts.errors == []
    with JournalLock(journal_dir):  # released when the window closed
        open_journal(journal_dir, key_store).close()


def test_setup_in_another_folder_is_opened_next_time(qtbot, monkeypatch, tmp_path, key_store):
    monkeypatch.delenv(ENV_HOME)  # the platform's default folder (inside this test's home)
    chosen = tmp_path / "chosen"
    prompts = FakePrompts(setup=lambda _folder, create: create(chosen, None)[0])
    close_windows_when_shown()
    assert main(None, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 0
    assert journal_folder(None, open_settings()) == chosen
    assert resolve_data_dir(None) == chosen  # the command line opens the same journal

    again = FakePrompts()
    close_windows_when_shown()
    assert main(None, ["inquiry-journal"], prompts=again, key_store=key_store) == 0
    assert again.asked == []  # opened straight from the keyring, no setup


def test_a_cancelled_setup_exits_quietly(journal_dir, key_store):
    prompts = FakePrompts(setup=None)
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 0
    assert prompts.errors == []
    with JournalLock(journal_dir):
        pass


def test_a_key_missing_from_the_keyring_offers_recovery(journal_dir, key_store):
    create_journal(journal_dir, key_store)[0].close()
    keyring.delete_password(KEYRING_SERVICE, read_meta(journal_dir).journal_id)
    prompts = FakePrompts()
    opener = JournalOpener(journal_dir, key_store, prompts)
    assert opener.open() is None
    opener.release()
    assert prompts.asked == ["recover prefer_passphrase=False"]
    assert "recovery code" in prompts.reasons[0]


def test_passphrase_journal_asks_for_it_and_can_switch_to_recovery(journal_dir, no_keyring):
    store = SystemKeyring()
    create_journal(journal_dir, store, PASSPHRASE)[0].close()

    prompts = FakePrompts(passphrase=PASSPHRASE)
    opener = JournalOpener(journal_dir, store, prompts)
    journal = opener.open()
    assert journal is not None
    journal.close()
    opener.release()

    prompts = FakePrompts(passphrase=UnlockChoice.RECOVER)
    opener = JournalOpener(journal_dir, store, prompts)
    assert opener.open() is None
    opener.release()
    assert prompts.asked == ["passphrase", "recover prefer_passphrase=True"]


def test_a_network_folder_is_warned_about_once(monkeypatch, journal_dir, key_store):
    create_journal(journal_dir, key_store)[0].close()
    monkeypatch.setattr(launch, "is_network_path", lambda _path: True)
    prompts = FakePrompts()
    opener = JournalOpener(journal_dir, key_store, prompts)
    journal = opener.open()
    assert journal is not None
    journal.close()
    opener.release()
    assert prompts.asked == [f"network {journal_dir}"]


def test_a_damaged_journal_json_is_explained_and_nothing_changes(journal_dir, key_store):
    create_journal(journal_dir, key_store)[0].close()
    meta_path(journal_dir).write_text("{not json", encoding="utf-8")
    prompts = FakePrompts()
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 1
    assert "could not be read" in prompts.errors[0]
    assert meta_path(journal_dir).read_text(encoding="utf-8") == "{not json"


def test_data_dir_can_come_from_the_arguments(journal_dir, key_store):
    prompts = FakePrompts(setup=None)
    argv = ["inquiry-journal", "--data-dir", str(journal_dir)]
    assert main(None, argv, prompts=prompts, key_store=key_store) == 0
    assert prompts.asked == ["setup"]
    assert (journal_dir / ".journal.lock").exists()


def test_an_everyday_start_shows_a_window_before_the_journal_loads(journal_dir, key_store):
    from app.ui.start.opening_window import OpeningWindow

    create_journal(journal_dir, key_store)[0].close()
    seen: list[str] = []

    def look() -> None:
        seen.extend(type(w).__name__ for w in QApplication.topLevelWidgets() if w.isVisible())

    QTimer.singleShot(0, look)  # runs while the opening window is the one on screen
    close_windows_when_shown()
    prompts = FakePrompts()
    assert main(journal_dir, ["inquiry-journal"], prompts=prompts, key_store=key_store) == 0
    assert seen == ["OpeningWindow"]
    assert not any(
        isinstance(w, OpeningWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
    )


def test_started_at_login_without_a_tray_the_window_shows_as_usual(journal_dir, key_store):
    create_journal(journal_dir, key_store)[0].close()
    open_settings().setValue("reminders/keep_in_tray", "true")  # chosen, but no tray here
    close_windows_when_shown()
    prompts = FakePrompts()
    assert (
        main(journal_dir, ["inquiry-journal", "--in-tray"], prompts=prompts, key_store=key_store)
        == 0
    )
    assert prompts.errors == []


def test_started_at_login_with_the_tray_chosen_it_waits_there_locked(
    journal_dir, key_store, monkeypatch
):
    from PySide6.QtWidgets import QSystemTrayIcon

    from app.ui.reminders.reminders_controller import RemindersController
    from app.ui.window.main_window import MainWindow
    from tests.ui.reminders.helpers import FakeTray

    def fake_icon(controller):
        controller.icon = FakeTray()  # the headless platform has no tray to put one in
        return controller.icon

    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(RemindersController, "_make_icon", fake_icon)
    create_journal(journal_dir, key_store)[0].close()
    open_settings().setValue("reminders/keep_in_tray", "true")
    seen: list[tuple[bool, bool, bool]] = []

    def look(tries: int = 500) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if not windows and tries:
            QTimer.singleShot(1, lambda: look(tries - 1))
            return
        for window in windows:
            reminders = window.controllers.reminders
            seen.append(
                (window.isVisible(), window.controllers.lock.locked, reminders.icon is not None)
            )
            window.close()  # as Quit does
        QApplication.quit()

    QTimer.singleShot(1, look)
    prompts = FakePrompts()
    assert (
        main(journal_dir, ["inquiry-journal", "--in-tray"], prompts=prompts, key_store=key_store)
        == 0
    )
    assert seen == [(False, True, True)]
    with JournalLock(journal_dir):  # released when it ended
        pass


def test_with_quick_note_the_window_opens_with_a_quick_note_in_front(journal_dir, key_store):
    from tests.ui.launching import each_new_window

    create_journal(journal_dir, key_store)[0].close()
    seen: list[bool] = []

    def look(window) -> None:
        dialog = window.controllers.quick_note.dialog
        seen.append(dialog is not None and dialog.isVisible())
        window.close()

    each_new_window([look])
    prompts = FakePrompts()
    assert (
        main(journal_dir, ["inquiry-journal", "--quick-note"], prompts=prompts, key_store=key_store)
        == 0
    )
    assert seen == [True]
    assert prompts.errors == []
