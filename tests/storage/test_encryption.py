"""The journal is encrypted at rest, and the key is found, missed and recovered as people expect."""

from __future__ import annotations

import json
from pathlib import Path

import keyring
import pytest

from app.errors import JournalError, KeyUnavailableError, RecoveryCodeError, WrongKeyError
from app.journal.opening import Journal, create_journal, open_journal, recover_journal
from app.storage.keys import KEYRING_SERVICE, RawKey, SystemKeyring
from app.storage.meta import KeyMode, read_meta
from app.writing.domains import Domain

SECRET_TEXT = "Sister on Ward 7 said the handover felt rushed"


def _files_bytes(folder: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in sorted(folder.iterdir()) if p.name.startswith("journal.db")
    )


def test_file_is_not_plain_sqlite_and_holds_no_entry_text(journal: Journal) -> None:
    journal.entries.create("Huddle reflection", SECRET_TEXT, [Domain.TEAM], ["handover"])
    raw = _files_bytes(journal.folder)  # journal.db and its write-ahead log
    assert not journal.db_file.read_bytes().startswith(b"SQLite format 3\x00")
    for needle in (SECRET_TEXT, "Huddle reflection", "handover"):
        assert needle.encode() not in raw
        assert needle.encode("utf-16-le") not in raw
    journal.close()
    assert SECRET_TEXT.encode() not in _files_bytes(journal.folder)


def test_key_lives_in_the_keyring_as_hex_and_never_on_disk(journal: Journal) -> None:
    stored = keyring.get_password(KEYRING_SERVICE, journal.meta.journal_id)
    assert stored is not None and len(stored) == 64
    int(stored, 16)
    meta = json.loads((journal.folder / "journal.json").read_text())
    assert meta["key_mode"] == "keyring"
    assert meta["format_version"] == 1
    for path in journal.folder.iterdir():
        assert stored.encode() not in path.read_bytes()
        assert bytes.fromhex(stored) not in path.read_bytes()


def test_wrong_key_is_refused_clearly(journal: Journal, key_store: SystemKeyring) -> None:
    journal.close()
    keyring.set_password(KEYRING_SERVICE, journal.meta.journal_id, "ab" * 32)
    with pytest.raises(WrongKeyError, match="passphrase or key is wrong"):
        open_journal(journal.folder, key_store)


def test_wrong_passphrase_is_refused(journal_dir: Path, key_store: SystemKeyring) -> None:
    opened, _ = create_journal(journal_dir, key_store, passphrase="tea at ten past two")
    opened.entries.create("t", "b")
    opened.close()
    with pytest.raises(WrongKeyError):
        open_journal(journal_dir, key_store, "tea at ten past three")
    with pytest.raises(WrongKeyError, match="enter it"):
        open_journal(journal_dir, key_store, None)
    again = open_journal(journal_dir, key_store, "tea at ten past two")
    assert again.entries.count() == 1
    again.close()


def test_an_open_journal_checks_a_passphrase_against_its_file(
    journal_dir: Path, key_store: SystemKeyring, journal: Journal
) -> None:
    protected, _ = create_journal(
        journal_dir.with_name("protected"), key_store, "tea at ten past two"
    )
    try:
        protected.check_passphrase("tea at ten past two")
        with pytest.raises(WrongKeyError):
            protected.check_passphrase("tea at ten past three")
        with pytest.raises(WrongKeyError):
            protected.check_passphrase("")
        protected.entries.create("still", "works")  # the check leaves the journal open
        assert protected.entries.count() == 1
    finally:
        protected.close()
    with pytest.raises(JournalError, match="keyring"):
        journal.check_passphrase("anything at all")


def test_missing_keyring_means_passphrase_mode(
    journal_dir: Path, no_keyring: object, key_store: SystemKeyring
) -> None:
    assert not key_store.is_available()
    with pytest.raises(KeyUnavailableError, match="passphrase"):
        create_journal(journal_dir, key_store)
    assert not journal_dir.exists() or not any(journal_dir.iterdir())
    opened, code = create_journal(journal_dir, key_store, passphrase="a long enough phrase")
    assert read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE
    assert len(code.split("-")) == 11
    opened.close()


