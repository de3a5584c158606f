"""Stand-ins for the system tray and for starting at login, for the reminder tests."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from app.errors import JournalError


class FakeTray(QObject):
    """Stands in for the tray icon: keeps what it was asked to show."""

    messageClicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[tuple[str, str]] = []

    def showMessage(
        self, title: str, msg: str, _icon: QSystemTrayIcon.MessageIcon, _msecs: int
    ) -> None:
        self.shown.append((title, msg))

    def hide(self) -> None:
        self.shown.append(("hidden", ""))


class FakeLogin:
    def __init__(self, fails: bool = False) -> None:
        self.command: list[str] | None = None
        self.fails = fails

    def enabled(self) -> bool:
        return self.command is not None

    def enable(self, command: list[str]) -> None:
        if self.fails:
            raise JournalError("Starting at login could not be changed: the disk is full.")
        self.command = list(command)

    def disable(self) -> None:
        self.command = None
