"""Before Qt starts: is there a screen to open a window on?

Without one Qt aborts with a message that blames its xcb plugin even when the plugin is
installed; the person is told in one line what is missing and what to use instead.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import PySide6

COMMAND_LINE = "Use the command line: inquiry-journal --help"
# The README's "Linux: packages for a real window", for Debian and Ubuntu.
XCB_PACKAGES = (
    "libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 "
    "libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1"
)


def display_problem(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no window can open here, in one line; None when Qt should manage (or was told
    which platform to use by QT_QPA_PLATFORM)."""
    env = os.environ if environ is None else environ
    if (platform or sys.platform) != "linux" or env.get("QT_QPA_PLATFORM"):
        return None
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        return (
            "inquiry-journal: no display was found (neither DISPLAY nor WAYLAND_DISPLAY is set), "
            f"so the window cannot open. {COMMAND_LINE}"
        )
    if env.get("WAYLAND_DISPLAY"):
        return None
    return xcb_problem(
        Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    )


def xcb_problem(plugin: Path) -> str | None:
    """Why Qt's X11 plugin cannot load (a system library it needs is missing); None when it can
    or when this Qt has no such plugin to try."""
    if not plugin.is_file():
        return None
    try:
        # Qt loads this same file next; loading it first only tells us whether it can.
        ctypes.CDLL(str(plugin))
    except OSError as exc:
        reason = str(exc)
        needs = (
            f"needs {reason.split(':')[0].strip()}, which is not installed"
            if "cannot open shared object file" in reason
            else "cannot load (a system library it needs is missing)"
        )
        return (
            f"inquiry-journal: the window cannot open: Qt's X11 support {needs}. Install: "
            f"sudo apt-get install {XCB_PACKAGES} (README, Linux: packages for a real window). "
            f"{COMMAND_LINE}"
        )
    return None
