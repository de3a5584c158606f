"""Reminders while the app runs: a notification when an experiment is ready for reflection or
an agreed action is due, and clicking it opens that cycle, or that action on Home.

The notification comes from the tray icon (the notification area on Windows, the menu bar on
macOS) where the desktop has one; where it has none, the same words show in the window's
message bar. The rules (which kinds, quiet hours, a snooze, once a day each) are
app/reminders/nudges.py's; what was reminded about is kept as item ids and days in the
window's settings, nothing personal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QSettings, QTimer, Slot
from PySide6.QtWidgets import QSystemTrayIcon, QWidget

from app.errors import JournalError
from app.ui.window.context import WindowContext

if TYPE_CHECKING:
    # The rules and the journal's reads load with the first look, 20 s after the window.
    from app.reminders.due import DueItem
    from app.reminders.nudges import Nudge, NudgeSettings

CHECK_MS = 15 * 60_000
"""How often the journal is looked at for what is waiting."""
FIRST_CHECK_MS = 20_000
"""The first look, once the window has settled (the Home view already lists what waits)."""
SHOWN_MS = 15_000
GROUP = "reminders"
RECORD = "reminded"
SNOOZED = "Reminders are snoozed until {when}."


class Tray(Protocol):
    """What the reminders use of a system tray icon (a QSystemTrayIcon; tests pass a stand-in)."""

    @property
    def messageClicked(self) -> object: ...

    def showMessage(
        self, title: str, msg: str, icon: QSystemTrayIcon.MessageIcon, msecs: int
    ) -> None: ...


def read_settings(settings: QSettings) -> NudgeSettings:
    """The reminder settings kept in the window's settings file."""
    from app.reminders.nudges import settings_from

    settings.beginGroup(GROUP)
    try:
        values = {key: settings.value(key) for key in settings.childKeys()}
    finally:
        settings.endGroup()
    return settings_from(values)


def save_settings(settings: QSettings, chosen: NudgeSettings) -> None:
    """Keep the reminder settings."""
    from app.reminders.nudges import settings_values

    settings.beginGroup(GROUP)
    try:
        for key, value in settings_values(chosen).items():
            settings.setValue(key, value)
    finally:
        settings.endGroup()


class TrayReminders(QObject):
    """Looks at the journal first after `first_check_ms`, then every `check_ms`, and reminds
    about what is waiting (`first_check_ms` None: never by itself, as tests choose).

    `tray` is the tray icon to notify through (None: the message bar instead); `locked` says
    whether the window is locked, when a click only brings the window forward.
    """

    def __init__(
        self,
        context: WindowContext,
        settings: QSettings,
        *,
        tray: Tray | None,
        now: Callable[[], datetime],
        locked: Callable[[], bool],
        check_ms: int | None = CHECK_MS,
        first_check_ms: int | None = FIRST_CHECK_MS,
    ) -> None:
        super().__init__(context.window)
        self._context = context
        self._settings = settings
        self._now = now
        self._locked = locked
        self.tray = tray
        self.last_nudge: Nudge | None = None
        self._after_unlock: DueItem | None = None
        if tray is not None:
            tray.messageClicked.connect(self.open_first)  # type: ignore[attr-defined]
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check_now)
        if first_check_ms is not None:  # None: never on its own (tests call check_now)
            QTimer.singleShot(first_check_ms, self, self.check_now)
            if check_ms is not None:
                self._timer.start(check_ms)

    @property
    def settings(self) -> NudgeSettings:
        """What the person chose."""
        return read_settings(self._settings)

    def snooze(self, hours: int | None = None) -> datetime:
        """No reminders for `hours`, or until 08:00 tomorrow; returns when they start again."""
        now = self._now().astimezone()
        if hours is not None:
            until = now + timedelta(hours=hours)
        else:
            until = (now + timedelta(days=1)).replace(hour=8, minute=0, second=0, microsecond=0)
        save_settings(self._settings, replace(self.settings, snoozed_until=until))
        when = f"{until:%H:%M}" if until.date() == now.date() else f"{until:%H:%M} tomorrow"
        self._context.show_status(SNOOZED.format(when=when))
        return until

    @Slot()
    def check_now(self) -> None:
        """Remind about what is waiting, if anything is and it is time to."""
        from app.reminders.due import ReminderService
        from app.reminders.nudges import (
            forget_gone,
            nudge_for,
            reminded_from,
            reminded_text,
            to_remind,
        )

        now = self._now()
        try:
            waiting = ReminderService(self._context.journal).waiting(now.astimezone().date())
        except JournalError:
            return  # the window says what is wrong with the journal where it is used
        reminded = forget_gone(reminded_from(self._settings.value(f"{GROUP}/{RECORD}")), waiting)
        due = to_remind(waiting, self.settings, reminded, now)
        nudge = nudge_for(due)
        if nudge is not None:
            self.last_nudge = nudge
            today = now.astimezone().date()
            reminded.update((item.key, today) for item in due)
            if self.tray is not None:
                self.tray.showMessage(
                    nudge.title,
                    f"{nudge.message} {nudge.click}",
                    QSystemTrayIcon.MessageIcon.Information,
                    SHOWN_MS,
                )
            else:
                self._context.message_bar.show_note(f"{nudge.message} Home lists what waits.")
        self._settings.setValue(f"{GROUP}/{RECORD}", reminded_text(reminded))

    @Slot()
    def open_first(self) -> None:
        """The notification was clicked: bring the window forward on what it was about."""
        bring_forward(self._context.window)
        nudge = self.last_nudge
        if nudge is None or not nudge.items:
            return
        if self._locked():
            self._after_unlock = nudge.items[0]  # shown once the person unlocks
            return
        self._open(nudge.items[0])

    @Slot(bool)
    def lock_changed(self, locked: bool) -> None:
        """The window was unlocked: show what a reminder clicked while locked was about."""
        item, self._after_unlock = self._after_unlock, None
        if not locked and item is not None:
            self._open(item)

    def _open(self, item: DueItem) -> None:
        from app.reminders.due import DueKind

        if item.kind is DueKind.REFLECTION:
            self._context.navigator.open_cycle(item.item_id)
        else:
            self._context.navigator.open_action(item.item_id)


def bring_forward(window: QWidget) -> None:
    """Show the window (hidden in the tray, or minimised, as it was left otherwise) in front."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
