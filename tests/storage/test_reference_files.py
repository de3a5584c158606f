"""This release's files still open with today's code, and released migrations never change.

tests/reference/v0.1.0-schema0010/ was written once by tests/reference/make_reference.py and is
never regenerated (see the README's design note). Every test works on a copy in tmp: opening a
journal may migrate it, and the committed files must stay as that release wrote them.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.journal.opening import Journal, open_journal
from app.journal.restore import restore_backup
from app.sharing.exchange import ExchangeService
from app.sharing.keys import read_card
from app.sharing.records import Role
from app.sharing.workspace import WorkspaceService
from app.storage.keys import RawKey, SystemKeyring
from app.storage.schema import SCHEMA_HEAD, current_revision
from app.transfer import TransferService
from tests.support.backups import folder_digest

REFERENCE = Path(__file__).resolve().parents[1] / "reference"
V010 = REFERENCE / "v0.1.0-schema0010"
MIGRATIONS = Path(__file__).resolve().parents[2] / "app" / "storage" / "migrations" / "versions"
MIGRATION_NAME = re.compile(r"^(\d{4})_\w+\.py$")

JOURNAL_PHRASE = "Reference journal phrase: the lighthouse kept a ledger of gulls."
SHARE_PHRASE = "Reference share phrase: the heron counted the tide twice."
CYCLE_PHRASE = "Reference cycle phrase: the kettle sang before anyone spoke."
FEEDBACK_PHRASE = "Reference feedback phrase: quiet orchards grow patient questions."
BACKUP_PHRASE = "Reference backup phrase: copper kettles remember the frost."
EXPORT_PHRASE = "Reference export phrase: the violet ferry left at noon."
PARTICIPANT = "Robin Testfield (fictional participant)"
COACH = "Morgan Fieldnote (fictional coach)"


@pytest.fixture(autouse=True)
def committed_files_untouched() -> Iterator[None]:
    """Every test leaves the committed reference files exactly as the release wrote them."""
    manifest = REFERENCE / "migrations.sha256"
    before = folder_digest(V010), manifest.read_bytes()
    yield
    after = folder_digest(V010), manifest.read_bytes()
    assert after == before, "a test changed a committed reference file"


def _keys() -> dict[str, str]:
    keys: dict[str, str] = json.loads((V010 / "KEYS-TEST-ONLY.json").read_text("utf-8"))
    return keys


def _participant(tmp_path: Path, key_store: SystemKeyring) -> Journal:
    """A copy of the participant's journal, opened with its raw key (kept in the test keyring)."""
    keys = _keys()
    folder = shutil.copytree(V010 / "participant-journal", tmp_path / "participant")
    key_store.save(
        keys["participant_journal_id"], RawKey(bytes.fromhex(keys["participant_raw_key_hex"]))
    )
    return open_journal(folder, key_store)


def _coach(tmp_path: Path, key_store: SystemKeyring) -> Journal:
    """A copy of the coach's journal, opened with its passphrase."""
    folder = shutil.copytree(V010 / "coach-journal", tmp_path / "coach")
    return open_journal(folder, key_store, _keys()["coach_passphrase"])


def _bodies(journal: Journal) -> set[str]:
    return {entry.body for entry in journal.entries.all_records()}


