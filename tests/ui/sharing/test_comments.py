"""Coach comments beside entries and cycle stages; replies go in the next share."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.sharing.exchange import ExchangeService
from app.ui.comments.comment_thread import NOT_SENT
from app.ui.sharing.comments_presenter import REPLY_SAVED
from app.ui.window.navigation import View
from tests.support.data import NHS_NUMBER
from tests.ui.driver import CTRL, LEFT
from tests.ui.sharing.helpers import FilePicker, feedback_file, read_what_goes, share_to_coach
from tests.ui.support import unnamed_controls


def _receive(paired, coach, comments, tmp_path) -> None:
    ExchangeService(paired).import_package(
        feedback_file(coach, paired, comments, tmp_path / "f.ijshare").read_bytes()
    )


def test_a_reply_is_saved_with_ctrl_enter_and_goes_in_the_next_share(
    qtbot, paired, coach, make_window, picker: FilePicker, tmp_path
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    share_to_coach(paired, coach, [huddle.id])
    _receive(paired, coach, [(huddle.id, "", "What did the silence feel like?")], tmp_path)
    [question] = ExchangeService(paired).comments_on(huddle.id)
    window = make_window(paired, view=View.ENTRIES, pick_file=picker)
    window.controller.open_entry(huddle.id)
    panel = window.entries_page.comments_panel
    assert panel.isVisible()
    assert unnamed_controls(panel) == []

    panel.reply_edit.setFocus()
    qtbot.keyClicks(panel.reply_edit, "Long, but *useful*.")
    qtbot.keyClick(panel.reply_edit, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter saves it
    mine = [c for c in ExchangeService(paired).comments_on(huddle.id) if c.mine]
    assert [(c.body, c.reply_to, c.sent) for c in mine] == [
        ("Long, but *useful*.", question.id, False)
    ]
    assert panel.reply_text() == ""
    assert window.statusBar().currentMessage() == REPLY_SAVED
    thread = panel.thread_view.toPlainText()
    assert "You" in thread and "Long, but useful." in thread and NOT_SENT in thread

    paired.entries.set_flags(huddle.id, share_with_coach=True)
    window.sharing_commands.share.trigger()
    dialog = window.controllers.sharing.share_dialog
    assert dialog is not None
    read_what_goes(qtbot, dialog)
    assert dialog.replies_note.text().startswith("Also going: 1 reply to Sam's comments")
    out = tmp_path / "next.ijshare"
    picker.answers.append(out)
    with qtbot.waitSignal(dialog.shared) as saved:
        qtbot.mouseClick(dialog.save_button, LEFT)
    assert saved.args[0].startswith("Saved 1 item and 1 reply for Sam in next.ijshare.")
    assert NOT_SENT not in panel.thread_view.toPlainText()  # now it says "sent"

    result = ExchangeService(coach).import_package(
        out.read_bytes()
    )  # the coach's side, through the core
    assert result.notes == 1
    replies = [c for c in ExchangeService(coach).comments_on(huddle.id) if not c.mine]
    assert [(r.body, r.reply_to) for r in replies] == [("Long, but *useful*.", question.id)]


def test_a_reply_naming_someone_is_checked_before_it_is_saved(
    qtbot, paired, coach, make_window, tmp_path
):
    huddle = paired.entries.create("Huddle", "I asked first.")
    share_to_coach(paired, coach, [huddle.id])
    _receive(paired, coach, [(huddle.id, "", "Who was it?")], tmp_path)
    window = make_window(paired, view=View.ENTRIES)
    window.controller.open_entry(huddle.id)
    panel = window.entries_page.comments_panel
    qtbot.keyClicks(panel.reply_edit, f"The patient with NHS no {NHS_NUMBER}.")
    qtbot.mouseClick(panel.save_button, LEFT)
    review = window.controllers.comments.entry_comments.review
    assert review is not None
    assert (
        review.title_label.text() == "1 thing in this reply could identify a patient or colleague"
    )
    qtbot.mouseClick(review.cancel_button, LEFT)
    assert [c for c in ExchangeService(paired).comments_on(huddle.id) if c.mine] == []
    assert panel.reply_text().endswith(f"{NHS_NUMBER}.")  # still there to change

    qtbot.mouseClick(panel.save_button, LEFT)
    review = window.controllers.comments.entry_comments.review
    assert review is not None
    qtbot.mouseClick(review.ok_button, LEFT)  # redact (the first choice)
    [mine] = [c for c in ExchangeService(paired).comments_on(huddle.id) if c.mine]
    assert mine.body == "The patient with NHS no [NHS number]."


def test_stage_comments_appear_with_their_stage(qtbot, paired, coach, make_window, tmp_path):
    inquiry = paired.cycles.create_inquiry("Concerns earlier?")
    cycle = paired.cycles.start_cycle(inquiry.id, "quick-capture")
    paired.cycles.begin_reflection(cycle.id)
    paired.cycles.save_stage(cycle.id, "surprise", "Two people spoke up.")
    paired.cycles.save_stage(cycle.id, "adjusted", "I waited longer.")
    share_to_coach(paired, coach, [], [cycle.id])
    _receive(
        paired,
        coach,
        [
            (cycle.id, "surprise", "Who were they?"),
            (cycle.id, "", "A good first cycle."),
            (cycle.id, "adjusted", "How long did you wait?"),
        ],
        tmp_path,
    )
    window = make_window(paired)
    assert window.controllers.comments.unread.badge(cycle.id) == "3 new"

    window.navigation.open_cycle(cycle.id, "surprise")
    panel = window.cycle_comments
    assert panel.isVisible()
    thread = panel.thread_view.toPlainText()
    assert "On this stage: What surprised me" in thread and "Who were they?" in thread
    assert "On the whole cycle" in thread and "A good first cycle." in thread
    assert "How long did you wait?" not in thread
    assert panel.scope_label.text().startswith("1 more is on another stage")
    assert ExchangeService(paired).unread_counts() == {
        cycle.id: 1
    }  # only what was shown counts as read

    flow = window.controllers.cycles.flow
    assert flow is not None
    qtbot.mouseClick(flow.next_button, LEFT)  # on to "What I adjusted"
    thread = panel.thread_view.toPlainText()
    assert "On this stage: What I adjusted" in thread and "How long did you wait?" in thread
    assert "Who were they?" not in thread
    assert ExchangeService(paired).unread_counts() == {}

    qtbot.keyClicks(panel.reply_edit, "About a minute.")
    qtbot.mouseClick(panel.save_button, LEFT)
    [mine] = [c for c in ExchangeService(paired).comments_on(cycle.id) if c.mine]
    assert mine.stage_id == "adjusted"  # the reply sits with its stage

    window.commands.read_view.trigger()  # the whole cycle: every stage's comments
    thread = panel.thread_view.toPlainText()
    for text in ("Who were they?", "A good first cycle.", "How long did you wait?"):
        assert text in thread
    assert "On What surprised me" in thread and "On What I adjusted" in thread
