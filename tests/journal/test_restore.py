"""Restoring: the journal as it was is kept aside; a backup that does not fit changes nothing."""

from __future__ import annotations

import errno
import os
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

from app.errors import (
    BackupError,
    NewerJournalError,
    OtherJournalBackupError,
    RecoveryCodeError,
    StorageError,
    WrongKeyError,
)
from app.journal import interrupted as interrupted_mod
from app.journal.opening import Journal, create_journal, open_journal
from app.journal.restore import restore_backup, restore_with_recovery_code
from app.storage.engine import connect
from app.storage.keys import KEYRING_SERVICE, RawKey, SystemKeyring
from app.storage.meta import KeyMode, db_path, read_meta
from app.storage.recovery_code import encode_recovery_code
from app.storage.schema import SCHEMA_HEAD
from tests.support.backups import folder_digest, rezip_with, titles_in, unzip_db
from tests.support.data import NOW, PASSPHRASE
from tests.support.journals import entry_titles

LATER = datetime(2025, 3, 13, 9, 0, tzinfo=UTC)


@pytest.fixture
def backed_up(journal: Journal, tmp_path: Path) -> Path:
    """The journal holds "Before" and "After"; the backup only "Before". The journal is closed."""
    journal.entries.create("Before", "In the backup.")
    backup = journal.backups.write_to(tmp_path / "monday.ijbackup", NOW).path
    journal.entries.create("After", "Only in the journal.")
    journal.close()
    return backup


def test_restore_brings_the_backup_back_and_keeps_the_journal_aside(
    journal: Journal, backed_up: Path, key_store: SystemKeyring
) -> None:
    restored = restore_backup(journal.folder, backed_up, journal.key, key_store, now=lambda: LATER)

    assert restored.kept_aside == journal.folder / "before-restore-2025-03-13T090000Z"
    assert "Restored the backup made on" in restored.describe()
    reopened = open_journal(journal.folder, key_store)
    try:
        assert entry_titles(reopened) == ["Before"]
        assert reopened.integrity_problems() == []
    finally:
        reopened.close()
    aside = restored.kept_aside
    assert sorted(p.name for p in aside.iterdir()) == ["journal.db", "journal.json"]
    assert titles_in(aside / "journal.db", journal.key) == ["After", "Before"]


def test_a_restored_backup_holds_the_personal_dictionary_as_it_was(
    journal: Journal, tmp_path: Path, key_store: SystemKeyring
) -> None:
    journal.dictionary.add("deprescribing", private=False)
    journal.dictionary.add("Okonkwo", private=True)
    backup = journal.backups.write_to(tmp_path / "monday.ijbackup", NOW).path
    journal.dictionary.remove("Okonkwo")
    journal.dictionary.add("huddled", private=False)
    journal.close()
    assert b"Okonkwo" not in backup.read_bytes()  # the copy inside is encrypted too

    restore_backup(journal.folder, backup, journal.key, key_store, now=lambda: LATER)
    reopened = open_journal(journal.folder, key_store)
    try:
        assert [(w.word, w.private) for w in reopened.dictionary.words()] == [
            ("deprescribing", False),
            ("Okonkwo", True),
        ]
    finally:
        reopened.close()


def test_a_passphrase_journal_restores_with_its_passphrase(
    journal_dir: Path, no_keyring: object, tmp_path: Path
) -> None:
    store = SystemKeyring()
    journal, _code = create_journal(journal_dir, store, PASSPHRASE)
    journal.entries.create("Before", "")
    backup = journal.backups.take(NOW).record.path
    journal.entries.create("After", "")
    reopened = journal.backups.restore(backup, store)
    try:
        assert reopened.problem == ""
        assert entry_titles(reopened.journal) == ["Before"]
        assert read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE
    finally:
        reopened.journal.close()


