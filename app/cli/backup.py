"""`inquiry-journal backup` and `inquiry-journal restore`: encrypted, checked backups."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import (
    PASSPHRASE_ENV,
    RECOVERY_ADVICE,
    CommandError,
    ask_passphrase,
    plural,
    stdin_text,
)
from app.errors import OtherJournalBackupError, WrongKeyError
from app.storage.keys import JournalKey, KeyStore
from app.storage.meta import KeyMode, journal_exists, read_meta

if TYPE_CHECKING:
    from app.journal.backups import BackupSettings
    from app.journal.opening import Journal
    from app.storage.backup_file import BackupManifest

INTERVALS = ["off", "hourly", "daily", "weekly"]


COMMANDS = frozenset({"backup", "restore"})
"""The commands `register` adds (so the command line can build only the group it needs)."""


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the backup and restore commands."""
    backup = sub.add_parser(
        "backup",
        parents=[common],
        help="back up the journal now (encrypted, checked), list backups or set where they go",
        description="With no option, back up to the backup folder and keep the newest ones. "
        "--folder, --every and --keep change the settings (the window uses them too).",
    )
    backup.add_argument("--out", metavar="FILE", help="back up to this file instead")
    backup.add_argument("--list", action="store_true", help="list this journal's backups")
    backup.add_argument("--folder", metavar="DIR", help="where backups go from now on")
    backup.add_argument(
        "--default-folder",
        action="store_true",
        help="back up to the 'backups' folder in the journal folder again",
    )
    backup.add_argument("--every", choices=INTERVALS, help="how often the window backs up")
    backup.add_argument("--keep", type=int, metavar="N", help="how many backups to keep")
    backup.set_defaults(handler=cmd_backup)

    restore = sub.add_parser(
        "restore",
        parents=[common],
        help="replace the journal with a backup (the journal as it was is kept aside)",
    )
    restore.add_argument("file", metavar="FILE", help="an .ijbackup file")
    restore.add_argument(
        "--code",
        help="open the backup with this recovery code (a new laptop, or a backup made before "
        "the key changed); '-' reads it from stdin",
    )
    restore.add_argument(
        "--passphrase-mode",
        action="store_true",
        help="with --code: protect the journal with a new passphrase (from "
        "$INQUIRY_JOURNAL_PASSPHRASE or asked for) instead of the system keyring",
    )
    restore.add_argument(
        "--replace-journal",
        action="store_true",
        help="restore a backup of ANOTHER journal in place of this one (this one is kept "
        "aside); without it such a backup is refused",
    )
    restore.set_defaults(handler=cmd_restore)


