"""Share with coach: what goes is shown and can be unticked; the privacy check comes first."""

from __future__ import annotations

import errno
import os
import uuid
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import insert
from sqlalchemy.orm import Session

from app.privacy.check import FindingKind
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from app.storage.tables import Entry
from app.ui.sharing import share_work
from app.ui.sharing.share_dialog import READING, REVIEW_CANCELLED
from app.ui.window.navigation import View
from app.writing.domains import Domain
from tests.support.data import NAME, NHS_NUMBER, RISKY_BODY
from tests.ui.driver import LEFT
from tests.ui.sharing.helpers import FilePicker, read_what_goes
from tests.ui.support import unnamed_controls

MANY = 3000


def _rows(dialog) -> list[str]:
    model = dialog.items_model
    return [model.index(r).data() for r in range(model.rowCount())]


def _mark(journal, *entries) -> None:
    for entry in entries:
        journal.entries.set_flags(entry.id, share_with_coach=True)


def test_what_goes_is_shown_the_finding_redacted_and_the_coach_reads_it(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path
):
    risky = paired.entries.create("A family asked", RISKY_BODY, [Domain.INDIVIDUAL])
    huddle = paired.entries.create("Huddle", "I asked **first**.", [Domain.TEAM])
    rota = paired.entries.create("Rota", "Gaps on Sunday.")
    private = paired.entries.create("Private", "Never leaves.")
    _mark(paired, risky, huddle, rota)
    window = make_window(paired, pick_file=picker)

    window.sharing_commands.share.trigger()  # Sharing > Share with coach…
    dialog = window.controllers.sharing.share_dialog
    assert dialog is not None
    read_what_goes(qtbot, dialog)
    assert unnamed_controls(dialog) == []
    assert dialog.marked_button.isChecked()
    assert dialog.marked_button.text() == "Everything marked “Share with coach” (3)"
    assert not dialog.selected_button.isVisible()  # Home is shown: nothing open to offer
    rows = _rows(dialog)
    assert [r.split("\n")[0] for r in rows] == ["A family asked", "Huddle", "Rota"]
    assert all(r.split("\n")[1].startswith("Entry · ") for r in rows)
    assert all(r.endswith("Not sent before") for r in rows)
    assert dialog.count_label.text() == "3 of 3 items will go."

    dialog.items_view.setCurrentIndex(dialog.items_model.index(1))
    assert "I asked first." in dialog.preview.toPlainText()  # Markdown rendered
    assert "Huddle" in dialog.preview.toPlainText()
    dialog.items_view.setCurrentIndex(dialog.items_model.index(2))
    qtbot.keyClick(dialog.items_view, Qt.Key.Key_Space)  # untick Rota
    assert dialog.count_label.text() == "2 of 3 items will go."

    out = tmp_path / "week.ijshare"
    picker.answers.append(out)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.review is not None)  # the check runs on a worker
    review = dialog.review
    assert review is not None
    assert (
        review.title_label.text() == "2 things in this share could identify a patient or colleague"
    )
    kinds = {row.located.finding.kind for row in review.rows}
    assert kinds == {FindingKind.NAME, FindingKind.NHS_NUMBER}
    assert all(row.where_label.text() == "Where: “A family asked” › text" for row in review.rows)
    assert picker.asked == []  # nothing is asked, and nothing written, before the check
    [name_row] = [r for r in review.rows if r.located.finding.kind is FindingKind.NAME]
    name_row.keep_button.click()  # kept on purpose; the NHS number is redacted
    with qtbot.waitSignal(dialog.shared) as saved:
        qtbot.mouseClick(review.ok_button, LEFT)

    today = picker.asked[-1].suggested
    assert today.startswith("share-for-sam-") and today.endswith(".ijshare")
    message = saved.args[0]
    assert message == (
        "Saved 2 items for Sam in week.ijshare. Only they can open it; send it by NHSmail, "
        "Teams or a memory stick."
    )
    assert window.message_bar.message == message
    assert window.message_bar.dismiss_button.isVisible()
    assert not window.message_bar.retry_button.isVisible()
    assert NHS_NUMBER.encode() not in out.read_bytes()

    result = ExchangeService(coach).import_package(
        out.read_bytes()
    )  # the coach opens it with the core
    assert result.items == 2
    items = {i.title: i for i in WorkspaceService(coach).shared_items()}
    assert set(items) == {"A family asked", "Huddle"}  # unticked and unmarked never left
    assert NHS_NUMBER not in items["A family asked"].content
    assert "[NHS number]" in items["A family asked"].content
    assert NAME in items["A family asked"].content
    assert private.id not in {i.item_id for i in WorkspaceService(coach).shared_items()}

    window.sharing_commands.share.trigger()  # again: what went before is said
    again = window.controllers.sharing.share_dialog
    assert again is not None
    rows = _rows(read_what_goes(qtbot, again))
    assert "; unchanged since" in rows[1] and rows[1].startswith("Huddle\n")
    assert rows[2].endswith("Not sent before")  # Rota was left out
    again.close()


