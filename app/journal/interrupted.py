"""Operations that change several files, made whole again if the app died half-way.

A restore, a change of key (recovery with a new passphrase) and the creation of a journal
each write `journal.pending.json` (atomically) before their first change to the journal's
own files, and delete it after their last. The next start calls `finish_interrupted`, which
reads that file and rolls the operation forward (restore: the backup is already checked and
in the folder) or back (a re-key that had not switched yet, a journal still being created),
then removes what such operations leave behind (`.restoring`, `.rekeying`, `.tmp` and
`.partial` files, the restore's work folder). At every instant the journal opens as it was
or as it became, with a code or passphrase the person has already seen.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from app.errors import JournalError, StorageError
from app.json_fields import FieldReader, parse_json
from app.storage.files import describe_os_error, fsync_dir, write_atomically
from app.storage.keys import JournalKey, Passphrase, RawKey
from app.storage.meta import (
    DB_NAME,
    META_NAME,
    MISSING_OR_WRONG,
    JournalMeta,
    KeyMode,
    db_path,
    meta_from_json,
    meta_path,
    write_meta,
)
from app.storage.recovery_code import encode_recovery_code
from app.storage.steps import step

PENDING_NAME = "journal.pending.json"
WORK_FOLDER_NAME = ".restore-work"
"""Where a restore unpacks the backup: inside the journal folder, so a crash leaves nothing
in the system's temp folder and the next start removes it."""
RESTORING_NAME = ".journal.db.restoring"
REKEYING_NAME = ".journal.db.rekeying"
DB_FILES = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm")
"""The database and SQLite's companions, which must always move together."""
SET_ASIDE = (*DB_FILES, META_NAME)
_SIDE_SUFFIXES = ("", "-wal", "-shm", "-journal")


class Operation(StrEnum):
    """What was under way when `journal.pending.json` was written."""

    CREATE = "create"
    RESTORE = "restore"
    REKEY = "rekey"


@dataclass(frozen=True)
class Pending:
    """The intent recorded before an operation changes the journal's files.

    `meta` is journal.json as the operation leaves it; `staged` the name, in the folder, of
    the database that replaces journal.db; `aside` the folder a restore moves the old files to.
    """

    operation: Operation
    meta: JournalMeta
    staged: str = ""
    aside: str = ""

    def to_json(self) -> bytes:
        """The file's bytes (no secrets: ids, names and the key mode only)."""
        payload = {
            "operation": self.operation.value,
            "journal_id": self.meta.journal_id,
            "key_mode": self.meta.key_mode.value,
            "format_version": self.meta.format_version,
            "created": self.meta.created,
            "staged": self.staged,
            "aside": self.aside,
            "started": datetime.now(UTC).isoformat(timespec="seconds"),
            "pid": os.getpid(),
        }
        return (json.dumps(payload, indent=2) + "\n").encode("utf-8")


def begin(folder: Path, pending: Pending) -> None:
    """Record the intent durably; from now on the next start finishes or undoes it."""
    step(f"{pending.operation.value}: recording what is about to change")
    write_atomically(folder / PENDING_NAME, pending.to_json())


def end(folder: Path, pending: Pending) -> None:
    """The operation is complete: forget the intent."""
    step(f"{pending.operation.value}: done, forgetting the intent")
    _unlink(folder / PENDING_NAME)
    fsync_dir(folder)


def read_pending(folder: Path) -> Pending | None:
    """The recorded intent, or None; StorageError when the file cannot be read."""
    path = folder / PENDING_NAME
    try:
        raw = parse_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise StorageError(
            f"{path} (an unfinished restore or key change) could not be read ({exc}). "
            "Make a copy of the journal folder and ask for help; nothing was changed."
        ) from exc

    def damaged(problem: str) -> StorageError:
        return StorageError(f"{path} is damaged ({problem.rstrip('.')}); nothing was changed.")

    meta = meta_from_json(raw, damaged)
    read = FieldReader(damaged, MISSING_OR_WRONG)
    item = read.obj(raw)
    return Pending(
        read.choice(item, "operation", Operation),
        meta,
        read.text(item, "staged"),
        read.text(item, "aside"),
    )


def finish_interrupted(folder: Path) -> str | None:
    """Finish or undo an operation that a crash interrupted, and remove its leftovers.

    Returns one line for the person saying what was done, or None when nothing was. Does
    nothing while another process is in the middle of an operation on this journal.
    """
    if not folder.is_dir() or not _has_work(folder):
        return None
    from app.storage.lock import try_operation_lock

    lock = try_operation_lock(folder)
    if lock is None:
        return None  # alive and working: not interrupted
    try:
        message = _finish(folder)
        removed = remove_leftovers(folder)
    finally:
        lock.release()
    if message is None and removed:
        message = (
            "An earlier restore, backup or key change was interrupted before it changed "
            "your journal; its unfinished files were removed."
        )
    return message