def test_short_passphrase_is_refused(journal_dir: Path, key_store: SystemKeyring) -> None:
    with pytest.raises(JournalError, match="at least 8"):
        create_journal(journal_dir, key_store, passphrase="short")
    assert not (journal_dir / "journal.json").exists()


def test_wiped_keyring_points_to_the_recovery_code(
    journal: Journal, key_store: SystemKeyring
) -> None:
    journal.close()
    keyring.delete_password(KEYRING_SERVICE, journal.meta.journal_id)
    with pytest.raises(KeyUnavailableError, match="recovery code"):
        open_journal(journal.folder, key_store)


def test_recovery_code_restores_the_key_to_the_keyring(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    opened, code = create_journal(journal_dir, key_store)
    entry = opened.entries.create("Kept", "still here")
    journal_id = opened.meta.journal_id
    opened.close()
    keyring.delete_password(KEYRING_SERVICE, journal_id)
    recovered, new_code = recover_journal(journal_dir, code, key_store)
    assert new_code is None
    assert recovered.entries.get(entry.id).body == "still here"
    recovered.close()
    reopened = open_journal(journal_dir, key_store)  # the keyring holds the key again
    assert reopened.entries.count() == 1
    reopened.close()


def test_recovery_into_passphrase_mode_on_a_laptop_without_keyring(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    from keyring.backends import fail

    opened, code = create_journal(journal_dir, key_store)
    opened.entries.create("Kept", "still here")
    opened.close()
    keyring.set_keyring(fail.Keyring())  # the new laptop has no keyring
    recovered, new_code = recover_journal(journal_dir, code, key_store, "new laptop phrase")
    assert new_code is not None and new_code != code
    recovered.close()
    assert read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE
    reopened = open_journal(journal_dir, key_store, "new laptop phrase")
    assert reopened.entries.summaries()[0].title == "Kept"
    assert reopened.recovery_code() == new_code
    reopened.close()
    with pytest.raises(WrongKeyError):
        recover_journal(journal_dir, code, key_store, "another phrase")  # the old code is void


def test_forgotten_passphrase_is_replaced_with_the_code(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    opened, code = create_journal(journal_dir, key_store, passphrase="first passphrase")
    opened.close()
    recovered, _ = recover_journal(journal_dir, code, key_store)  # back to the keyring
    recovered.close()
    assert read_meta(journal_dir).key_mode is KeyMode.KEYRING
    open_journal(journal_dir, key_store).close()


def test_mistyped_or_foreign_code_is_caught(
    journal_dir: Path, tmp_path: Path, key_store: SystemKeyring
) -> None:
    opened, code = create_journal(journal_dir, key_store)
    opened.close()
    other, other_code = create_journal(tmp_path / "other", key_store)
    other.close()
    typo = code[:-1] + ("A" if code[-1] != "A" else "B")
    with pytest.raises(RecoveryCodeError, match="typo"):
        recover_journal(journal_dir, typo, key_store)
    with pytest.raises(WrongKeyError, match="different journal"):
        recover_journal(journal_dir, other_code, key_store)


def test_any_working_backend_counts_and_fail_or_null_does_not() -> None:
    from keyring.backends import fail, null
    from keyrings.alt.file import PlaintextKeyring

    store = SystemKeyring()
    keyring.set_keyring(PlaintextKeyring())
    assert store.is_available()
    keyring.set_keyring(fail.Keyring())
    assert not store.is_available()
    keyring.set_keyring(null.Keyring())
    assert not store.is_available()


def test_raw_key_never_appears_in_repr() -> None:
    key = RawKey(bytes(range(32)))
    assert bytes(range(32)).hex() not in repr(key)
