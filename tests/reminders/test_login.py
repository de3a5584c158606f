"""Starting at login: this user's own settings, off until turned on, gone when turned off."""

from __future__ import annotations

import errno
import os
import plistlib
import shlex
import stat
from pathlib import Path

import pytest

from app.reminders.login import (
    DesktopAutostart,
    LoginStartError,
    MacLaunchAgent,
    WindowsRun,
    desktop_exec,
    launch_command,
    login_start,
)

COMMAND = ["/home/sam/My Apps/inquiry-journal", "--data-dir", "/home/sam/100% mine"]


def test_linux_uses_an_autostart_entry_in_the_users_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    start = login_start("linux", home=tmp_path)
    assert isinstance(start, DesktopAutostart)
    assert not start.enabled()
    start.enable(COMMAND)
    entry = tmp_path / "config" / "autostart" / "inquiry-journal.desktop"
    assert start.enabled() and entry.is_file()
    lines = entry.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "[Desktop Entry]" and "Type=Application" in lines
    (exec_line,) = [line for line in lines if line.startswith("Exec=")]
    assert shlex.split(exec_line.removeprefix("Exec=").replace("%%", "%")) == COMMAND
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600
    start.disable()
    assert not entry.exists() and not start.enabled()
    start.disable()  # off already: nothing to do


def test_macos_uses_a_launch_agent(tmp_path: Path) -> None:
    start = login_start("darwin", home=tmp_path)
    assert isinstance(start, MacLaunchAgent)
    start.enable(COMMAND)
    agent = plistlib.loads(start.path.read_bytes())
    assert agent == {
        "Label": "app.inquiry-journal",
        "ProgramArguments": COMMAND,
        "RunAtLoad": True,
    }
    assert start.path.parent == tmp_path / "Library" / "LaunchAgents"
    start.disable()
    assert not start.enabled()


class FakeRegistry:
    def __init__(self) -> None:
        self.values: dict[str, str] = {"OneDrive": '"C:\\OneDrive.exe" /background'}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        del self.values[name]


def test_windows_uses_a_value_under_the_users_run_key() -> None:
    registry = FakeRegistry()
    start = WindowsRun(registry)
    assert not start.enabled()
    start.enable(["C:\\Users\\Sam\\AppData\\Local\\Inquiry Journal\\inquiry-journal.exe"])
    assert registry.values["Inquiry Journal"] == (
        '"C:\\Users\\Sam\\AppData\\Local\\Inquiry Journal\\inquiry-journal.exe"'
    )
    assert start.enabled()
    start.disable()
    start.disable()
    assert registry.values == {"OneDrive": '"C:\\OneDrive.exe" /background'}  # others untouched


def test_a_full_disk_is_said_plainly_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    start = DesktopAutostart(tmp_path / "autostart" / "inquiry-journal.desktop")
    with pytest.raises(LoginStartError, match=r"^Starting at login could not be turned on.*full"):
        start.enable(COMMAND)
    monkeypatch.undo()
    assert not start.enabled() and list((tmp_path / "autostart").iterdir()) == []


def test_a_file_in_the_way_of_the_folder_is_said_plainly(tmp_path: Path) -> None:
    (tmp_path / "autostart").write_text("not a folder", encoding="utf-8")
    start = DesktopAutostart(tmp_path / "autostart" / "inquiry-journal.desktop")
    with pytest.raises(LoginStartError, match=r"^Starting at login could not be changed"):
        start.enable(COMMAND)


def test_exec_quotes_only_what_needs_it() -> None:
    assert desktop_exec(["/usr/bin/python3", "-m", "app"]) == "/usr/bin/python3 -m app"
    assert desktop_exec(['a "b" $c']) == '"a \\"b\\" \\$c"'
    assert desktop_exec(["50%"]) == "50%%"


def test_the_command_starts_this_installation() -> None:
    command = launch_command()
    assert command[1:] == ["-m", "app"] and Path(command[0]).name.startswith("python")
