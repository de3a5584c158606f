"""The feedback package's file name, and saving one: all of it, or nothing marked as sent."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.workspace import WorkspaceService
from app.ui.coach.feedback import save_feedback
from app.ui.widgets.file_pickers import feedback_request
from tests.ui.coach.helpers import ALEX_HUDDLE, CoachDesk


def test_the_suggested_name_says_who_and_when() -> None:
    def suggested(name: str) -> str:
        return feedback_request(name, date(2025, 3, 12)).suggested

    assert suggested("Alex") == "feedback-for-alex-2025-03-12.ijshare"
    assert suggested("Dr. Bea O'Neil / ward 7") == (
        "feedback-for-dr-bea-o-neil-ward-7-2025-03-12.ijshare"
    )
    assert suggested("???") == "feedback-for-participant-2025-03-12.ijshare"


def test_a_saved_package_marks_the_comments_sent_and_opens_for_the_participant(
    desk: CoachDesk, tmp_path: Path
) -> None:
    coach, alex = desk.coach, desk.fingerprint("Alex")
    ExchangeService(coach).write_comment(alex, desk.ids[ALEX_HUDDLE], "What did you hear first?")
    saved = save_feedback(coach, alex, tmp_path / "alex.ijshare")
    assert saved.comments == 1 and saved.name == "Alex"
    assert "Saved 1 comment for Alex to alex.ijshare" in saved.message
    assert "NHSmail" in saved.message
    assert [
        p.unsent_comments for p in WorkspaceService(coach).participants() if p.name == "Alex"
    ] == [0]

    result = ExchangeService(desk.people["Alex"]).import_package(
        (tmp_path / "alex.ijshare").read_bytes()
    )
    assert "1 comment from" in result.message
    assert [
        c.body for c in ExchangeService(desk.people["Alex"]).comments_on(desk.ids[ALEX_HUDDLE])
    ] == ["What did you hear first?"]


def test_a_full_disk_saves_nothing_and_sends_nothing(
    desk: CoachDesk, journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alex = desk.fingerprint("Alex")
    ExchangeService(journal).write_comment(alex, desk.ids[ALEX_HUDDLE], "What did you hear first?")

    def full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("app.storage.files.os.fsync", full)
    with pytest.raises(JournalError, match="the disk is full"):
        save_feedback(journal, alex, tmp_path / "alex.ijshare")
    assert list(tmp_path.glob("*.ijshare")) == []
    assert [
        p.unsent_comments for p in WorkspaceService(journal).participants() if p.name == "Alex"
    ] == [1]
