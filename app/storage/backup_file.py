"""The `.ijbackup` file: one journal's encrypted database and its journal.json, in one file.

A backup is a plain zip, stored uncompressed (the database is encrypted, so it would not
compress), holding three members:

- `backup.json`: what the backup is (journal id, when and why it was made, schema revision);
- `journal.json`: the journal's own label, as it was;
- `journal.db`: a copy made with SQLite's online backup API, keyed with the journal's key *and
  salt*, so the journal's key, its passphrase and its recovery code all open it.

Nothing in it is readable without the key. Unzipped, `journal.db` opens in SQLCipher's own
tools just like the journal itself.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from app import __version__
from app.errors import (
    BackupError,
    JournalError,
    NewerJournalError,
    NotAJournalError,
    StorageError,
    WrongKeyError,
)
from app.json_fields import FieldReader
from app.storage import connection as connection_mod
from app.storage.files import describe_os_error, fsync_dir, open_private
from app.storage.keys import JournalKey, RawKey
from app.storage.meta import BACKUP_SUFFIX as BACKUP_SUFFIX  # re-exported for the backup code
from app.storage.meta import DB_NAME, META_NAME, JournalMeta, meta_path, read_meta
from app.storage.steps import step

if TYPE_CHECKING:
    from sqlalchemy import Engine

BACKUP_FORMAT = 1
MANIFEST_NAME = "backup.json"
_SALT_BYTES = 16
_CHUNK = 1024 * 1024
# The most page cache a check may take (given back when it ends).
_CHECK_CACHE_BYTES = 256 * 1024 * 1024
# A backup's time must be one every clock and time zone can show: year 1 or 9999 with an
# offset would overflow when turned into local time, after a restore had already happened.
_EARLIEST_MADE_AT = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST_MADE_AT = datetime(9000, 1, 1, tzinfo=UTC)

WRONG_KEY = (
    "This backup does not open with this journal's key: it is a backup of another journal, or "
    "it was made before this journal's key or passphrase changed. Nothing was changed."
)


class BackupKind(StrEnum):
    """Why a backup was made."""

    REGULAR = "regular"
    BEFORE_UPDATE = "before-update"


@dataclass(frozen=True)
class BackupManifest:
    """What `backup.json` says about a backup."""

    journal_id: str
    made_at: datetime
    kind: BackupKind
    schema: str
    app_version: str = __version__
    entries: int | None = None
    """How many entries (trashed ones too) the backup holds; None in backups made before
    this was recorded."""
    cycles: int | None = None
    """How many cycles the backup holds (None: not recorded)."""

    def holds_more_than(self, entries: int, cycles: int) -> bool | None:
        """True if the backup holds entries or cycles a journal with these counts lacks;
        None when the backup does not say what it holds."""
        if self.entries is None or self.cycles is None:
            return None
        return self.entries > entries or self.cycles > cycles

    def to_json(self) -> bytes:
        """The manifest as written into the backup."""
        payload = {
            "app": "inquiry-journal",
            "backup_format": BACKUP_FORMAT,
            "journal_id": self.journal_id,
            "made_at": self.made_at.isoformat(timespec="seconds"),
            "kind": self.kind.value,
            "schema": self.schema,
            "app_version": self.app_version,
        }
        if self.entries is not None and self.cycles is not None:
            payload["entries"] = self.entries
            payload["cycles"] = self.cycles
        return (json.dumps(payload, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True)
class UnpackedBackup:
    """A backup taken out into a working folder and checked: it opens and is whole."""

    manifest: BackupManifest
    meta: JournalMeta
    revision: str
    db_file: Path


def write_backup(
    engine: Engine, key: JournalKey, folder: Path, target: Path, manifest: BackupManifest
) -> None:
    """Back up the journal in `folder` (open on `engine`) to `target`, then check the file.

    The file appears under its name only once it has been written and opened again with the
    key; a file that fails that check is deleted and BackupError raised.
    """
    from app.storage.lock import operation_lock  # filelock loads only when a backup is made

    with operation_lock(folder):  # so a start-up clean-up never takes this .partial
        _write_checked(engine, key, folder, target, manifest)


def _write_checked(
    engine: Engine, key: JournalKey, folder: Path, target: Path, manifest: BackupManifest
) -> None:
    partial = target.with_name(f".{target.name}.partial")
    db_file = folder / DB_NAME
    try:
        meta_bytes = meta_path(folder).read_bytes()
    except OSError as exc:
        raise BackupError(
            f"The journal's {META_NAME} could not be read: {describe_os_error(exc)}."
        ) from exc
    raw = key if isinstance(key, RawKey) else connection_mod.derive_raw_key(db_file, key)
    step("backup: copying the journal, to be packed under a working name")
    with (
        tempfile.TemporaryDirectory(prefix="inquiry-journal-backup-") as work,
        ThreadPoolExecutor(max_workers=2) as pool,
    ):
        # Two checks, each where it finds what it looks for, on the cores the copying leaves:
        # - SQLite's walk of every table and index reads the journal itself while it is
        #   copied (the copy holds the same pages, so a fault in them is the journal's);
        # - SQLCipher's check of every page under the key reads the copy while it is packed
        #   (what copying or the disk can get wrong is a page's bytes).
        # Only once both pass, and the package reads back as the bytes that were checked,
        # does it get its name.
        structure = pool.submit(_journal_problems, db_file, raw)
        try:
            online_copy(engine, raw, db_file, copy := Path(work) / DB_NAME)
        except BackupError:
            structure.result()
            raise
        checking = pool.submit(check_copy, copy, raw, target.name)
        try:
            _pack(partial, manifest, meta_bytes, copy)
        except OSError as exc:
            _remove(partial)
            with contextlib.suppress(JournalError):
                checking.result()
            raise _storage_error(target, exc) from exc
        journal_problems = structure.result()
        if journal_problems:
            _remove(partial)
            with contextlib.suppress(JournalError):
                checking.result()
            raise BackupError(
                f"Your journal did not pass SQLite's check ({journal_problems[0]}), so no "
                "backup was made from it: one made now could not be restored. Your journal "
                "and your earlier backups are unchanged; make a copy of the journal's folder "
                "before changing anything, then restore your last backup."
            )
        try:
            _check_package(partial, Path(work) / "package")
            checking.result()
        except JournalError as exc:
            _remove(partial)
            raise BackupError(
                f"The backup was written to {target.parent} but did not open again as a "
                f"whole journal ({exc}), so it was deleted. Your journal is unchanged; try "
                "again, or choose another backup folder."
            ) from exc
    try:
        step("backup: naming the checked file")
        partial.replace(target)
    except OSError as exc:
        _remove(partial)
        raise _storage_error(target, exc) from exc
    fsync_dir(target.parent)


def _journal_problems(db_file: Path, key: RawKey) -> list[str]:
    """SQLite's integrity check of the live journal, on a connection of its own."""
    try:
        conn = connection_mod.connect(db_file, key)
    except JournalError as exc:
        return [str(exc)]
    try:
        return _integrity_problems(conn)
    finally:
        conn.close()


