"""Each kind of Open and Save dialog starts in the folder last used for that kind of file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from app.summary.export import SummaryFormat
from app.ui.summary.hooks import ask_for_file
from app.ui.widgets.backup_choosers import choose_backup_file
from app.ui.widgets.file_pickers import (
    card_request,
    import_request,
    open_card_request,
    pick_with_dialog,
)
from app.ui.widgets.start_folder import start_folder


class FakeDialogs:
    """Stands in for the system's Open and Save dialogs: notes where each started, answers
    with the next file in `answers`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.started: list[Path] = []
        self.answers: list[Path] = []
        monkeypatch.setattr(QFileDialog, "getOpenFileName", self._open)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self._save)

    def _open(self, _parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        self.started.append(Path(start))
        return str(self.answers.pop(0)), ""

    def _save(self, _parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        self.started.append(Path(start).parent)
        return str(self.answers.pop(0)), ""


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> FakeDialogs:
    return FakeDialogs(monkeypatch)


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_the_next_card_dialog_starts_where_the_last_card_was_chosen(
    dialogs: FakeDialogs, parent: QWidget, tmp_path: Path
) -> None:
    cards = tmp_path / "from-sam"
    cards.mkdir()
    dialogs.answers = [cards / "sam.ijcard", cards / "me.ijcard", tmp_path / "x.json"]
    default = start_folder()
    assert pick_with_dialog(parent, open_card_request()) == cards / "sam.ijcard"
    assert dialogs.started == [default]
    # The Save dialog for one's own card is the same kind of file: it starts in the same folder.
    assert pick_with_dialog(parent, card_request("Alex")) == cards / "me.ijcard"
    assert dialogs.started[1] == cards
    # An import is another kind: it still starts in the usual place.
    pick_with_dialog(parent, import_request())
    assert dialogs.started[2] == default


def test_a_cancelled_dialog_changes_nothing_and_a_vanished_folder_falls_back(
    monkeypatch: pytest.MonkeyPatch, parent: QWidget, tmp_path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: ("", ""))
    default = start_folder()
    assert pick_with_dialog(parent, import_request()) is None
    assert start_folder("imports") == default
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *_args: (str(gone / "a.ijshare"), "")
    )
    pick_with_dialog(parent, import_request())
    assert start_folder("imports") == gone
    gone.rmdir()
    assert start_folder("imports") == default


def test_summaries_and_backups_each_remember_their_own_folder(
    dialogs: FakeDialogs, parent: QWidget, tmp_path: Path
) -> None:
    reports, backups, backup_folder = tmp_path / "reports", tmp_path / "old", tmp_path / "bk"
    for folder in (reports, backups, backup_folder):
        folder.mkdir()
    dialogs.answers = [
        reports / "summary",
        backup_folder / "a.ijbackup",
        backups / "b.ijbackup",
        backups / "c.ijbackup",
        reports / "again.pdf",
    ]
    assert ask_for_file(parent, "s.pdf", SummaryFormat.PDF) == reports / "summary.pdf"
    # The first backup dialog starts in the backup folder it is given, not in the reports.
    choose_backup_file(parent, backup_folder)
    assert dialogs.started[1] == backup_folder
    choose_backup_file(parent, backup_folder)
    choose_backup_file(parent, backup_folder)
    assert dialogs.started[3] == backups
    ask_for_file(parent, "s.pdf", SummaryFormat.PDF)
    assert dialogs.started[4] == reports
