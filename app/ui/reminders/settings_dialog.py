"""File > Reminders…: which reminders come, the quiet hours, and starting at login."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.reminders.nudges import NudgeSettings
from app.ui.widgets.captions import heading, plain_label
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog

ABOUT = (
    "While Inquiry Journal is open, a reminder comes when an experiment's date has come and it "
    "is ready for your reflection, or when an action you agreed is due: once a day for each. "
    "A reminder never shows a title, only what kind of thing is waiting."
)
NO_TRAY = (
    "This desktop has no notification area, so reminders show at the top of the window instead."
)
IN_TRAY = (
    "Closing the window then locks it and leaves Inquiry Journal in the tray, so reminders "
    "still come; Quit in the File or tray menu ends it."
)
LOGIN = (
    "Starts it when you log in to this computer, so reminders come without opening it "
    "yourself. Only for you: it needs no administrator."
)


class ReminderSettingsDialog(KeyboardSafeDialog):
    """The reminder settings, changed only when saved.

    Constructor: ReminderSettingsDialog(settings, login_on, tray=True, parent=None);
    `chosen()` and `login_wanted()` are what the person saved.
    """

    def __init__(
        self,
        settings: NudgeSettings,
        login_on: bool,
        *,
        tray: bool = True,
        in_tray: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Reminders")
        self._settings = settings
        self.reflections_box = QCheckBox("When an &experiment is ready for my reflection")
        self.reflections_box.setChecked(settings.reflections)
        self.actions_box = QCheckBox("When an &action I agreed is due")
        self.actions_box.setChecked(settings.actions)
        self.quiet_from = _time_edit(settings.quiet_from.hour, settings.quiet_from.minute)
        self.quiet_from.setAccessibleName("Quiet hours start")
        self.quiet_until = _time_edit(settings.quiet_until.hour, settings.quiet_until.minute)
        self.quiet_until.setAccessibleName("Quiet hours end")
        self.tray_box = QCheckBox("&Keep it in the tray when I close its window")
        self.tray_box.setChecked(in_tray and tray)
        self.tray_box.setEnabled(tray)
        self.tray_box.setAccessibleDescription(IN_TRAY)
        self.login_box = QCheckBox("&Start Inquiry Journal when I log in")
        self.login_box.setChecked(login_on)
        self.login_box.setAccessibleDescription(LOGIN)
        for box in (self.reflections_box, self.actions_box, self.tray_box, self.login_box):
            box.setAccessibleName(box.text().replace("&", ""))

        quiet = QHBoxLayout()
        quiet_label = QLabel("&Quiet hours: no reminders from")
        quiet_label.setBuddy(self.quiet_from)
        until_label = QLabel("until")
        quiet.addWidget(quiet_label)
        quiet.addWidget(self.quiet_from)
        quiet.addWidget(until_label)
        quiet.addWidget(self.quiet_until)
        quiet.addStretch(1)

        buttons, self.save_button = self.main_and_cancel("Save")

        layout = QVBoxLayout(self)
        layout.addWidget(heading("Reminders", "Reminders", 1.2))
        layout.addWidget(plain_label(ABOUT, "About reminders"))
        self.where_label = plain_label(NO_TRAY, "Where reminders show")
        if not tray:
            layout.addWidget(self.where_label)
        layout.addWidget(plain_label("Remind me:", "Remind me"))
        layout.addWidget(self.reflections_box)
        layout.addWidget(self.actions_box)
        layout.addLayout(quiet)
        layout.addSpacing(8)
        layout.addWidget(self.tray_box)
        layout.addWidget(plain_label(IN_TRAY, "About keeping it in the tray"))
        layout.addWidget(self.login_box)
        layout.addWidget(plain_label(LOGIN, "About starting at login"))
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def chosen(self) -> NudgeSettings:
        """The settings as the dialog shows them (a snooze is kept as it was)."""
        return replace(
            self._settings,
            reflections=self.reflections_box.isChecked(),
            actions=self.actions_box.isChecked(),
            quiet_from=_time_of(self.quiet_from),
            quiet_until=_time_of(self.quiet_until),
        )

    def in_tray_wanted(self) -> bool:
        """Whether closing the window leaves the app in the tray."""
        return self.tray_box.isChecked()

    def login_wanted(self) -> bool:
        """Whether Inquiry Journal should start at login."""
        return self.login_box.isChecked()


def _time_edit(hour: int, minute: int) -> QTimeEdit:
    edit = QTimeEdit(QTime(hour, minute))
    edit.setDisplayFormat("HH:mm")
    return edit


def _time_of(edit: QTimeEdit) -> time:
    chosen = edit.time()
    return time(chosen.hour(), chosen.minute())