def test_cancelling_the_privacy_check_writes_nothing(
    qtbot, paired, make_window, picker: FilePicker, tmp_path
):
    risky = paired.entries.create("A family asked", RISKY_BODY)
    _mark(paired, risky)
    window = make_window(paired, pick_file=picker)
    window.sharing_commands.share.trigger()
    dialog = window.controllers.sharing.share_dialog
    assert dialog is not None
    read_what_goes(qtbot, dialog)
    out = tmp_path / "week.ijshare"
    picker.answers.append(out)
    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: dialog.review is not None)
    review = dialog.review
    assert review is not None
    qtbot.mouseClick(review.cancel_button, LEFT)

    assert dialog.review is None
    assert dialog.error.text() == REVIEW_CANCELLED
    assert picker.asked == [] and not out.exists()
    assert list(tmp_path.glob("*.ijshare")) == []
    sam = paired.sharing.contacts(Role.COACH)[0]
    assert ExchangeService(paired).sent_before(sam.fingerprint) == {}
    assert dialog.isVisible()  # still there to try again
    dialog.close()


def test_the_entry_open_can_go_alone_and_a_change_since_is_shown(
    qtbot, paired, make_window, picker: FilePicker, tmp_path
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    marked = paired.entries.create("Rota", "Gaps.")
    _mark(paired, marked)
    window = make_window(paired, view=View.ENTRIES, pick_file=picker)
    window.controller.open_entry(huddle.id)

    window.sharing_commands.share_open_item.trigger()  # Entry > Share this entry with coach now…
    dialog = window.controllers.sharing.share_dialog
    assert dialog is not None
    assert dialog.selected_button.isChecked()
    assert dialog.selected_button.text() == "The entry you have open: “Huddle”"
    assert [r.split("\n")[0] for r in _rows(read_what_goes(qtbot, dialog))] == ["Huddle"]
    dialog.marked_button.click()
    assert [r.split("\n")[0] for r in _rows(read_what_goes(qtbot, dialog))] == ["Rota"]
    dialog.selected_button.click()
    read_what_goes(qtbot, dialog)
    picker.answers.append(tmp_path / "one.ijshare")
    with qtbot.waitSignal(dialog.shared):
        qtbot.mouseClick(dialog.save_button, LEFT)  # nothing to check: straight to saving

    paired.entries.save(
        huddle.id, title="Huddle", body="I asked first, then waited.", domains=[], tags=[]
    )
    window.sharing_commands.share_open_item.trigger()
    again = window.controllers.sharing.share_dialog
    assert again is not None
    [row] = _rows(read_what_goes(qtbot, again))
    assert row.startswith("Huddle\n") and row.endswith("; changed since")
    again.close()


def test_replies_can_go_on_their_own(qtbot, paired, coach, make_window, picker, tmp_path):
    from app.sharing.exchange import ExchangeService

    entry = paired.entries.create("Huddle", "I asked first.")
    sam = paired.sharing.contacts(Role.COACH)[0]
    first = tmp_path / "first.ijshare"
    window = make_window(paired, pick_file=picker)
    _mark(paired, entry)
    window.sharing_commands.share.trigger()
    read_what_goes(qtbot, window.controllers.sharing.share_dialog)
    picker.answers.append(first)
    with qtbot.waitSignal(window.controllers.sharing.share_dialog.shared):
        qtbot.mouseClick(window.controllers.sharing.share_dialog.save_button, LEFT)
    ExchangeService(coach).import_package(first.read_bytes())
    alex = coach.sharing.contacts(Role.PARTICIPANT)[0]
    comment = ExchangeService(coach).write_comment(alex.fingerprint, entry.id, "What did you hear?")
    feedback = ExchangeService(coach).make_feedback(alex)
    ExchangeService(coach).record_sent(feedback)
    ExchangeService(paired).import_package(feedback.data)
    paired.entries.set_flags(entry.id, share_with_coach=False)  # nothing marked now
    ExchangeService(paired).write_comment(
        sam.fingerprint, entry.id, "Two voices.", reply_to=comment.id
    )

    window.sharing_commands.share.trigger()
    dialog = read_what_goes(qtbot, window.controllers.sharing.share_dialog)
    assert dialog.items_model.rowCount() == 0
    assert dialog.replies_note.text().startswith("Also going: 1 reply to Sam's comments")
    assert dialog.save_button.isEnabled()
    picker.answers.append(tmp_path / "reply.ijshare")
    with qtbot.waitSignal(dialog.shared) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert saved.args[0].startswith("Saved 1 reply for Sam")
    ExchangeService(coach).import_package((tmp_path / "reply.ijshare").read_bytes())
    assert [c.body for c in ExchangeService(coach).comments_on(entry.id)] == [
        "What did you hear?",
        "Two voices.",
    ]


# -- the slow work runs off the GUI thread ------------------------------------------------


def _mark_many(journal, count: int) -> None:
    """`count` entries marked "Share with coach", added in one go (creating each would be slow)."""
    start = datetime(2025, 3, 1, 9, tzinfo=UTC)
    rows = [
        {
            "id": str(uuid.uuid4()),
            "title": f"Note {n:05}",
            "body": "Gaps on Sunday again; we asked for a float nurse.",
            "created_at": start + timedelta(minutes=n),
            "updated_at": start + timedelta(minutes=n),
            "share_with_coach": True,
        }
        for n in range(count)
    ]
    with Session(journal.engine) as session, session.begin():
        session.execute(insert(Entry), rows)


def test_what_goes_is_read_off_the_gui_thread_and_an_old_scope_is_dropped(
    qtbot, paired, make_window, picker: FilePicker
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    _mark_many(paired, MANY)
    window = make_window(paired, view=View.ENTRIES, pick_file=picker)
    window.controller.open_entry(huddle.id)

    window.sharing_commands.share.trigger()
    dialog = window.controllers.sharing.share_dialog
    assert dialog is not None
    assert dialog.isVisible()  # shown at once, while the entries are still being read
    assert dialog.busy and dialog.busy_bar.isVisible()
    assert dialog.status_label.text() == READING
    assert not dialog.save_button.isEnabled()
    assert dialog.items_model.rowCount() == 0
    assert dialog.cancel_button.isEnabled() and dialog.selected_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.items_model.rowCount() == MANY, timeout=30_000)
    assert not dialog.busy and not dialog.busy_bar.isVisible()
    assert dialog.status_label.text() == ""
    assert dialog.save_button.isEnabled()
    assert dialog.focusWidget() is dialog.save_button  # as when the rows came at once
    assert dialog.count_label.text() == f"{MANY} of {MANY} items will go."

    dialog.selected_button.click()  # the open entry alone ...
    dialog.marked_button.click()  # ... no, everything marked ...
    dialog.selected_button.click()  # ... no, the open entry after all
    assert dialog.busy and not dialog.save_button.isEnabled()
    read_what_goes(qtbot, dialog)
    QApplication.processEvents()  # anything still on its way from a read for an old scope
    assert [r.split("\n")[0] for r in _rows(dialog)] == ["Huddle"]
    assert dialog.save_button.isEnabled()
    dialog.close()


def test_a_full_disk_is_said_in_plain_words_and_nothing_is_recorded_as_sent(
    qtbot, paired, make_window, picker: FilePicker, tmp_path, monkeypatch
):
    def disk_full(_path, _data) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(share_work, "write_atomically", disk_full)
    _mark(paired, paired.entries.create("Huddle", "I asked first."))
    window = make_window(paired, pick_file=picker)
    window.sharing_commands.share.trigger()
    dialog = read_what_goes(qtbot, window.controllers.sharing.share_dialog)
    out = tmp_path / "week.ijshare"
    picker.answers.append(out)

    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.busy and dialog.busy_bar.isVisible()  # checking, then saving, on the worker
    assert not dialog.save_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert not dialog.items_view.isEnabled() and not dialog.coach_list.isEnabled()
    qtbot.waitUntil(lambda: not dialog.busy)

    assert dialog.error.text() == (
        f"Could not write {out}: the disk is full. Free some space and try again. "
        "Nothing was saved."
    )
    assert dialog.isVisible()  # still there to try again
    assert dialog.save_button.isEnabled() and dialog.cancel_button.isEnabled()
    assert not dialog.busy_bar.isVisible()
    assert not out.exists()
    sam = paired.sharing.contacts(Role.COACH)[0]
    assert ExchangeService(paired).sent_before(sam.fingerprint) == {}
    dialog.close()


def test_closing_while_reading_or_checking_waits_and_writes_nothing(
    qtbot, paired, make_window, picker: FilePicker, tmp_path
):
    _mark_many(paired, MANY)
    window = make_window(paired, pick_file=picker)
    window.sharing_commands.share.trigger()
    dialog = window.controllers.sharing.share_dialog
    assert dialog is not None and dialog.busy
    with qtbot.waitSignal(dialog.finished):
        dialog.reject()  # closed while reading: waits for the read, then goes
    assert window.controllers.sharing.share_dialog is None
    QApplication.processEvents()  # the read's result arrives at a closed dialog: ignored

    window.sharing_commands.share.trigger()
    dialog = read_what_goes(qtbot, window.controllers.sharing.share_dialog)
    picker.answers.append(tmp_path / "week.ijshare")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.busy
    dialog.reject()  # the window closing while the privacy check runs
    QApplication.processEvents()
    assert window.controllers.sharing.share_dialog is None
    assert picker.asked == [] and list(tmp_path.glob("*.ijshare")) == []
    sam = paired.sharing.contacts(Role.COACH)[0]
    assert ExchangeService(paired).sent_before(sam.fingerprint) == {}


def test_what_the_coach_would_refuse_is_said_before_saving_and_nothing_is_sent(
    qtbot, paired, make_window, picker: FilePicker, tmp_path
):
    _mark(paired, paired.entries.create("T" * 2001, "A long title, pasted by mistake."))
    window = make_window(paired, pick_file=picker)
    window.sharing_commands.share.trigger()
    dialog = read_what_goes(qtbot, window.controllers.sharing.share_dialog)
    out = tmp_path / "week.ijshare"
    picker.answers.append(out)

    qtbot.mouseClick(dialog.save_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.busy)
    assert dialog.error.text() == (
        f"Nothing was shared: '{'T' * 59}…' cannot go as it is: its title is longer than "
        "2,000 characters. Shorten it, then try again. Nothing was saved."
    )
    assert dialog.isVisible() and not out.exists()
    sam = paired.sharing.contacts(Role.COACH)[0]
    assert ExchangeService(paired).sent_before(sam.fingerprint) == {}
    dialog.close()
