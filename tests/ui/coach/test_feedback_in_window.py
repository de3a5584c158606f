"""Making a feedback package from the Coaching view, and what the coach is told when it fails."""

from __future__ import annotations

import errno
import os
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.sharing.exchange import ExchangeService
from app.sharing.workspace import WorkspaceService
from app.ui.coach.participant_header import CHOOSE_ONE
from tests.ui.coach.helpers import ALEX_HUDDLE, BEA_CYCLE, CoachDesk, PackageChooser
from tests.ui.coach.window import click_item, open_coaching

TODAY = date(2025, 3, 12)


def unsent(desk: CoachDesk, name: str) -> int:
    """Comments waiting to go to this participant."""
    return next(
        p.unsent_comments for p in WorkspaceService(desk.coach).participants() if p.name == name
    )


def test_a_feedback_package_for_one_participant_reaches_them(
    qtbot, desk: CoachDesk, make_window, tmp_path: Path
) -> None:
    chooser = PackageChooser(tmp_path / "for alex.ijshare")
    window = make_window(desk.coach, today=lambda: TODAY, pick_file=chooser)
    page = open_coaching(qtbot, window)
    button = page.header.feedback_button
    assert not button.isEnabled() and button.toolTip() == CHOOSE_ONE  # everyone is chosen
    assert page.header.feedback_note.text() == CHOOSE_ONE

    page.choose_participant(desk.fingerprint("Alex"))
    assert not button.isEnabled()
    assert button.toolTip() == "There are no new comments for Alex to send."
    click_item(qtbot, page, ALEX_HUDDLE)
    page.conversation.edit.setPlainText("What did you hear *first*?")
    page.conversation.add_button.click()
    assert button.isEnabled() and "1 new comment for Alex" in button.toolTip()

    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert chooser.suggested == ["feedback-for-alex-2025-03-12.ijshare"]
    assert (tmp_path / "for alex.ijshare").is_file()
    notice = page.notice_label.text()
    assert notice.startswith("Saved 1 comment for Alex to for alex.ijshare.")
    assert "NHSmail" in notice and "Teams" in notice and "USB" in notice
    assert not page.message_bar.isVisible()
    assert unsent(desk, "Alex") == 0 and not button.isEnabled()
    assert "· sent" in page.conversation.thread_view.toPlainText()

    alex = desk.people["Alex"]  # the participant's side: the core imports it
    ExchangeService(alex).import_package((tmp_path / "for alex.ijshare").read_bytes())
    assert [c.body for c in ExchangeService(alex).comments_on(desk.ids[ALEX_HUDDLE])] == [
        "What did you hear *first*?"
    ]
    assert ExchangeService(alex).unread_counts() == {desk.ids[ALEX_HUDDLE]: 1}


def test_cancelling_the_save_dialog_changes_nothing(
    qtbot, desk: CoachDesk, make_window, tmp_path: Path
) -> None:
    ExchangeService(desk.coach).write_comment(
        desk.fingerprint("Bea"), desk.ids[BEA_CYCLE], "Good framing."
    )
    chooser = PackageChooser(None)
    window = make_window(desk.coach, pick_file=chooser)
    page = open_coaching(qtbot, window)
    page.choose_participant(desk.fingerprint("Bea"))
    page.header.feedback_button.click()
    assert len(chooser.suggested) == 1
    assert unsent(desk, "Bea") == 1 and page.header.feedback_button.isEnabled()
    assert not page.notice_label.isVisible() and not page.message_bar.isVisible()


@pytest.mark.parametrize("problem", ["no such folder", "disk full"])
def test_a_package_that_cannot_be_written_is_explained_and_nothing_is_sent(
    qtbot, desk: CoachDesk, make_window, tmp_path: Path, monkeypatch, problem: str
) -> None:
    ExchangeService(desk.coach).write_comment(
        desk.fingerprint("Bea"), desk.ids[BEA_CYCLE], "Good framing."
    )
    target = tmp_path / "gone" / "bea.ijshare"
    disk_full = problem == "disk full"
    if disk_full:
        target = tmp_path / "bea.ijshare"
        real_fsync = os.fsync

        def fsync(fd: int) -> None:
            if disk_full:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            real_fsync(fd)

        monkeypatch.setattr("app.storage.files.os.fsync", fsync)
    chooser = PackageChooser(target)
    window = make_window(desk.coach, pick_file=chooser)
    page = open_coaching(qtbot, window)
    page.choose_participant(desk.fingerprint("Bea"))
    page.header.feedback_button.click()

    message = page.message_bar.message
    assert message.startswith("The feedback package was not saved: Could not write ")
    assert message.endswith("Nothing was marked as sent.")
    if disk_full:
        assert "the disk is full. Free some space and try again." in message
    else:
        assert "No such file or directory" in message
    assert not target.exists() and list(tmp_path.rglob("*.ijshare")) == []
    assert unsent(desk, "Bea") == 1 and page.header.feedback_button.isEnabled()

    disk_full = False  # the coach frees some space, or makes the folder, and tries again
    target.parent.mkdir(exist_ok=True)
    page.message_bar.retry_button.click()
    assert target.is_file() and unsent(desk, "Bea") == 0
    assert not page.message_bar.isVisible()
    assert page.notice_label.text().startswith("Saved 1 comment for Bea")
