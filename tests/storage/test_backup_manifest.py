"""A backup whose backup.json gives an impossible time is refused before anything changes."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.cli.main import main
from app.errors import BackupError
from app.storage.backup_file import MANIFEST_NAME, read_manifest
from tests.support.backups import folder_digest
from tests.support.cli import run


def with_made_at(backup: Path, target: Path, made_at: str) -> Path:
    """A copy of `backup` whose backup.json says it was made at `made_at`."""
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(target, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == MANIFEST_NAME:
                manifest = json.loads(data)
                manifest["made_at"] = made_at
                data = json.dumps(manifest).encode("utf-8")
            out.writestr(item, data)
    return target


@pytest.mark.parametrize(
    "made_at",
    ["0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00+00:00", "9999-12-31T23:59:59-05:00"],
)
def test_a_backup_from_an_impossible_time_is_refused_and_nothing_changes(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, made_at: str
) -> None:
    folder = tmp_path / "j"
    assert run(capsys, "note", "Before", "--title", "Before", "--data-dir", str(folder))[0] == 0
    good = tmp_path / "good.ijbackup"
    assert run(capsys, "backup", "--out", str(good), "--data-dir", str(folder))[0] == 0
    run(capsys, "note", "After", "--title", "After", "--data-dir", str(folder))
    crafted = with_made_at(good, tmp_path / "crafted.ijbackup", made_at)
    with pytest.raises(BackupError, match=r"crafted\.ijbackup is not an Inquiry Journal backup"):
        read_manifest(crafted)
    before = folder_digest(folder)

    code, out, err = run(capsys, "restore", str(crafted), "--data-dir", str(folder))

    assert (code, out) == (1, "")
    assert err == (
        "inquiry-journal: crafted.ijbackup is not an Inquiry Journal backup, or it is damaged.\n"
    )
    assert folder_digest(folder) == before


def test_a_backup_made_now_in_any_zone_is_accepted(tmp_path: Path) -> None:
    folder = tmp_path / "j"
    assert main(["note", "Kept", "--data-dir", str(folder)]) == 0
    good = tmp_path / "good.ijbackup"
    assert main(["backup", "--out", str(good), "--data-dir", str(folder)]) == 0
    for made_at in ("2026-03-01T23:30:00-12:00", "2026-03-02T00:30:00+14:00"):
        crafted = with_made_at(good, tmp_path / "zone.ijbackup", made_at)
        assert read_manifest(crafted).made_at.isoformat() == made_at
