"""Starting Inquiry Journal at login, for this user only and with no admin rights.

Off until the person turns it on. Each system has a per-user place a program is started from:
on Windows a value under HKEY_CURRENT_USER's Run key, on macOS a LaunchAgent in
~/Library/LaunchAgents, elsewhere an autostart entry in ~/.config/autostart (the freedesktop
rule GNOME, KDE and Xfce follow). Turning it off removes exactly what was added.
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from app.errors import JournalError
from app.storage.files import describe_os_error, write_atomically

NAME = "Inquiry Journal"
LABEL = "app.inquiry-journal"
"""The LaunchAgent's label (and file name)."""
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
IN_TRAY = "--in-tray"
"""Added to the command started at login: start locked in the tray, if the person keeps the
app there (app/ui/window/launch.py)."""


class LoginStartError(JournalError):
    """Starting at login could not be turned on or off (the reason in plain words)."""


def launch_command() -> list[str]:
    """How this installation is started: the bundle's program, or Python running the app."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    return [sys.executable, "-m", "app"]


class LoginStart(Protocol):
    """Start at login on one kind of system."""

    def enabled(self) -> bool:
        """True when this user's login starts Inquiry Journal."""
        ...

    def enable(self, command: Sequence[str]) -> None:
        """Start `command` at this user's login (replacing an earlier one)."""
        ...

    def disable(self) -> None:
        """Stop starting at login (nothing to do if it was off)."""
        ...


class Registry(Protocol):
    """The few calls on HKEY_CURRENT_USER's Run key that starting at login needs."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


def login_start(platform: str = sys.platform, home: Path | None = None) -> LoginStart:
    """The way this system starts programs at login, in this user's own settings."""
    home = home or Path.home()
    if platform == "win32" and sys.platform == "win32":
        return WindowsRun(_WindowsRegistry())
    if platform == "darwin":
        return MacLaunchAgent(home / "Library" / "LaunchAgents" / f"{LABEL}.plist")
    config = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
    return DesktopAutostart(Path(config) / "autostart" / "inquiry-journal.desktop")


class DesktopAutostart:
    """A freedesktop autostart entry (Linux and other Unix desktops)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        text = (
            "[Desktop Entry]\n"
            "Type=Application\n"
            f"Name={NAME}\n"
            "Comment=Reminders for your action-inquiry cycles\n"
            f"Exec={desktop_exec(command)}\n"
            "Terminal=false\n"
            "X-GNOME-Autostart-enabled=true\n"
        )
        _write(self.path, text.encode("utf-8"))

    def disable(self) -> None:
        _remove(self.path)


class MacLaunchAgent:
    """A LaunchAgent that runs at this user's login."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def enabled(self) -> bool:
        return self.path.is_file()

    def enable(self, command: Sequence[str]) -> None:
        agent = {"Label": LABEL, "ProgramArguments": list(command), "RunAtLoad": True}
        _write(self.path, plistlib.dumps(agent))

    def disable(self) -> None:
        _remove(self.path)


class WindowsRun:
    """A value under HKEY_CURRENT_USER\\...\\Run (what Task Manager's Startup tab lists)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry

    def enabled(self) -> bool:
        return self.registry.get(NAME) is not None

    def enable(self, command: Sequence[str]) -> None:
        self.registry.set(NAME, subprocess.list2cmdline(list(command)))

    def disable(self) -> None:
        if self.registry.get(NAME) is not None:
            self.registry.delete(NAME)


if sys.platform == "win32":  # winreg exists only there
    import winreg

    class _WindowsRegistry:
        """HKEY_CURRENT_USER's Run key through winreg; failures as LoginStartError."""

        def get(self, name: str) -> str | None:
            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    value, _kind = winreg.QueryValueEx(key, name)
            except FileNotFoundError:
                return None
            except OSError as exc:
                raise LoginStartError(_problem(exc)) from exc
            return str(value)

        def set(self, name: str, value: str) -> None:
            try:
                with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)
            except OSError as exc:
                raise LoginStartError(_problem(exc)) from exc

        def delete(self, name: str) -> None:
            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                return
            except OSError as exc:
                raise LoginStartError(_problem(exc)) from exc


def desktop_exec(command: Sequence[str]) -> str:
    """The command as a desktop entry's Exec line: each argument quoted when it needs it, with
    the characters the specification reserves escaped inside quotes."""
    quoted = []
    for arg in command:
        if arg and not any(c in arg for c in " \t\n\"'\\><~|&;$*?#()`"):
            quoted.append(arg.replace("%", "%%"))
            continue
        inner = "".join("\\" + c if c in '"`$\\' else c for c in arg).replace("%", "%%")
        quoted.append(f'"{inner}"')
    return " ".join(quoted)


def _write(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LoginStartError(_problem(exc)) from exc
    try:
        write_atomically(path, data)
    except JournalError as exc:
        raise LoginStartError(f"Starting at login could not be turned on: {exc}") from exc


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise LoginStartError(_problem(exc)) from exc


def _problem(exc: OSError) -> str:
    return f"Starting at login could not be changed: {describe_os_error(exc)}."
