"""Launching the app in a test: prompts answered as the test says, windows closed as they appear."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.journal.opening import Journal, open_journal
from app.storage.keys import SystemKeyring
from app.ui.start.restore_pages import RestoreJournal
from app.ui.start.setup_wizard import CreateJournal
from app.ui.window.launch import UnlockChoice
from app.ui.window.main_window import MainWindow


@dataclass
class FakePrompts:
    """Answers the opener's questions the way a test says; records what was asked."""

    setup: Callable[[Path, CreateJournal], Journal | Path | None] | None = None
    passphrase: str | UnlockChoice | None = None
    recovered: Journal | None = None
    asked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)
    restore_after_refusal: Callable[[Path, RestoreJournal], Journal | None] | None = None

    def warn_network_folder(self, folder: Path) -> None:
        self.asked.append(f"network {folder}")

    def show_error(self, message: str) -> None:
        self.errors.append(message)

    def run_setup(
        self, folder: Path, create: CreateJournal, restore: RestoreJournal
    ) -> Journal | Path | None:
        self.asked.append("setup")
        return self.setup(folder, create) if self.setup else None

    def ask_passphrase(self, folder: Path) -> Journal | UnlockChoice | None:
        self.asked.append("passphrase")
        if isinstance(self.passphrase, str):
            return open_journal(folder, SystemKeyring(), self.passphrase)
        return self.passphrase

    def recover(self, folder: Path, reason: str, *, prefer_passphrase: bool) -> Journal | None:
        self.asked.append(f"recover prefer_passphrase={prefer_passphrase}")
        self.reasons.append(reason)
        return self.recovered

    def refused(self, folder: Path, message: str, restore: RestoreJournal) -> Journal | None:
        self.asked.append("refused")
        self.refusals.append(message)
        return self.restore_after_refusal(folder, restore) if self.restore_after_refusal else None


def close_windows_when_shown(tries: int = 500) -> None:
    """Close the journal window once it is on screen, as a person closing it would.

    The opening window lets the event loop run before the journal window exists, so this
    looks again on the next turns of the loop until the journal window is there.
    """

    def close_all() -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        for widget in windows:
            widget.close()
        if not windows and tries > 0:
            close_windows_when_shown(tries - 1)

    QTimer.singleShot(1, close_all)


def each_new_window(steps: list[Callable[[MainWindow], None]], tries: int = 2000) -> None:
    """Run the next step on each journal window as it appears (the app opens them in turn)."""
    seen: set[int] = set()

    def look(tries_left: int) -> None:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible() and id(w) not in seen
        ]
        if windows and steps:
            seen.add(id(windows[0]))
            steps.pop(0)(windows[0])
        if steps and tries_left > 0:
            QTimer.singleShot(5, lambda: look(tries_left - 1))

    QTimer.singleShot(1, lambda: look(tries))
