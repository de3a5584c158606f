"""Reminders while the app runs: once a day, never a title, a click opens what waits."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from app.journal.opening import Journal
from app.reminders.nudges import NudgeSettings
from app.supervision.session_records import ActionDraft, SessionKind
from app.ui.reminders.reminders_controller import STILL_RUNNING
from app.ui.reminders.tray import TrayReminders, read_settings, save_settings
from app.ui.window.navigation import View
from app.writing.domains import Domain
from tests.ui.driver import LEFT
from tests.ui.reminders.helpers import FakeLogin, FakeTray
from tests.ui.support import unnamed_controls

TODAY = date.today()
MORNING = datetime.combine(TODAY, time(10, 15)).astimezone()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def _waiting_cycle(journal: Journal) -> str:
    return journal.cycles.start_inquiry(
        "Can I hand the huddle over?",
        [Domain.TEAM],
        "action-inquiry",
        title="Hand the huddle to Mrs Patel's nurse",
        experiment_date=TODAY - timedelta(days=1),
    ).id


def _reminders(window, settings: QSettings, tray: FakeTray | None, at: datetime) -> TrayReminders:
    """Reminders for the window, as of `at`, looking only when asked (check_now)."""
    return TrayReminders(
        window.controllers.context,
        settings,
        tray=tray,
        now=lambda: at,
        locked=lambda: window.controllers.lock.locked,
        first_check_ms=None,
    )


def test_a_reminder_names_no_title_comes_once_a_day_and_opens_the_cycle(
    qtbot, journal: Journal, make_window, settings: QSettings
) -> None:
    cycle_id = _waiting_cycle(journal)
    window = make_window(journal, settings=settings)
    tray = FakeTray()
    reminders = _reminders(window, settings, tray, MORNING)

    reminders.check_now()
    assert tray.shown == [
        (
            "Inquiry Journal",
            "An experiment is ready for your reflection. Click to open it.",
        )
    ]
    reminders.check_now()  # the same day: once is enough
    assert len(tray.shown) == 1
    assert "Patel" not in settings.value("reminders/reminded")  # ids and days only

    tray.messageClicked.emit()
    assert window.navigation.view is View.CYCLE
    assert window.controllers.cycles.shown_cycle_id == cycle_id


def test_an_action_due_opens_on_home_and_quiet_hours_hold_reminders(
    qtbot, journal: Journal, make_window, settings: QSettings
) -> None:
    session = journal.sessions.record(
        SessionKind.SUPERVISION,
        TODAY - timedelta(days=7),
        actions=[
            ActionDraft("Ask for a mentor", by_when=TODAY + timedelta(days=9)),
            ActionDraft("Book the 1:1", by_when=TODAY),
        ],
    )
    window = make_window(journal, settings=settings)
    window.navigation.show_view(View.SESSIONS)
    tray = FakeTray()
    late = datetime.combine(TODAY, time(21, 30)).astimezone()
    _reminders(window, settings, tray, late).check_now()
    assert tray.shown == []  # quiet hours: 19:00 to 08:00

    reminders = _reminders(window, settings, tray, MORNING)
    reminders.check_now()
    assert tray.shown[-1][1] == "An action you agreed is due. Click to open it."
    tray.messageClicked.emit()
    assert window.navigation.view is View.HOME
    chosen = window.actions_panel.current_action
    assert chosen is not None and chosen.id == session.actions[1].id


def test_without_a_tray_the_reminder_shows_in_the_window_and_a_snooze_holds_it(
    qtbot, journal: Journal, make_window, settings: QSettings
) -> None:
    _waiting_cycle(journal)
    window = make_window(journal, settings=settings)
    reminders = _reminders(window, settings, None, MORNING)
    until = reminders.snooze(hours=1)
    assert until == MORNING + timedelta(hours=1)
    assert window.statusBar().currentMessage() == (f"Reminders are snoozed until {until:%H:%M}.")
    reminders.check_now()
    assert window.message_bar.message == ""

    later = _reminders(window, settings, None, MORNING + timedelta(hours=1))
    later.check_now()
    assert window.message_bar.message == (
        "An experiment is ready for your reflection. Home lists what waits."
    )


def test_the_settings_dialog_changes_reminders_and_starting_at_login(
    qtbot, journal: Journal, make_window, settings: QSettings
) -> None:
    window = make_window(journal, settings=settings)
    controller = window.controllers.reminders
    controller.login = FakeLogin()
    assert window.commands.reminders in window.menus["file"].actions()
    window.commands.reminders.trigger()
    dialog = controller.dialog
    assert dialog is not None and unnamed_controls(dialog) == []
    assert dialog.reflections_box.isChecked() and dialog.actions_box.isChecked()
    assert not dialog.login_box.isChecked()
    assert not dialog.tray_box.isEnabled()  # offscreen has no tray to stay in
    assert "no notification area" in dialog.where_label.text()  # offscreen: no tray
    dialog.actions_box.click()
    dialog.quiet_from.setTime(dialog.quiet_from.time().addSecs(3600))
    dialog.login_box.click()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: controller.dialog is None)

    chosen = read_settings(settings)
    assert chosen == NudgeSettings(actions=False, quiet_from=time(20, 0))
    assert controller.login.command is not None
    assert controller.login.command[-3:] == ["-m", "app", "--in-tray"]
    assert window.statusBar().currentMessage() == "Reminder settings saved."


def test_starting_at_login_that_fails_is_said_and_the_rest_is_kept(
    qtbot, journal: Journal, make_window, settings: QSettings
) -> None:
    save_settings(settings, NudgeSettings(reflections=False))
    window = make_window(journal, settings=settings)
    controller = window.controllers.reminders
    controller.login = FakeLogin(fails=True)
    window.commands.reminders.trigger()
    dialog = controller.dialog
    assert dialog is not None and not dialog.reflections_box.isChecked()
    dialog.login_box.click()
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: controller.dialog is None)
    assert window.message_bar.message == (
        "Starting at login could not be changed: the disk is full."
    )
    assert not controller.login.enabled()
    assert read_settings(settings).reflections is False


def test_closing_the_window_can_leave_it_locked_in_the_tray_but_quit_ends_it(
    qtbot, journal: Journal, make_window, settings: QSettings
) -> None:
    window = make_window(journal, settings=settings)
    controller = window.controllers.reminders
    icon = FakeTray()
    controller.icon = icon  # a desktop with a tray
    assert not controller.hide_to_tray()  # not chosen: closing closes
    assert window.isVisible()

    settings.setValue("reminders/keep_in_tray", "true")
    assert controller.hide_to_tray()
    assert not window.isVisible() and window.controllers.lock.locked
    assert icon.shown == [("Inquiry Journal", STILL_RUNNING)]
    controller.reminders_open()
    assert window.isVisible() and window.controllers.lock.locked  # unlocking is the person's
    assert controller.hide_to_tray() and icon.shown == [("Inquiry Journal", STILL_RUNNING)]
    assert controller.start_in_tray()  # what --in-tray at login does with the tray chosen
    settings.setValue("reminders/keep_in_tray", "false")
    assert not controller.start_in_tray()

    controller.reminders_open()
    window.commands.quit.trigger()  # Quit is not the window's close button: it ends the app
    qtbot.waitUntil(lambda: not window.isVisible())
    assert ("hidden", "") in icon.shown


def test_a_reminder_clicked_while_locked_opens_its_cycle_once_unlocked(
    qtbot, journal: Journal, make_window, settings: QSettings
) -> None:
    cycle_id = _waiting_cycle(journal)
    window = make_window(journal, settings=settings)
    tray = FakeTray()
    reminders = _reminders(window, settings, tray, MORNING)
    window.controllers.lock.lockedChanged.connect(reminders.lock_changed)
    window.controllers.lock.lock()
    reminders.check_now()
    tray.messageClicked.emit()
    shown_before = window.navigation.view
    qtbot.mouseClick(window.lock_frame.lock_screen.unlock_button, LEFT)
    assert shown_before is View.HOME  # nothing opened behind the lock screen
    assert not window.controllers.lock.locked
    assert window.navigation.view is View.CYCLE
    assert window.controllers.cycles.shown_cycle_id == cycle_id
