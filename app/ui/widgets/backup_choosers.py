"""The system's folder and file pickers for backups, injectable so tests can answer them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.widgets.start_folder import remember_chosen, start_folder

BACKUPS = "backups"
"""The kind of file whose Open dialogs share a remembered folder."""

ChoosePath = Callable[[QWidget, Path], Path | None]
"""Ask (parent, where to start) for a folder or file; None when the person cancels."""


def choose_backup_folder(parent: QWidget, start: Path) -> Path | None:
    """The platform's folder picker, for where backups go."""
    chosen = QFileDialog.getExistingDirectory(
        parent, "Choose a folder for backups", str(start if start.exists() else Path.home())
    )
    return Path(chosen) if chosen else None


def choose_backup_file(parent: QWidget, start: Path) -> Path | None:
    """The platform's file picker, for a backup to restore: it starts in the folder a backup was
    last chosen from, else in `start` (the backup folder)."""
    from app.storage.backup_file import BACKUP_SUFFIX  # the backup file code loads when used

    chosen, _filter = QFileDialog.getOpenFileName(
        parent,
        "Choose a backup to restore",
        str(start_folder(BACKUPS, fallback=start)),
        f"Inquiry Journal backups (*{BACKUP_SUFFIX})",
    )
    if not chosen:
        return None
    remember_chosen(BACKUPS, Path(chosen))
    return Path(chosen)