def _pack(partial: Path, manifest: BackupManifest, meta_bytes: bytes, copy: Path) -> None:
    """Write the package (stored, not compressed: the pages are encrypted) and fsync it."""
    with open_private(partial) as handle:
        with zipfile.ZipFile(handle, "w", zipfile.ZIP_STORED) as archive:
            archive.writestr(MANIFEST_NAME, manifest.to_json())
            archive.writestr(META_NAME, meta_bytes)
            member = zipfile.ZipInfo.from_file(copy, DB_NAME)
            with copy.open("rb") as source, archive.open(member, "w") as packed:
                shutil.copyfileobj(source, packed, _CHUNK)
        handle.flush()
        os.fsync(handle.fileno())


def _check_package(path: Path, work: Path) -> None:
    """Read the written package back as a restore would: its manifest and journal.json parse,
    and every member matches the checksum taken as it was written (so journal.db holds the
    bytes that were checked)."""
    manifest = read_manifest(path)
    try:
        with zipfile.ZipFile(path) as archive:
            damaged = archive.testzip()
            if damaged is None:
                work.mkdir()
                (work / META_NAME).write_bytes(archive.read(META_NAME))
    except OSError as exc:
        raise BackupError(f"{path.name} could not be read: {describe_os_error(exc)}.") from exc
    except (zipfile.BadZipFile, KeyError) as exc:
        raise BackupError(f"{path.name} is damaged ({exc}).") from exc
    if damaged is not None:
        raise BackupError(f"{path.name} is damaged: its {damaged} reads back changed.")
    _read_packed_meta(path, manifest, work)


def verify_backup(path: Path, key: JournalKey) -> UnpackedBackup:
    """Open the backup with `key` and run the integrity checks; raise if anything is wrong."""
    with tempfile.TemporaryDirectory(prefix="inquiry-journal-verify-") as work:
        return unpack_backup(path, key, Path(work))


