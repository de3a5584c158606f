"""JSON export and import: complete, idempotent, all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.domains import Domain
from app.errors import ImportRejectedError
from app.journal import Journal, create_journal
from app.storage.keys import SystemKeyring
from app.transfer import export_document, export_json, import_json


@pytest.fixture
def other(tmp_path: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    opened, _ = create_journal(tmp_path / "other", key_store)
    yield opened
    opened.close()


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_export_holds_versions_trash_and_every_field(journal: Journal, tmp_path: Path) -> None:
    entry = journal.entries.create("Title", "one", [Domain.INDIVIDUAL], ["solo"])
    journal.entries.save(entry.id, title="Title", body="two", domains=[Domain.TEAM], tags=["x"])
    gone = journal.entries.create("Gone", "trashed")
    journal.entries.trash(gone.id)
    count = export_json(journal, tmp_path / "e.json")
    document = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert count == 2
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
    export_json(journal, tmp_path / "e.json")
    result = import_json(other, tmp_path / "e.json")
    assert (result.added, result.updated) == (1, 0)
    assert export_document(other)["entries"] == export_document(journal)["entries"]
    assert not import_json(other, tmp_path / "e.json").changed_anything


def test_newer_copy_in_the_file_updates_and_keeps_the_old_text(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    entry = journal.entries.create("T", "first")
    export_json(journal, tmp_path / "old.json")
    import_json(other, tmp_path / "old.json")
    journal.entries.save(entry.id, title="T", body="second", domains=[], tags=[])
    export_json(journal, tmp_path / "new.json")
    result = import_json(other, tmp_path / "new.json")
    assert result.updated == 1
    assert other.entries.get(entry.id).body == "second"
    assert [v.body for v in other.entries.versions(entry.id)] == ["first"]
    # The older file no longer overwrites the newer entry.
    assert import_json(other, tmp_path / "old.json").kept_newer == 1
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
    document = export_document(journal)
    mutate(document)
    with pytest.raises(ImportRejectedError, match=message):
        import_json(other, _write(tmp_path / "bad.json", document))
    assert other.entries.count() == 0  # nothing from the good entries either


def test_not_json_and_not_utf8_are_explained(other: Journal, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ImportRejectedError, match="not UTF-8"):
        import_json(other, tmp_path / "a.json")
    (tmp_path / "b.json").write_text("{'single': 'quotes'}", encoding="utf-8")
    with pytest.raises(ImportRejectedError, match="not valid JSON"):
        import_json(other, tmp_path / "b.json")
    with pytest.raises(ImportRejectedError, match="could not be read"):
        import_json(other, tmp_path / "missing.json")
