"""One way in for imported files: a JSON export or a package, told apart by their first bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import JournalError
from app.journal.opening import Journal, open_journal
from app.sharing import package
from app.storage.keys import SystemKeyring
from app.transfer import TransferService
from app.transfer.incoming import ImportCancelled, IncomingKind, incoming_kind, read_package
from tests.support.digest import file_digest


def test_kind_goes_by_the_first_bytes(tmp_path: Path) -> None:
    zipped, text = tmp_path / "a.ijshare", tmp_path / "a.txt"
    zipped.write_bytes(b"PK\x03\x04rest")
    text.write_bytes(b'{"format": "inquiry-journal"}')
    assert incoming_kind(zipped) is IncomingKind.PACKAGE
    assert incoming_kind(text) is IncomingKind.JSON
    with pytest.raises(JournalError, match="could not be read"):
        incoming_kind(tmp_path / "missing.ijshare")


def test_a_package_over_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = tmp_path / "big.ijshare"
    big.write_bytes(b"PK" + b"\0" * 100)
    monkeypatch.setattr(package, "MAX_PACKAGE_BYTES", 50)
    with pytest.raises(JournalError, match="larger than Inquiry Journal accepts"):
        read_package(big)


def test_a_json_export_imports_and_a_cancel_changes_nothing(
    journal: Journal, tmp_path: Path, key_store: SystemKeyring
) -> None:
    for n in range(5):
        journal.entries.create(f"Entry {n}", "Text")
    export = tmp_path / "export.json"
    TransferService(journal).export_json(export)
    target_folder = tmp_path / "target"
    from app.journal.opening import create_journal

    target, _ = create_journal(target_folder, key_store)
    before = file_digest(target)
    target = open_journal(target_folder, key_store)

    def cancel(done: int, total: int) -> None:
        if done == 3:
            raise ImportCancelled

    with pytest.raises(ImportCancelled):
        TransferService(target).import_file(export, cancel)
    assert target.entries.count() == 0
    assert file_digest(target) == before

    target = open_journal(target_folder, key_store)
    seen: list[tuple[int, int]] = []
    outcome = TransferService(target).import_file(
        export, lambda done, total: seen.append((done, total))
    )
    assert (outcome.kind, outcome.changed, outcome.items) == ("json", True, 5)
    assert outcome.message.startswith("Imported: 5 added")
    assert seen[-1] == (5, 5)
    again = TransferService(target).import_file(export)
    assert not again.changed and "Nothing to import" in again.message
    target.close()


def test_an_empty_file_is_refused_as_empty(tmp_path: Path) -> None:
    empty = tmp_path / "from-sam.ijshare"
    empty.write_bytes(b"")
    with pytest.raises(JournalError, match=r"from-sam\.ijshare is empty: there is nothing in it"):
        incoming_kind(empty)