def read_manifest(path: Path) -> BackupManifest:
    """Read a backup's `backup.json` (no key needed); BackupError if it is not a backup."""
    try:
        with zipfile.ZipFile(path) as archive:
            raw = archive.read(MANIFEST_NAME)
    except FileNotFoundError:
        raise BackupError(f"There is no file {path}.") from None
    except OSError as exc:
        raise BackupError(f"{path} could not be read: {describe_os_error(exc)}.") from exc
    except (zipfile.BadZipFile, KeyError):
        raise BackupError(
            f"{path.name} is not an Inquiry Journal backup, or it is damaged (cut short?)."
        ) from None
    return _parse_manifest(raw, path)


def unpack_backup(path: Path, key: JournalKey, work: Path) -> UnpackedBackup:
    """Take the backup out into `work` and check it opens with `key`, is whole, and is not
    from a newer version of the app. Nothing outside `work` is written."""
    manifest = read_manifest(path)
    db_file = work / DB_NAME
    try:
        with zipfile.ZipFile(path) as archive:
            for name in (META_NAME, DB_NAME):
                with archive.open(name) as source, open_private(work / name) as copy:
                    shutil.copyfileobj(source, copy, _CHUNK)
    except OSError as exc:
        raise BackupError(f"{path.name} could not be read: {describe_os_error(exc)}.") from exc
    except (zipfile.BadZipFile, KeyError) as exc:
        raise BackupError(
            f"{path.name} is damaged ({exc}); choose another backup. Nothing was changed."
        ) from exc
    meta = _read_packed_meta(path, manifest, work)
    revision = check_database(db_file, key, path.name)
    return UnpackedBackup(manifest, meta, revision, db_file)


def check_database(db_file: Path, key: JournalKey, name: str, *, read_only: bool = False) -> str:
    """Open a backup's database with `key` and run SQLite's and SQLCipher's integrity checks;
    return its schema revision, or raise (`name` is the backup's, for messages).

    With `read_only` the file is left exactly as it is (it must be in rollback mode, as a
    copy made by `online_copy` is).
    """
    conn = _open_checked(db_file, key, read_only=read_only)
    try:
        revision = _revision(conn, name)
        with ThreadPoolExecutor(max_workers=1) as pool:
            # SQLCipher's page check reads the file on its own, so it runs on another core
            # (sqlcipher3 lets go of the GIL) while SQLite's walks the tables here.
            pages = pool.submit(_page_problems, db_file, key, read_only=read_only)
            problems = _integrity_problems(conn) + pages.result()
    finally:
        conn.close()
    _raise_if_damaged(name, problems)
    return revision


def check_copy(db_file: Path, key: JournalKey, name: str) -> str:
    """Check a copy just made by `online_copy` from a journal that passed SQLite's check:
    it opens with `key`, holds a journal this version knows, and every page is whole under
    the key (SQLCipher's check). Return its schema revision, or raise; the file is left
    exactly as it is.
    """
    conn = _open_checked(db_file, key, read_only=True)
    try:
        revision = _revision(conn, name)
        try:
            rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        except sqlcipher3.Error as exc:
            rows = [(str(exc),)]
    finally:
        conn.close()
    _raise_if_damaged(name, [str(r[0]) for r in rows])
    return revision


def _open_checked(db_file: Path, key: JournalKey, *, read_only: bool) -> sqlcipher3.Connection:
    open_db = connection_mod.connect_read_only if read_only else connection_mod.connect
    try:
        return open_db(db_file, key)
    except WrongKeyError:
        raise WrongKeyError(WRONG_KEY) from None


def _raise_if_damaged(name: str, problems: list[str]) -> None:
    if problems:
        raise BackupError(
            f"{name} is damaged ({problems[0]}); choose another backup. Nothing was changed."
        )


def _read_packed_meta(path: Path, manifest: BackupManifest, work: Path) -> JournalMeta:
    """The journal.json taken out of the backup at `path` into `work`, checked."""
    try:
        meta = read_meta(work)
    except NewerJournalError:
        raise NewerJournalError(
            f"{path.name} was made by a newer version of Inquiry Journal. Please update the "
            "app to restore it. Nothing was changed."
        ) from None
    except NotAJournalError:
        raise BackupError(f"{path.name} is damaged: its {META_NAME} is unreadable.") from None
    if meta.journal_id != manifest.journal_id:
        raise BackupError(f"{path.name} is damaged: its parts belong to different journals.")
    return meta


