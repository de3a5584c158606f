"""Backups on a schedule: where they go, how often, how many are kept, and which are due.

The settings live in `backups.json` in the journal folder. Backups are named
`inquiry-journal-<first 8 of the journal id>-<UTC time>.ijbackup` (plus
`-before-update-<revision>` for the copy made before a schema migration), so a folder can be
listed, and old backups rotated, from the names alone: a OneDrive folder's files need not be
downloaded to decide. Before a file is deleted its own `backup.json` must name this journal.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from app.errors import BackupError, JournalError, StorageError
from app.journal.backup_settings import DEFAULT_FOLDER_NAME as DEFAULT_FOLDER_NAME
from app.journal.backup_settings import DEFAULT_KEEP as DEFAULT_KEEP
from app.journal.backup_settings import MAX_KEEP as MAX_KEEP
from app.journal.backup_settings import SETTINGS_NAME as SETTINGS_NAME
from app.journal.backup_settings import BackupInterval as BackupInterval
from app.journal.backup_settings import BackupSettings as BackupSettings
from app.journal.backup_settings import default_folder as default_folder
from app.journal.backup_settings import read_settings as read_settings
from app.journal.backup_settings import save_settings as save_settings
from app.storage.backup_file import (
    BACKUP_SUFFIX,
    BackupKind,
    BackupManifest,
    read_manifest,
    write_backup,
)
from app.storage.connection import explain
from app.storage.files import PRIVATE_FOLDER, describe_os_error
from app.storage.keys import JournalKey, KeyStore, Passphrase
from app.storage.meta import JournalMeta
from app.storage.ready import SCHEMA_HEAD
from app.storage.schema import current_revision

if TYPE_CHECKING:
    from app.journal.opening import Journal
    from app.journal.restore import Reopened

_NAME = re.compile(
    r"^inquiry-journal-(?P<short>[0-9a-f]{8})-(?P<stamp>\d{4}-\d{2}-\d{2}T\d{6}Z)"
    r"(?:-before-update-(?P<revision>[0-9A-Za-z_]+))?(?:-(?P<n>\d+))?"
    + re.escape(BACKUP_SUFFIX)
    + "$"
)
_STAMP = "%Y-%m-%dT%H%M%SZ"


@dataclass(frozen=True)
class BackupRecord:
    """One backup file of a journal, as its name describes it."""

    path: Path
    made_at: datetime
    kind: BackupKind
    size: int
    updated_from: str = ""
    """For a backup made before an update: the schema revision it was updated from."""

    def describe(self) -> str:
        """ "Wed 12 Mar 2025, 09:00" in local time, with why it was made if not routine."""
        when = self.made_at.astimezone().strftime("%a %d %b %Y, %H:%M")
        if self.kind is BackupKind.BEFORE_UPDATE:
            return f"{when} (before an update)"
        return when


@dataclass(frozen=True)
class BackupResult:
    """A backup that was made and checked; `problem` says if an old one could not be removed."""

    record: BackupRecord
    removed: list[Path] = field(default_factory=list)
    problem: str = ""


def describe_size(size: int) -> str:
    """A file size as people read it: "313 KB", "12.5 MB"."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def list_backups(folder: Path, journal_id: str) -> list[BackupRecord]:
    """This journal's backups in `folder`, newest first (read from the file names only)."""
    short = _short(journal_id)
    try:
        paths = list(folder.iterdir())
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise StorageError(
            f"The backup folder {folder} could not be read: {describe_os_error(exc)}."
        ) from exc
    records: list[tuple[datetime, int, BackupRecord]] = []
    for path in paths:
        match = _NAME.match(path.name)
        if match is None or match["short"] != short or not path.is_file():
            continue
        made_at = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
        revision = match["revision"] or ""
        kind = BackupKind.BEFORE_UPDATE if revision else BackupKind.REGULAR
        try:
            size = path.stat().st_size
        except OSError:
            continue
        # Two made in one second are told apart by "-2", "-3"...: the higher is the newer.
        n = int(match["n"] or 1)
        records.append((made_at, n, BackupRecord(path, made_at, kind, size, revision)))
    records.sort(key=lambda r: (r[0], r[1], r[2].path.name), reverse=True)
    return [record for _, _, record in records]


def backup_folder_or_default(journal_folder: Path) -> Path:
    """Where this journal's backups go (the default folder if the settings are unreadable)."""
    try:
        return read_settings(journal_folder).folder_for(journal_folder)
    except BackupError:
        return default_folder(journal_folder)


def latest_backups_advice(journal_folder: Path, journal_id: str, count: int = 3) -> str:
    """The newest backups of a journal that cannot be opened, and how to restore one."""
    how = (
        "inquiry-journal restore FILE, or Restore a backup... in the window (what is in the "
        "folder now is kept aside)."
    )
    folder = backup_folder_or_default(journal_folder)
    try:
        records = list_backups(folder, journal_id)[:count]
    except StorageError as exc:
        return f"{exc} Restore a backup with {how}"
    if not records:
        return f"There are no backups of it in {folder}; restore one from elsewhere with {how}"
    listed = "; ".join(f"{r.path.name} ({r.describe()})" for r in records)
    return f"The newest backups in {folder}: {listed}. Restore one with {how}"


