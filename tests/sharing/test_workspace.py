"""The coach's workspace: five participants' shares, searched, filtered, balanced and replied to."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.journal.opening import Journal, create_journal, open_journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.sharing.workspace import SharedFilter, WorkspaceService
from app.storage.keys import SystemKeyring
from app.writing.domains import Domain
from tests.support.sharing import card_fingerprint, pair_with_coach, send_share

NAMES = ["Alex", "Bea", "Chidi", "Dana", "Eli"]


@pytest.fixture
def five(tmp_path: Path, key_store: SystemKeyring, coach: Journal) -> Iterator[list[Journal]]:
    journals = []
    for name in NAMES:
        opened, _ = create_journal(tmp_path / name, key_store)
        journals.append(pair_with_coach(opened, coach, name))
    yield journals
    for opened in journals:
        opened.close()


def test_a_week_of_review_with_five_participants(coach: Journal, five: list[Journal]) -> None:
    domains = [Domain.INDIVIDUAL, Domain.TEAM, Domain.ORGANISATION, Domain.TEAM, Domain.TEAM]
    huddles = []
    for journal, name, domain in zip(five, NAMES, domains, strict=True):
        first = journal.entries.create(f"{name}'s huddle", "I asked for concerns first.", [domain])
        second = journal.entries.create(f"{name}'s rota", f"{name} noticed the rota gap.", [])
        ExchangeService(coach).import_package(send_share(journal, [first.id, second.id]))
        huddles.append(first.id)

    people = WorkspaceService(coach).participants()
    assert [p.name for p in people] == NAMES
    assert all(p.items == 2 and p.to_discuss == 2 for p in people)

    # search across everyone, then within one participant, then by domain
    everyone = WorkspaceService(coach).shared_items(where=SharedFilter(text="concerns"))
    assert len(everyone) == 5
    bea = card_fingerprint(five[1])
    only_bea = WorkspaceService(coach).shared_items(
        where=SharedFilter(text="rota", participant=bea)
    )
    assert [i.title for i in only_bea] == ["Bea's rota"]
    team = WorkspaceService(coach).shared_items(where=SharedFilter(domain=Domain.TEAM))
    assert sorted(i.title for i in team) == ["Bea's huddle", "Dana's huddle", "Eli's huddle"]
    assert WorkspaceService(coach).shared_items(where=SharedFilter(text="!!!")) == []
    assert WorkspaceService(coach).domain_balance()[Domain.TEAM] == 3
    assert WorkspaceService(coach).domain_balance(bea) == {
        Domain.INDIVIDUAL: 0,
        Domain.TEAM: 1,
        Domain.ORGANISATION: 0,
    }

    # comment on everyone's huddle, tick it discussed, send feedback to each
    for journal in five:
        fingerprint = card_fingerprint(journal)
        huddle = next(
            i for i in WorkspaceService(coach).shared_items(fingerprint) if "huddle" in i.title
        )
        ExchangeService(coach).write_comment(
            fingerprint, huddle.item_id, "What did you hear first?"
        )
        WorkspaceService(coach).mark_discussed(fingerprint, huddle.item_id, True)
    assert all(
        p.to_discuss == 1 and p.unsent_comments == 1 for p in WorkspaceService(coach).participants()
    )
    only_open = WorkspaceService(coach).shared_items(
        bea, where=SharedFilter(participant=bea, to_discuss_only=True)
    )
    assert [i.title for i in only_open] == ["Bea's rota"]

    for journal, huddle_id in zip(five, huddles, strict=True):
        contact = coach.sharing.find(card_fingerprint(journal), Role.PARTICIPANT)
        feedback = ExchangeService(coach).make_feedback(contact)
        ExchangeService(coach).record_sent(feedback)
        ExchangeService(journal).import_package(feedback.data)
        assert ExchangeService(journal).unread_counts() == {huddle_id: 1}
        ExchangeService(journal).mark_read(huddle_id)
        assert ExchangeService(journal).unread_counts() == {}
    assert all(p.unsent_comments == 0 for p in WorkspaceService(coach).participants())


def test_a_reply_and_a_changed_entry_show_what_changed_since_the_comment(
    coach: Journal, five: list[Journal]
) -> None:
    alex = five[0]
    entry = alex.entries.create("Huddle", "I asked first.", [Domain.TEAM])
    ExchangeService(coach).import_package(send_share(alex, [entry.id]))
    fingerprint = card_fingerprint(alex)
    assert not WorkspaceService(coach).shared_item(fingerprint, entry.id).changed_since_comment

    comment = ExchangeService(coach).write_comment(fingerprint, entry.id, "What did you notice?")
    feedback = ExchangeService(coach).make_feedback(coach.sharing.find("Alex", Role.PARTICIPANT))
    ExchangeService(coach).record_sent(feedback)
    ExchangeService(alex).import_package(feedback.data)
    coach_fp = alex.sharing.contacts(Role.COACH)[0].fingerprint
    ExchangeService(alex).write_comment(
        coach_fp, entry.id, "Silence, then two voices.", reply_to=comment.id
    )
    alex.entries.save(
        entry.id, title="Huddle", body="I asked first, then waited.", domains=[], tags=[]
    )
    ExchangeService(coach).import_package(send_share(alex, [entry.id]))

    item = WorkspaceService(coach).shared_item(fingerprint, entry.id)
    assert item.changed_since_comment and item.before == "I asked first."
    assert item.content == "I asked first, then waited." and not item.discussed
    assert item.domains == ()
    assert WorkspaceService(coach).participants()[0].unread_replies == 1
    WorkspaceService(coach).mark_replies_read(fingerprint, entry.id)
    assert WorkspaceService(coach).participants()[0].unread_replies == 0
    assert [c.body for c in ExchangeService(coach).comments_on(entry.id)] == [
        "What did you notice?",
        "Silence, then two voices.",
    ]
    # the new version is what the next comment is about
    ExchangeService(coach).write_comment(fingerprint, entry.id, "And then?")
    assert not WorkspaceService(coach).shared_item(fingerprint, entry.id).changed_since_comment


def test_a_shared_cycle_keeps_its_stages_for_stage_comments(
    coach: Journal, five: list[Journal]
) -> None:
    alex = five[0]
    inquiry = alex.cycles.create_inquiry("Concerns earlier?")
    cycle = alex.cycles.start_cycle(inquiry.id, "quick-capture")
    alex.cycles.save_stage(cycle.id, "surprise", "Two people spoke up.")
    ExchangeService(coach).import_package(send_share(alex, [], [cycle.id]))

    item = WorkspaceService(coach).shared_item(card_fingerprint(alex), cycle.id)
    stage = next(s for s in item.stages if s.stage == "surprise")
    assert (stage.title, stage.text) == ("What surprised me", "Two people spoke up.")
    found = WorkspaceService(coach).shared_items(where=SharedFilter(text="spoke"))
    assert [i.item_id for i in found] == [cycle.id]


class Cancelled(Exception):
    """What a Cancel button raises in the import worker."""


def test_import_reports_progress_and_a_cancel_changes_nothing(
    coach: Journal, five: list[Journal], key_store: SystemKeyring
) -> None:
    alex = five[0]
    ids = [alex.entries.create(f"Note {n}", f"Reflection {n}").id for n in range(600)]
    package = send_share(alex, ids)

    def cancel(done: int, total: int) -> None:
        raise Cancelled

    folder = coach.folder
    coach.close()
    before = hashlib.sha256(coach.db_file.read_bytes()).hexdigest()
    reopened = open_journal(folder, key_store)
    with pytest.raises(Cancelled):
        ExchangeService(reopened).import_package(package, cancel)
    reopened.close()
    assert hashlib.sha256(coach.db_file.read_bytes()).hexdigest() == before

    reopened = open_journal(folder, key_store)
    seen: list[tuple[int, int]] = []
    result = ExchangeService(reopened).import_package(
        package, lambda done, total: seen.append((done, total))
    )
    assert "Imported 600 shared items from Alex." in result.message
    assert seen == [(n, 600) for n in range(0, 601, 100)]
    assert len(WorkspaceService(reopened).shared_items()) == 600
    reopened.close()


def test_what_waits_for_feedback_comes_longest_waiting_first(
    coach: Journal, five: list[Journal]
) -> None:
    alex = five[0]
    older = alex.entries.create("Written first, shared second", "Text.")
    newer = alex.entries.create("Written second, shared first", "Text.")
    ExchangeService(coach).import_package(send_share(alex, [newer.id]))
    ExchangeService(coach).import_package(send_share(alex, [older.id]))
    fingerprint = card_fingerprint(alex)
    workspace = WorkspaceService(coach)
    waiting = workspace.shared_items(
        where=SharedFilter(participant=fingerprint, to_discuss_only=True)
    )
    assert [i.item_id for i in waiting] == [newer.id, older.id]  # by arrival, not by writing
    assert [i.item_id for i in workspace.shared_items(fingerprint)] == [newer.id, older.id]
    workspace.mark_discussed(fingerprint, newer.id, True)
    assert [
        i.item_id
        for i in workspace.shared_items(
            where=SharedFilter(participant=fingerprint, to_discuss_only=True)
        )
    ] == [older.id]
