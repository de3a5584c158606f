"""Issue 13: a comment can be changed or withdrawn until the feedback package is made."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.ui.coach.coach_page import CoachPage
from app.ui.window.main_window import MainWindow
from tests.ui.coach.helpers import ALEX_HUDDLE, CoachDesk
from tests.ui.coach.window import click_item, open_coaching
from tests.ui.driver import CTRL
from tests.ui.mnemonics import page_clashes

FIRST = "What did the silence feel like?"


def _commented(qtbot, desk: CoachDesk, window: MainWindow) -> CoachPage:
    """Coaching open on Alex's huddle entry, with one comment added and not yet sent."""
    page = open_coaching(qtbot, window)
    click_item(qtbot, page, ALEX_HUDDLE)
    page.conversation.edit.setPlainText(FIRST)
    page.conversation.add_button.click()
    return page


def _bodies(desk: CoachDesk) -> list[str]:
    return [c.body for c in ExchangeService(desk.coach).comments_on(desk.ids[ALEX_HUDDLE])]


def test_an_unsent_comment_is_changed_from_the_keyboard(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach)
    page = _commented(qtbot, desk, window)
    talk = page.conversation
    assert talk.unsent_row.isVisible()
    assert FIRST in talk.unsent_row.combo.currentText()
    assert "until the feedback package is made" in talk.unsent_row.combo.accessibleDescription()
    assert page_clashes(window, "a comment not sent") == {}
    talk.edit.setPlainText("Half a second comment")  # waits while the first is changed

    talk.unsent_row.change_button.setFocus()
    qtbot.keyClick(talk.unsent_row.change_button, Qt.Key.Key_Space)
    assert talk.edit.toPlainText() == FIRST and talk.edit.hasFocus()
    assert talk.changing_note.isVisible() and "Escape" in talk.changing_note.text()
    assert talk.add_button.accessibleName() == "Keep the change"
    assert not talk.unsent_row.withdraw_button.isEnabled()  # one change at a time
    assert page_clashes(window, "changing a comment") == {}
    talk.edit.selectAll()
    qtbot.keyClicks(talk.edit, "What did the pause feel like?")
    qtbot.keyClick(talk.edit, Qt.Key.Key_Return, CTRL)

    assert _bodies(desk) == ["What did the pause feel like?"]
    assert "What did the pause feel like?" in talk.thread_view.toPlainText()
    assert page.notice_label.text() == (
        "Comment changed. It goes to Alex in the next feedback package."
    )
    assert talk.edit.toPlainText() == "Half a second comment"  # back, as it was
    assert not talk.changing_note.isVisible()
    assert talk.add_button.accessibleName() == "Add comment"


def test_escape_leaves_the_comment_as_it_was(qtbot, desk: CoachDesk, make_window) -> None:
    window = make_window(desk.coach)
    talk = _commented(qtbot, desk, window).conversation
    talk.unsent_row.change_button.click()
    talk.edit.setPlainText("Something I did not mean")
    qtbot.keyClick(talk.edit, Qt.Key.Key_Escape)
    assert talk.changing == "" and talk.edit.toPlainText() == ""
    assert _bodies(desk) == [FIRST]


def test_withdrawing_asks_first_then_the_comment_never_goes(
    qtbot, desk: CoachDesk, make_window, answers
) -> None:
    window = make_window(desk.coach)
    page = _commented(qtbot, desk, window)
    talk = page.conversation
    answers.reply = False
    talk.unsent_row.withdraw_button.setFocus()
    qtbot.keyClick(talk.unsent_row.withdraw_button, Qt.Key.Key_Space)
    [question] = answers.asked
    assert question.startswith("Withdraw comment: Withdraw your comment of ")
    assert f"(“{FIRST}”)? It has not been sent, so Alex will never see it." in question
    assert _bodies(desk) == [FIRST]  # kept: the safe answer

    answers.reply = True
    talk.unsent_row.withdraw_button.click()
    assert _bodies(desk) == []
    assert page.notice_label.text() == "Comment withdrawn: it will not go to Alex."
    assert not talk.unsent_row.isVisible() and talk.edit.hasFocus()
    assert talk.thread_view.toPlainText().startswith("No comments yet")
    assert not page.header.feedback_button.isEnabled()  # nothing left to send to anyone


def test_a_comment_sent_meanwhile_is_not_changed_and_says_why(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach)
    page = _commented(qtbot, desk, window)
    talk = page.conversation
    talk.unsent_row.change_button.click()
    talk.edit.setPlainText("Too late for this")
    alex = desk.coach.sharing.find("Alex", Role.PARTICIPANT)
    ExchangeService(desk.coach).record_sent(
        ExchangeService(desk.coach).make_feedback(alex)
    )  # the package was made elsewhere

    talk.add_button.click()
    assert "went in a feedback package on" in talk.error.text()
    assert "can no longer be edited; write a new comment instead." in talk.error.text()
    assert _bodies(desk) == [FIRST]
    # Shown as it is now: sent, and final; what was typed stays, to go as a new comment.
    assert not talk.unsent_row.isVisible()
    assert "sent, so it can no longer be changed" in talk.thread_view.toPlainText()
    assert talk.edit.toPlainText() == "Too late for this" and talk.changing == ""
    assert talk.add_button.accessibleName() == "Add comment"
    talk.add_button.click()
    assert _bodies(desk) == [FIRST, "Too late for this"]
