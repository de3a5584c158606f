"""The tray icon and its menu, File > Reminders…, and the reminders they control."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Slot
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.errors import JournalError
from app.ui.reminders.tray import (
    CHECK_MS,
    FIRST_CHECK_MS,
    Tray,
    TrayReminders,
    bring_forward,
    save_settings,
)
from app.ui.widgets.one_dialog import OneDialog
from app.ui.widgets.resources import app_icon
from app.ui.window.context import WindowContext

if TYPE_CHECKING:  # starting at login is looked at only when the settings are
    from app.reminders.login import LoginStart
    from app.ui.reminders.settings_dialog import ReminderSettingsDialog  # loads when opened

SAVED = "Reminder settings saved."
IN_TRAY_KEY = "reminders/keep_in_tray"
TOLD_MS = 5000
STILL_RUNNING = "Inquiry Journal is still running here, locked, so reminders can come."


class RemindersController(QObject):
    """Reminders for the window: through the tray icon where the desktop has one (with a menu
    to open the window, snooze, change the settings or quit), else in the message bar.

    `tray` is for tests (a stand-in tray; by default a real one when the desktop has a tray);
    `login` is how this system starts programs at login; `lock` locks the window (before it
    hides in the tray).
    """

    def __init__(
        self,
        context: WindowContext,
        settings: QSettings,
        *,
        now: Callable[[], datetime],
        locked: Callable[[], bool],
        lock: Callable[[], None] = lambda: None,
        tray: Tray | bool | None = True,
        login: LoginStart | None = None,
        check_ms: int | None = CHECK_MS,
        first_check_ms: int | None = FIRST_CHECK_MS,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._settings = settings
        self._login = login
        self._lock = lock
        self._told_still_running = False
        self.icon: QSystemTrayIcon | None = None
        self.tray_menu = self._make_menu()
        if tray is True:
            tray = self._make_icon() if QSystemTrayIcon.isSystemTrayAvailable() else None
        elif tray is False:
            tray = None
        self.reminders = TrayReminders(
            context,
            settings,
            tray=tray,
            now=now,
            locked=locked,
            check_ms=check_ms,
            first_check_ms=first_check_ms,
        )
        self._slot: OneDialog[ReminderSettingsDialog] = OneDialog(self._save)
        context.commands.reminders.triggered.connect(self.change_settings)

    @property
    def dialog(self) -> ReminderSettingsDialog | None:
        """The Reminders dialog, while it is open."""
        return self._slot.dialog

    @Slot()
    def change_settings(self) -> None:
        """Open the Reminders dialog (or bring it forward)."""
        if self._slot.bring_forward():
            return
        from app.ui.reminders.settings_dialog import ReminderSettingsDialog

        try:
            login_on = self.login.enabled()
        except JournalError:
            login_on = False
        dialog = ReminderSettingsDialog(
            self.reminders.settings,
            login_on,
            tray=self.icon is not None,
            in_tray=self.keeps_in_tray(),
            parent=self._context.window,
        )
        self._slot.open(dialog)

    def close_dialogs(self) -> None:
        """Close the dialog, and take the tray icon away (the window is closing)."""
        self._slot.close()
        if self.icon is not None:
            self.icon.hide()

    def _save(self, dialog: ReminderSettingsDialog) -> None:
        from app.reminders.login import IN_TRAY, launch_command

        save_settings(self._settings, dialog.chosen())
        self._settings.setValue(IN_TRAY_KEY, "true" if dialog.in_tray_wanted() else "false")
        try:
            if dialog.login_wanted() != self.login.enabled():
                if dialog.login_wanted():
                    self.login.enable([*launch_command(), IN_TRAY])
                else:
                    self.login.disable()
        except JournalError as exc:
            self._context.show_problem(str(exc))
            return
        self._context.show_status(SAVED)

    def _make_menu(self) -> QMenu:
        """The tray icon's menu (made whether or not the desktop has a tray to put it in)."""
        menu = QMenu(self._context.window)
        menu.addAction("&Open Inquiry Journal", self.reminders_open)
        menu.addAction(self._context.commands.quick_note)
        menu.addSeparator()
        menu.addAction("Snooze reminders for an &hour", lambda: self.reminders.snooze(hours=1))
        menu.addAction("Snooze reminders until &tomorrow", self.reminders_snooze_tomorrow)
        menu.addAction("&Reminders…", self.change_settings)
        menu.addSeparator()
        menu.addAction(self._context.commands.quit)
        return menu

    def _make_icon(self) -> QSystemTrayIcon:
        icon = QSystemTrayIcon(app_icon(), self)
        icon.setToolTip("Inquiry Journal")
        icon.setContextMenu(self.tray_menu)
        icon.activated.connect(self._activated)
        QTimer.singleShot(0, icon.show)  # once the event loop runs: an XEmbed tray sizes it then
        self.icon = icon
        return icon

    @property
    def login(self) -> LoginStart:
        """How this system starts programs at login (loaded when first needed)."""
        if self._login is None:
            from app.reminders.login import login_start

            self._login = login_start()
        return self._login

    @login.setter
    def login(self, login: LoginStart) -> None:
        self._login = login

    def keeps_in_tray(self) -> bool:
        """True when closing the window should leave the app in the tray (chosen, and there
        is a tray to leave it in)."""
        return self.icon is not None and self._settings.value(IN_TRAY_KEY) == "true"

    def hide_to_tray(self) -> bool:
        """When chosen: save, lock and hide the window, leaving the tray icon; True if done.

        False when it is not chosen, or what is typed could not be saved (the window stays,
        showing why).
        """
        if not self.keeps_in_tray() or not self._context.save_all():
            return False
        self._lock()
        self._context.window.hide()
        if self.icon is not None and not self._told_still_running:
            self._told_still_running = True
            self.icon.showMessage(
                "Inquiry Journal", STILL_RUNNING, QSystemTrayIcon.MessageIcon.Information, 8000
            )
        return True

    def start_in_tray(self) -> bool:
        """At login: when the app is kept in the tray, lock the window and leave it hidden
        there (True); else False, and the window shows as usual."""
        if not self.keeps_in_tray():
            return False
        self._lock()
        return True

    def tell(self, message: str) -> None:
        """Say `message` from the tray icon (when the window is out of sight); no tray: nothing."""
        if self.icon is not None:
            self.icon.showMessage(
                "Inquiry Journal", message, QSystemTrayIcon.MessageIcon.Information, TOLD_MS
            )

    @Slot()
    def reminders_open(self) -> None:
        """Bring the window forward."""
        bring_forward(self._context.window)

    @Slot()
    def reminders_snooze_tomorrow(self) -> None:
        """No reminders until tomorrow morning."""
        self.reminders.snooze()

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.reminders_open()
