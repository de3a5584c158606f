"""A coach's comment can be changed or withdrawn until a feedback package carries it."""

from __future__ import annotations

import pytest

from app.domains import Domain
from app.errors import JournalError
from app.journal import Journal
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
from app.sharing.workspace import shared_item


@pytest.fixture
def shared(journal: Journal, coach: Journal) -> tuple[str, str]:
    """Alex (`journal`) shared one entry with the coach: (Alex's fingerprint, the entry id)."""
    journal.sharing.identity("Alex")
    journal.sharing.add(coach.sharing.identity().card, Role.COACH)
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