def is_due(settings: BackupSettings, backups: list[BackupRecord], now: datetime) -> bool:
    """True when the newest routine backup is at least one interval old (or there is none)."""
    period = settings.interval.period
    if period is None:
        return False
    regular = [b for b in backups if b.kind is BackupKind.REGULAR]
    return not regular or now - regular[0].made_at >= period


class BackupService:
    """A journal's backups: the scheduled one when due, one now, one to a chosen file.

    The journal hands it out as `journal.backups`. Each backup is written, reopened and
    checked before it counts; the settings and the folder are read afresh each time, so a
    change made in the Backups dialog or at the command line applies at once.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def take_if_due(self, now: datetime) -> BackupResult | None:
        """Make a backup when one is due by the journal's settings; None when none was due."""
        journal = self._journal
        settings = read_settings(journal.folder)
        if settings.interval is BackupInterval.OFF:
            return None
        existing = list_backups(settings.folder_for(journal.folder), journal.meta.journal_id)
        if not is_due(settings, existing, now):
            return None
        return self.take(now)

    def take(self, now: datetime) -> BackupResult:
        """Back up to the settings' folder, check the copy, then remove routine backups beyond
        the number kept."""
        journal = self._journal
        settings = read_settings(journal.folder)
        folder = _ready_folder(settings, journal.folder)
        target = _free_name(folder, journal.meta.journal_id, now, "")
        record = _write(journal.engine, journal.key, journal.folder, journal.meta, target, now)
        holds = read_manifest(record.path)
        removed, problem = rotate(folder, journal.meta.journal_id, settings.keep, holds)
        return BackupResult(record, removed, problem)

    def write_to(self, target: Path, now: datetime) -> BackupRecord:
        """Back up to a file of the person's choosing (never rotated)."""
        journal = self._journal
        if target.exists():
            try:
                manifest = read_manifest(target)
            except JournalError:
                manifest = None
            if manifest is None or manifest.journal_id != journal.meta.journal_id:
                raise BackupError(
                    f"{target} already exists and is not a backup of this journal; "
                    "choose another name. Nothing was written."
                )
        if not target.parent.is_dir():
            raise BackupError(f"The folder {target.parent} does not exist.")
        return _write(journal.engine, journal.key, journal.folder, journal.meta, target, now)

    def restore(
        self, backup: Path, key_store: KeyStore, *, replace_journal: bool = False
    ) -> Reopened:
        """Close the journal, restore `backup` in its place and open the result.

        `replace_journal`: the person chose to replace this journal by another one's backup.
        If the backup is refused or the restore fails, the journal is opened again as it was and
        the problem is returned (any other failure still raises).
        """
        from app.journal.opening import open_journal
        from app.journal.restore import Reopened, restore_backup

        journal = self._journal
        folder, key = journal.folder, journal.key
        passphrase = key.value if isinstance(key, Passphrase) else None
        journal.close()
        try:
            restored = restore_backup(
                folder, backup, key, key_store, replace_journal=replace_journal
            )
        except JournalError as exc:
            return Reopened(open_journal(folder, key_store, passphrase), None, str(exc))
        return Reopened(open_journal(folder, key_store, passphrase), restored)


def backup_before_update(
    journal_folder: Path, meta: JournalMeta, engine: Engine, key: JournalKey, revision: str
) -> Path:
    """The copy made before a schema migration, in the backup folder (or the default one
    if the chosen folder cannot be written). Never removed by rotation."""
    now = datetime.now(UTC)
    try:
        settings = read_settings(journal_folder)
    except BackupError:
        settings = BackupSettings()
    folders = [settings.folder_for(journal_folder), default_folder(journal_folder)]
    first_problem = ""
    for folder in dict.fromkeys(folders):
        try:
            ready = _ready_folder(replace(settings, folder=folder), journal_folder)
            target = _free_name(ready, meta.journal_id, now, revision)
            _write(engine, key, journal_folder, meta, target, now, BackupKind.BEFORE_UPDATE)
        except JournalError as exc:
            first_problem = first_problem or str(exc)
            continue
        return target
    raise StorageError(
        "The journal needs updating, but a backup could not be made first: "
        f"{first_problem.rstrip('.')}. Nothing was changed."
    )


SPREAD = (("day", 7), ("week", 5), ("month", 12))
"""Besides the newest `keep`, rotation keeps the newest backup of each of the last 7 days,
5 weeks and 12 months that have one, so a bad fortnight cannot push out all the history."""


def kept_by_spread(made: Sequence[datetime], keep: int) -> set[int]:
    """Which backups (given by when they were made, newest first) the spread keeps, by index:
    the newest `keep`, and the newest of each of the last days, weeks and months (UTC)."""
    kept = set(range(min(keep, len(made))))
    for unit, count in SPREAD:
        seen: list[tuple[int, ...]] = []
        for index, when in enumerate(made):
            bucket = _bucket(when.astimezone(UTC), unit)
            if bucket in seen:
                continue
            if len(seen) == count:
                break
            seen.append(bucket)
            kept.add(index)
    return kept


