"""Where Open and Save dialogs start: the folder last used for that kind of file, else
Documents, or the home folder where there is none."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from app.ui.widgets.settings import open_settings, remember_dialog_folder, remembered_dialog_folder


def start_folder(kind: str = "", fallback: Path | None = None) -> Path:
    """The folder last used for this kind of file when it still exists; else `fallback` when
    given and there; else Documents when it exists (a fresh or managed profile may have none),
    else home."""
    if kind:
        remembered = remembered_dialog_folder(open_settings(), kind)
        if remembered is not None and remembered.is_dir():
            return remembered
    if fallback is not None and fallback.is_dir():
        return fallback
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def remember_chosen(kind: str, chosen: Path) -> None:
    """Start the next dialog for this kind of file in the folder of the file just chosen."""
    if kind:
        remember_dialog_folder(open_settings(), kind, chosen.parent)
