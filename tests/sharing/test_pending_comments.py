"""A coach's comment can be changed or withdrawn until a feedback package carries it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import JournalError
from app.journal.opening import Journal, create_journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import CoachingWork, Role
from app.sharing.workspace import WorkspaceService
from app.storage.keys import SystemKeyring
from app.writing.domains import Domain
from tests.support.cli import run
from tests.support.sharing import pair_with_coach
from tests.ui.coach.helpers import ALEX_HUDDLE, CHIDI_BOARD, build_desk


@pytest.fixture
def shared(journal: Journal, coach: Journal) -> tuple[str, str]:
    """Alex (`journal`) shared one entry with the coach: (Alex's fingerprint, the entry id)."""
    pair_with_coach(journal, coach)
    entry = journal.entries.create("Huddle", "I asked first.", [Domain.TEAM])
    sam = journal.sharing.find("Sam (coach)", Role.COACH)
    outgoing = ExchangeService(journal).make_share(
        sam, ExchangeService(journal).records_to_share([entry.id], [])
    )
    ExchangeService(journal).record_sent(outgoing)
    ExchangeService(coach).import_package(outgoing.data)
    return journal.sharing.identity().card.fingerprint, entry.id


def _bodies(coach: Journal, item_id: str) -> list[str]:
    return [c.body for c in ExchangeService(coach).comments_on(item_id)]


def test_a_pending_comment_is_edited_and_the_package_carries_the_new_words(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    comment = ExchangeService(coach).write_comment(alex, item, "What did the silence feel like?")
    edited = ExchangeService(coach).edit_pending_comment(
        comment.id, "What did the pause feel like?"
    )
    assert edited.id == comment.id and not edited.sent
    assert _bodies(coach, item) == ["What did the pause feel like?"]

    feedback = ExchangeService(coach).make_feedback(coach.sharing.find(alex, Role.PARTICIPANT))
    ExchangeService(coach).record_sent(feedback)
    ExchangeService(journal).import_package(feedback.data)
    assert _bodies(journal, item) == ["What did the pause feel like?"]


def test_a_withdrawn_comment_never_goes(coach: Journal, shared: tuple[str, str]) -> None:
    alex, item = shared
    comment = ExchangeService(coach).write_comment(alex, item, "Too blunt, on reflection.")
    assert WorkspaceService(coach).shared_item(alex, item).commented_content == "I asked first."
    withdrawn = ExchangeService(coach).withdraw_pending_comment(comment.id)
    assert withdrawn.body == "Too blunt, on reflection."
    assert _bodies(coach, item) == []
    # Nothing of the coach's is left on it, so it no longer counts as commented on.
    assert WorkspaceService(coach).shared_item(alex, item).commented_content == ""
    with pytest.raises(JournalError, match="no new comments"):
        ExchangeService(coach).make_feedback(coach.sharing.find(alex, Role.PARTICIPANT))


def test_a_sent_comment_is_final_and_refusals_change_nothing(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    comment = ExchangeService(coach).write_comment(alex, item, "What did the silence feel like?")
    ExchangeService(coach).record_sent(
        ExchangeService(coach).make_feedback(coach.sharing.find(alex, Role.PARTICIPANT))
    )
    pending = ExchangeService(coach).write_comment(alex, item, "And the next huddle?")

    with pytest.raises(JournalError) as edit:
        ExchangeService(coach).edit_pending_comment(comment.id, "Changed after sending")
    assert "went in a feedback package on" in str(edit.value)
    assert "can no longer be edited; write a new comment instead." in str(edit.value)
    with pytest.raises(JournalError, match="can no longer be withdrawn"):
        ExchangeService(coach).withdraw_pending_comment(comment.id)
    with pytest.raises(JournalError, match="The comment is empty"):
        ExchangeService(coach).edit_pending_comment(pending.id, "   ")
    with pytest.raises(JournalError, match="no longer here"):
        ExchangeService(coach).withdraw_pending_comment("not-a-comment")
    assert _bodies(coach, item) == ["What did the silence feel like?", "And the next huddle?"]
    assert [c.sent for c in ExchangeService(coach).comments_on(item)] == [True, False]


def test_only_ones_own_comments_can_be_changed(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    ExchangeService(coach).write_comment(alex, item, "What did the silence feel like?")
    feedback = ExchangeService(coach).make_feedback(coach.sharing.find(alex, Role.PARTICIPANT))
    ExchangeService(coach).record_sent(feedback)
    ExchangeService(journal).import_package(feedback.data)
    [received] = ExchangeService(journal).comments_on(item)
    with pytest.raises(JournalError, match="Only your own comments"):
        ExchangeService(journal).edit_pending_comment(received.id, "Put words in the coach's mouth")
    with pytest.raises(JournalError, match="Only your own comments"):
        ExchangeService(journal).withdraw_pending_comment(received.id)
    assert _bodies(journal, item) == ["What did the silence feel like?"]


def test_what_waits_for_the_coach_is_counted(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    assert WorkspaceService(coach).waiting_work() == CoachingWork(
        new_shares=1, new_replies=0, unsent_comments=0
    )
    comment = ExchangeService(coach).write_comment(alex, item, "What did the silence feel like?")
    ExchangeService(coach).write_comment(alex, item, "And the next huddle?")
    WorkspaceService(coach).mark_discussed(alex, item, True)
    assert WorkspaceService(coach).waiting_work() == CoachingWork(0, 0, 2)
    feedback = ExchangeService(coach).make_feedback(coach.sharing.find(alex, Role.PARTICIPANT))
    ExchangeService(coach).record_sent(feedback)
    assert WorkspaceService(coach).waiting_work().total == 0

    ExchangeService(journal).import_package(feedback.data)
    sam = journal.sharing.find("Sam (coach)", Role.COACH)
    ExchangeService(journal).write_comment(
        sam.fingerprint, item, "Long, but useful.", reply_to=comment.id
    )
    # Alex's own unsent reply is not coaching work in Alex's journal.
    assert WorkspaceService(journal).waiting_work().total == 0
    ExchangeService(coach).import_package(
        ExchangeService(journal)
        .make_share(sam, ExchangeService(journal).records_to_share([item], []))
        .data
    )
    assert WorkspaceService(coach).waiting_work() == CoachingWork(0, 1, 0)


def test_the_command_line_changes_withdraws_and_refuses_like_the_window(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, key_store: SystemKeyring
) -> None:
    coach, _ = create_journal(tmp_path / "coach", key_store)
    desk = build_desk(coach, tmp_path / "people", key_store)
    desk.close()
    coach.close()
    here = ("--data-dir", str(tmp_path / "coach"))
    huddle = desk.ids[ALEX_HUDDLE]

    code, out, _ = run(capsys, "comment", huddle, "What did the silence feel like?", *here)
    assert code == 0 and "Comment saved on 'Asking first at the huddle'" in out
    first = out.split("comment --edit ")[1].split()[0]
    run(capsys, "comment", desk.ids[CHIDI_BOARD], "Who reads the paper first?", *here)
    code, out, _ = run(capsys, "comment", "--list", *here)
    assert code == 0
    assert out.splitlines()[0] == (
        f"{first}  Alex  'Asking first at the huddle': What did the silence feel like?"
    )
    assert "Chidi  'Writing for the board': Who reads the paper first?" in out

    code, _, err = run(capsys, "comment", "--edit", first, "Did Mrs Okafor hear you?", *here)
    assert code == 1 and "The comment was not saved" in err and "'Mrs Okafor'" in err
    code, out, _ = run(capsys, "comment", "--edit", first, "What did the pause feel like?", *here)
    assert code == 0 and out.startswith("Comment changed;")
    code, out, _ = run(capsys, "comment", "--withdraw", first, *here)
    assert code == 0 and out == "Comment withdrawn; it will not be sent.\n"
    code, _, err = run(capsys, "comment", "--withdraw", first, *here)
    assert code == 1 and "That comment is no longer here; nothing was changed." in err

    code, out, _ = run(capsys, "comment", "--list", *here)
    [chidi] = out.splitlines()
    sent_id = chidi.split()[0]
    feedback = tmp_path / "chidi.ijshare"
    run(capsys, "feedback", "--participant", "Chidi", "--out", str(feedback), *here)
    code, _, err = run(capsys, "comment", "--edit", sent_id, "Too late", *here)
    assert code == 1 and "can no longer be edited; write a new comment instead." in err
    code, _, err = run(capsys, "comment", "--withdraw", sent_id, *here)
    assert code == 1 and "can no longer be withdrawn" in err
    code, out, _ = run(capsys, "comment", "--list", *here)
    assert out == "No comments wait to be sent.\n"
    code, _, err = run(capsys, "comment", huddle, "--withdraw", sent_id, *here)
    assert code != 0 and "take no ENTRY_ID" in err
