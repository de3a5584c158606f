"""Coach review end to end between two journals, all through files."""

from __future__ import annotations

import json

import pytest

from app.errors import JournalError
from app.journal.opening import Journal
from app.sharing.content import MAX_ITEMS
from app.sharing.exchange import ExchangeService
from app.sharing.keys import Identity
from app.sharing.package import PackageError, seal, seal_bytes
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from app.storage.keys import SystemKeyring
from app.writing.domains import Domain
from tests.support.digest import file_digest
from tests.support.packages import members, rezip
from tests.support.sharing import pair_with_coach


@pytest.fixture
def participant(journal: Journal, coach: Journal) -> Journal:
    return pair_with_coach(journal, coach)


def _send(
    participant: Journal,
    coach: Journal,
    entry_ids: list[str],
    cycle_ids: list[str] = [],  # noqa: B006
) -> bytes:
    contact = participant.sharing.find("Sam (coach)", Role.COACH)
    outgoing = ExchangeService(participant).make_share(
        contact, ExchangeService(participant).records_to_share(entry_ids, cycle_ids)
    )
    ExchangeService(participant).record_sent(outgoing)
    return outgoing.data


def test_share_comment_feedback_reply_and_reshare(participant: Journal, coach: Journal) -> None:
    shared = participant.entries.create("Huddle", "I asked first.", [Domain.TEAM], ["huddle"])
    private = participant.entries.create("Private", "Never leaves.")
    inquiry = participant.cycles.create_inquiry("Concerns earlier?")
    cycle = participant.cycles.start_cycle(inquiry.id, "quick-capture")
    participant.cycles.save_stage(cycle.id, "surprise", "Two people spoke up.")

    package = _send(participant, coach, [shared.id], [cycle.id])
    assert b"asked first" not in package
    result = ExchangeService(coach).import_package(package)
    assert result.changed and "Imported 2 shared items from Alex." in result.message
    items = {i.item_id: i for i in WorkspaceService(coach).shared_items()}
    assert set(items) == {shared.id, cycle.id}  # the private entry never left
    assert private.id not in items
    assert items[cycle.id].content == "## What surprised me\n\nTwo people spoke up."
    alex = coach.sharing.find("Alex", Role.PARTICIPANT)
    assert alex.fingerprint == participant.sharing.identity().card.fingerprint

    assert (
        not ExchangeService(coach).import_package(package).changed
    )  # twice: nothing changes, and it says so

    comment = ExchangeService(coach).write_comment(
        alex.fingerprint, shared.id, "What did the silence feel like?"
    )
    ExchangeService(coach).write_comment(
        alex.fingerprint, cycle.id, "Who were they?", stage_id="surprise"
    )
    feedback = ExchangeService(coach).make_feedback(alex)
    ExchangeService(coach).record_sent(feedback)
    with pytest.raises(Exception, match="no new comments"):
        ExchangeService(coach).make_feedback(alex)

    assert (
        "Imported 2 comments from Sam (coach)."
        in ExchangeService(participant).import_package(feedback.data).message
    )
    received = ExchangeService(participant).comments_on(shared.id)
    assert [(c.body, c.mine, c.read) for c in received] == [
        ("What did the silence feel like?", False, False)
    ]
    assert ExchangeService(participant).comments_on(cycle.id)[0].stage_id == "surprise"

    coach_fp = participant.sharing.find("Sam (coach)", Role.COACH).fingerprint
    ExchangeService(participant).write_comment(
        coach_fp, shared.id, "Long, but useful.", reply_to=comment.id
    )
    participant.entries.save(
        shared.id,
        title="Huddle",
        body="I asked first, then waited.",
        domains=[Domain.TEAM],
        tags=[],
    )
    again = _send(participant, coach, [shared.id])
    assert (
        "Imported 1 shared item and 1 reply from Alex."
        in ExchangeService(coach).import_package(again).message
    )
    updated = {i.item_id: i for i in WorkspaceService(coach).shared_items()}[shared.id]
    assert updated.content == "I asked first, then waited."
    assert updated.previous_content == "I asked first." and updated.updated
    assert updated.changed_since_comment and updated.before == "I asked first."
    reply = [c for c in ExchangeService(coach).comments_on(shared.id) if not c.mine]
    assert [(r.body, r.reply_to) for r in reply] == [("Long, but useful.", comment.id)]


def _flip(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 1]) + data[position + 1 :]


