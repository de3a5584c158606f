"""The export holds what sharing keeps (both sides), and imports it back without loss."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update

from app.errors import ImportRejectedError
from app.journal.opening import Journal, create_journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from app.storage.keys import SystemKeyring
from app.storage.tables import Contact, SharingIdentity
from app.transfer import TransferService
from app.writing.domains import Domain
from tests.support.digest import content_digest
from tests.support.sharing import pair_with_coach, send_share

SECTIONS = (
    "entries",
    "inquiries",
    "cycles",
    "sessions",
    "contacts",
    "shared_items",
    "comments",
    "sent",
    "received_packages",
    "dictionary",
)


def _journal(tmp_path: Path, key_store: SystemKeyring, name: str) -> Iterator[Journal]:
    opened, _ = create_journal(tmp_path / name, key_store)
    yield opened
    opened.close()


@pytest.fixture
def coach(tmp_path: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    yield from _journal(tmp_path, key_store, "coach")


@pytest.fixture
def fresh(tmp_path: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    yield from _journal(tmp_path, key_store, "fresh")


def _verify(journal: Journal, fingerprint: str) -> None:
    with journal.engine.begin() as conn:
        query = update(Contact).where(Contact.fingerprint == fingerprint)
        conn.execute(query.values(verified=True))


@pytest.fixture
def pair(journal: Journal, coach: Journal) -> tuple[Journal, Journal]:
    """A participant and a coach who have shared, commented, replied, read and discussed."""
    participant = journal
    participant.dictionary.add("deprescribing", private=False)
    participant.dictionary.add("Okonkwo", private=True)
    coach.sharing.identity("Sam")
    pair_with_coach(participant, coach)
    _verify(participant, coach.sharing.identity().card.fingerprint)
    entry = participant.entries.create("Huddle", "I asked first.", [Domain.TEAM], ["huddle"])
    inquiry = participant.cycles.create_inquiry("Concerns earlier?")
    cycle = participant.cycles.start_cycle(inquiry.id, "quick-capture")
    participant.cycles.save_stage(cycle.id, "surprise", "Two people spoke up.")
    ExchangeService(coach).import_package(send_share(participant, [entry.id], [cycle.id], to="Sam"))
    alex = coach.sharing.find("Alex", Role.PARTICIPANT)
    _verify(coach, alex.fingerprint)

    first = ExchangeService(coach).write_comment(
        alex.fingerprint, entry.id, "What did the silence feel like?"
    )
    ExchangeService(coach).write_comment(
        alex.fingerprint, cycle.id, "Who were they?", stage_id="surprise"
    )
    feedback = ExchangeService(coach).make_feedback(alex)
    ExchangeService(coach).record_sent(feedback)
    ExchangeService(participant).import_package(feedback.data)
    ExchangeService(participant).mark_read(entry.id)

    sam = participant.sharing.find("Sam", Role.COACH).fingerprint
    ExchangeService(participant).write_comment(
        sam, entry.id, "Long, but useful.", reply_to=first.id
    )
    participant.entries.save(
        entry.id, title="Huddle", body="I asked, then waited.", domains=[Domain.TEAM], tags=[]
    )
    ExchangeService(coach).import_package(send_share(participant, [entry.id], [], to="Sam"))
    WorkspaceService(coach).mark_discussed(alex.fingerprint, cycle.id, True)
    return participant, coach


def _content(document: dict[str, Any]) -> dict[str, Any]:
    return {key: document[key] for key in SECTIONS}


@pytest.mark.parametrize("side", ["participant", "coach"])
def test_a_sharing_journal_round_trips_whole_and_twice_changes_nothing(
    pair: tuple[Journal, Journal], fresh: Journal, tmp_path: Path, side: str
) -> None:
    source = pair[0] if side == "participant" else pair[1]
    TransferService(source).export_json(tmp_path / "e.json")
    document = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert document["version"] == 6
    assert document["contacts"] and all(c["verified"] for c in document["contacts"])
    assert document["comments"] and document["received_packages"]
    if side == "participant":
        assert document["sent"] and not document["shared_items"]
        assert {(c["mine"], c["read"], c["sent"] is not None) for c in document["comments"]} == {
            (False, True, False),  # the comment read
            (False, False, False),  # the comment not yet opened
            (True, True, True),  # the reply, sent with the second share
        }
    else:
        items = {i["kind"]: i for i in document["shared_items"]}
        assert items["entry"]["previous_content"] == "I asked first."
        assert items["entry"]["commented_content"] == "I asked first."
        assert items["cycle"]["discussed"] and items["cycle"]["stages"][0]["stage"] == "surprise"

    result = TransferService(fresh).import_json(tmp_path / "e.json")
    assert result.added == sum(len(document[key]) for key in SECTIONS)
    assert _content(TransferService(fresh).document()) == _content(document)

    before = content_digest(source)
    again = TransferService(source).import_json(tmp_path / "e.json")
    assert not again.changed_anything and content_digest(source) == before
    before = content_digest(fresh)
    assert not TransferService(fresh).import_json(tmp_path / "e.json").changed_anything
    assert content_digest(fresh) == before


def test_the_rebuilt_coach_journal_shows_the_same_work(
    pair: tuple[Journal, Journal], fresh: Journal, tmp_path: Path
) -> None:
    _, coach = pair
    TransferService(coach).export_json(tmp_path / "coach.json")
    TransferService(fresh).import_json(tmp_path / "coach.json")
    items = {i.item_id: i for i in WorkspaceService(fresh).shared_items()}
    assert {i.item_id: i for i in WorkspaceService(coach).shared_items()} == items
    entry_id = next(i for i, item in items.items() if item.kind == "entry")
    assert items[entry_id].changed_since_comment
    assert [(c.body, c.mine) for c in ExchangeService(fresh).comments_on(entry_id)] == [
        ("What did the silence feel like?", True),
        ("Long, but useful.", False),
    ]
    alex = fresh.sharing.find("Alex", Role.PARTICIPANT)
    assert alex.card == coach.sharing.find("Alex", Role.PARTICIPANT).card


def test_a_re_imported_package_is_still_recognised(
    pair: tuple[Journal, Journal], fresh: Journal, tmp_path: Path
) -> None:
    participant, coach = pair
    entry = participant.entries.create("Later", "One more.")
    package = send_share(participant, [entry.id], [], to="Sam")
    ExchangeService(coach).import_package(package)
    TransferService(coach).export_json(tmp_path / "coach.json")
    TransferService(fresh).import_json(tmp_path / "coach.json")
    # The fresh journal has its own keys, so it cannot open the package; the original can,
    # and after importing its own export it still knows the package was imported.
    TransferService(coach).import_json(tmp_path / "coach.json")
    assert "imported before" in ExchangeService(coach).import_package(package).message
    received = {p["id"] for p in TransferService(fresh).document()["received_packages"]}
    assert received == {p["id"] for p in TransferService(coach).document()["received_packages"]}


def test_private_keys_never_leave_and_the_card_is_named_only(
    pair: tuple[Journal, Journal], fresh: Journal, tmp_path: Path
) -> None:
    participant, _ = pair
    TransferService(participant).export_json(tmp_path / "e.json")
    text = (tmp_path / "e.json").read_text(encoding="utf-8")
    with participant.engine.connect() as conn:
        own = conn.execute(SharingIdentity.__table__.select()).one()
    for secret in (own.encryption_private, own.signing_private):
        assert base64.b64encode(secret).decode() not in text
        assert secret.hex() not in text
    document = json.loads(text)
    # The dictionary's `private` marks a word never suggested; no other field is named so.
    words = document.pop("dictionary")
    assert {w["word"]: w["private"] for w in words} == {"deprescribing": False, "Okonkwo": True}
    assert "private" not in json.dumps(document)
    card = document["card"]
    assert card == {
        "name": "Alex",
        "fingerprint": participant.sharing.identity().card.fingerprint,
    }
    fresh.sharing.identity("Someone else")
    TransferService(fresh).import_json(tmp_path / "e.json")
    assert fresh.sharing.identity().name == "Someone else"


def test_exporting_a_journal_that_never_shared_makes_no_keys(
    journal: Journal, tmp_path: Path
) -> None:
    document = TransferService(journal).document()
    assert document["card"] is None
    with journal.engine.connect() as conn:
        assert conn.execute(SharingIdentity.__table__.select()).first() is None


def test_an_older_export_never_overwrites_a_newer_shared_item(
    pair: tuple[Journal, Journal], tmp_path: Path
) -> None:
    participant, coach = pair
    TransferService(coach).export_json(tmp_path / "old.json")
    entry_id = next(i.item_id for i in WorkspaceService(coach).shared_items() if i.kind == "entry")
    participant.entries.save(
        entry_id, title="Huddle", body="Third version.", domains=[Domain.TEAM], tags=[]
    )
    ExchangeService(coach).import_package(send_share(participant, [entry_id], [], to="Sam"))
    result = TransferService(coach).import_json(tmp_path / "old.json")
    assert result.kept_newer >= 1 and not result.changed_anything
    newest = {i.item_id: i for i in WorkspaceService(coach).shared_items()}[entry_id]
    assert newest.content == "Third version."
    # and the newer record of what was sent stands on the participant's side too
    TransferService(participant).export_json(tmp_path / "p.json")
    sam = participant.sharing.find("Sam", Role.COACH).fingerprint
    sent = ExchangeService(participant).sent_before(sam)[entry_id]
    participant.entries.save(entry_id, title="H", body="Fourth.", domains=[], tags=[])
    ExchangeService(coach).import_package(send_share(participant, [entry_id], [], to="Sam"))
    assert TransferService(participant).import_json(tmp_path / "p.json").kept_newer >= 1
    assert ExchangeService(participant).sent_before(sam)[entry_id].version > sent.version


def test_marks_only_travel_forward(pair: tuple[Journal, Journal], tmp_path: Path) -> None:
    participant, _ = pair
    cycle_id = participant.cycles.all_records()[0].id
    assert [c.read for c in ExchangeService(participant).comments_on(cycle_id)] == [False]
    TransferService(participant).export_json(tmp_path / "p.json")
    with participant.engine.begin() as conn:
        conn.execute(update(Contact).values(verified=False))
    ExchangeService(participant).mark_read(cycle_id)
    result = TransferService(participant).import_json(tmp_path / "p.json")
    assert result.updated == 1  # the verified mark came back; nothing else moved
    assert [c["verified"] for c in TransferService(participant).document()["contacts"]] == [True]
    assert [c.read for c in ExchangeService(participant).comments_on(cycle_id)] == [
        True
    ]  # still read


def test_a_contact_whose_fingerprint_does_not_match_its_keys_is_refused(
    pair: tuple[Journal, Journal], fresh: Journal, tmp_path: Path
) -> None:
    participant, _ = pair
    document = TransferService(participant).document()
    document["contacts"][0]["signing_key"] = base64.b64encode(bytes(32)).decode()
    (tmp_path / "bad.json").write_text(json.dumps(document), encoding="utf-8")
    before = content_digest(fresh)
    with pytest.raises(ImportRejectedError, match="fingerprint does not match its keys"):
        TransferService(fresh).import_json(tmp_path / "bad.json")
    assert content_digest(fresh) == before


def test_a_coach_cannot_import_their_participants_export(
    pair: tuple[Journal, Journal], tmp_path: Path
) -> None:
    participant, coach = pair
    TransferService(participant).export_json(tmp_path / "p.json")
    before = content_digest(coach)
    with pytest.raises(ImportRejectedError, match="this journal's own card"):
        TransferService(coach).import_json(tmp_path / "p.json")
    assert content_digest(coach) == before


def test_a_failure_half_way_leaves_the_journal_exactly_as_it_was(
    pair: tuple[Journal, Journal], fresh: Journal, tmp_path: Path
) -> None:
    _, coach = pair
    document = TransferService(coach).document()
    fresh.entries.create("Mine", "already here")
    # Everything checks, so the import starts; a late step finds a contact is this journal.
    fresh_card = fresh.sharing.identity("Fresh").card
    document["contacts"].append(
        {
            "fingerprint": fresh_card.fingerprint,
            "name": "Fresh",
            "role": "coach",
            "encryption_key": base64.b64encode(fresh_card.encryption_key).decode(),
            "signing_key": base64.b64encode(fresh_card.signing_key).decode(),
            "added": "2026-01-01T00:00:00+00:00",
            "verified": True,
        }
    )
    (tmp_path / "late.json").write_text(json.dumps(document), encoding="utf-8")
    before = content_digest(fresh)
    steps: list[int] = []
    with pytest.raises(ImportRejectedError, match="own card"):
        TransferService(fresh).import_json(
            tmp_path / "late.json", lambda done, total: steps.append(done)
        )
    assert steps  # records had been applied before the refusal
    assert content_digest(fresh) == before


def test_every_key_the_export_writes_is_documented(
    pair: tuple[Journal, Journal], tmp_path: Path
) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "export-format.md").read_text(encoding="utf-8")
    participant, coach = pair
    written: set[str] = set()
    for journal in (participant, coach):
        document = TransferService(journal).document()
        written |= set(document)
        for key in SECTIONS:
            for record in document[key]:
                written |= set(record)
    missing = sorted(key for key in written if f"`{key}`" not in doc)
    assert missing == []
    assert "# Inquiry Journal export format (version 6)" in doc