def also_kept(holds_more: Sequence[bool | None], keep: int) -> set[int]:
    """Of the backups the spread would delete (newest first: does each hold more than the
    journal now does, None when it does not say), which to keep anyway, by index.

    A backup that does not say what it holds is kept; of those holding more than the
    journal now, the newest `keep` are kept, so emptying the journal cannot rotate its
    last real backups away.
    """
    kept: set[int] = set()
    more = 0
    for index, answer in enumerate(holds_more):
        if answer is None:
            kept.add(index)
        elif answer and more < keep:
            kept.add(index)
            more += 1
    return kept


def rotate(
    folder: Path, journal_id: str, keep: int, holds: BackupManifest | None = None
) -> tuple[list[Path], str]:
    """Delete this journal's routine backups that the rule above does not keep.

    `holds` is the manifest of the backup just made (what the journal holds now); without
    it every backup the spread would delete is compared with nothing and kept. Returns what
    was removed, and a problem to report if any could not be. A file whose `backup.json`
    does not name this journal is never touched.
    """
    regular = [b for b in list_backups(folder, journal_id) if b.kind is BackupKind.REGULAR]
    spread = kept_by_spread([b.made_at for b in regular], keep)
    candidates: list[tuple[BackupRecord, BackupManifest]] = []
    for index, record in enumerate(regular):
        if index in spread:
            continue
        try:
            manifest = read_manifest(record.path)
        except JournalError:
            continue
        if manifest.journal_id != journal_id or manifest.kind is not BackupKind.REGULAR:
            continue
        candidates.append((record, manifest))
    now_entries = holds.entries if holds is not None else None
    now_cycles = holds.cycles if holds is not None else None
    answers = [
        None
        if now_entries is None or now_cycles is None
        else manifest.holds_more_than(now_entries, now_cycles)
        for _, manifest in candidates
    ]
    keep_anyway = also_kept(answers, keep)
    removed: list[Path] = []
    for index, (record, _) in enumerate(candidates):
        if index in keep_anyway:
            continue
        try:
            record.path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            return removed, (
                f"An old backup, {record.path.name}, could not be deleted: "
                f"{describe_os_error(exc)}."
            )
        removed.append(record.path)
    return removed, ""


def _bucket(when: datetime, unit: str) -> tuple[int, ...]:
    if unit == "day":
        return (when.year, when.month, when.day)
    if unit == "week":
        year, week, _ = when.isocalendar()
        return (year, week)
    return (when.year, when.month)


def _write(
    engine: Engine,
    key: JournalKey,
    journal_folder: Path,
    meta: JournalMeta,
    target: Path,
    now: datetime,
    kind: BackupKind = BackupKind.REGULAR,
) -> BackupRecord:
    try:
        revision = _revision_of(engine)
        entries, cycles = _counts(engine)
    except SQLAlchemyError as exc:
        raise StorageError(
            f"The journal could not be read to back it up: {explain(exc)}. Nothing was written."
        ) from exc
    manifest = BackupManifest(
        meta.journal_id, now.astimezone(UTC), kind, revision, entries=entries, cycles=cycles
    )
    write_backup(engine, key, journal_folder, target, manifest)
    size = target.stat().st_size
    updated_from = revision if kind is BackupKind.BEFORE_UPDATE else ""
    return BackupRecord(target, manifest.made_at, kind, size, updated_from)


def _counts(engine: Engine) -> tuple[int, int]:
    """How many entries (trashed ones too) and cycles the journal holds, for the manifest.

    A journal about to be updated from an old schema may have no cycles table yet.
    """
    with engine.connect() as conn:
        tables = {
            str(row[0])
            for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        counts = [
            int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())
            if table in tables
            else 0
            for table in ("entries", "cycles")
        ]
    return counts[0], counts[1]


def _revision_of(engine: Engine) -> str:
    return current_revision(engine) or SCHEMA_HEAD


def _ready_folder(settings: BackupSettings, journal_folder: Path) -> Path:
    """The backup folder, created if it is the default one; a chosen one must exist."""
    folder = settings.folder_for(journal_folder)
    if settings.folder is None or folder == default_folder(journal_folder):
        try:
            folder.mkdir(mode=PRIVATE_FOLDER, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"The backup folder {folder} could not be made: {describe_os_error(exc)}."
            ) from exc
    elif not folder.is_dir():
        raise StorageError(
            f"The backup folder {folder} is not there (was a drive removed, or OneDrive "
            "signed out?). Choose another folder under File > Backups."
        )
    return folder


def _free_name(folder: Path, journal_id: str, now: datetime, revision: str) -> Path:
    stamp = now.astimezone(UTC).strftime(_STAMP)
    base = f"inquiry-journal-{_short(journal_id)}-{stamp}"
    if revision:
        base += f"-before-update-{revision}"
    target = folder / f"{base}{BACKUP_SUFFIX}"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}{BACKUP_SUFFIX}"
        n += 1
    return target


def _short(journal_id: str) -> str:
    return journal_id.replace("-", "")[:8].lower()
