"""`inquiry-journal backup` and `restore`: checked backups, plain-English refusals."""

from __future__ import annotations

import re
from pathlib import Path

import keyring
import pytest

from app.storage.backup_file import verify_backup
from app.storage.keys import KEYRING_SERVICE, SystemKeyring
from app.storage.lock import JournalLock
from app.storage.meta import read_meta
from tests.support.backups import folder_digest
from tests.support.cli import run
from tests.support.journals import entry_titles_at


@pytest.fixture
def folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A journal with one entry, made from the command line."""
    folder = tmp_path / "j"
    assert (
        run(capsys, "note", "Asked first", "--title", "Huddle", "--data-dir", str(folder))[0] == 0
    )
    return folder


def test_backup_out_writes_a_checked_file_and_restore_brings_it_back(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "backup", "--out", str(tmp_path / "monday"), "--data-dir", str(folder)
    )
    backup = tmp_path / "monday.ijbackup"
    assert (code, err) == (0, "")
    assert re.fullmatch(rf"Backed up to {re.escape(str(backup))} \(\d+ KB, checked\)\.\n", out)
    key = SystemKeyring().load(read_meta(folder).journal_id)
    assert key is not None and verify_backup(backup, key).manifest.journal_id
    run(capsys, "note", "Later", "--title", "Later", "--data-dir", str(folder))

    code, out, err = run(capsys, "restore", str(backup), "--data-dir", str(folder))

    assert (code, err) == (0, "")
    assert "Restored the backup made on" in out and "It opens with 1 entry." in out
    assert entry_titles_at(folder) == ["Huddle"]
    [aside] = folder.glob("before-restore-*")
    assert (aside / "journal.db").is_file()


def test_backup_goes_to_the_backup_folder_and_is_listed(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    code, out, _ = run(capsys, "backup", "--data-dir", str(folder))
    assert code == 0 and str(folder / "backups") in out
    code, out, _ = run(capsys, "backup", "--list", "--data-dir", str(folder))
    [line] = out.splitlines()
    [made] = (folder / "backups").iterdir()
    assert code == 0 and line.endswith(str(made))


def test_backup_settings_can_be_changed_from_the_command_line(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    onedrive = tmp_path / "OneDrive"
    onedrive.mkdir()
    argv = ["backup", "--folder", str(onedrive), "--every", "weekly", "--keep", "5"]
    code, out, _ = run(capsys, *argv, "--data-dir", str(folder))
    assert code == 0
    assert out == (
        f"Backups go to {onedrive}, every week while the window is open; the newest 5 are kept, "
        "and one a day, a week and a month further back.\n"
    )
    code, out, _ = run(capsys, "backup", "--data-dir", str(folder))
    assert code == 0 and str(onedrive) in out
    code, _, err = run(capsys, "backup", "--keep", "0", "--data-dir", str(folder))
    assert code == 1 and err == "inquiry-journal: Keep between 1 and 999 backups.\n"


def test_errors_are_one_line_with_nothing_changed(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    not_a_backup = tmp_path / "minutes.ijbackup"
    not_a_backup.write_text("minutes", encoding="utf-8")
    before = folder_digest(folder)
    code, out, err = run(capsys, "restore", str(not_a_backup), "--data-dir", str(folder))
    assert (code, out) == (1, "")
    assert err == (
        "inquiry-journal: minutes.ijbackup is not an Inquiry Journal backup, "
        "or it is damaged (cut short?).\n"
    )
    code, _, err = run(capsys, "backup", "--data-dir", str(tmp_path / "empty"))
    assert (
        code == 1
        and err == f"inquiry-journal: There is no journal in {tmp_path / 'empty'} to back up.\n"
    )
    assert not (tmp_path / "empty").exists()
    assert folder_digest(folder) == before


def test_restore_is_refused_while_the_window_has_the_journal_open(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    run(capsys, "backup", "--out", str(tmp_path / "b.ijbackup"), "--data-dir", str(folder))
    with JournalLock(folder):
        before = folder_digest(folder)
        code, _, err = run(
            capsys, "restore", str(tmp_path / "b.ijbackup"), "--data-dir", str(folder)
        )
    assert code == 1 and "already open in another Inquiry Journal window" in err
    assert folder_digest(folder) == before


def test_restore_on_a_new_laptop_needs_the_recovery_code(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    old = tmp_path / "old"
    _, _, err = run(capsys, "note", "From the old laptop", "--title", "Old", "--data-dir", str(old))
    code_line = next(line for line in err.splitlines() if line.startswith("Recovery code:"))
    recovery_code = code_line.removeprefix("Recovery code: ").strip()
    run(capsys, "backup", "--out", str(tmp_path / "move.ijbackup"), "--data-dir", str(old))
    keyring.delete_password(KEYRING_SERVICE, read_meta(old).journal_id)
    new = tmp_path / "new"

    code, _, err = run(capsys, "restore", str(tmp_path / "move.ijbackup"), "--data-dir", str(new))
    assert code == 1 and "give your recovery code with --code" in err
    assert not new.exists()

    argv = ["restore", str(tmp_path / "move.ijbackup"), "--code", recovery_code]
    code, out, err = run(capsys, *argv, "--data-dir", str(new))
    assert (code, err) == (0, "")
    assert "It opens with 1 entry." in out
    assert entry_titles_at(new) == ["Old"]


def test_a_backup_of_another_journal_is_refused_with_the_way_forward(
    capsys: pytest.CaptureFixture[str], folder: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    run(capsys, "note", "Someone else's", "--data-dir", str(other))
    run(capsys, "backup", "--out", str(tmp_path / "other.ijbackup"), "--data-dir", str(other))
    before = folder_digest(folder)
    code, out, err = run(
        capsys, "restore", str(tmp_path / "other.ijbackup"), "--data-dir", str(folder)
    )
    assert (code, out) == (1, "")
    assert err.startswith("inquiry-journal: other.ijbackup is a backup of another journal")
    assert err.endswith("run again with --replace-journal.\n")
    assert len(err.splitlines()) == 1
    assert folder_digest(folder) == before


def test_restore_replaces_this_journal_by_another_only_with_replace_journal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("INQUIRY_JOURNAL_PASSPHRASE", "the same passphrase for both")
    mine, other = tmp_path / "mine", tmp_path / "other"
    run(capsys, "note", "Mine", "--title", "Mine", "--data-dir", str(mine))
    run(capsys, "note", "Theirs", "--title", "Theirs", "--data-dir", str(other))
    run(capsys, "backup", "--out", str(tmp_path / "other.ijbackup"), "--data-dir", str(other))
    before = folder_digest(mine)
    argv = ["restore", str(tmp_path / "other.ijbackup"), "--data-dir", str(mine)]

    code, out, err = run(capsys, *argv)
    assert (code, out) == (1, "")
    assert "is a backup of another journal" in err and "--replace-journal" in err
    assert folder_digest(mine) == before

    code, out, err = run(capsys, *argv, "--replace-journal")
    assert (code, err) == (0, "")
    assert "kept in" in out and "It opens with 1 entry." in out
    assert read_meta(mine).journal_id == read_meta(other).journal_id