def test_refusals_leave_the_journal_unchanged(
    participant: Journal, coach: Journal, key_store: SystemKeyring
) -> None:
    entry = participant.entries.create("Huddle", "I asked first.")
    good = _send(participant, coach, [entry.id])
    stranger = Identity.generate("Eve")
    empty = seal(
        "share",
        {"items": [], "replies": []},
        participant.sharing.identity(),
        coach.sharing.identity().card,
    )
    unknown_coach = seal(
        "feedback", {"comments": []}, stranger, participant.sharing.identity().card
    )
    coach_card = coach.sharing.identity().card
    me = participant.sharing.identity()
    parts = members(good)
    parts["../envelope.json"] = parts.pop("envelope.json")
    with_path = rezip(parts)
    parts = members(good)
    envelope = json.loads(parts["envelope.json"])
    envelope["version"] = 2
    parts["envelope.json"] = json.dumps(envelope).encode()
    newer = rezip(parts)
    bomb_content = b"{" + b" " * (16 * 1024 * 1024) + b"}"
    bomb = seal_bytes("share", bomb_content, 100, me, coach_card)
    not_json = seal_bytes("share", b"{not json", 9, me, coach_card)
    item = {"kind": "entry", "id": entry.id, "title": "x", "body": "", "domains": [], "tags": []}
    item |= {"written": "2026-01-01T00:00:00+00:00", "version": "2026-01-01T00:00:00+00:00"}
    too_many = seal("share", {"items": [item] * (MAX_ITEMS + 1)}, me, coach_card)
    cases = [
        (coach, good[:-10], "damaged or incomplete"),
        (coach, with_path, "folder path"),
        (coach, newer, "newer version"),
        (coach, bomb, "not the size it says"),
        (coach, not_json, "contents are not valid"),
        (coach, too_many, "more than 20,000 items"),
        (coach, _flip(good, len(good) // 2), "damaged|changed since"),  # CRC or signature
        (participant, good, "for someone else"),
        (coach, empty, "holds no entries, cycles or replies"),
        (participant, unknown_coach, "not one of your coaches"),
    ]
    for target, data, message in cases:
        folder = target.folder
        before = file_digest(target)
        from app.journal.opening import open_journal

        reopened = open_journal(folder, key_store)
        with pytest.raises(PackageError, match=message):
            ExchangeService(reopened).import_package(data)
        assert file_digest(reopened) == before, message


def test_search_filters_for_shared_and_commented(participant: Journal, coach: Journal) -> None:
    from app.search.full_text import SearchFilters

    shared = participant.entries.create("Shared huddle", "handover words")
    participant.entries.create("Private huddle", "handover words")
    ExchangeService(coach).import_package(_send(participant, coach, [shared.id]))

    def titles(filters: SearchFilters) -> list[str]:
        return sorted(h.title for h in participant.search.search("handover", filters).hits)

    assert titles(SearchFilters(shared=True)) == ["Shared huddle"]
    assert titles(SearchFilters(shared=False)) == ["Private huddle"]
    assert titles(SearchFilters(has_comment=True)) == []
    alex = coach.sharing.find("Alex", Role.PARTICIPANT)
    ExchangeService(coach).write_comment(alex.fingerprint, shared.id, "Nice.")
    feedback = ExchangeService(coach).make_feedback(alex)
    ExchangeService(participant).import_package(feedback.data)
    assert titles(SearchFilters(has_comment=True)) == ["Shared huddle"]


def test_ordinary_words_that_look_like_web_code_travel_and_are_shown_safely(
    participant: Journal, coach: Journal
) -> None:
    words = [
        ("Intranet", "Filled in the `<form>` on the intranet, then <form action=x> again."),
        ("Not my thing", "javascript: isn't my thing, nor is <script>alert(1)</script>."),
        ("Handlers", 'A tag like <img src=x onerror="alert(1)"> came up in training.'),
    ]
    ids = [participant.entries.create(title, body).id for title, body in words]
    result = ExchangeService(coach).import_package(_send(participant, coach, ids))
    assert result.changed and result.items == 3
    kept = {i.title: i.content for i in WorkspaceService(coach).shared_items()}
    assert kept == dict(words)  # the words arrive exactly as written

    from app.writing.rendering import render_markdown

    shown = render_markdown(kept["Not my thing"] + "\n\n" + kept["Handlers"])
    assert "<script" not in shown and "onerror" not in shown and "javascript:" in shown


def test_what_the_coach_would_refuse_is_caught_before_anything_is_written_or_sent(
    participant: Journal, coach: Journal
) -> None:
    long_title = participant.entries.create("A" * 2001, "Body.")
    fine = participant.entries.create("Huddle", "I asked first.")
    contact = participant.sharing.find("Sam (coach)", Role.COACH)
    records = ExchangeService(participant).records_to_share([fine.id, long_title.id], [])
    with pytest.raises(JournalError) as refused:
        ExchangeService(participant).make_share(contact, records)
    message = str(refused.value)
    assert message.startswith("Nothing was shared: 'AAAA") and "\n" not in message
    assert "title is longer than 2,000 characters" in message
    assert ExchangeService(participant).sent_before(contact.fingerprint) == {}


def test_a_reply_too_long_to_travel_is_refused_when_written(participant: Journal) -> None:
    coach_fp = participant.sharing.find("Sam (coach)", Role.COACH).fingerprint
    entry = participant.entries.create("Huddle", "I asked first.")
    with pytest.raises(JournalError, match="longer than a package may carry"):
        ExchangeService(participant).write_comment(coach_fp, entry.id, "word " * 40_001)
    assert ExchangeService(participant).comments_on(entry.id) == []


def test_a_link_to_an_item_not_shared_reaches_the_coach_as_its_title(
    participant: Journal, coach: Journal
) -> None:
    private = participant.entries.create("Private", "Never leaves.")
    inquiry = participant.cycles.create_inquiry("Concerns earlier?")
    cycle = participant.cycles.start_cycle(inquiry.id, "quick-capture")
    participant.cycles.save_stage(cycle.id, "surprise", f"As in [Private](ij:entry/{private.id}).")
    shared = participant.entries.create("Huddle", f"See [Private](ij:entry/{private.id}) again.")

    ExchangeService(coach).import_package(_send(participant, coach, [shared.id], [cycle.id]))
    items = {i.item_id: i for i in WorkspaceService(coach).shared_items()}
    assert items[shared.id].content == "See Private again."
    assert items[cycle.id].content == "## What surprised me\n\nAs in Private."
    assert participant.entries.get(shared.id).body.startswith("See [Private](ij:entry/")