def _finish(folder: Path) -> str | None:
    pending = read_pending(folder)
    if pending is None:
        return None
    try:
        if pending.operation is Operation.RESTORE:
            if not (folder / pending.staged).exists() and not db_path(folder).exists():
                # Someone removed the restored copy: only going back is possible.
                if not undo_restore(folder, pending):
                    raise StorageError(f"An interrupted restore in {folder} could not be undone.")
                return (
                    "A restore was interrupted and its restored copy has gone, so your journal "
                    "was put back as it was. Restore the backup again if you still want it."
                )
            complete_restore(folder, pending)
            where = folder / pending.aside
            kept = f" Your journal as it was is kept in {where}." if where.is_dir() else ""
            return f"A restore was interrupted; it has now been finished.{kept}"
        if pending.operation is Operation.REKEY:
            if (folder / pending.staged).exists():
                _undo_rekey(folder, pending)
                return (
                    "Setting a new passphrase was interrupted before it took effect; the "
                    "journal still opens with your recovery code. Run the recovery again."
                )
            complete_rekey(folder, pending)
            return (
                "Setting a new passphrase was interrupted; it has now been finished. The "
                "journal opens with the new passphrase and the new recovery code shown."
            )
        _undo_create(folder, pending)
        return "Creating a journal was interrupted, so the unfinished one was removed."
    except OSError as exc:
        raise StorageError(
            f"An interrupted {pending.operation.value} in {folder} could not be finished: "
            f"{describe_os_error(exc)}."
        ) from exc


def complete_restore(folder: Path, pending: Pending) -> None:
    """Move the old files aside, put the staged database in place, write journal.json.

    Each step checks what is already done, so this runs the same on first try and after a
    crash at any point (raises OSError or StorageError).
    """
    staged = folder / pending.staged
    if staged.exists():
        present = [folder / name for name in SET_ASIDE if (folder / name).exists()]
        if present:
            aside = folder / pending.aside
            aside.mkdir(exist_ok=True)
            for path in present:
                step(f"restore: moving {path.name} aside")
                path.replace(aside / path.name)
        step("restore: putting the restored journal.db in place")
        staged.replace(db_path(folder))
        fsync_dir(folder)
    step("restore: writing journal.json")
    write_meta(folder, pending.meta)
    end(folder, pending)


def undo_restore(folder: Path, pending: Pending) -> bool:
    """Put the journal back as it was after a failed (not crashed) restore.

    Each step leaves a state the next start could finish; if one fails, the intent is kept
    (so the next start finishes the restore) and False is returned.
    """
    staged, aside = folder / pending.staged, folder / pending.aside
    try:
        if not staged.exists() and db_path(folder).exists():
            db_path(folder).replace(staged)  # back to "not yet put in place"
        if aside.is_dir():
            for name in SET_ASIDE:
                if (aside / name).exists():
                    (aside / name).replace(folder / name)
        _unlink(folder / PENDING_NAME)
    except OSError:
        return False
    _remove_db(staged)
    with contextlib.suppress(OSError):
        aside.rmdir()
    fsync_dir(folder)
    return True


def rekey_beside(folder: Path, old: RawKey, new: Passphrase) -> str:
    """Copy journal.db beside itself and re-encrypt the copy under `new`.

    journal.db is untouched; returns the recovery code of the copy (what it will be once
    switched). The old file is first checkpointed, so the copy holds every save.
    """
    from app.storage import engine as engine_mod

    conn = engine_mod.connect(db_path(folder), old)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    staged = folder / REKEYING_NAME
    _remove_db(staged)
    try:
        step("rekey: copying journal.db")
        shutil.copyfile(db_path(folder), staged)
        _fsync_file(staged)
    except OSError as exc:
        _remove_db(staged)
        raise StorageError(
            f"The journal could not be copied to change its key: {describe_os_error(exc)}. "
            "Nothing was changed."
        ) from exc
    try:
        step("rekey: re-encrypting the copy")
        engine_mod.rekey(staged, old, new)
        _fsync_file(staged)
        return encode_recovery_code(engine_mod.derive_raw_key(staged, new).value)
    except (JournalError, OSError):
        _remove_db(staged)
        raise


