"""Qt objects made from the app's data files (found by app.resources)."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from app.resources import resources_dir


def app_icon() -> QIcon:
    """The application icon (an open journal with a question mark)."""
    return QIcon(str(resources_dir() / "icons" / "app.svg"))
