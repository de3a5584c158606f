"""A journal is never silently replaced by an empty one, nor by another journal's database."""

from __future__ import annotations

import shutil
from pathlib import Path, PureWindowsPath

import keyring
import pytest
from sqlalchemy import select

from app.errors import StorageError, WrongDatabaseError
from app.journal.opening import create_journal, open_journal
from app.storage.engine import connect, file_uri
from app.storage.keys import KEYRING_SERVICE, Passphrase, SystemKeyring
from app.storage.meta import db_path, read_meta
from app.storage.tables import JournalIdentity
from tests.support.backups import folder_digest
from tests.support.cli import run

PASSPHRASE = "a long enough passphrase"


def stamped_id(folder: Path, passphrase: str | None = None) -> str | None:
    journal = open_journal(folder, SystemKeyring(), passphrase)
    try:
        with journal.engine.connect() as conn:
            return conn.execute(select(JournalIdentity.journal_id)).scalar_one_or_none()
    finally:
        journal.close()


@pytest.fixture
def folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Path:
    """A journal with two notes and two backups, made from the command line."""
    folder = tmp_path / "j"
    for text in ("First", "Second"):
        assert run(capsys, "note", text, "--data-dir", str(folder))[0] == 0
        assert run(capsys, "backup", "--data-dir", str(folder))[0] == 0
    return folder


@pytest.mark.parametrize("damage", ["removed", "emptied"])
def test_a_lost_database_is_refused_naming_the_backups_and_nothing_is_created(
    capsys: pytest.CaptureFixture[str], folder: Path, damage: str
) -> None:
    if damage == "removed":
        db_path(folder).unlink()
    else:
        db_path(folder).write_bytes(b"")
    before = folder_digest(folder)
    backups = sorted(p.name for p in (folder / "backups").iterdir())

    code, out, err = run(capsys, "note", "x", "--data-dir", str(folder))

    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1
    what = "is missing" if damage == "removed" else "is empty (0 bytes)"
    assert err.startswith(f"inquiry-journal: {db_path(folder)} {what}, so the journal was not")
    assert f"The newest backups in {folder / 'backups'}: " in err
    assert all(name in err for name in backups)
    assert "inquiry-journal restore FILE" in err
    assert folder_digest(folder) == before
    assert db_path(folder).exists() == (damage == "emptied")


