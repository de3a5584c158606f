"""With no screen to open a window on, the app says so in one line instead of Qt's abort."""

from __future__ import annotations

import subprocess
from pathlib import Path

from app.ui.window.display import XCB_PACKAGES, display_problem, xcb_problem
from tests.support.processes import PYTHON, subprocess_env


def test_no_display_is_one_plain_line_pointing_to_the_command_line(isolated_home: Path) -> None:
    env = subprocess_env(isolated_home)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    result = subprocess.run(
        [PYTHON, "-m", "app"], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "inquiry-journal: no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), "
        "so the window cannot open. Use the command line: inquiry-journal --help"
    ]
    assert "xcb" not in result.stderr and "Aborted" not in result.stderr
    assert not (isolated_home / "journal").exists()  # nothing was made


def test_only_linux_without_a_display_or_a_chosen_platform_is_refused() -> None:
    assert display_problem({}, "linux") is not None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "win32") is None
    assert display_problem({}, "darwin") is None


def test_an_x11_plugin_that_cannot_load_names_the_packages_to_install(tmp_path: Path) -> None:
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"not a library")
    message = xcb_problem(broken)
    assert message is not None and "\n" not in message
    assert message.startswith("inquiry-journal: the window cannot open: Qt's X11 support")
    assert f"sudo apt-get install {XCB_PACKAGES}" in message
    assert "libxcb-cursor0" in message
    assert message.endswith("Use the command line: inquiry-journal --help")
    assert xcb_problem(tmp_path / "no-such-plugin.so") is None


def test_the_packages_named_are_the_readmes() -> None:
    readme = (Path(__file__).parents[3] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Linux: packages for a real window")[1].split("###")[0]
    for package in XCB_PACKAGES.split():
        assert package in section
