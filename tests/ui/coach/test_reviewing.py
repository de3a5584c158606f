"""A coach reviewing shares in the window: finding items, reading them, commenting, discussing."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.errors import StorageError
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from app.ui.coach.conversation import EMPTY_COMMENT
from app.ui.coach.item_reader import CHANGED_TAB
from app.writing.domains import Domain
from tests.ui.coach.helpers import (
    ALEX_HUDDLE,
    ALEX_ROTA,
    BEA_CYCLE,
    BEA_HANDOVER,
    CHIDI_BOARD,
    CoachDesk,
)
from tests.ui.coach.window import click_item, open_coaching, search, settle, titles
from tests.ui.driver import CTRL


def test_search_domain_participant_and_to_discuss_narrow_the_list(
    qtbot, desk: CoachDesk, make_window
) -> None:
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    assert search(qtbot, page, "concerns") == [ALEX_HUDDLE]  # words, across everyone
    assert sorted(search(qtbot, page, "team")) == [ALEX_HUDDLE, CHIDI_BOARD]  # in either item
    assert search(qtbot, page, "team -board") == [ALEX_HUDDLE]  # the journal's little language
    assert search(qtbot, page, "imp*") == [BEA_HANDOVER]
    assert search(qtbot, page, "!!!") == []
    assert page.no_items_label.isVisible() and "Nothing matches" in page.no_items_label.text()
    assert search(qtbot, page, "") == [CHIDI_BOARD, BEA_CYCLE, BEA_HANDOVER, ALEX_ROTA, ALEX_HUDDLE]
    assert not page.no_items_label.isVisible()

    page.filter_bar.set_domain(Domain.TEAM)
    assert titles(qtbot, page) == [CHIDI_BOARD, BEA_CYCLE, ALEX_HUDDLE]
    page.filter_bar.set_domain(Domain.ORGANISATION)
    assert titles(qtbot, page) == [CHIDI_BOARD, ALEX_ROTA]
    page.choose_participant(desk.fingerprint("Alex"))  # one participant, same domain
    assert titles(qtbot, page) == [ALEX_ROTA]
    assert page.header.name_label.text() == "Alex"
    assert page.header.balance_bars.counts() == {
        Domain.INDIVIDUAL: 0,
        Domain.TEAM: 1,
        Domain.ORGANISATION: 1,
    }
    page.filter_bar.set_domain(None)
    assert search(qtbot, page, "system") == [ALEX_ROTA]
    assert search(qtbot, page, "noticed") == []  # Bea's words, not Alex's
    page.choose_participant("")
    assert titles(qtbot, page) == [BEA_HANDOVER]
    assert page.header.balance_bars.counts()[Domain.TEAM] == 3

    search(qtbot, page, "")
    click_item(qtbot, page, CHIDI_BOARD)
    page.reader.discussed_box.click()
    qtbot.keyClick(page.filter_bar.to_discuss_box, Qt.Key.Key_Space)
    assert page.filter_bar.to_discuss_box.isChecked()
    # What waits for feedback, the longest waiting first: Alex shared before Bea.
    assert titles(qtbot, page) == [ALEX_HUDDLE, ALEX_ROTA, BEA_HANDOVER, BEA_CYCLE]


def test_an_item_is_shown_read_only_and_sanitised(qtbot, desk: CoachDesk, make_window) -> None:
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    assert page.reader.pages.currentIndex() == page.reader.EMPTY_PAGE
    assert not page.conversation.isEnabled()  # nothing to comment on yet
    click_item(qtbot, page, ALEX_HUDDLE)
    reader = page.reader
    assert "concerns" in reader.text_view.toPlainText()
    assert "<b>concerns</b>" not in reader.text_view.toPlainText()  # Markdown, rendered
    assert reader.text_view.isReadOnly()
    assert "Alex · " in reader.facts_label.text() and "Team or service" in reader.facts_label.text()
    assert not reader.showing_changes

    click_item(qtbot, page, BEA_CYCLE)
    text = reader.text_view.toPlainText()
    assert text.index("Frame") < text.index("The bed meeting") < text.index("Intention")
    assert "Comment on this stage" in text
    assert "Not written yet: Strategy, Action" in text  # the empty stages, in one line
    assert [page.conversation.about_combo.itemText(i) for i in range(3)] == [
        "The whole cycle",
        "Stage: Frame",
        "Stage: Intention",
    ]

    # a comment with script in it is kept as written but shown harmless
    edit = page.conversation.edit
    edit.setPlainText("Look <script>alert('x')</script> **here** [x](javascript:alert(1))")
    page.conversation.add_button.click()
    shown = page.conversation.thread_view.toHtml()
    assert "<script" not in shown and "alert('x')" not in shown and "javascript:" not in shown
    assert "here" in page.conversation.thread_view.toPlainText()


def test_comments_on_a_stage_and_on_an_entry_are_kept_and_shown(
    qtbot, desk: CoachDesk, make_window
) -> None:
    coach = desk.coach
    window = make_window(coach)
    page = open_coaching(qtbot, window)
    conversation = page.conversation
    click_item(qtbot, page, BEA_CYCLE)
    assert conversation.thread_view.toPlainText().startswith("No comments yet")

    view = page.reader.text_view  # Tab to the second "Comment on this stage", then Enter
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.textCursor().selectedText() == "Comment on this stage"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert conversation.stage_id() == "intention"
    assert conversation.edit.hasFocus()
    qtbot.keyClicks(conversation.edit, "What risk, *exactly*?")
    qtbot.keyClick(conversation.edit, Qt.Key.Key_Return, CTRL)
    assert conversation.edit.toPlainText() == ""
    assert conversation.stage_id() == ""  # the next comment is about the whole cycle again
    [stage_comment] = ExchangeService(coach).comments_on(desk.ids[BEA_CYCLE])
    assert (stage_comment.stage_id, stage_comment.body) == ("intention", "What risk, *exactly*?")
    thread = conversation.thread_view.toPlainText()
    assert "on the stage “Intention”" in thread and "waiting to send" in thread
    assert "What risk, exactly?" in thread  # Markdown rendered
    assert conversation.heading.text() == "Comments (1)"
    assert "Comment added. It goes to Bea" in page.notice_label.text()

    qtbot.keyClicks(conversation.edit, "Half a thought")
    click_item(qtbot, page, BEA_HANDOVER)
    assert conversation.edit.toPlainText() == ""  # a draft stays with its own item
    assert conversation.about_combo.count() == 1  # an entry has no stages
    conversation.edit.setFocus()
    qtbot.keyClicks(conversation.edit, "   ")
    qtbot.keyClick(conversation.edit, Qt.Key.Key_Return, CTRL)
    assert conversation.error.text() == EMPTY_COMMENT and conversation.error.isVisible()
    assert ExchangeService(coach).comments_on(desk.ids[BEA_HANDOVER]) == []  # nothing added
    conversation.edit.clear()
    qtbot.keyClicks(conversation.edit, "Whose impatience was it?")
    conversation.add_button.click()
    assert not conversation.error.isVisible()
    [entry_comment] = ExchangeService(coach).comments_on(desk.ids[BEA_HANDOVER])
    assert (entry_comment.stage_id, entry_comment.body) == ("", "Whose impatience was it?")
    assert "Whose impatience was it?" in conversation.thread_view.toPlainText()

    click_item(qtbot, page, BEA_CYCLE)
    assert conversation.edit.toPlainText() == "Half a thought"
    assert (
        len(ExchangeService(coach).comments_on(desk.ids[BEA_CYCLE])) == 1
    )  # a draft is not a comment

    bea = next(p for p in WorkspaceService(coach).participants() if p.name == "Bea")
    assert bea.unsent_comments == 2
    assert page.participant_list.list_model.item(2).detail.endswith("2 comments to send")


def test_discussed_is_kept_and_counted(qtbot, desk: CoachDesk, make_window) -> None:
    coach, chidi = desk.coach, desk.fingerprint("Chidi")
    window = make_window(coach)
    page = open_coaching(qtbot, window)
    click_item(qtbot, page, CHIDI_BOARD)
    page.reader.discussed_box.setFocus()
    qtbot.keyClick(page.reader.discussed_box, Qt.Key.Key_Space)
    assert WorkspaceService(coach).shared_item(chidi, desk.ids[CHIDI_BOARD]).discussed
    assert "Discussed" in page.item_list.row_for(page.item_list.current_key()).badges  # type: ignore[arg-type, union-attr]
    assert page.participant_list.list_model.item(3).detail == "1 item"  # none left to discuss
    window.close()

    again = make_window(coach)
    page = open_coaching(qtbot, again)
    click_item(qtbot, page, CHIDI_BOARD)
    assert page.reader.discussed_box.isChecked()
    page.reader.discussed_box.click()
    assert not WorkspaceService(coach).shared_item(chidi, desk.ids[CHIDI_BOARD]).discussed


def test_what_changed_since_the_comment_and_the_reply_are_shown(
    qtbot, desk: CoachDesk, make_window
) -> None:
    coach, alex = desk.coach, desk.people["Alex"]
    huddle = desk.ids[ALEX_HUDDLE]
    question = ExchangeService(coach).write_comment(
        desk.fingerprint("Alex"), huddle, "What did you hear?"
    )
    feedback = ExchangeService(coach).make_feedback(coach.sharing.find("Alex", Role.PARTICIPANT))
    ExchangeService(coach).record_sent(feedback)
    ExchangeService(alex).import_package(feedback.data)
    coach_card = alex.sharing.contacts(Role.COACH)[0].fingerprint
    ExchangeService(alex).write_comment(
        coach_card, huddle, "Silence, then two voices.", reply_to=question.id
    )
    alex.entries.save(
        huddle,
        title=ALEX_HUDDLE,
        body="I asked the team for their **concerns** first, then waited a full minute.",
        domains=[Domain.TEAM],
        tags=[],
    )
    window = make_window(coach)
    page = open_coaching(qtbot, window)
    row = page.item_list.row_for(page.item_list.item_model.rows()[-1].key)
    assert row is not None and row.badges == ()  # not changed yet

    desk.share("Alex", ALEX_HUDDLE)  # the edited entry and the reply arrive
    window.refresh_coaching()
    settle(qtbot, page)
    [row] = [r for r in page.item_list.item_model.rows() if r.record.title == ALEX_HUDDLE]
    assert row.badges == ("Changed since your comment", "1 new reply")
    assert "1 new reply" in page.participant_list.list_model.item(1).detail

    click_item(qtbot, page, ALEX_HUDDLE)
    reader = page.reader
    assert reader.showing_changes and reader.tabs.currentIndex() == 1
    assert reader.tabs.tabText(1) == CHANGED_TAB
    changes = reader.changes_view.toPlainText()
    assert "3 words added." in changes
    assert "[added: a full minute]" in changes
    assert "Changed since your comment" in reader.state_label.text()
    thread = page.conversation.thread_view.toPlainText()
    assert thread.index("What did you hear?") < thread.index("Silence, then two voices.")
    assert "Alex (participant) replied" in thread and "[New]" in thread
    assert "sent" in thread
    # seen now: the reply is read, the counts say so
    assert [
        p.unread_replies for p in WorkspaceService(coach).participants() if p.name == "Alex"
    ] == [0]
    assert "new repl" not in page.participant_list.list_model.item(1).detail
    assert page.item_list.row_for(row.key).badges == ("Changed since your comment",)  # type: ignore[union-attr]

    page.conversation.edit.setPlainText("And after the minute?")
    page.conversation.add_button.click()  # the comment is about the new version
    assert not reader.showing_changes or reader.tabs.tabText(1) != CHANGED_TAB
    assert "[New]" in page.conversation.thread_view.toPlainText()  # still new while it is open


def test_a_journal_that_cannot_be_read_says_so_and_recovers(
    qtbot, desk: CoachDesk, make_window, monkeypatch
) -> None:
    disk = {"broken": False}
    real_items, real_discussed = WorkspaceService.shared_items, WorkspaceService.mark_discussed

    def shared_items(*args, **kwargs):
        if disk["broken"]:
            raise StorageError("The journal could not be read: disk I/O error")
        return real_items(*args, **kwargs)

    def mark_discussed(*args, **kwargs):
        if disk["broken"]:
            raise StorageError("The journal could not be saved: database or disk is full")
        return real_discussed(*args, **kwargs)

    monkeypatch.setattr(WorkspaceService, "shared_items", shared_items)
    monkeypatch.setattr(WorkspaceService, "mark_discussed", mark_discussed)
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    click_item(qtbot, page, CHIDI_BOARD)
    disk["broken"] = True
    page.reader.discussed_box.click()
    assert page.message_bar.message == "The journal could not be saved: database or disk is full"
    assert not page.reader.discussed_box.isChecked()  # shown as it is kept
    assert (
        not WorkspaceService(desk.coach)
        .shared_item(desk.fingerprint("Chidi"), desk.ids[CHIDI_BOARD])
        .discussed
    )

    search(qtbot, page, "board")
    assert page.message_bar.message == "The journal could not be read: disk I/O error"
    disk["broken"] = False
    page.message_bar.retry_button.click()  # "Try again" reads everything again
    assert titles(qtbot, page) == [CHIDI_BOARD]
    assert not page.message_bar.isVisible()


def test_a_comment_that_could_identify_someone_is_checked_before_it_is_kept(
    qtbot, desk: CoachDesk, make_window
) -> None:
    from PySide6.QtWidgets import QDialog

    from app.ui.coach.coach_page import COMMENT_NOT_CHECKED
    from tests.support.data import NHS_NUMBER

    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    conversation = page.conversation
    key = click_item(qtbot, page, ALEX_HUDDLE)
    typed = f"Did the family of {NHS_NUMBER} hear this?"
    conversation.edit.setPlainText(typed)
    conversation.add_button.click()
    review = page.review
    assert review is not None
    assert review.title_label.text() == (
        "1 thing in this comment could identify a patient or colleague"
    )
    review.reject()  # cancelled: nothing kept, the words stay in the box
    assert page.review is None
    assert conversation.error.text() == COMMENT_NOT_CHECKED
    assert conversation.edit.toPlainText() == typed
    assert ExchangeService(desk.coach).comments_on(key.item_id) == []

    conversation.add_button.click()
    review = page.review
    assert review is not None
    review.redact_all_button.click()
    review.done(QDialog.DialogCode.Accepted)
    [kept] = ExchangeService(desk.coach).comments_on(key.item_id)
    assert NHS_NUMBER not in kept.body and "[NHS number]" in kept.body
    assert conversation.edit.toPlainText() == ""