def online_copy(engine: Engine, key: JournalKey, db_file: Path, copy: Path) -> None:
    """SQLite's online backup API, into a file keyed with the journal's key and salt."""
    try:
        with db_file.open("rb") as handle:
            salt = handle.read(_SALT_BYTES)
    except OSError as exc:
        raise BackupError(f"The journal could not be read: {describe_os_error(exc)}.") from exc
    raw = key if isinstance(key, RawKey) else connection_mod.derive_raw_key(db_file, key)
    target = sqlcipher3.connect(str(copy), check_same_thread=False)
    try:
        target.execute("PRAGMA cipher_log_level = NONE")
        target.execute(f"PRAGMA key = \"x'{raw.value.hex()}{salt.hex()}'\"")
        # A working copy, never the one kept: the package it goes into is synced instead.
        target.execute("PRAGMA synchronous = OFF")
        pooled = engine.raw_connection()
        try:
            source = pooled.driver_connection
            assert source is not None  # a pooled connection that is checked out is open
            source.backup(target)
        finally:
            pooled.close()
        # One self-contained file: no write-ahead log beside it.
        target.execute("PRAGMA journal_mode = DELETE")
    except sqlcipher3.Error as exc:
        raise BackupError(f"The backup could not be made: {connection_mod.explain(exc)}.") from exc
    finally:
        target.close()


def _revision(conn: sqlcipher3.Connection, name: str) -> str:
    from app.storage.ready import SCHEMA_HEAD
    from app.storage.schema import known_revisions

    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlcipher3.Error:
        row = None
    if row is None:
        raise BackupError(f"{name} holds no journal. Nothing was changed.")
    revision = str(row[0])
    if revision != SCHEMA_HEAD and revision not in known_revisions():
        raise NewerJournalError(
            f"{name} was made by a newer version of Inquiry Journal (schema {revision}). "
            "Please update the app to restore it. Nothing was changed."
        )
    return revision


def _integrity_problems(conn: sqlcipher3.Connection) -> list[str]:
    """SQLite's integrity check: every table, index, the free list and FTS5's search index."""
    try:
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        # The check reads most pages more than once (each index against its table): a page
        # cache that holds the whole file decrypts each page once, and halves the time.
        cache = min(pages + 16, _CHECK_CACHE_BYTES // page_size)
        conn.execute(f"PRAGMA cache_size = {cache}")
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except sqlcipher3.Error as exc:
        return [str(exc)]
    return [str(r[0]) for r in rows if str(r[0]).lower() != "ok"]


def _page_problems(db_file: Path, key: JournalKey, *, read_only: bool) -> list[str]:
    """SQLCipher's check that every page (free ones too) is whole under the key, on a
    connection of its own."""
    try:
        if read_only:
            conn = connection_mod.connect_read_only(db_file, key)
        else:
            conn = connection_mod.connect(db_file, key)
    except JournalError as exc:
        return [str(exc)]
    try:
        return [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    except sqlcipher3.Error as exc:
        return [str(exc)]
    finally:
        conn.close()


def _parse_manifest(raw: bytes, path: Path) -> BackupManifest:
    def damaged(_problem: str) -> BackupError:
        # One message for every fault: the person can only choose another file.
        return BackupError(f"{path.name} is not an Inquiry Journal backup, or it is damaged.")

    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        raise damaged("not JSON") from None
    read = FieldReader(damaged)
    item = read.obj(data)
    if item.get("app") != "inquiry-journal":
        raise damaged("not ours")
    version = read.integer(item, "backup_format")
    if version > BACKUP_FORMAT:
        raise NewerJournalError(
            f"{path.name} was made by a newer version of Inquiry Journal. Please update "
            "the app to restore it. Nothing was changed."
        )
    made_at = read.moment(item, "made_at", years=None, keep_zone=True)
    if not _EARLIEST_MADE_AT <= made_at < _LATEST_MADE_AT:
        raise damaged("a time no clock could have shown")
    return BackupManifest(
        journal_id=read.text(item, "journal_id"),
        made_at=made_at,
        kind=read.choice(item, "kind", BackupKind),
        schema=read.text(item, "schema"),
        app_version=read.text(item, "app_version", optional=True),
        entries=read.maybe_integer(item, "entries", minimum=0),
        cycles=read.maybe_integer(item, "cycles", minimum=0),
    )


def _storage_error(target: Path, exc: OSError) -> StorageError:
    return StorageError(
        f"The backup could not be written to {target.parent}: {describe_os_error(exc)}. "
        "Your journal is unchanged."
    )


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
