"""What the participant's window asks of the core: sent before, changed since, unread, replies."""

from __future__ import annotations

import pytest

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from tests.support.sharing import pair_with_coach, send_share


@pytest.fixture
def alex(journal: Journal, coach: Journal) -> Journal:
    return pair_with_coach(journal, coach)


def test_sent_before_and_changed_since(alex: Journal, coach: Journal) -> None:
    huddle = alex.entries.create("Huddle", "I asked first.")
    rota = alex.entries.create("Rota", "Gaps on Sunday.")
    sam = alex.sharing.find("Sam", Role.COACH)
    assert ExchangeService(alex).sent_before(sam.fingerprint) == {}

    send_share(alex, [huddle.id], to="Sam")
    sent = ExchangeService(alex).sent_before(sam.fingerprint)
    assert set(sent) == {huddle.id}
    [record] = ExchangeService(alex).records_to_share([huddle.id], [])
    assert not sent[huddle.id].changed_since(record)
    assert sent[huddle.id].version == huddle.updated

    alex.entries.save(
        huddle.id, title="Huddle", body="I asked first, then waited.", domains=[], tags=[]
    )
    [changed] = ExchangeService(alex).records_to_share([huddle.id], [])
    assert ExchangeService(alex).sent_before(sam.fingerprint)[huddle.id].changed_since(changed)
    assert rota.id not in ExchangeService(alex).sent_before(sam.fingerprint)
    assert (
        ExchangeService(alex).sent_before("0000-0000-0000-0000") == {}
    )  # another coach: nothing went


def test_feedback_counts_marks_only_what_was_shown_and_replies_wait(
    alex: Journal, coach: Journal
) -> None:
    entry = alex.entries.create("Huddle", "I asked first.")
    result = ExchangeService(coach).import_package(send_share(alex, [entry.id], to="Sam"))
    assert (result.kind, result.sender, result.items, result.notes) == ("share", "Alex", 1, 0)
    participant = coach.sharing.find("Alex", Role.PARTICIPANT)
    first = ExchangeService(coach).write_comment(
        participant.fingerprint, entry.id, "What did you hear?"
    )
    second = ExchangeService(coach).write_comment(
        participant.fingerprint, entry.id, "Who spoke first?"
    )
    feedback = ExchangeService(coach).make_feedback(participant)
    ExchangeService(coach).record_sent(feedback)

    result = ExchangeService(alex).import_package(feedback.data)
    assert (result.kind, result.sender, result.notes, result.changed) == (
        "feedback",
        "Sam (coach)",
        2,
        True,
    )
    again = ExchangeService(alex).import_package(feedback.data)
    assert not again.changed and again.kind == "feedback"
    assert ExchangeService(alex).unread_counts(Role.COACH) == {entry.id: 2}
    assert (
        ExchangeService(coach).unread_counts(Role.COACH) == {}
    )  # the coach's own side has no coach comments

    ExchangeService(alex).mark_read(entry.id, [first.id])
    assert ExchangeService(alex).unread_counts() == {entry.id: 1}
    assert [c.read for c in ExchangeService(alex).comments_on(entry.id)] == [True, False]
    ExchangeService(alex).mark_read(entry.id)
    assert ExchangeService(alex).unread_counts() == {}

    sam = alex.sharing.find("Sam", Role.COACH)
    assert ExchangeService(alex).unsent_reply_count(sam.fingerprint) == 0
    ExchangeService(alex).write_comment(
        sam.fingerprint, entry.id, "Silence first.", reply_to=second.id
    )
    assert ExchangeService(alex).unsent_reply_count(sam.fingerprint) == 1
    send_share(alex, [entry.id], to="Sam")
    assert ExchangeService(alex).unsent_reply_count(sam.fingerprint) == 0


def test_the_privacy_check_reads_words_not_ids_or_timestamps() -> None:
    from app.sharing.content import SharedRecord, SharedStage
    from app.sharing.exchange import privacy_findings

    phone_like = "0801-4307-8904"  # a uuid can hold digits that look like a phone number
    quiet = SharedRecord("entry", phone_like, "Huddle", "Fine.", (), (), phone_like, phone_like)
    risky = SharedRecord(
        "cycle",
        "x",
        "Bay 4",
        "",
        (),
        ("Mrs Patel",),
        "2025-03-12T09:00:00+00:00",
        "2025-03-12T09:00:00+00:00",
        (SharedStage("action", "Action", "NHS no 943 476 5919 was on the board."),),
    )
    assert privacy_findings((quiet,)) == []
    paths = [f.path for f in privacy_findings((quiet, risky))]
    assert (1, "stages", 0, "text") in paths and (1, "tags", 0) in paths
    assert all(p[0] == 1 for p in paths)


def test_a_share_with_nothing_in_it_is_refused(alex: Journal) -> None:
    sam = alex.sharing.contacts(Role.COACH)[0]
    with pytest.raises(JournalError, match="at least one entry or cycle to share, or write a"):
        ExchangeService(alex).make_share(sam, [])


def test_comments_on_a_trashed_item_are_not_new_and_go_with_it_for_good(
    alex: Journal, coach: Journal
) -> None:
    from sqlalchemy import func, select

    from app.storage.tables import Comment

    entry = alex.entries.create("Huddle", "I asked first.")
    ExchangeService(coach).import_package(send_share(alex, [entry.id], to="Sam"))
    participant = coach.sharing.find("Alex", Role.PARTICIPANT)
    ExchangeService(coach).write_comment(participant.fingerprint, entry.id, "What did you hear?")
    feedback = ExchangeService(coach).make_feedback(participant)
    ExchangeService(alex).import_package(feedback.data)
    assert ExchangeService(alex).unread_counts(Role.COACH, live_items_only=True) == {entry.id: 1}

    alex.entries.trash(entry.id)
    assert ExchangeService(alex).unread_counts(Role.COACH, live_items_only=True) == {}
    assert ExchangeService(alex).unread_counts(Role.COACH) == {
        entry.id: 1
    }  # kept while it can come back
    alex.entries.delete_forever(entry.id)
    with alex.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Comment)).scalar() == 0
    sam = alex.sharing.contacts(Role.COACH)[0]
    assert ExchangeService(alex).sent_before(sam.fingerprint) == {}
