"""The personal dictionary in the JSON export: written whole, merged without losing a private
mark, and old files without it still import."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.journal.opening import Journal, create_journal
from app.storage.keys import SystemKeyring
from app.transfer import TransferService
from tests.support.digest import content_digest

_EARLY = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


@pytest.fixture
def other(tmp_path: Path, key_store: SystemKeyring) -> Iterator[Journal]:
    opened, _ = create_journal(tmp_path / "other", key_store)
    yield opened
    opened.close()


def _words(journal: Journal) -> list[tuple[str, bool, datetime]]:
    return [(w.word, w.private, w.added_at) for w in journal.dictionary.words()]


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_the_export_holds_every_word_and_another_journal_gets_them_back(
    journal: Journal, other: Journal, tmp_path: Path
) -> None:
    journal.dictionary.add("deprescribing", private=False)
    journal.dictionary.add("Okonkwo", private=True)
    journal.dictionary.add("co-production", private=False)
    TransferService(journal).export_json(tmp_path / "e.json")
    document = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert [(w["word"], w["private"]) for w in document["dictionary"]] == [
        ("co-production", False),
        ("deprescribing", False),
        ("Okonkwo", True),
    ]
    added = {w.word: w.added_at for w in journal.dictionary.words()}
    assert all(
        datetime.fromisoformat(w["added"]) == added[w["word"]] for w in document["dictionary"]
    )

    result = TransferService(other).import_json(tmp_path / "e.json")
    assert result.added == 3
    assert _words(other) == _words(journal)
    before = content_digest(other)
    assert not TransferService(other).import_json(tmp_path / "e.json").changed_anything
    assert content_digest(other) == before


def test_a_word_already_here_stays_and_is_private_if_either_copy_says_so(
    other: Journal, tmp_path: Path
) -> None:
    other.dictionary.add("Okonkwo", private=False)
    other.dictionary.add("huddle", private=True)
    here = {w.word: w.added_at for w in other.dictionary.words()}
    document = {
        "format": "inquiry-journal",
        "version": 6,
        "dictionary": [
            {"word": "Okonkwo", "private": True, "added": _EARLY.isoformat()},
            {"word": "huddle", "private": False, "added": _EARLY.isoformat()},
            {"word": "deprescribing", "private": False, "added": _EARLY.isoformat()},
        ],
    }
    result = TransferService(other).import_json(_write(tmp_path / "f.json", document))
    assert (result.added, result.updated, result.unchanged) == (1, 1, 1)
    assert _words(other) == [
        ("deprescribing", False, _EARLY),
        ("huddle", True, here["huddle"]),
        ("Okonkwo", True, here["Okonkwo"]),
    ]


def test_a_word_differing_only_in_capitals_is_another_word(other: Journal, tmp_path: Path) -> None:
    other.dictionary.add("Bloom", private=True)
    document = {
        "format": "inquiry-journal",
        "version": 6,
        "dictionary": [{"word": "bloom", "private": False, "added": _EARLY.isoformat()}],
    }
    TransferService(other).import_json(_write(tmp_path / "f.json", document))
    assert [(w, p) for w, p, _ in _words(other)] == [("Bloom", True), ("bloom", False)]


@pytest.mark.parametrize("version", [1, 5])
def test_an_older_file_without_a_dictionary_imports(
    other: Journal, tmp_path: Path, version: int
) -> None:
    other.dictionary.add("Okonkwo", private=True)
    document = {
        "format": "inquiry-journal",
        "version": version,
        "entries": [
            {
                "id": "00000000-0000-0000-0000-000000000001",
                "title": "Huddle",
                "body": "I asked first.",
                "domains": ["team"],
                "tags": [],
                "created": _EARLY.isoformat(),
                "updated": _EARLY.isoformat(),
            }
        ],
    }
    result = TransferService(other).import_json(_write(tmp_path / "old.json", document))
    assert result.added == 1
    assert other.entries.all_ids() == ["00000000-0000-0000-0000-000000000001"]
    assert [w for w, _, _ in _words(other)] == ["Okonkwo"]