def test_the_participant_journal_opens_with_its_key_and_holds_its_entries_and_cycle(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    journal = _participant(tmp_path, key_store)
    try:
        assert _bodies(journal) == {JOURNAL_PHRASE, SHARE_PHRASE}
        [cycle] = journal.cycles.all_records()
        assert cycle.id == _keys()["cycle_id"] and cycle.title == "Slow mornings"
        assert {s.stage_id: s.text for s in cycle.stages}["surprise"] == CYCLE_PHRASE
        assert journal.sharing.identity().card.fingerprint == _keys()["participant_fingerprint"]
        assert [c.name for c in journal.sharing.contacts(Role.COACH)] == [COACH]
        assert current_revision(journal.engine) == SCHEMA_HEAD
        assert journal.integrity_problems() == []
    finally:
        journal.close()


def test_the_coach_journal_opens_with_its_passphrase(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    journal = _coach(tmp_path, key_store)
    try:
        identity = journal.sharing.identity()
        assert (identity.name, identity.card.fingerprint) == (COACH, _keys()["coach_fingerprint"])
        assert WorkspaceService(journal).shared_items() == []
        assert journal.integrity_problems() == []
    finally:
        journal.close()


def test_the_share_package_imports_into_the_coach_journal(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    coach = _coach(tmp_path, key_store)
    try:
        result = ExchangeService(coach).import_package(
            (V010 / "participant-share.ijshare").read_bytes()
        )
        assert result.changed and f"Imported 2 shared items from {PARTICIPANT}" in result.message
        assert result.fingerprint == _keys()["participant_fingerprint"]
        items = {item.item_id: item for item in WorkspaceService(coach).shared_items()}
        assert set(items) == {_keys()["shared_entry_id"], _keys()["cycle_id"]}
        assert items[_keys()["shared_entry_id"]].content == SHARE_PHRASE
        assert CYCLE_PHRASE in items[_keys()["cycle_id"]].content
        assert all(JOURNAL_PHRASE not in item.content for item in items.values())
    finally:
        coach.close()


def test_the_feedback_package_imports_into_the_participant_journal(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    participant = _participant(tmp_path, key_store)
    try:
        result = ExchangeService(participant).import_package(
            (V010 / "coach-feedback.ijshare").read_bytes()
        )
        assert result.message == f"Imported 1 comment from {COACH}."
        received = ExchangeService(participant).comments_on(_keys()["shared_entry_id"])
        assert [(c.body, c.mine) for c in received] == [(FEEDBACK_PHRASE, False)]
    finally:
        participant.close()


def test_the_card_pairs(journal: Journal) -> None:
    card = read_card((V010 / "coach.ijcard").read_bytes())
    contact = journal.sharing.add(card, Role.COACH)
    assert (contact.name, contact.fingerprint) == (COACH, _keys()["coach_fingerprint"])
    assert journal.sharing.find(COACH, Role.COACH).fingerprint == contact.fingerprint


def test_the_backup_restores(tmp_path: Path, key_store: SystemKeyring) -> None:
    keys = _keys()
    key = RawKey(bytes.fromhex(keys["participant_raw_key_hex"]))
    backup = shutil.copy(V010 / "participant.ijbackup", tmp_path / "copy.ijbackup")
    folder = tmp_path / "restored"
    restored = restore_backup(folder, Path(backup), key, key_store)
    assert restored.manifest.journal_id == keys["participant_journal_id"]
    journal = open_journal(folder, key_store)
    try:
        assert _bodies(journal) == {JOURNAL_PHRASE, SHARE_PHRASE, BACKUP_PHRASE}
        bodies = [c.body for c in ExchangeService(journal).comments_on(keys["shared_entry_id"])]
        assert bodies == [FEEDBACK_PHRASE]
        assert journal.integrity_problems() == []
    finally:
        journal.close()


def test_the_export_imports(journal: Journal, tmp_path: Path) -> None:
    export = Path(shutil.copy(V010 / "participant-export.json", tmp_path / "export.json"))
    document: dict[str, Any] = json.loads(export.read_text("utf-8"))
    assert (document["format"], document["version"]) == ("inquiry-journal", 5)
    result = TransferService(journal).import_json(export)
    assert result.changed_anything
    assert _bodies(journal) == {JOURNAL_PHRASE, SHARE_PHRASE, BACKUP_PHRASE, EXPORT_PHRASE}
    [cycle] = journal.cycles.all_records()
    assert {s.stage_id: s.text for s in cycle.stages}["surprise"] == CYCLE_PHRASE
    bodies = [c.body for c in ExchangeService(journal).comments_on(_keys()["shared_entry_id"])]
    assert bodies == [FEEDBACK_PHRASE]


def migration_digest(path: Path) -> str:
    """SHA-256 of a migration script with its line endings normalised (a Windows checkout)."""
    return hashlib.sha256(path.read_bytes().replace(b"\r\n", b"\n")).hexdigest()


def read_manifest(path: Path) -> dict[str, str]:
    """The recorded digests, by file name, from a `sha256sum`-style manifest."""
    recorded: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            digest, name = line.split(maxsplit=1)
            recorded[name] = digest
    return recorded


def changed_migrations(folder: Path, recorded: dict[str, str]) -> list[str]:
    """What differs from the manifest: released scripts edited or removed, or a new script
    numbered at or below the newest released one (slipped in among released history)."""
    problems = []
    newest = max(int(name[:4]) for name in recorded)
    for name, digest in sorted(recorded.items()):
        path = folder / name
        if not path.is_file():
            problems.append(f"{name} was removed")
        elif migration_digest(path) != digest:
            problems.append(f"{name} was edited")
    for path in sorted(folder.glob("*.py")):
        match = MIGRATION_NAME.match(path.name)
        if match and path.name not in recorded and int(match.group(1)) <= newest:
            problems.append(f"{path.name} was inserted among released migrations")
    return problems


def test_released_migrations_never_change() -> None:
    recorded = read_manifest(REFERENCE / "migrations.sha256")
    problems = changed_migrations(MIGRATIONS, recorded)
    assert not problems, (
        f"{'; '.join(problems)}: released migrations never change; add a new one "
        "(journals already migrated by the old script would never see the edit)."
    )


def test_each_reference_set_comes_with_its_migrations_pinned() -> None:
    recorded = read_manifest(REFERENCE / "migrations.sha256")
    for reference_set in REFERENCE.glob("v*-schema*"):
        head = int(reference_set.name.rsplit("-schema", 1)[1])
        on_disk = {p.name for p in MIGRATIONS.glob("*.py") if MIGRATION_NAME.match(p.name)}
        unpinned = sorted(n for n in on_disk if int(n[:4]) <= head and n not in recorded)
        assert not unpinned, (
            f"{reference_set.name} was written by migrations {unpinned}, which are not in "
            "tests/reference/migrations.sha256: record them when the release is made."
        )


def test_an_edited_migration_is_caught(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(MIGRATIONS, tmp_path / "versions"))
    recorded = read_manifest(REFERENCE / "migrations.sha256")
    assert changed_migrations(folder, recorded) == []
    crlf = folder / "0002_inquiries_and_cycles.py"
    crlf.write_bytes(crlf.read_bytes().replace(b"\n", b"\r\n"))
    assert changed_migrations(folder, recorded) == []  # a Windows checkout is not an edit
    edited = folder / "0003_full_text_search.py"
    edited.write_text(edited.read_text("utf-8") + "\n# tweaked\n", "utf-8")
    (folder / "0001_initial.py").unlink()
    (folder / "0005_sneaked_in.py").write_text("revision = '0005b'\n", "utf-8")
    (folder / "0011_next_release.py").write_text("revision = '0011'\n", "utf-8")
    assert changed_migrations(folder, recorded) == [
        "0001_initial.py was removed",
        "0003_full_text_search.py was edited",
        "0005_sneaked_in.py was inserted among released migrations",
    ]


def test_the_maker_refuses_to_regenerate_an_existing_set(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.reference import make_reference

    monkeypatch.setattr(make_reference, "folder_name", lambda: V010.name)
    assert make_reference.main() == 1
    assert "never regenerated" in capsys.readouterr().out
