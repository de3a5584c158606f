"""Backups: encrypted with the journal's own key, checked after writing, made when due, rotated."""

from __future__ import annotations

import errno
import shutil
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.errors import BackupError, StorageError, WrongKeyError
from app.journal import backups
from app.journal.backups import (
    BackupInterval,
    BackupSettings,
    list_backups,
    read_settings,
    save_settings,
)
from app.journal.opening import Journal, create_journal
from app.storage import backup_file
from app.storage.backup_file import BackupKind, read_manifest, verify_backup
from app.storage.connection import connect
from app.storage.keys import Passphrase, RawKey, SystemKeyring
from app.storage.recovery_code import decode_recovery_code
from tests.support import faults
from tests.support.backups import titles_in, unzip_db
from tests.support.data import NOW, PASSPHRASE


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_backup_is_one_checked_file_that_the_key_and_the_recovery_code_open(
    journal: Journal, tmp_path: Path
) -> None:
    journal.entries.create("Huddle", "Asked the team first.")
    result = journal.backups.take(NOW)

    path = result.record.path
    assert path.parent == journal.folder / "backups"
    assert path.name == f"inquiry-journal-{journal.meta.journal_id[:8]}-2025-03-12T090000Z.ijbackup"
    assert names(path.parent) == [path.name]  # no partial or working files left behind
    with zipfile.ZipFile(path) as archive:
        assert sorted(archive.namelist()) == ["backup.json", "journal.db", "journal.json"]
        assert b"Asked the team" not in archive.read("journal.db")
    manifest = read_manifest(path)
    assert (manifest.journal_id, manifest.kind, manifest.made_at) == (
        journal.meta.journal_id,
        BackupKind.REGULAR,
        NOW,
    )
    assert verify_backup(path, journal.key).revision == manifest.schema

    db = unzip_db(path, tmp_path / "unzipped")
    assert titles_in(db, journal.key) == ["Huddle"]
    code_key = RawKey(decode_recovery_code(journal.recovery_code()))
    assert titles_in(db, code_key) == ["Huddle"]


def test_a_passphrase_journals_backup_opens_with_its_passphrase_and_recovery_code(
    journal_dir: Path, no_keyring: object, tmp_path: Path
) -> None:
    journal, code = create_journal(journal_dir, SystemKeyring(), PASSPHRASE)
    try:
        journal.entries.create("Night shift", "Stayed for the handover.")
        result = journal.backups.take(NOW)
    finally:
        journal.close()
    db = unzip_db(result.record.path, tmp_path / "unzipped")
    assert titles_in(db, Passphrase(PASSPHRASE)) == ["Night shift"]
    assert titles_in(db, RawKey(decode_recovery_code(code))) == ["Night shift"]
    with pytest.raises(WrongKeyError):
        titles_in(db, Passphrase("not the passphrase"))