def test_a_backup_of_another_journal_is_refused_and_nothing_changes(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    other, _ = create_journal(tmp_path / "other", key_store)
    other.entries.create("Not mine", "")
    foreign = other.backups.write_to(tmp_path / "other.ijbackup", NOW).path
    other.close()
    mine, _ = create_journal(tmp_path / "mine", key_store)
    mine.entries.create("Mine", "")
    mine.close()
    before = folder_digest(mine.folder)

    with pytest.raises(WrongKeyError, match="does not open with this journal's key"):
        restore_backup(mine.folder, foreign, mine.key, key_store)

    assert folder_digest(mine.folder) == before


def test_a_backup_from_a_newer_version_is_refused_and_nothing_changes(
    journal: Journal, backed_up: Path, key_store: SystemKeyring, tmp_path: Path
) -> None:
    db = unzip_db(backed_up, tmp_path / "work")
    conn = connect(db, journal.key)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    newer = rezip_with(backed_up, tmp_path / "from-the-future.ijbackup", db)
    before = folder_digest(journal.folder)

    with pytest.raises(NewerJournalError, match="newer version of Inquiry Journal"):
        restore_backup(journal.folder, newer, journal.key, key_store)

    assert folder_digest(journal.folder) == before


@pytest.mark.parametrize("damage", ["cut short", "not a backup"])
def test_a_damaged_or_foreign_file_is_refused_and_nothing_changes(
    journal: Journal, backed_up: Path, key_store: SystemKeyring, tmp_path: Path, damage: str
) -> None:
    bad = tmp_path / "bad.ijbackup"
    if damage == "cut short":
        bad.write_bytes(backed_up.read_bytes()[: backed_up.stat().st_size // 2])
    else:
        bad.write_text("minutes of the team meeting", encoding="utf-8")
    before = folder_digest(journal.folder)
    with pytest.raises(BackupError, match="is not an Inquiry Journal backup, or it is damaged"):
        restore_backup(journal.folder, bad, journal.key, key_store)
    assert folder_digest(journal.folder) == before


def test_a_disk_that_fills_during_restore_leaves_the_journal_as_it_was(
    journal: Journal, backed_up: Path, key_store: SystemKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = folder_digest(journal.folder)

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)  # the unpacked copy cannot be made durable
    with pytest.raises(StorageError, match="the disk is full"):
        restore_backup(journal.folder, backed_up, journal.key, key_store)
    assert folder_digest(journal.folder) == before


def test_a_failure_after_setting_aside_puts_the_journal_back(
    journal: Journal, backed_up: Path, key_store: SystemKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = folder_digest(journal.folder)

    def refuse(*_args: object) -> None:
        raise StorageError("Could not write journal.json: permission was refused")

    monkeypatch.setattr(interrupted_mod, "write_meta", refuse)
    with pytest.raises(StorageError, match="Your journal is as it was"):
        restore_backup(journal.folder, backed_up, journal.key, key_store)
    assert folder_digest(journal.folder) == before
    assert not list(journal.folder.glob("before-restore-*"))


def test_restore_and_reopen_reopens_the_journal_as_it_was_when_refused(
    journal: Journal, key_store: SystemKeyring, tmp_path: Path
) -> None:
    journal.entries.create("Still here", "")
    not_a_backup = tmp_path / "notes.ijbackup"
    not_a_backup.write_text("hello", encoding="utf-8")
    reopened = journal.backups.restore(not_a_backup, key_store)
    try:
        assert "not an Inquiry Journal backup" in reopened.problem
        assert reopened.restored is None
        assert entry_titles(reopened.journal) == ["Still here"]
    finally:
        reopened.journal.close()


def test_an_older_backup_is_restored_and_brought_up_to_date(
    journal_dir: Path, key_store: SystemKeyring, tmp_path: Path
) -> None:
    from tests.support.old_journals import SAMPLE_ID, journal_at

    old = tmp_path / "old"
    journal_at(old, "0005", key_store)
    old_journal = open_journal(old, key_store)  # migrates, after a backup at 0005
    [backup] = (old / "backups").glob("*-before-update-0005.ijbackup")
    key = old_journal.key
    old_journal.close()
    create_journal(journal_dir, key_store)[0].close()
    restored = restore_backup(journal_dir, backup, key, key_store, replace_journal=True)
    assert restored.manifest.schema == "0005"
    reopened = open_journal(journal_dir, key_store)
    try:
        assert reopened.entries.get(SAMPLE_ID).body == "Asked before telling."
        with reopened.engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        assert version == SCHEMA_HEAD
    finally:
        reopened.close()


def _same_passphrase_journals(tmp_path: Path, store: SystemKeyring) -> tuple[Journal, Path]:
    """Journal A (open, holding "Mine"), and a backup of journal B holding "Theirs"; both are
    protected by the same passphrase, so B's backup opens with A's key."""
    theirs, _ = create_journal(tmp_path / "theirs", store, PASSPHRASE)
    theirs.entries.create("Theirs", "")
    backup = theirs.backups.write_to(tmp_path / "theirs.ijbackup", NOW).path
    theirs.close()
    mine, _ = create_journal(tmp_path / "mine", store, PASSPHRASE)
    mine.entries.create("Mine", "")
    return mine, backup


def test_another_journals_backup_that_opens_with_the_key_is_refused(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    mine, backup = _same_passphrase_journals(tmp_path, key_store)
    mine.close()
    before = folder_digest(mine.folder)
    with pytest.raises(OtherJournalBackupError, match=r"theirs.ijbackup is a backup of another"):
        restore_backup(mine.folder, backup, mine.key, key_store)
    assert folder_digest(mine.folder) == before
    reopened = open_journal(mine.folder, key_store, PASSPHRASE).backups.restore(backup, key_store)
    try:
        assert "is a backup of another journal" in reopened.problem
        assert entry_titles(reopened.journal) == ["Mine"]
    finally:
        reopened.journal.close()


def test_another_journals_backup_replaces_this_one_only_when_chosen(
    tmp_path: Path, key_store: SystemKeyring
) -> None:
    mine, backup = _same_passphrase_journals(tmp_path, key_store)
    theirs_id = read_meta(tmp_path / "theirs").journal_id
    reopened = mine.backups.restore(backup, key_store, replace_journal=True)
    try:
        assert reopened.problem == ""
        assert entry_titles(reopened.journal) == ["Theirs"]
        assert read_meta(mine.folder).journal_id == theirs_id
    finally:
        reopened.journal.close()
    assert reopened.restored is not None and reopened.restored.kept_aside is not None
    assert titles_in(reopened.restored.kept_aside / "journal.db", mine.key) == ["Mine"]


# -- a new laptop ------------------------------------------------------------------------------


@pytest.fixture
def from_old_laptop(tmp_path: Path, key_store: SystemKeyring) -> tuple[Path, str, str]:
    """A backup made on the old laptop, its recovery code and journal id; this laptop's keyring
    does not hold the key."""
    journal, code = create_journal(tmp_path / "old laptop", key_store)
    journal.entries.create("From the old laptop", "")
    backup = journal.backups.write_to(tmp_path / "OneDrive" / "journal.ijbackup", NOW)
    journal.close()
    keyring.delete_password(KEYRING_SERVICE, journal.meta.journal_id)
    return backup.path, code, journal.meta.journal_id


@pytest.fixture(autouse=True)
def onedrive(tmp_path: Path) -> None:
    (tmp_path / "OneDrive").mkdir()


def test_a_new_laptop_restores_with_the_recovery_code_and_keeps_the_key(
    journal_dir: Path, key_store: SystemKeyring, from_old_laptop: tuple[Path, str, str]
) -> None:
    backup, code, journal_id = from_old_laptop
    journal, restored, new_code = restore_with_recovery_code(journal_dir, backup, code, key_store)
    try:
        assert entry_titles(journal) == ["From the old laptop"]
        assert new_code is None and journal.recovery_code() == code
        assert restored.kept_aside is None
    finally:
        journal.close()
    assert read_meta(journal_dir).journal_id == journal_id
    assert key_store.load(journal_id) is not None
    open_journal(journal_dir, key_store).close()  # opens from this laptop's keyring now


def test_a_wrong_recovery_code_writes_nothing(
    journal_dir: Path, key_store: SystemKeyring, from_old_laptop: tuple[Path, str, str]
) -> None:
    backup, _code, journal_id = from_old_laptop
    someone_elses = encode_recovery_code(RawKey.generate().value)
    with pytest.raises(WrongKeyError, match="That recovery code does not open this backup"):
        restore_with_recovery_code(journal_dir, backup, someone_elses, key_store)
    with pytest.raises(RecoveryCodeError, match="11 groups of 5"):
        restore_with_recovery_code(journal_dir, backup, "ABCDE-12345", key_store)
    assert not journal_dir.exists()
    assert key_store.load(journal_id) is None


def test_a_new_laptop_without_a_keyring_sets_a_passphrase_and_gets_a_new_code(
    journal_dir: Path, from_old_laptop: tuple[Path, str, str], no_keyring: object
) -> None:
    backup, code, _journal_id = from_old_laptop
    store = SystemKeyring()
    journal, _restored, new_code = restore_with_recovery_code(
        journal_dir, backup, code, store, PASSPHRASE
    )
    journal.close()
    assert new_code is not None and new_code != code
    assert read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE
    reopened = open_journal(journal_dir, store, PASSPHRASE)
    try:
        assert entry_titles(reopened) == ["From the old laptop"]
        assert reopened.recovery_code() == new_code
    finally:
        reopened.close()


def test_a_lost_database_is_restored_with_the_key_the_keyring_keeps(
    journal: Journal, key_store: SystemKeyring
) -> None:
    from app.journal.restore import restore_with_kept_key

    journal.entries.create("Huddle", "Asked first.")
    backup = journal.backups.take(datetime(2026, 3, 1, 9, 0, tzinfo=UTC)).record.path
    folder = journal.folder
    journal.close()
    db_path(folder).unlink()
    reopened, restored, new_code = restore_with_kept_key(folder, backup, key_store)
    try:
        assert [s.title for s in reopened.entries.summaries()] == ["Huddle"]
        assert new_code is None and restored.manifest.journal_id == reopened.meta.journal_id
    finally:
        reopened.close()
