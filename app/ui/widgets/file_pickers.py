"""Asking where to save or which file to open, injectable so tests can answer.

Cards, share packages and imports all ask through a PickFile; the window passes the real
Open and Save dialogs, tests a stand-in that answers with a path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from app.ui.widgets.start_folder import remember_chosen, start_folder


@dataclass(frozen=True)
class FileRequest:
    """What the person is asked: save (with a suggested name) or open, and which files."""

    title: str
    filter: str
    saving: bool
    suggested: str = ""
    suffix: str = ""
    """Added to a saved file's name when the person left it off (".ijcard")."""
    kind: str = ""
    """Which kind of file ("cards", "shares", "imports"): its dialogs start where the last did."""


PickFile = Callable[[QWidget, FileRequest], Path | None]
"""Ask (parent, request) for a file; None when the person cancels."""

CARD_FILTER = "Inquiry Journal card (*.ijcard)"
SHARE_FILTER = "Inquiry Journal package (*.ijshare)"
IMPORT_FILTER = (
    "Packages and exports (*.ijshare *.json);;Inquiry Journal package (*.ijshare);;"
    "Journal export (*.json);;All files (*)"
)


def card_request(name: str) -> FileRequest:
    """Where to save this journal's card."""
    return FileRequest(
        "Save your card",
        CARD_FILTER,
        True,
        f"{safe_name(name) or 'my'}-card.ijcard",
        ".ijcard",
        kind="cards",
    )


def open_card_request() -> FileRequest:
    """Which coach's card to open."""
    return FileRequest(
        "Open your coach's card", f"{CARD_FILTER};;All files (*)", False, kind="cards"
    )


def share_request(coach: str, day: date) -> FileRequest:
    """Where to save a share package: "share-for-sam-2025-03-12.ijshare"."""
    suggested = f"share-for-{safe_name(coach) or 'coach'}-{day.isoformat()}.ijshare"
    return FileRequest(
        "Save the share for your coach", SHARE_FILTER, True, suggested, ".ijshare", kind="shares"
    )


def feedback_request(participant: str, day: date) -> FileRequest:
    """Where to save a feedback package: "feedback-for-alex-2025-03-12.ijshare"."""
    suggested = f"feedback-for-{safe_name(participant) or 'participant'}-{day.isoformat()}.ijshare"
    return FileRequest(
        "Save the feedback package", SHARE_FILTER, True, suggested, ".ijshare", kind="shares"
    )


def calendar_request(day: date) -> FileRequest:
    """Where to save the coming dates: "inquiry-journal-dates-2025-03-12.ics"."""
    suggested = f"inquiry-journal-dates-{day.isoformat()}.ics"
    return FileRequest(
        "Save the dates for your calendar",
        "Calendar file (*.ics)",
        True,
        suggested,
        ".ics",
        kind="calendars",
    )


def import_request() -> FileRequest:
    """Which file to import."""
    return FileRequest("Import a package or a journal export", IMPORT_FILTER, False, kind="imports")


def safe_name(name: str) -> str:
    """A name fit for a file name: lower case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-")[:40]


def pick_with_dialog(parent: QWidget, request: FileRequest) -> Path | None:
    """The system's Open or Save dialog, starting where the last one for this kind of file
    ended (else Documents)."""
    folder = start_folder(request.kind)
    if not request.saving:
        name, _ = QFileDialog.getOpenFileName(parent, request.title, str(folder), request.filter)
    else:
        start = str(folder / request.suggested)
        name, _ = QFileDialog.getSaveFileName(parent, request.title, start, request.filter)
    if not name:
        return None
    path = Path(name)
    remember_chosen(request.kind, path)
    if request.saving and request.suffix and path.suffix.lower() != request.suffix:
        path = path.with_name(path.name + request.suffix)
    return path
