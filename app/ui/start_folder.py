"""Where Open and Save dialogs start: Documents, or the home folder where there is none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def start_folder() -> Path:
    """Documents when it exists (a fresh or managed profile may have none), else home."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()