def switch_rekeyed(folder: Path, meta: JournalMeta) -> None:
    """Replace journal.db by the re-keyed copy (one rename) and record the new key mode."""
    wal = folder / f"{DB_NAME}-wal"
    if wal.exists() and wal.stat().st_size > 0:
        _remove_db(folder / REKEYING_NAME)
        raise StorageError(
            "The journal is in use by another program, so its key was not changed. "
            "Close it and try again; nothing was changed."
        )
    pending = Pending(Operation.REKEY, meta, staged=REKEYING_NAME)
    begin(folder, pending)
    try:
        step("rekey: switching to the re-keyed journal.db")
        (folder / REKEYING_NAME).replace(db_path(folder))
        fsync_dir(folder)
    except OSError as exc:
        _undo_rekey(folder, pending)
        raise StorageError(
            f"The journal's key could not be changed: {describe_os_error(exc)}. "
            "Nothing was changed; it still opens with your recovery code."
        ) from exc
    complete_rekey(folder, pending)


def complete_rekey(folder: Path, pending: Pending) -> None:
    """After the switch: journal.json records the new key mode; the intent is forgotten."""
    step("rekey: writing journal.json")
    write_meta(folder, pending.meta)
    end(folder, pending)


def _undo_rekey(folder: Path, pending: Pending) -> None:
    # The intent goes first: a staged file with no intent is only a leftover.
    _unlink(folder / PENDING_NAME)
    fsync_dir(folder)
    _remove_db(folder / pending.staged)


def _undo_create(folder: Path, pending: Pending) -> None:
    """A journal that was never finished (its recovery code never shown) is removed."""
    meta_file = meta_path(folder)
    try:
        named = parse_json(meta_file.read_text(encoding="utf-8")).get("journal_id")
    except (OSError, ValueError, AttributeError):
        named = pending.meta.journal_id  # unreadable or absent: ours, half-written
    if named != pending.meta.journal_id:
        # journal.json names another journal: not ours to remove; forget the intent only.
        _unlink(folder / PENDING_NAME)
        return
    _remove_db(db_path(folder))
    _unlink(meta_file)
    _unlink(folder / PENDING_NAME)
    fsync_dir(folder)


def work_folder(folder: Path) -> Path:
    """A fresh, empty folder inside the journal folder for a restore to unpack into."""
    work = folder / WORK_FOLDER_NAME
    shutil.rmtree(work, ignore_errors=True)
    try:
        work.mkdir(parents=True)
    except OSError as exc:
        raise StorageError(
            f"The backup could not be restored: the folder {work} could not be made "
            f"({describe_os_error(exc)}). Your journal is as it was."
        ) from exc
    return work


def remove_leftovers(folder: Path) -> list[Path]:
    """Delete what interrupted operations leave behind; returns what was removed."""
    found = [p for p in _leftovers(folder) if p.exists()]
    for path in found:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            _unlink(path)
    return found


def _has_work(folder: Path) -> bool:
    return (folder / PENDING_NAME).exists() or any(p.exists() for p in _leftovers(folder))


def _leftovers(folder: Path) -> list[Path]:
    names = [WORK_FOLDER_NAME, f".{META_NAME}.tmp", f".{PENDING_NAME}.tmp"]
    names += [RESTORING_NAME + s for s in _SIDE_SUFFIXES]
    names += [REKEYING_NAME + s for s in _SIDE_SUFFIXES]
    paths = [folder / name for name in names]
    return paths + _partial_backups(folder)


def _partial_backups(folder: Path) -> list[Path]:
    """This journal's backups that were being written (the checked ones are renamed)."""
    from app.journal.backup_settings import default_folder, read_settings
    from app.storage.meta import BACKUP_SUFFIX

    try:
        journal_id = parse_json(meta_path(folder).read_text(encoding="utf-8"))["journal_id"]
        short = str(journal_id).replace("-", "")[:8].lower()
    except (OSError, ValueError, KeyError, TypeError):
        return []
    folders = [default_folder(folder)]
    with contextlib.suppress(JournalError):
        folders.append(read_settings(folder).folder_for(folder))
    pattern = f".inquiry-journal-{short}-*{BACKUP_SUFFIX}.partial"
    found: list[Path] = []
    for where in dict.fromkeys(folders):
        with contextlib.suppress(OSError):
            found += where.glob(pattern)
    return found


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def _remove_db(path: Path) -> None:
    for suffix in ("-wal", "-shm", ""):
        _unlink(path.with_name(path.name + suffix))


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def key_mode_for(key: JournalKey) -> KeyMode:
    """How a journal opened with `key` keeps it."""
    return KeyMode.KEYRING if isinstance(key, RawKey) else KeyMode.PASSPHRASE
