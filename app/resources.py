"""Where the app's read-only data (templates, icons) is, from source or from a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder: inside a PyInstaller bundle, or at the top of the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def shipped_templates_dir() -> Path:
    """The templates that ship with the app."""
    return resources_dir() / "templates"


def shipped_demo_file() -> Path:
    """The data the demo journal is built from."""
    return resources_dir() / "demo" / "demo.toml"