def test_a_backup_that_does_not_check_out_is_deleted_and_reported(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.entries.create("Kept", "Still here.")
    real_copy = backup_file.online_copy

    def damaging_copy(engine, key, db_file, copy):
        real_copy(engine, key, db_file, copy)
        with copy.open("r+b") as handle:  # a bad sector in the middle of the copy
            handle.seek(4096 + 100)
            handle.write(b"\x00" * 64)

    monkeypatch.setattr(backup_file, "online_copy", damaging_copy)
    with pytest.raises(BackupError, match="did not open again as a whole journal"):
        journal.backups.take(NOW)
    assert names(journal.folder / "backups") == []
    assert journal.entries.count() == 1
    assert journal.integrity_problems() == []


def test_a_journal_whose_tables_disagree_with_their_index_gets_no_backup_and_is_told_so(
    journal: Journal,
) -> None:
    journal.entries.create("Kept", "Still here.")
    journal.backups.take(NOW)  # an earlier, sound backup
    # Every page is whole under the key, but an index no longer matches its table: the
    # kind of damage only SQLite's own check of the journal finds.
    conn = connect(journal.db_file, journal.key)
    try:
        conn.execute("CREATE TABLE scratch (a INTEGER, b INTEGER)")
        conn.execute("CREATE INDEX scratch_a ON scratch (a)")
        conn.executemany("INSERT INTO scratch VALUES (?, ?)", [(i, -i) for i in range(40)])
        conn.commit()
        conn.execute("PRAGMA writable_schema = ON")
        conn.execute(
            "UPDATE sqlite_master SET sql = 'CREATE INDEX scratch_a ON scratch (b)' "
            "WHERE name = 'scratch_a'"
        )
        conn.commit()
    finally:
        conn.close()
    before = names(journal.folder / "backups")

    with pytest.raises(BackupError) as raised:
        journal.backups.take(NOW + timedelta(days=1))

    message = str(raised.value)
    assert message.startswith("Your journal did not pass SQLite's check (")
    assert "scratch_a" in message
    assert message.endswith("then restore your last backup.")
    assert names(journal.folder / "backups") == before
    assert journal.entries.count() == 1


def test_a_package_that_does_not_read_back_as_the_checked_copy_is_deleted(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal.entries.create("Kept", "Still here.")
    real_pack = backup_file._pack

    def pack_then_damage(partial: Path, *args: object) -> None:
        real_pack(partial, *args)  # type: ignore[arg-type]
        with zipfile.ZipFile(partial) as archive:
            info = archive.getinfo("journal.db")
        with partial.open("r+b") as handle:  # the disk changed a byte after it was written
            handle.seek(info.header_offset + 4096 * 3)
            byte = handle.read(1)
            handle.seek(-1, 1)
            handle.write(bytes([byte[0] ^ 0xFF]))

    monkeypatch.setattr(backup_file, "_pack", pack_then_damage)
    with pytest.raises(BackupError, match="did not open again as a whole journal"):
        journal.backups.take(NOW)
    assert names(journal.folder / "backups") == []
    assert journal.entries.count() == 1


def test_checking_the_copy_before_it_is_packed_leaves_it_byte_for_byte_as_made(
    journal: Journal, tmp_path: Path
) -> None:
    journal.entries.create("Alone", "No log beside it.")
    copy = tmp_path / "work" / "journal.db"
    copy.parent.mkdir()
    backup_file.online_copy(journal.engine, journal.key, journal.db_file, copy)
    made = copy.read_bytes()

    revision = backup_file.check_database(copy, journal.key, "the copy", read_only=True)

    assert revision == read_manifest(journal.backups.take(NOW).record.path).schema
    assert copy.read_bytes() == made  # still in rollback mode, as SQLCipher's tools open it
    assert names(copy.parent) == ["journal.db"]


def test_a_full_disk_is_reported_in_plain_words_and_leaves_nothing_behind(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = zipfile.ZipFile.open

    def disk_fills(archive: zipfile.ZipFile, name: object, mode: str = "r", **kwargs: object):
        if mode == "w" and getattr(name, "filename", name) == "journal.db":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_open(archive, name, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(zipfile.ZipFile, "open", disk_fills)
    with pytest.raises(StorageError, match="the disk is full"):
        journal.backups.take(NOW)
    assert names(journal.folder / "backups") == []


@pytest.mark.parametrize("table", ["sqlite_master", "FROM entries"])
def test_a_journal_that_cannot_be_read_is_reported_in_plain_words(
    journal: Journal, table: str
) -> None:
    journal.entries.create("Huddle", "Asked first.")
    with faults.reads_of(table), pytest.raises(StorageError) as failed:
        journal.backups.take(NOW)
    assert str(failed.value) == (
        "The journal could not be read to back it up: the disk could not be read or written "
        "(was a drive removed?). Nothing was written."
    )
    assert names(journal.folder / "backups") == []


def test_a_chosen_folder_that_has_gone_is_reported_not_recreated(
    journal: Journal, tmp_path: Path
) -> None:
    gone = tmp_path / "OneDrive" / "Backups"
    save_settings(journal.folder, BackupSettings(folder=gone))
    with pytest.raises(StorageError, match="is not there"):
        journal.backups.take(NOW)
    assert not gone.exists()


def test_settings_are_kept_in_the_journal_folder(journal: Journal, tmp_path: Path) -> None:
    assert read_settings(journal.folder) == BackupSettings(None, BackupInterval.DAILY, 14)
    chosen = BackupSettings(tmp_path / "OneDrive", BackupInterval.WEEKLY, 5)
    save_settings(journal.folder, chosen)
    assert read_settings(journal.folder) == chosen
    with pytest.raises(BackupError, match="between 1 and"):
        save_settings(journal.folder, replace(chosen, keep=0))
    (journal.folder / "backups.json").write_text("{nonsense", encoding="utf-8")
    with pytest.raises(BackupError, match="could not be read"):
        read_settings(journal.folder)


def test_rotation_keeps_the_newest_and_never_touches_other_files(
    journal: Journal, journal_dir: Path, key_store: SystemKeyring, tmp_path: Path
) -> None:
    folder = tmp_path / "Backups"
    folder.mkdir()
    save_settings(journal.folder, BackupSettings(folder, BackupInterval.DAILY, 3))
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "inquiry-journal-notes.ijbackup").write_text("not a backup", encoding="utf-8")
    other, _ = create_journal(tmp_path / "other", key_store)
    try:
        save_settings(other.folder, BackupSettings(folder, BackupInterval.DAILY, 1))
        # Minutes apart: on one day the spread over days, weeks and months keeps no more.
        others = [other.backups.take(NOW + timedelta(minutes=d)).record.path for d in range(2)]
    finally:
        other.close()
    assert not others[0].exists()  # the other journal keeps one of its own
    # A file named like one of ours but holding another journal's backup is left alone.
    look_alike = (
        folder / f"inquiry-journal-{journal.meta.journal_id[:8]}-2020-01-01T000000Z.ijbackup"
    )
    shutil.copyfile(others[1], look_alike)

    made = [journal.backups.take(NOW + timedelta(minutes=d)) for d in range(5)]

    kept = [r.path for r in list_backups(folder, journal.meta.journal_id)]
    assert kept[:3] == [m.record.path for m in reversed(made[2:])]
    assert made[-1].removed == [made[1].record.path]
    assert {"notes.txt", "inquiry-journal-notes.ijbackup", others[1].name, look_alike.name} <= set(
        names(folder)
    )
    assert len(names(folder)) == 3 + 4


def test_a_backup_to_a_chosen_file_is_checked_and_never_overwrites_other_files(
    journal: Journal, tmp_path: Path
) -> None:
    journal.entries.create("To a stick", "")
    record = journal.backups.write_to(tmp_path / "stick.ijbackup", NOW)
    assert verify_backup(record.path, journal.key).manifest.journal_id == journal.meta.journal_id
    again = journal.backups.write_to(record.path, NOW + timedelta(hours=1))  # its own: replaced
    assert read_manifest(again.path).made_at == NOW + timedelta(hours=1)
    precious = tmp_path / "thesis.docx"
    precious.write_bytes(b"chapter one")
    with pytest.raises(BackupError, match="not a backup of this journal"):
        journal.backups.write_to(precious, NOW)
    assert precious.read_bytes() == b"chapter one"


@pytest.mark.parametrize(
    ("interval", "last_backup_ago", "due"),
    [
        (BackupInterval.DAILY, None, True),
        (BackupInterval.DAILY, timedelta(hours=23, minutes=59), False),
        (BackupInterval.DAILY, timedelta(days=1), True),
        (BackupInterval.HOURLY, timedelta(minutes=59), False),
        (BackupInterval.HOURLY, timedelta(minutes=61), True),
        (BackupInterval.WEEKLY, timedelta(days=6), False),
        (BackupInterval.WEEKLY, timedelta(days=8), True),
        (BackupInterval.OFF, None, False),
    ],
)
def test_a_backup_is_made_only_when_due(
    journal: Journal,
    interval: BackupInterval,
    last_backup_ago: timedelta | None,
    due: bool,
) -> None:
    save_settings(journal.folder, BackupSettings(interval=interval))
    if last_backup_ago is not None:
        journal.backups.take(NOW - last_backup_ago)
    before = list_backups(journal.folder / "backups", journal.meta.journal_id)

    result = journal.backups.take_if_due(NOW)

    after = list_backups(journal.folder / "backups", journal.meta.journal_id)
    assert (result is not None) is due
    assert len(after) == len(before) + (1 if due else 0)
    if due:
        assert result is not None and after[0] == result.record
        assert after[0].made_at == NOW


def test_a_backup_before_an_update_is_not_routine(journal: Journal) -> None:
    folder = journal.folder / "backups"
    path = backups.backup_before_update(
        journal.folder, journal.meta, journal.engine, journal.key, "0006"
    )
    assert path.parent == folder
    assert "-before-update-0006" in path.name
    [record] = list_backups(folder, journal.meta.journal_id)
    assert record.kind is BackupKind.BEFORE_UPDATE
    assert "before an update" in record.describe()
    assert journal.backups.take_if_due(NOW) is not None  # it does not stand in for the routine one
    save_settings(journal.folder, BackupSettings(keep=1))
    journal.backups.take(NOW + timedelta(days=1))
    assert path.exists()  # rotation leaves it


# -- rotation keeps a spread, and never the last backups that hold more ----------------------


def _hourly(start: datetime, hours: int) -> list[datetime]:
    """Backups every hour from `start`, newest first."""
    return [start + timedelta(hours=h) for h in reversed(range(hours))]


def test_the_spread_keeps_the_newest_and_one_a_day_a_week_and_a_month() -> None:
    daily = [datetime(2025, 12, 31, 9, tzinfo=UTC) - timedelta(days=d) for d in range(400)]
    kept = sorted(backups.kept_by_spread(daily, keep=2))
    when = [daily[i].date().isoformat() for i in kept]
    # 7 days (Dec 25-31), then the newest of each older week (Sundays) and month (month ends).
    assert when[:7] == [f"2025-12-{d}" for d in range(31, 24, -1)]
    assert when[7:] == [
        "2025-12-21",
        "2025-12-14",
        "2025-12-07",
        "2025-11-30",
        "2025-10-31",
        "2025-09-30",
        "2025-08-31",
        "2025-07-31",
        "2025-06-30",
        "2025-05-31",
        "2025-04-30",
        "2025-03-31",
        "2025-02-28",
        "2025-01-31",
    ]


def test_a_bad_fortnight_of_hourly_backups_cannot_push_out_the_history() -> None:
    history = [datetime(2025, 3, 1, 9, tzinfo=UTC) - timedelta(days=d) for d in range(60)]
    bad = _hourly(datetime(2025, 3, 2, 0, tzinfo=UTC), 14 * 24)
    made = bad + history
    kept = backups.kept_by_spread(made, keep=2)
    old_kept = [made[i] for i in kept if made[i] in history]
    # The bad days fill the newest days, weeks and March; February's last backup, earlier
    # weeks' and January's remain.
    assert sorted(old_kept, reverse=True) == [
        datetime(2025, 2, d, 9, tzinfo=UTC) for d in (28, 23, 16)
    ] + [datetime(2025, 1, 31, 9, tzinfo=UTC)]


def test_backups_that_hold_more_than_the_journal_now_are_kept_newest_first() -> None:
    # Newest first: holds less, holds more, unknown (an old backup), holds more, holds more.
    answers = [False, True, None, True, True]
    assert backups.also_kept(answers, keep=2) == {1, 2, 3}
    assert backups.also_kept([False, False], keep=2) == set()


def test_an_emptied_journal_never_rotates_its_last_real_backups_away(
    journal: Journal, tmp_path: Path
) -> None:
    save_settings(journal.folder, BackupSettings(keep=2))
    for n in range(3):
        journal.entries.create(f"Entry {n}", "")
    journal.cycles.start_cycle(journal.cycles.create_inquiry("Why?").id, "gibbs")
    real = [journal.backups.take(NOW + timedelta(minutes=m)).record.path for m in range(2)]
    assert (read_manifest(real[0]).entries, read_manifest(real[0]).cycles) == (3, 1)
    with journal.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM entries")

    later = [journal.backups.take(NOW + timedelta(minutes=m)) for m in range(2, 6)]

    assert all(path.exists() for path in real)
    assert later[-1].removed == [later[1].record.path]  # a copy of the emptied journal
    assert read_manifest(later[-1].record.path).entries == 0


def test_an_old_backup_that_does_not_say_what_it_holds_is_kept(
    journal: Journal, tmp_path: Path
) -> None:
    save_settings(journal.folder, BackupSettings(keep=1))
    first = journal.backups.take(NOW).record.path
    _rewrite_manifest_without_counts(first)
    for m in range(1, 4):
        journal.backups.take(NOW + timedelta(minutes=m))
    assert first.exists()
    assert len(list_backups(journal.folder / "backups", journal.meta.journal_id)) == 2


def _rewrite_manifest_without_counts(backup: Path) -> None:
    import json

    copy = backup.with_name("copy.zip")
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(copy, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "backup.json":
                manifest = json.loads(data)
                del manifest["entries"], manifest["cycles"]
                data = json.dumps(manifest).encode("utf-8")
            out.writestr(item, data)
    copy.replace(backup)


def test_two_backups_made_in_one_second_are_listed_newest_first(tmp_path: Path) -> None:
    journal_id = "0123abcd-0000-4000-8000-000000000000"
    base = "inquiry-journal-0123abcd-2025-03-12T090000Z"
    for suffix in ("", "-2", "-3"):
        (tmp_path / f"{base}{suffix}.ijbackup").write_bytes(b"x")
    assert [r.path.name for r in list_backups(tmp_path, journal_id)] == [
        f"{base}-3.ijbackup",
        f"{base}-2.ijbackup",
        f"{base}.ijbackup",
    ]