def cmd_backup(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.journal.backups import describe_size, list_backups, read_settings

    if not journal_exists(folder):
        raise CommandError(f"There is no journal in {folder} to back up.")
    if args.folder or args.default_folder or args.every or args.keep is not None:
        settings = _change_settings(args, folder)
        print(_describe_settings(settings, folder))
        return 0
    if args.list:
        settings = read_settings(folder)
        where = settings.folder_for(folder)
        records = list_backups(where, read_meta(folder).journal_id)
        if not records:
            print(f"No backups of this journal in {where} yet.")
        for record in records:
            print(f"{record.describe():<40} {describe_size(record.size):>9}  {record.path}")
        return 0
    now = datetime.now(UTC)
    journal = _open_existing(folder, store)
    try:
        if args.out:
            target = _backup_path(Path(args.out).expanduser())
            record = journal.backups.write_to(target, now)
            print(f"Backed up to {record.path} ({describe_size(record.size)}, checked).")
            return 0
        result = journal.backups.take(now)
    finally:
        journal.close()
    message = f"Backed up to {result.record.path} ({describe_size(result.record.size)}, checked)."
    if result.removed:
        message += f" Removed {plural(len(result.removed), 'older backup', 'older backups')}."
    print(message)
    if result.problem:
        raise CommandError(result.problem)
    return 0


def cmd_restore(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.journal.opening import open_journal
    from app.journal.restore import restore_backup, restore_with_recovery_code
    from app.storage.backup_file import read_manifest
    from app.storage.lock import JournalLock

    backup = Path(args.file).expanduser()
    manifest = read_manifest(backup)  # refuse a file that is no backup before asking anything
    lock = JournalLock(folder) if folder.is_dir() else None
    if lock is not None:
        lock.acquire()  # never under an open window
    try:
        if not args.replace_journal:
            _refuse_another_journal(folder, backup, manifest)
        if args.code is not None:
            code = (
                stdin_text("The recovery code", line=True) if args.code == "-" else str(args.code)
            )
            new_passphrase = _new_passphrase(args, store)
            journal, restored, new_code = restore_with_recovery_code(
                folder,
                backup,
                code,
                store,
                new_passphrase,
                announce=_print_new_code,
                replace_journal=args.replace_journal,
            )
        else:
            key, passphrase = _key_for_restore(folder, store, manifest.journal_id)
            try:
                restored = restore_backup(
                    folder, backup, key, store, replace_journal=args.replace_journal
                )
            except WrongKeyError as exc:
                raise WrongKeyError(
                    f"{exc} If the key changed since, run again with --code and the recovery "
                    "code you had then."
                ) from None
            journal, new_code = open_journal(folder, store, passphrase), None
        try:
            entries = journal.entries.count()
        finally:
            journal.close()
    finally:
        if lock is not None:
            lock.release()
    print(f"{restored.describe()} It opens with {plural(entries, 'entry', 'entries')}.")
    if new_code is not None:
        print("The journal is now protected by your new passphrase and the code above.")
    return 0


def _print_new_code(code: str) -> None:
    """Shown before the restored journal is put in place, so a crash never hides it."""
    print(f"Your NEW recovery code: {code}\n\n{RECOVERY_ADVICE}\n", flush=True)


def _refuse_another_journal(folder: Path, backup: Path, manifest: BackupManifest) -> None:
    """Refuse another journal's backup before any key is asked for, saying how to go on."""
    from app.journal.restore import refuse_another_journal

    try:
        refuse_another_journal(folder, backup, manifest)
    except OtherJournalBackupError as exc:
        raise OtherJournalBackupError(
            f"{exc} To replace this journal by that one (yours is kept aside), run again "
            "with --replace-journal."
        ) from None


def _open_existing(folder: Path, store: KeyStore) -> Journal:
    from app.journal.identity import refuse_missing_database
    from app.journal.opening import open_journal

    meta = read_meta(folder)
    refuse_missing_database(folder, meta)  # before asking for a passphrase in vain
    passphrase = None
    if meta.key_mode is KeyMode.PASSPHRASE:
        passphrase = _passphrase_or_fail()
    return open_journal(folder, store, passphrase)


def _key_for_restore(
    folder: Path, store: KeyStore, journal_id: str
) -> tuple[JournalKey, str | None]:
    """This journal's key; for a folder with no journal, the backup's key if the keyring has it."""
    from app.journal.opening import key_for

    if journal_exists(folder):
        meta = read_meta(folder)
        passphrase = _passphrase_or_fail() if meta.key_mode is KeyMode.PASSPHRASE else None
        return key_for(folder, store, passphrase), passphrase
    key = store.load(journal_id) if store.is_available() else None
    if key is None:
        raise CommandError(
            f"There is no journal in {folder}, and this computer does not hold the backup's "
            "key: give your recovery code with --code."
        )
    return key, None


def _passphrase_or_fail() -> str:
    passphrase = ask_passphrase("Passphrase: ")
    if passphrase is None:
        raise CommandError(
            f"This journal is protected by a passphrase. Set {PASSPHRASE_ENV} "
            "or run the command in a terminal to be asked for it."
        )
    return passphrase


def _new_passphrase(args: argparse.Namespace, store: KeyStore) -> str | None:
    if not args.passphrase_mode and store.is_available():
        return None
    passphrase = ask_passphrase("New passphrase: ")
    if passphrase is None:
        raise CommandError(
            "No system keyring is available, so the restored journal needs a new "
            f"passphrase: set {PASSPHRASE_ENV} or run the command in a terminal."
        )
    return passphrase


def _change_settings(args: argparse.Namespace, folder: Path) -> BackupSettings:
    from dataclasses import replace

    from app.journal.backups import BackupInterval, read_settings, save_settings

    settings = read_settings(folder)
    if args.folder and args.default_folder:
        raise CommandError("Give --folder or --default-folder, not both.")
    if args.folder:
        chosen = Path(args.folder).expanduser().absolute()
        if not chosen.is_dir():
            raise CommandError(f"The folder {chosen} does not exist.")
        settings = replace(settings, folder=chosen)
    if args.default_folder:
        settings = replace(settings, folder=None)
    if args.every:
        settings = replace(settings, interval=BackupInterval(args.every))
    if args.keep is not None:
        settings = replace(settings, keep=args.keep)
    save_settings(folder, settings)
    return settings


def _describe_settings(settings: BackupSettings, folder: Path) -> str:
    how_often = {
        "off": "only when you ask",
        "hourly": "every hour while the window is open",
        "daily": "every day while the window is open",
        "weekly": "every week while the window is open",
    }[settings.interval.value]
    return (
        f"Backups go to {settings.folder_for(folder)}, {how_often}; "
        f"the newest {settings.keep} are kept, and one a day, a week and a month further back."
    )


def _backup_path(path: Path) -> Path:
    from app.storage.backup_file import BACKUP_SUFFIX

    if path.suffix.lower() == BACKUP_SUFFIX:
        return path
    return path.with_name(path.name + BACKUP_SUFFIX)
