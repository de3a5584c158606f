"""For the sharing tests: a stand-in for the Open and Save dialogs; packages made in the core."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.ui.sharing.import_dialog import ImportDialog
from app.ui.sharing.share_dialog import ShareDialog
from app.ui.widgets.file_pickers import FileRequest
from app.ui.window.main_window import MainWindow
from tests.support.sharing import send_share


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
    ExchangeService(coach).import_package(send_share(participant, entries, cycles))


def feedback_file(
    coach: Journal, participant: Journal, comments: list[tuple[str, str, str]], path: Path
) -> Path:
    """The coach comments on shared items ((item id, stage id, text) each) and saves the
    feedback package at `path`."""
    alex = coach.sharing.find(participant.sharing.identity().card.fingerprint, Role.PARTICIPANT)
    for item_id, stage_id, text in comments:
        ExchangeService(coach).write_comment(alex.fingerprint, item_id, text, stage_id=stage_id)
    outgoing = ExchangeService(coach).make_feedback(alex)
    ExchangeService(coach).record_sent(outgoing)
    path.write_bytes(outgoing.data)
    return path


def read_what_goes(qtbot, dialog: ShareDialog | None) -> ShareDialog:
    """Wait until the Share dialog has read what goes (it reads on a worker), and return it."""
    assert dialog is not None
    qtbot.waitUntil(lambda: not dialog.busy)
    return dialog


def import_file(qtbot, window: MainWindow, picker: FilePicker, path: Path) -> ImportDialog:
    """File > Import… on `path`; returns the dialog once the import has ended."""
    picker.answers.append(path)
    window.sharing_commands.import_file.trigger()
    dialog = window.controllers.sharing.import_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.close_button.isVisible(), timeout=20_000)
    return dialog
