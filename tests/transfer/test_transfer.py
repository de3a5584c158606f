"""JSON export and import: complete, idempotent, all or nothing."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.errors import ImportRejectedError, StorageError
from app.journal.opening import Journal, create_journal
from app.search.full_text import SearchFilters
from app.search.periods import Period
from app.storage.keys import SystemKeyring
from app.transfer import TransferService
from app.writing.domains import Domain
from tests.support import faults


@pytest.fixture
def other(tmp_path: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    opened, _ = create_journal(tmp_path / "other", key_store)
    yield opened
    opened.close()


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_an_export_is_the_journal_at_one_moment_while_it_is_being_written(
    journal: Journal, other: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.transfer.cycles import export_cycles as read_cycles

    journal.entries.create("Before", "Written before the export began.")

    def write_then_read(session: Any) -> list[dict[str, Any]]:
        # The window saves while the export is half-read: lines of inquiry are done, cycles not.
        journal.cycles.start_inquiry("Asked mid-export?", [Domain.TEAM], "action-inquiry")
        journal.entries.create("During", "Written while the export ran.")
        return read_cycles(session)

    monkeypatch.setattr("app.transfer.document.export_cycles", write_then_read)
    TransferService(journal).export_json(tmp_path / "e.json")

    exported = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert [e["title"] for e in exported["entries"]] == ["Before"]
    assert exported["inquiries"] == [] and exported["cycles"] == []
    assert TransferService(other).import_json(tmp_path / "e.json").added == 1
    assert journal.entries.count() == 2 and len(journal.cycles.inquiries()) == 1


def test_export_holds_versions_trash_and_every_field(journal: Journal, tmp_path: Path) -> None:
    entry = journal.entries.create("Title", "one", [Domain.INDIVIDUAL], ["solo"])
    journal.entries.save(entry.id, title="Title", body="two", domains=[Domain.TEAM], tags=["x"])
    gone = journal.entries.create("Gone", "trashed")
    journal.entries.trash(gone.id)
    counts = TransferService(journal).export_json(tmp_path / "e.json")
    document = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert counts == {
        "entries": 2,
        "inquiries": 0,
        "cycles": 0,
        "sessions": 0,
        "contacts": 0,
        "shared_items": 0,
        "comments": 0,
        "sent": 0,
        "received_packages": 0,
        "saved_searches": 0,
        "dictionary": 0,
    }
    by_id = {e["id"]: e for e in document["entries"]}
    assert by_id[entry.id]["body"] == "two"
    assert by_id[entry.id]["domains"] == ["team"]
    assert by_id[entry.id]["tags"] == ["x"]
    assert by_id[entry.id]["versions"][0]["body"] == "one"
    assert by_id[gone.id]["deleted"] is not None


def test_round_trip_into_another_journal_is_identical(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    entry = journal.entries.create("Title", "Über 🌱", [Domain.ORGANISATION], ["board"])
    journal.entries.save(entry.id, title="T2", body="edited", domains=[], tags=[])
    TransferService(journal).export_json(tmp_path / "e.json")
    result = TransferService(other).import_json(tmp_path / "e.json")
    assert (result.added, result.updated) == (1, 0)
    assert (
        TransferService(other).document()["entries"]
        == TransferService(journal).document()["entries"]
    )
    assert not TransferService(other).import_json(tmp_path / "e.json").changed_anything


def test_saved_searches_round_trip_stay_relative_and_newest_wins(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    quarter = SearchFilters(domains=(Domain.TEAM,), period=Period.THIS_QUARTER)
    saved = journal.saved_searches.save("Team, this quarter", "", quarter)
    TransferService(journal).export_json(tmp_path / "e.json")
    document = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert document["saved_searches"][0]["filters"] == {
        "domains": ["team"],
        "period": "this-quarter",
    }
    assert TransferService(other).import_json(tmp_path / "e.json").added == 1
    assert [(s.name, s.filters) for s in other.saved_searches.all()] == [
        ("Team, this quarter", quarter)
    ]
    assert not TransferService(other).import_json(tmp_path / "e.json").changed_anything

    other.saved_searches.rename(saved.id, "Team now")  # the journal's copy is newer
    assert TransferService(other).import_json(tmp_path / "e.json").kept_newer == 1
    assert [s.name for s in other.saved_searches.all()] == ["Team now"]
    journal.saved_searches.rename(saved.id, "Team this quarter (renamed)")
    TransferService(journal).export_json(tmp_path / "e2.json")
    assert TransferService(other).import_json(tmp_path / "e2.json").updated == 1
    assert [s.name for s in other.saved_searches.all()] == ["Team this quarter (renamed)"]


def test_newer_copy_in_the_file_updates_and_keeps_the_old_text(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    entry = journal.entries.create("T", "first")
    TransferService(journal).export_json(tmp_path / "old.json")
    TransferService(other).import_json(tmp_path / "old.json")
    journal.entries.save(entry.id, title="T", body="second", domains=[], tags=[])
    TransferService(journal).export_json(tmp_path / "new.json")
    result = TransferService(other).import_json(tmp_path / "new.json")
    assert result.updated == 1
    assert other.entries.get(entry.id).body == "second"
    assert [v.body for v in other.entries.versions(entry.id)] == ["first"]
    # The older file no longer overwrites the newer entry.
    assert TransferService(other).import_json(tmp_path / "old.json").kept_newer == 1
    assert other.entries.get(entry.id).body == "second"


Mutation = Callable[[dict[str, Any]], object]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="something-else"), "not an Inquiry Journal export"),
        (lambda d: d.update(version=99), "newer version"),
        (lambda d: d["entries"][1].update(id="not-a-uuid"), "Entry 2 .* not a UUID"),
        (lambda d: d["entries"][1].update(domains=["ward"]), "unknown domain"),
        (lambda d: d["entries"][1].update(created="yesterday"), "time zone"),
        (lambda d: d["entries"][1].update(body=None), "'body' is missing"),
        (lambda d: d["entries"].append(d["entries"][0]), "repeats the id"),
        (lambda d: d.update(entries={}), "no list of entries"),
    ],
)
def test_bad_files_are_refused_whole(
    journal: Journal, other: Journal, tmp_path: Path, mutate: Mutation, message: str
) -> None:
    for n in range(3):
        journal.entries.create(f"E{n}", "b")
    document = TransferService(journal).document()
    mutate(document)
    with pytest.raises(ImportRejectedError, match=message):
        TransferService(other).import_json(_write(tmp_path / "bad.json", document))
    assert other.entries.count() == 0  # nothing from the good entries either


def test_not_json_and_not_utf8_are_explained(other: Journal, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ImportRejectedError, match="not UTF-8"):
        TransferService(other).import_json(tmp_path / "a.json")
    (tmp_path / "b.json").write_text("{'single': 'quotes'}", encoding="utf-8")
    with pytest.raises(ImportRejectedError, match="not valid JSON"):
        TransferService(other).import_json(tmp_path / "b.json")
    with pytest.raises(ImportRejectedError, match="could not be read"):
        TransferService(other).import_json(tmp_path / "missing.json")


def _comparable(document: dict[str, Any]) -> dict[str, Any]:
    return {k: document[k] for k in ("entries", "inquiries", "cycles", "sessions")}


def test_demo_journal_round_trips_with_cycles_and_links(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    from app.demo import DemoJournal

    DemoJournal(journal).fill()
    TransferService(journal).export_json(tmp_path / "demo.json")
    document = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    cycle = next(c for c in document["cycles"] if c["previous"] and c["next"])
    assert {"id", "inquiry", "template", "status", "domains", "loop", "experiment_date"} <= set(
        cycle
    )
    # Reflection on the demo's tried experiments began (Insights counts the days to it).
    tried = [c for c in document["cycles"] if c["status"] != "planned"]
    assert tried and all(c["reflection_began"] for c in tried)
    assert {"stage", "title", "text"} <= set(cycle["stages"][0])
    result = TransferService(other).import_json(tmp_path / "demo.json")
    kinds = ("entries", "inquiries", "cycles", "sessions")
    assert result.added == sum(len(document[k]) for k in kinds)
    assert document["sessions"][0]["actions"][0]["evidence"]
    assert _comparable(TransferService(other).document()) == _comparable(
        TransferService(journal).document()
    )
    again = TransferService(other).import_json(tmp_path / "demo.json")
    assert not again.changed_anything


def test_edited_cycle_replaces_the_older_copy_and_keeps_its_text(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    inquiry = journal.cycles.create_inquiry("Q?")
    cycle = journal.cycles.start_cycle(inquiry.id, "quick-capture")
    journal.cycles.save_stage(cycle.id, "surprise", "first")
    TransferService(journal).export_json(tmp_path / "a.json")
    TransferService(other).import_json(tmp_path / "a.json")
    journal.cycles.save_stage(cycle.id, "surprise", "second")
    TransferService(journal).export_json(tmp_path / "b.json")
    assert TransferService(other).import_json(tmp_path / "b.json").updated == 1
    assert other.cycles.get(cycle.id).text("surprise") == "second"
    assert [v.text for v in other.cycles.stage_versions(cycle.id, "surprise")] == ["first"]


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["cycles"][0].update(status="finished"), "'status' must be one of"),
        (lambda d: d["cycles"][0].update(loop="quadruple"), "'loop' must be one of"),
        (lambda d: d["cycles"][0].update(domains=[]), "at least one domain"),
        (lambda d: d["cycles"][0].update(experiment_date="next week"), "should be a date"),
        (lambda d: d["cycles"][0].update(inquiry=str(uuid.uuid4())), "line of inquiry is neither"),
        (lambda d: d["cycles"][0].update(previous=str(uuid.uuid4())), "cycle it follows"),
        (lambda d: d["inquiries"][0].update(question=" "), "'question' is empty"),
    ],
)
def test_bad_cycles_are_refused_whole(
    journal: Journal, other: Journal, tmp_path: Path, mutate: Mutation, message: str
) -> None:
    inquiry = journal.cycles.create_inquiry("Q?")
    journal.cycles.start_cycle(inquiry.id, "kolb")
    journal.entries.create("An entry", "that must not arrive alone")
    document = TransferService(journal).document()
    mutate(document)
    with pytest.raises(ImportRejectedError, match=message):
        TransferService(other).import_json(_write(tmp_path / "bad.json", document))
    assert other.entries.count() == 0
    assert other.cycles.inquiries() == []


def test_a_version_1_file_still_imports(other: Journal, tmp_path: Path) -> None:
    document = {
        "format": "inquiry-journal",
        "version": 1,
        "entries": [
            {
                "id": str(uuid.uuid4()),
                "title": "Old",
                "body": "From the first format",
                "domains": ["team"],
                "tags": [],
                "created": "2026-01-02T09:00:00+00:00",
                "updated": "2026-01-02T09:00:00+00:00",
            }
        ],
    }
    assert TransferService(other).import_json(_write(tmp_path / "v1.json", document)).added == 1


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d["sessions"][0].update(kind="huddle"), "'kind' must be one of"),
        (lambda d: d["sessions"][0]["actions"][0].update(what=""), "'what' is empty"),
        (
            lambda d: d["sessions"][0]["actions"][0].update(
                evidence=[{"entry": str(uuid.uuid4())}]
            ),
            "evidence points to an entry or cycle",
        ),
        (lambda d: d["sessions"][0].update(held_on="soon"), "should be a date"),
        (lambda d: d["entries"][0].update(bring_to_supervision="yes"), "true or false"),
    ],
)
def test_bad_sessions_are_refused_whole(
    journal: Journal, other: Journal, tmp_path: Path, mutate: Mutation, message: str
) -> None:
    from app.demo import DemoJournal

    DemoJournal(journal).fill()
    document = TransferService(journal).document()
    mutate(document)
    with pytest.raises(ImportRejectedError, match=message):
        TransferService(other).import_json(_write(tmp_path / "bad.json", document))
    assert other.entries.count() == 0 and other.sessions.all() == []


def test_a_changed_flag_travels_without_moving_the_date(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    entry = journal.entries.create("Dilemma", "two pulls")
    TransferService(journal).export_json(tmp_path / "a.json")
    TransferService(other).import_json(tmp_path / "a.json")
    flagged = journal.entries.set_flags(entry.id, bring_to_supervision=True)
    assert flagged.updated == entry.updated  # flagging is not writing
    TransferService(journal).export_json(tmp_path / "b.json")
    result = TransferService(other).import_json(tmp_path / "b.json")
    assert result.updated == 1
    assert other.entries.get(entry.id).bring_to_supervision
    assert not TransferService(other).import_json(tmp_path / "b.json").changed_anything


@pytest.mark.parametrize(
    "table", ["entry_versions", "cycle_stage_versions", "FROM sessions", "contacts"]
)
def test_an_export_whose_reads_fail_says_so_in_plain_words(
    journal: Journal, tmp_path: Path, table: str
) -> None:
    journal.entries.create("Title", "one")
    with faults.reads_of(table), pytest.raises(StorageError) as failed:
        TransferService(journal).export_json(tmp_path / "e.json")
    assert str(failed.value) == (
        "The journal could not be saved or read: the disk could not be read or written "
        "(was a drive removed?)."
    )
    assert not (tmp_path / "e.json").exists()


def test_an_import_the_disk_refuses_half_way_keeps_nothing_and_says_so(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    journal.entries.create("Kept apart", "written before", [Domain.TEAM])
    TransferService(journal).export_json(tmp_path / "e.json")
    # The entry's row is written first; its domain, after it, is where the disk fails.
    with faults.reads_of("INTO entry_domains"), pytest.raises(StorageError) as failed:
        TransferService(other).import_json(tmp_path / "e.json")
    assert str(failed.value) == (
        "The import was not saved (the disk could not be read or written (was a drive "
        "removed?)); the journal is unchanged."
    )
    assert other.entries.count() == 0
