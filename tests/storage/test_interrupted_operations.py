"""Restore, recovery, re-key and migration killed at every step: the next start makes the
journal whole again, and it opens with a code or passphrase the person has seen.

Each operation runs as the command line in a child process that dies (os._exit, no clean-up)
at step 1, 2, 3, ... of app.storage.steps in turn, until it completes. After each death the
folder and keyring are checked as the next start finds them, then put back as they were
before the operation for the next round.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import keyring

from app.journal.backups import list_backups
from app.journal.interrupted import PENDING_NAME, REKEYING_NAME, RESTORING_NAME, WORK_FOLDER_NAME
from app.journal.interrupted import finish_interrupted as finish
from app.journal.opening import Journal, create_journal, open_journal, recover_journal
from app.storage.backup_file import verify_backup
from app.storage.keys import KEYRING_SERVICE, RawKey, SystemKeyring
from app.storage.meta import KeyMode, db_path, journal_exists, read_meta
from app.storage.recovery_code import decode_recovery_code
from app.storage.schema import SCHEMA_HEAD, current_revision
from app.storage.steps import CRASH_AT_ENV, CRASH_EXIT_CODE
from tests.support.backups import titles_in
from tests.support.journals import entry_titles
from tests.support.old_journals import SAMPLE_ID, journal_at
from tests.support.processes import PYTHON, subprocess_env

NOW = datetime(2026, 3, 12, 9, 0, tzinfo=UTC)
NEW_PASSPHRASE = "a new passphrase for the new laptop"
OLD_PASSPHRASE = "reflect every friday"
LEFTOVERS = (PENDING_NAME, RESTORING_NAME, REKEYING_NAME, WORK_FOLDER_NAME, ".journal.json.tmp")


@dataclass
class Death:
    """One round: the step the child died at and what it printed before."""

    step: int
    stdout: str


class Snapshot:
    """Folders copied before the operation, put back before each round."""

    def __init__(self, tmp_path: Path, *folders: Path) -> None:
        self._saved = tmp_path / "snapshot"
        self._folders = folders
        for n, folder in enumerate(folders):
            if folder.exists():
                shutil.copytree(folder, self._saved / str(n))

    def put_back(self) -> None:
        for n, folder in enumerate(self._folders):
            shutil.rmtree(folder, ignore_errors=True)
            if (self._saved / str(n)).exists():
                shutil.copytree(self._saved / str(n), folder)


def die_at_every_step(
    home: Path,
    snapshot: Snapshot,
    argv: list[str],
    after_death: Callable[[Death], None],
    *,
    passphrase: str | None = None,
) -> int:
    """Run `inquiry-journal argv` dying at each step in turn; return how many steps it has."""
    step = 1
    while True:
        snapshot.put_back()
        env = subprocess_env(home) | {CRASH_AT_ENV: str(step)}
        if passphrase is not None:
            env["INQUIRY_JOURNAL_PASSPHRASE"] = passphrase
        child = subprocess.run(
            [PYTHON, "-m", "app", *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if child.returncode == 0:
            return step - 1
        assert child.returncode == CRASH_EXIT_CODE, child.stderr
        assert f"crashed at step {step}:" in child.stderr
        after_death(Death(step, child.stdout))
        step += 1
        assert step < 30, "the operation never completed"


def assert_no_leftovers(folder: Path) -> None:
    if folder.exists():
        assert [n for n in LEFTOVERS if (folder / n).exists()] == []
        assert list(folder.rglob("*.partial")) == []


def assert_whole(journal: Journal) -> list[str]:
    """The journal passes the integrity checks; returns its entry titles."""
    try:
        assert journal.integrity_problems() == []
        return entry_titles(journal)
    finally:
        journal.close()


def printed_code(stdout: str) -> str | None:
    marker = "Your NEW recovery code: "
    return stdout.split(marker)[1].split()[0] if marker in stdout else None


def test_a_restore_killed_at_any_step_is_finished_at_the_next_start(
    journal: Journal, key_store: SystemKeyring, isolated_home: Path, tmp_path: Path
) -> None:
    from app.ui.window.launch import JournalOpener
    from tests.ui.launching import FakePrompts

    folder = journal.folder
    journal.entries.create("Before", "In the backup.")
    backup = journal.backups.write_to(tmp_path / "monday.ijbackup", NOW).path
    journal.entries.create("After", "Only in the journal.")
    journal.close()
    keyring_dir = isolated_home / "xdg_data_home"
    snapshot = Snapshot(tmp_path, folder, keyring_dir)
    outcomes: list[str] = []

    def after_death(death: Death) -> None:
        pending = (folder / PENDING_NAME).exists()
        if pending and "window" not in outcomes:
            # The window's start finishes it and says so in one line.
            opener = JournalOpener(folder, key_store, FakePrompts())
            opened = opener.open()
            assert opened is not None
            opened.close()
            opener.release()
            assert opener.notice.startswith("A restore was interrupted; it has now been finished.")
            outcomes.append("window")
        elif pending and "cli" not in outcomes:
            child = subprocess.run(
                [PYTHON, "-m", "app", "--data-dir", str(folder), "check"],
                env=subprocess_env(isolated_home),
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert child.returncode == 0, child.stderr
            assert "inquiry-journal: A restore was interrupted; it has now been finished." in (
                child.stderr
            )
            outcomes.append("cli")
        found = assert_whole(open_journal(folder, key_store))
        assert found in (["After", "Before"], ["Before"]), f"step {death.step}"
        if found == ["Before"]:
            # Finished: the journal as it was is kept aside, whole.
            (aside,) = folder.glob("before-restore-*")
            key = key_store.load(read_meta(folder).journal_id)
            assert key is not None
            assert titles_in(aside / "journal.db", key) == ["After", "Before"]
        outcomes.append("restored" if found == ["Before"] else "as it was")
        assert_no_leftovers(folder)

    steps = die_at_every_step(
        isolated_home, snapshot, ["--data-dir", str(folder), "restore", str(backup)], after_death
    )
    assert steps >= 7
    assert {"as it was", "restored", "window", "cli"} <= set(outcomes)


def test_recovery_to_a_new_passphrase_killed_at_any_step_opens_with_a_seen_code(
    journal_dir: Path, key_store: SystemKeyring, isolated_home: Path, tmp_path: Path
) -> None:
    journal, old_code = create_journal(journal_dir, key_store)
    journal.entries.create("Kept", "Written before the keyring was lost.")
    journal_id = journal.meta.journal_id
    journal.close()
    keyring.delete_password(KEYRING_SERVICE, journal_id)
    snapshot = Snapshot(tmp_path, journal_dir, isolated_home / "xdg_data_home")
    outcomes: list[str] = []

    def after_death(death: Death) -> None:
        notice = finish(journal_dir)
        new_code = printed_code(death.stdout)
        if read_meta(journal_dir).key_mode is KeyMode.PASSPHRASE:
            # Switched: the new code was printed before, and both it and the passphrase open.
            assert new_code is not None, f"step {death.step}: switched to an unseen code"
            assert notice is not None and "has now been finished" in notice
            reopened = open_journal(journal_dir, key_store, NEW_PASSPHRASE)
            assert reopened.recovery_code() == new_code
            outcomes.append("new passphrase")
        else:
            # Not switched: the old code still opens it.
            reopened, _ = recover_journal(journal_dir, old_code, key_store)
            outcomes.append("old code")
        assert assert_whole(reopened) == ["Kept"]
        assert_no_leftovers(journal_dir)

    argv = ["--data-dir", str(journal_dir), "recover", "--code", old_code, "--passphrase-mode"]
    steps = die_at_every_step(isolated_home, snapshot, argv, after_death, passphrase=NEW_PASSPHRASE)
    assert steps >= 5
    assert set(outcomes) == {"old code", "new passphrase"}


def test_recovery_to_the_keyring_killed_at_any_step_opens_with_the_code(
    journal_dir: Path, key_store: SystemKeyring, isolated_home: Path, tmp_path: Path
) -> None:
    journal, code = create_journal(journal_dir, key_store, OLD_PASSPHRASE)
    journal.entries.create("Kept", "Written before the passphrase was forgotten.")
    journal.close()
    snapshot = Snapshot(tmp_path, journal_dir, isolated_home / "xdg_data_home")
    raw = RawKey(decode_recovery_code(code))

    def after_death(death: Death) -> None:
        finish(journal_dir)
        if read_meta(journal_dir).key_mode is KeyMode.KEYRING:
            reopened = open_journal(journal_dir, key_store)
        else:
            reopened, _ = recover_journal(journal_dir, code, key_store)
        assert reopened.key == raw, f"step {death.step}"
        assert assert_whole(reopened) == ["Kept"]
        assert_no_leftovers(journal_dir)

    steps = die_at_every_step(
        isolated_home,
        snapshot,
        ["--data-dir", str(journal_dir), "recover", "--code", code],
        after_death,
    )
    assert steps >= 2


def test_a_new_laptop_restore_with_a_new_passphrase_killed_at_any_step(
    journal: Journal, key_store: SystemKeyring, isolated_home: Path, tmp_path: Path
) -> None:
    journal.entries.create("From the old laptop", "Kept in the backup.")
    backup = journal.backups.write_to(tmp_path / "old.ijbackup", NOW).path
    code = journal.recovery_code()
    journal.close()
    keyring.delete_password(KEYRING_SERVICE, journal.meta.journal_id)
    laptop = tmp_path / "new-laptop" / "journal"
    snapshot = Snapshot(tmp_path, laptop, isolated_home / "xdg_data_home")
    outcomes: list[str] = []

    def after_death(death: Death) -> None:
        finish(laptop)
        assert_no_leftovers(laptop)
        if not journal_exists(laptop):
            # Nothing restored yet: no half journal that a next command would trip over.
            assert not db_path(laptop).exists(), f"step {death.step}"
            outcomes.append("nothing yet")
            return
        new_code = printed_code(death.stdout)
        assert new_code is not None, f"step {death.step}: restored under an unseen code"
        reopened = open_journal(laptop, key_store, NEW_PASSPHRASE)
        assert reopened.recovery_code() == new_code
        assert assert_whole(reopened) == ["From the old laptop"]
        outcomes.append("restored")

    argv = ["--data-dir", str(laptop), "restore", str(backup), "--code", code, "--passphrase-mode"]
    steps = die_at_every_step(isolated_home, snapshot, argv, after_death, passphrase=NEW_PASSPHRASE)
    assert steps >= 5
    assert set(outcomes) == {"nothing yet", "restored"}


def test_a_migration_killed_at_any_step_leaves_a_journal_that_updates_next_time(
    journal_dir: Path, key_store: SystemKeyring, isolated_home: Path, tmp_path: Path
) -> None:
    journal_at(journal_dir, "0006", key_store)
    snapshot = Snapshot(tmp_path, journal_dir, isolated_home / "xdg_data_home")

    def after_death(death: Death) -> None:
        reopened = open_journal(journal_dir, key_store)
        try:
            assert current_revision(reopened.engine) == SCHEMA_HEAD, f"step {death.step}"
            assert reopened.entries.get(SAMPLE_ID).body == "Asked before telling."
        finally:
            reopened.close()
        assert assert_whole(open_journal(journal_dir, key_store)) == ["From 0001"]
        assert_no_leftovers(journal_dir)
        assert list((journal_dir / "backups").glob("*-before-update-0006.ijbackup"))

    steps = die_at_every_step(
        isolated_home, snapshot, ["--data-dir", str(journal_dir), "check"], after_death
    )
    assert steps >= 3


def test_a_backup_killed_at_any_step_leaves_no_backup_that_rotation_would_count(
    journal: Journal, key_store: SystemKeyring, isolated_home: Path, tmp_path: Path
) -> None:
    folder = journal.folder
    journal_id = journal.meta.journal_id
    journal.entries.create("Kept", "In the backup.")
    journal.close()
    backups = folder / "backups"
    snapshot = Snapshot(tmp_path, folder, isolated_home / "xdg_data_home")
    half_made: list[bool] = []

    def after_death(death: Death) -> None:
        assert list_backups(backups, journal_id) == [], f"step {death.step}"
        half_made.append(bool(list(backups.glob(".*.partial"))))
        # The next start clears what the backup left behind; the journal is untouched.
        assert assert_whole(open_journal(folder, key_store)) == ["Kept"]
        assert_no_leftovers(folder)

    steps = die_at_every_step(
        isolated_home, snapshot, ["--data-dir", str(folder), "backup"], after_death
    )
    assert steps >= 2
    assert half_made[-1]  # killed before its rename, the whole package was there, unnamed
    (made,) = list_backups(backups, journal_id)
    key = key_store.load(journal_id)
    assert key is not None
    assert verify_backup(made.path, key).manifest.journal_id == journal_id
