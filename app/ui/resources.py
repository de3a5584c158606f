"""Where the app's data files (icons, styles) are, from a checkout or a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon


def resources_dir() -> Path:
    """The resources/ folder: beside the app package, or inside a frozen bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def app_icon() -> QIcon:
    """The application icon (an open journal with a question mark)."""
    return QIcon(str(resources_dir() / "icons" / "app.svg"))