def test_check_reports_a_lost_database_in_one_line_never_healthy(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    db_path(folder).write_bytes(b"")
    code, out, err = run(capsys, "check", "--data-dir", str(folder))
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1 and "healthy" not in err
    assert "is empty (0 bytes)" in err


def test_a_backup_is_not_made_or_rotated_over_a_lost_database(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    run(capsys, "backup", "--keep", "2", "--data-dir", str(folder))
    db_path(folder).unlink()
    backups = sorted((folder / "backups").iterdir())
    for _ in range(2):
        assert run(capsys, "backup", "--data-dir", str(folder))[0] == 1
    assert sorted((folder / "backups").iterdir()) == backups


def test_a_passphrase_journal_with_no_database_is_refused_before_asking(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "j"
    create_journal(folder, SystemKeyring(), PASSPHRASE)[0].close()
    db_path(folder).unlink()
    code, _, err = run(capsys, "note", "x", "--data-dir", str(folder))
    assert code == 1 and "is missing" in err and "protected by a passphrase" not in err
    assert not db_path(folder).exists()


def test_another_journals_database_is_refused_at_open_and_by_check(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    for folder in (mine, theirs):
        create_journal(folder, SystemKeyring(), PASSPHRASE)[0].close()
    shutil.copyfile(db_path(theirs), db_path(mine))  # the same passphrase opens it
    before = folder_digest(mine)

    with pytest.raises(WrongDatabaseError, match="belongs to another journal"):
        open_journal(mine, SystemKeyring(), PASSPHRASE)
    monkeypatch.setenv("INQUIRY_JOURNAL_PASSPHRASE", PASSPHRASE)
    code, out, err = run(capsys, "check", "--data-dir", str(mine))

    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1 and "healthy" not in err
    assert f"belongs to another journal (id {read_meta(theirs).journal_id[:8]})" in err
    assert folder_digest(mine) == before


def test_a_new_journal_records_its_id_in_its_database(journal_dir: Path) -> None:
    create_journal(journal_dir, SystemKeyring())[0].close()
    assert stamped_id(journal_dir) == read_meta(journal_dir).journal_id


def test_a_journal_made_before_the_id_was_recorded_is_stamped_on_first_open(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    from tests.support.old_journals import journal_at

    journal_at(journal_dir, "0008", key_store)
    assert stamped_id(journal_dir) == read_meta(journal_dir).journal_id
    assert stamped_id(journal_dir) == read_meta(journal_dir).journal_id  # and opens again


def test_a_database_without_a_journal_in_it_is_refused(
    journal_dir: Path, key_store: SystemKeyring
) -> None:
    journal = create_journal(journal_dir, key_store)[0]
    key = journal.key
    journal.close()
    db_path(journal_dir).unlink()
    connect(db_path(journal_dir), key, create=True).close()  # keyed, but no tables
    with pytest.raises(WrongDatabaseError, match="holds no journal"):
        open_journal(journal_dir, key_store)


def test_opening_a_missing_file_never_creates_it(tmp_path: Path) -> None:
    missing = tmp_path / "a folder with spaces # and ?" / "journal.db"
    missing.parent.mkdir()
    with pytest.raises(StorageError):
        connect(missing, Passphrase(PASSPHRASE))
    assert not missing.exists()
    connect(missing, Passphrase(PASSPHRASE), create=True).close()
    connect(missing, Passphrase(PASSPHRASE)).close()


def test_windows_paths_become_uris_sqlite_accepts() -> None:
    assert file_uri(PureWindowsPath(r"C:\Users\Ana B\Inquiry#1\journal.db")) == (
        "file:///C:/Users/Ana%20B/Inquiry%231/journal.db"
    )
    # A share's server must not become the URI's authority (SQLite refuses one).
    assert file_uri(PureWindowsPath(r"\\server\share\j\journal.db")) == (
        "file:////server/share/j/journal.db"
    )


@pytest.mark.parametrize("new_passphrase", [None, PASSPHRASE])
def test_recovery_refuses_another_journals_database_before_changing_anything(
    tmp_path: Path, key_store: SystemKeyring, new_passphrase: str | None
) -> None:
    from app.journal.opening import recover_journal

    mine, theirs = tmp_path / "mine", tmp_path / "theirs"
    create_journal(mine, key_store)[0].close()
    their_journal, their_code = create_journal(theirs, key_store)
    their_journal.close()
    shutil.copyfile(db_path(theirs), db_path(mine))
    my_id = read_meta(mine).journal_id
    keyring.delete_password(KEYRING_SERVICE, my_id)  # a new laptop: the key is not here
    before = folder_digest(mine)

    with pytest.raises(WrongDatabaseError, match="belongs to another journal"):
        recover_journal(mine, their_code, key_store, new_passphrase)

    assert folder_digest(mine) == before
    assert key_store.load(my_id) is None


def test_the_restore_the_refusal_names_brings_the_journal_back(
    capsys: pytest.CaptureFixture[str], folder: Path
) -> None:
    db_path(folder).unlink()
    from app.journal.backups import list_backups

    newest = list_backups(folder / "backups", read_meta(folder).journal_id)[0].path
    code, out, err = run(capsys, "restore", str(newest), "--data-dir", str(folder))
    assert (code, err) == (0, "") and "It opens with 2 entries." in out
    code, out, _ = run(capsys, "check", "--data-dir", str(folder))
    assert code == 0 and "healthy: 2 entries" in out
