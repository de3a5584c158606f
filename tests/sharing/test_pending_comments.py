"""A coach's comment can be changed or withdrawn until a feedback package carries it."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import JournalError
from app.journal.opening import Journal, create_journal
from app.sharing.contacts import Role
from app.sharing.exchange import (
    comments_on,
    edit_pending_comment,
    import_package,
    make_feedback,
    make_share,
    record_sent,
    records_to_share,
    withdraw_pending_comment,
    write_comment,
)
from app.sharing.workspace import CoachingWork, mark_discussed, shared_item, waiting_work
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
    outgoing = make_share(journal, sam, records_to_share(journal, [entry.id], []))
    record_sent(journal, outgoing)
    import_package(coach, outgoing.data)
    return journal.sharing.identity().card.fingerprint, entry.id


def _bodies(coach: Journal, item_id: str) -> list[str]:
    return [c.body for c in comments_on(coach, item_id)]


def test_a_pending_comment_is_edited_and_the_package_carries_the_new_words(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    comment = write_comment(coach, alex, item, "What did the silence feel like?")
    edited = edit_pending_comment(coach, comment.id, "What did the pause feel like?")
    assert edited.id == comment.id and not edited.sent
    assert _bodies(coach, item) == ["What did the pause feel like?"]

    feedback = make_feedback(coach, coach.sharing.find(alex, Role.PARTICIPANT))
    record_sent(coach, feedback)
    import_package(journal, feedback.data)
    assert _bodies(journal, item) == ["What did the pause feel like?"]


def test_a_withdrawn_comment_never_goes(coach: Journal, shared: tuple[str, str]) -> None:
    alex, item = shared
    comment = write_comment(coach, alex, item, "Too blunt, on reflection.")
    assert shared_item(coach, alex, item).commented_content == "I asked first."
    withdrawn = withdraw_pending_comment(coach, comment.id)
    assert withdrawn.body == "Too blunt, on reflection."
    assert _bodies(coach, item) == []
    # Nothing of the coach's is left on it, so it no longer counts as commented on.
    assert shared_item(coach, alex, item).commented_content == ""
    with pytest.raises(JournalError, match="no new comments"):
        make_feedback(coach, coach.sharing.find(alex, Role.PARTICIPANT))


def test_a_sent_comment_is_final_and_refusals_change_nothing(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    comment = write_comment(coach, alex, item, "What did the silence feel like?")
    record_sent(coach, make_feedback(coach, coach.sharing.find(alex, Role.PARTICIPANT)))
    pending = write_comment(coach, alex, item, "And the next huddle?")

    with pytest.raises(JournalError) as edit:
        edit_pending_comment(coach, comment.id, "Changed after sending")
    assert "went in a feedback package on" in str(edit.value)
    assert "can no longer be edited; write a new comment instead." in str(edit.value)
    with pytest.raises(JournalError, match="can no longer be withdrawn"):
        withdraw_pending_comment(coach, comment.id)
    with pytest.raises(JournalError, match="The comment is empty"):
        edit_pending_comment(coach, pending.id, "   ")
    with pytest.raises(JournalError, match="no longer here"):
        withdraw_pending_comment(coach, "not-a-comment")
    assert _bodies(coach, item) == ["What did the silence feel like?", "And the next huddle?"]
    assert [c.sent for c in comments_on(coach, item)] == [True, False]


def test_only_ones_own_comments_can_be_changed(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    write_comment(coach, alex, item, "What did the silence feel like?")
    feedback = make_feedback(coach, coach.sharing.find(alex, Role.PARTICIPANT))
    record_sent(coach, feedback)
    import_package(journal, feedback.data)
    [received] = comments_on(journal, item)
    with pytest.raises(JournalError, match="Only your own comments"):
        edit_pending_comment(journal, received.id, "Put words in the coach's mouth")
    with pytest.raises(JournalError, match="Only your own comments"):
        withdraw_pending_comment(journal, received.id)
    assert _bodies(journal, item) == ["What did the silence feel like?"]


def test_what_waits_for_the_coach_is_counted(
    coach: Journal, journal: Journal, shared: tuple[str, str]
) -> None:
    alex, item = shared
    assert waiting_work(coach) == CoachingWork(new_shares=1, new_replies=0, unsent_comments=0)
    comment = write_comment(coach, alex, item, "What did the silence feel like?")
    write_comment(coach, alex, item, "And the next huddle?")
    mark_discussed(coach, alex, item, True)
    assert waiting_work(coach) == CoachingWork(0, 0, 2)
    feedback = make_feedback(coach, coach.sharing.find(alex, Role.PARTICIPANT))
    record_sent(coach, feedback)
    assert waiting_work(coach).total == 0

    import_package(journal, feedback.data)
    sam = journal.sharing.find("Sam (coach)", Role.COACH)
    write_comment(journal, sam.fingerprint, item, "Long, but useful.", reply_to=comment.id)
    # Alex's own unsent reply is not coaching work in Alex's journal.
    assert waiting_work(journal).total == 0
    import_package(coach, make_share(journal, sam, records_to_share(journal, [item], [])).data)
    assert waiting_work(coach) == CoachingWork(0, 1, 0)


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
