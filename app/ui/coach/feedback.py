"""Making a feedback package for one participant: where to save it, and saving it.

The Save dialog is injected (`ChoosePackageFile`) so tests never open a real one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.errors import JournalError
from app.journal import Journal
from app.sharing.contacts import Role
from app.sharing.exchange import make_feedback, record_sent
from app.storage.files import describe_os_error, write_atomically

PACKAGE_SUFFIX = ".ijshare"

ChoosePackageFile = Callable[[QWidget, str], Path | None]
"""Ask (parent, suggested file name) where to save a package; None when the person cancels."""


def suggested_name(name: str, day: date) -> str:
    """A file name that says who it is for and when: "feedback-for-alex-2025-03-12.ijshare"."""
    slug = re.sub(r"[^\w]+", "-", name.casefold()).strip("-_") or "participant"
    return f"feedback-for-{slug}-{day.isoformat()}{PACKAGE_SUFFIX}"


def ask_for_package_file(parent: QWidget, suggested: str) -> Path | None:
    """The system's Save dialog, starting in Documents, for share packages."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        "Save the feedback package",
        str(Path(folder) / suggested) if folder else suggested,
        f"Inquiry Journal package (*{PACKAGE_SUFFIX})",
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == PACKAGE_SUFFIX else path.with_name(path.name + ".ijshare")


@dataclass(frozen=True)
class FeedbackSaved:
    """A feedback package written: where, for whom, and how many comments it carries."""

    path: Path
    name: str
    comments: int

    @property
    def message(self) -> str:
        """What to tell the coach next."""
        noun = "comment" if self.comments == 1 else "comments"
        return (
            f"Saved {self.comments} {noun} for {self.name} to {self.path.name}. Send the file "
            f"to {self.name} by NHSmail, Teams or a USB stick: only their journal can open it."
        )


def save_feedback(journal: Journal, fingerprint: str, path: Path) -> FeedbackSaved:
    """Write the participant's unsent comments to `path`, then mark them sent.

    Raises JournalError in plain words (the disk's reason included); nothing is marked sent
    unless the whole file was written.
    """
    participant = journal.sharing.find(fingerprint, Role.PARTICIPANT)
    outgoing = make_feedback(journal, participant)
    try:
        write_atomically(path, outgoing.data)
    except OSError as exc:  # write_atomically names its own; this is a belt for the rest
        raise JournalError(f"Could not write {path}: {describe_os_error(exc)}") from exc
    record_sent(journal, outgoing)
    return FeedbackSaved(path, participant.name, len(outgoing.notes))
