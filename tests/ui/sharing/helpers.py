"""For the sharing tests: a stand-in for the Open and Save dialogs; packages made in the core."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.journal import Journal
from app.sharing.contacts import Role
from app.sharing.exchange import (
    import_package,
    make_feedback,
    make_share,
    record_sent,
    records_to_share,
    write_comment,
)
from app.ui.sharing.files import FileRequest
from app.ui.sharing.share_dialog import ShareDialog


class FilePicker:
    """Answers the Open and Save dialogs with the paths queued, and records what was asked.

    An empty queue answers None, as pressing Cancel would.
    """

    def __init__(self) -> None:
        self.answers: list[Path | None] = []
        self.asked: list[FileRequest] = []

    def __call__(self, _parent: QWidget, request: FileRequest) -> Path | None:
        self.asked.append(request)
        return self.answers.pop(0) if self.answers else None


def share_to_coach(participant: Journal, coach: Journal, entries: list[str], cycles=()) -> None:
    """The participant shares (through the core) and the coach imports it."""
    sam = participant.sharing.contacts(Role.COACH)[0]
    outgoing = make_share(participant, sam, records_to_share(participant, entries, list(cycles)))
    record_sent(participant, outgoing)
    import_package(coach, outgoing.data)


def feedback_file(
    coach: Journal, participant: Journal, comments: list[tuple[str, str, str]], path: Path
) -> Path:
    """The coach comments on shared items ((item id, stage id, text) each) and saves the
    feedback package at `path`."""
    alex = coach.sharing.find(participant.sharing.identity().card.fingerprint, Role.PARTICIPANT)
    for item_id, stage_id, text in comments:
        write_comment(coach, alex.fingerprint, item_id, text, stage_id=stage_id)
    outgoing = make_feedback(coach, alex)
    record_sent(coach, outgoing)
    path.write_bytes(outgoing.data)
    return path


def read_what_goes(qtbot, dialog: ShareDialog | None) -> ShareDialog:
    """Wait until the Share dialog has read what goes (it reads on a worker), and return it."""
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy)
    return dialog
