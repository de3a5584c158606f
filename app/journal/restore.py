"""Restoring a backup: into this journal's folder, or onto a new laptop with the recovery code.

The backup is taken out (into a work folder inside the journal folder) and checked (it opens
with the key, is whole, and is not from a newer version of the app) before anything of the
journal is touched. The journal as it was is then moved, never deleted, into a
`before-restore-<time>` folder beside it. The swap is recorded in `journal.pending.json`
first, so a crash half-way is finished on the next start (see app.journal.interrupted).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import OtherJournalBackupError, StorageError, WrongKeyError
from app.journal.interrupted import (
    RESTORING_NAME,
    Operation,
    Pending,
    begin,
    complete_restore,
    finish_interrupted,
    key_mode_for,
    undo_restore,
    work_folder,
)
from app.journal.opening import Journal, key_for, open_journal, validate_passphrase
from app.storage import engine as engine_mod
from app.storage.backup_file import BackupManifest, unpack_backup, verify_backup
from app.storage.files import describe_os_error
from app.storage.keys import JournalKey, KeyStore, Passphrase, RawKey
from app.storage.lock import operation_lock
from app.storage.meta import JournalMeta, journal_exists, read_meta
from app.storage.recovery_code import decode_recovery_code, encode_recovery_code
from app.storage.steps import step

Clock = Callable[[], datetime]
Announce = Callable[[str], None]
"""Shows a new recovery code to the person (called before the journal switches to it)."""


@dataclass(frozen=True)
class RestoredBackup:
    """A backup now in place; `kept_aside` holds the journal as it was (None if there was none)."""

    manifest: BackupManifest
    kept_aside: Path | None
    new_code: str | None = None
    """The new recovery code, when the restore set a new passphrase."""

    def describe(self) -> str:
        """One or two sentences for the person."""
        when = self.manifest.made_at.astimezone().strftime("%a %d %b %Y, %H:%M")
        message = f"Restored the backup made on {when}."
        if self.kept_aside is not None:
            message += f" Your journal as it was is kept in {self.kept_aside}."
        return message


def check_backup(backup: Path, key: JournalKey) -> BackupManifest:
    """Check, before closing anything, that the backup would restore with this key."""
    return verify_backup(backup, key).manifest


def restore_backup(
    folder: Path,
    backup: Path,
    key: JournalKey,
    key_store: KeyStore,
    *,
    new_passphrase: str | None = None,
    now: Clock | None = None,
    announce: Announce | None = None,
    replace_journal: bool = False,
) -> RestoredBackup:
    """Replace the (closed) journal in `folder` with the backup, opened with `key`.

    With a raw key the journal is kept in the keyring afterwards; with `new_passphrase` it is
    re-encrypted under that passphrase first, and its new recovery code is given to
    `announce` before the journal is switched. A backup of another journal than the one in
    `folder` is refused (OtherJournalBackupError) unless `replace_journal`. A refused backup
    leaves the folder as it was.
    """
    if new_passphrase is not None:
        validate_passphrase(new_passphrase)
    finish_interrupted(folder)
    made_folder = not folder.exists()
    try:
        work = work_folder(folder)
    except StorageError:
        _remove_new_folder(folder, made_folder)
        raise
    try:
        unpacked = unpack_backup(backup, key, work)
        if not replace_journal:
            refuse_another_journal(folder, backup, unpacked.manifest)
        keep_as: JournalKey = key
        new_code = None
        if new_passphrase is not None:
            keep_as = Passphrase(new_passphrase)
            step("restore: re-keying the unpacked copy")
            engine_mod.rekey(unpacked.db_file, key, keep_as)
            new_code = encode_recovery_code(
                engine_mod.derive_raw_key(unpacked.db_file, keep_as).value
            )
            if announce is not None:
                announce(new_code)
        meta = unpacked.meta.with_key_mode(key_mode_for(keep_as))
        if isinstance(keep_as, RawKey):
            step("restore: saving the key in the keyring")
            key_store.save(meta.journal_id, keep_as)
        stamp = (now or _utc_now)().astimezone(UTC).strftime("%Y-%m-%dT%H%M%SZ")
        kept = _swap_in(folder, unpacked.db_file, meta, stamp)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        _remove_new_folder(folder, made_folder)
        raise
    shutil.rmtree(work, ignore_errors=True)
    return RestoredBackup(unpacked.manifest, kept, new_code)


def refuse_another_journal(folder: Path, backup: Path, manifest: BackupManifest) -> None:
    """Raise OtherJournalBackupError when `folder` holds a journal the backup is not of.

    A folder with no journal (a new laptop) takes any backup.
    """
    if not journal_exists(folder):
        return
    mine = read_meta(folder).journal_id
    if manifest.journal_id != mine:
        raise OtherJournalBackupError(
            f"{backup.name} is a backup of another journal (id {manifest.journal_id[:8]}), "
            f"not of the journal in {folder} (id {mine[:8]}). Nothing was changed."
        )


def restore_with_recovery_code(
    folder: Path,
    backup: Path,
    code: str,
    key_store: KeyStore,
    new_passphrase: str | None = None,
    *,
    announce: Announce | None = None,
    replace_journal: bool = False,
) -> tuple[Journal, RestoredBackup, str | None]:
    """A new laptop: restore with the recovery code and open the journal.

    Without `new_passphrase` the key goes in this computer's keyring and the code stays the
    same; with one, the journal is protected by it and the new recovery code is returned
    (and given to `announce` before the journal is put in place). A wrong code writes
    nothing; nor does another journal's backup unless `replace_journal`.
    """
    raw = RawKey(decode_recovery_code(code))
    try:
        restored = restore_backup(
            folder,
            backup,
            raw,
            key_store,
            new_passphrase=new_passphrase,
            announce=announce,
            replace_journal=replace_journal,
        )
    except WrongKeyError:
        raise WrongKeyError(
            "That recovery code does not open this backup: it belongs to another journal, or "
            "to this one before its key changed. Check the code and the file. Nothing was "
            "written."
        ) from None
    journal = open_journal(folder, key_store, new_passphrase)
    return journal, restored, restored.new_code


def restore_with_kept_key(
    folder: Path, backup: Path, key_store: KeyStore
) -> tuple[Journal, RestoredBackup, None]:
    """Restore this journal's own backup with the key this laptop's keyring still keeps for
    it (journal.db lost or damaged, the keyring intact), so no recovery code is needed.

    KeyUnavailableError when the keyring has no key for it; another journal's backup, or one
    made under an older key, is refused with nothing written.
    """
    restored = restore_backup(folder, backup, key_for(folder, key_store), key_store)
    return open_journal(folder, key_store), restored, None


@dataclass(frozen=True)
class Reopened:
    """The journal open again after a restore: restored, or as it was with the problem."""

    journal: Journal
    restored: RestoredBackup | None
    problem: str = ""


def _swap_in(folder: Path, new_db: Path, meta: JournalMeta, stamp: str) -> Path | None:
    """Put the checked database (inside `folder`) and its journal.json in place, setting
    aside what is there.

    The intent is recorded first, so a crash at any later point is finished on the next
    start. Any failure puts the folder back as it was and raises StorageError.
    """
    incoming = folder / RESTORING_NAME
    with operation_lock(folder):
        try:
            with new_db.open("rb+") as handle:
                os.fsync(handle.fileno())
            step("restore: moving the checked copy beside the journal")
            new_db.replace(incoming)
        except OSError as exc:
            _remove(incoming)
            raise _storage_error(f"the backup could not be moved into {folder}", exc) from exc
        aside = _aside_folder(folder, stamp)
        pending = Pending(Operation.RESTORE, meta, staged=RESTORING_NAME, aside=aside.name)
        begin(folder, pending)
        try:
            complete_restore(folder, pending)
        except (OSError, StorageError) as exc:
            undo_restore(folder, pending)
            reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
            raise StorageError(
                f"The backup could not be put in place: {reason}. Your journal is as it was."
            ) from exc
    return aside if aside.is_dir() else None


def _aside_folder(folder: Path, stamp: str) -> Path:
    aside = folder / f"before-restore-{stamp}"
    n = 2
    while aside.exists():
        aside = folder / f"before-restore-{stamp}-{n}"
        n += 1
    return aside


def _storage_error(what: str, exc: OSError) -> StorageError:
    return StorageError(
        f"The backup could not be restored: {what} ({describe_os_error(exc)}). "
        "Your journal is as it was."
    )


def _remove_new_folder(folder: Path, made: bool) -> None:
    """A folder this restore made (a new laptop) goes again when the restore fails."""
    if made:
        shutil.rmtree(folder, ignore_errors=True)


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _utc_now() -> datetime:
    return datetime.now(UTC)
