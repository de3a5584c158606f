"""Restoring a backup: into this journal's folder, or onto a new laptop with the recovery code.

The backup is taken out and checked (it opens with the key, is whole, and is not from a newer
version of the app) before anything in the journal folder is touched. The journal as it was
is then moved, never deleted, into a `before-restore-<time>` folder beside it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.errors import JournalError, OtherJournalBackupError, StorageError, WrongKeyError
from app.journal import Journal, open_journal, validate_passphrase
from app.recovery import decode_recovery_code
from app.storage import engine as engine_mod
from app.storage.backup_file import BackupManifest, unpack_backup, verify_backup
from app.storage.files import describe_os_error, fsync_dir
from app.storage.keys import JournalKey, KeyStore, Passphrase, RawKey
from app.storage.meta import (
    DB_NAME,
    META_NAME,
    JournalMeta,
    KeyMode,
    db_path,
    journal_exists,
    read_meta,
    write_meta,
)

_INCOMING = ".journal.db.restoring"
_SET_ASIDE = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", META_NAME)

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class RestoredBackup:
    """A backup now in place; `kept_aside` holds the journal as it was (None if there was none)."""

    manifest: BackupManifest
    kept_aside: Path | None

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
    replace_journal: bool = False,
) -> RestoredBackup:
    """Replace the (closed) journal in `folder` with the backup, opened with `key`.

    With a raw key the journal is kept in the keyring afterwards; with `new_passphrase` it is
    re-encrypted under that passphrase first. A backup of another journal than the one in
    `folder` is refused (OtherJournalBackupError) unless `replace_journal`. A refused backup
    leaves the folder as it was.
    """
    if new_passphrase is not None:
        validate_passphrase(new_passphrase)
    with tempfile.TemporaryDirectory(prefix="inquiry-journal-restore-") as work:
        unpacked = unpack_backup(backup, key, Path(work))
        if not replace_journal:
            refuse_another_journal(folder, backup, unpacked.manifest)
        keep_as: JournalKey = key
        if new_passphrase is not None:
            keep_as = Passphrase(new_passphrase)
            engine_mod.rekey(unpacked.db_file, key, keep_as)
        mode = KeyMode.KEYRING if isinstance(keep_as, RawKey) else KeyMode.PASSPHRASE
        meta = unpacked.meta.with_key_mode(mode)
        if isinstance(keep_as, RawKey):
            key_store.save(meta.journal_id, keep_as)
        stamp = (now or _utc_now)().astimezone(UTC).strftime("%Y-%m-%dT%H%M%SZ")
        kept = _swap_in(folder, unpacked.db_file, meta, stamp)
    return RestoredBackup(unpacked.manifest, kept)


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
    replace_journal: bool = False,
) -> tuple[Journal, RestoredBackup, str | None]:
    """A new laptop: restore with the recovery code and open the journal.

    Without `new_passphrase` the key goes in this computer's keyring and the code stays the
    same; with one, the journal is protected by it and the new recovery code is returned.
    A wrong code writes nothing; nor does another journal's backup unless `replace_journal`.
    """
    raw = RawKey(decode_recovery_code(code))
    try:
        restored = restore_backup(
            folder,
            backup,
            raw,
            key_store,
            new_passphrase=new_passphrase,
            replace_journal=replace_journal,
        )
    except WrongKeyError:
        raise WrongKeyError(
            "That recovery code does not open this backup: it belongs to another journal, or "
            "to this one before its key changed. Check the code and the file. Nothing was "
            "written."
        ) from None
    journal = open_journal(folder, key_store, new_passphrase)
    new_code = journal.recovery_code() if new_passphrase is not None else None
    return journal, restored, new_code


@dataclass(frozen=True)
class Reopened:
    """The journal open again after a restore: restored, or as it was with the problem."""

    journal: Journal
    restored: RestoredBackup | None
    problem: str = ""


def restore_and_reopen(
    journal: Journal, backup: Path, key_store: KeyStore, *, replace_journal: bool = False
) -> Reopened:
    """Close the journal, restore the backup in its place and open the result.

    `replace_journal`: the person chose to replace this journal by another one's backup.
    If the backup is refused or the restore fails, the journal is opened again as it was and
    the problem is returned (any other failure still raises).
    """
    folder, key = journal.folder, journal.key
    journal.close()
    try:
        restored = restore_backup(folder, backup, key, key_store, replace_journal=replace_journal)
    except JournalError as exc:
        return Reopened(_open_again(folder, key, key_store), None, str(exc))
    return Reopened(_open_again(folder, key, key_store), restored)


def _open_again(folder: Path, key: JournalKey, key_store: KeyStore) -> Journal:
    passphrase = key.value if isinstance(key, Passphrase) else None
    return open_journal(folder, key_store, passphrase)


def _swap_in(folder: Path, new_db: Path, meta: JournalMeta, stamp: str) -> Path | None:
    """Put the checked database and its journal.json in `folder`, setting aside what is there.

    Any failure puts the folder back as it was and raises StorageError.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _storage_error(f"the folder {folder} could not be made", exc) from exc
    incoming = folder / _INCOMING
    try:
        shutil.copyfile(new_db, incoming)
        with incoming.open("rb+") as handle:
            os.fsync(handle.fileno())
    except OSError as exc:
        _remove(incoming)
        raise _storage_error(f"the backup could not be copied into {folder}", exc) from exc
    present = [folder / name for name in _SET_ASIDE if (folder / name).exists()]
    aside = _aside_folder(folder, stamp) if present else None
    moved: list[Path] = []
    placed = False
    try:
        if aside is not None:
            aside.mkdir()
            for path in present:
                path.replace(aside / path.name)
                moved.append(path)
        incoming.replace(db_path(folder))
        placed = True
        write_meta(folder, meta)
    except (OSError, StorageError) as exc:
        _put_back(folder, incoming, aside, moved, placed=placed)
        reason = describe_os_error(exc) if isinstance(exc, OSError) else str(exc)
        raise StorageError(
            f"The backup could not be put in place: {reason}. Your journal is as it was."
        ) from exc
    fsync_dir(folder)
    return aside


def _put_back(
    folder: Path, incoming: Path, aside: Path | None, moved: list[Path], *, placed: bool
) -> None:
    """Undo a half-done swap: the journal's own files go back where they were."""
    _remove(incoming)
    if placed:
        _remove(db_path(folder))  # the restored copy; the backup file still has it
    if aside is None:
        return
    for path in moved:
        with contextlib.suppress(OSError):
            (aside / path.name).replace(path)
    with contextlib.suppress(OSError):
        aside.rmdir()


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


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _utc_now() -> datetime:
    return datetime.now(UTC)
