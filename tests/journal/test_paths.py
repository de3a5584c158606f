"""Journal folders: the default, the overrides, and network shares."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.journal.paths import ENV_HOME, default_data_dir, is_network_path, resolve_data_dir


def test_environment_variable_sets_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(ENV_HOME, str(tmp_path / "mine"))
    assert default_data_dir() == tmp_path / "mine"
    assert resolve_data_dir(None) == tmp_path / "mine"
    assert resolve_data_dir(tmp_path / "given") == tmp_path / "given"


def test_without_the_variable_the_platform_data_folder_is_used(
    monkeypatch: pytest.MonkeyPatch, isolated_home: Path
) -> None:
    monkeypatch.delenv(ENV_HOME)
    folder = default_data_dir()
    assert folder.name == "InquiryJournal"
    assert str(folder).startswith(str(isolated_home))  # XDG_DATA_HOME points into the test home


@pytest.mark.parametrize("path", ["\\\\fileserver\\share\\journal", "//fileserver/share/journal"])
def test_unc_paths_are_network_shares(path: str) -> None:
    assert is_network_path(Path(path))


def test_a_local_temporary_folder_is_not_a_network_share(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path / "not-yet-created")


def test_nfs_mounts_are_recognised(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    mounts = f"/dev/vda / ext4 rw 0 0\nserver:/export {tmp_path} nfs4 rw 0 0\n"
    monkeypatch.setattr("app.journal.paths.sys.platform", "linux")
    real_read_text = Path.read_text

    def fake_read_text(self: Path, *args: object, **kwargs: object) -> str:
        if str(self) == "/proc/self/mounts":
            return mounts
        return real_read_text(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", fake_read_text)
    assert is_network_path(tmp_path / "journal")
    assert not is_network_path(Path("/var/tmp"))


def test_a_folder_chosen_at_setup_becomes_the_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, key_store: object
) -> None:
    from app.journal.opening import create_journal
    from app.journal.paths import remember_journal_folder, remembered_journal_folder

    monkeypatch.delenv(ENV_HOME)
    chosen = tmp_path / "OneDrive-free folder"
    remember_journal_folder(chosen)
    assert remembered_journal_folder() == chosen
    assert default_data_dir() != chosen  # no journal there yet
    journal, _ = create_journal(chosen, key_store)  # type: ignore[arg-type]
    journal.close()
    assert default_data_dir() == chosen
    monkeypatch.setenv(ENV_HOME, str(tmp_path / "env"))
    assert default_data_dir() == tmp_path / "env"  # the variable still wins
