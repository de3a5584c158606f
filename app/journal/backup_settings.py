"""Backup settings: where backups go, how often, how many are kept (`backups.json`).

Apart from the rest of app/backups so that the start-up check for unfinished backups reads
them without loading what making a backup needs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from app.errors import BackupError
from app.json_fields import FieldReader, Wording, parse_json
from app.storage.files import write_atomically

SETTINGS_NAME = "backups.json"
DEFAULT_FOLDER_NAME = "backups"
DEFAULT_KEEP = 14
MAX_KEEP = 999


class BackupInterval(StrEnum):
    """How often a backup is made while the app is open."""

    OFF = "off"
    HOURLY = "hourly"
    DAILY = "daily"
    WEEKLY = "weekly"

    @property
    def label(self) -> str:
        """The choice as people read it."""
        return _INTERVAL_LABELS[self]

    @property
    def period(self) -> timedelta | None:
        """Time between backups (None: no automatic backups)."""
        return _PERIODS[self]


_INTERVAL_LABELS = {
    BackupInterval.OFF: "Never (only when I ask)",
    BackupInterval.HOURLY: "Every hour",
    BackupInterval.DAILY: "Every day",
    BackupInterval.WEEKLY: "Every week",
}
_PERIODS = {
    BackupInterval.OFF: None,
    BackupInterval.HOURLY: timedelta(hours=1),
    BackupInterval.DAILY: timedelta(days=1),
    BackupInterval.WEEKLY: timedelta(weeks=1),
}


@dataclass(frozen=True)
class BackupSettings:
    """Where backups go (None: the `backups` folder in the journal folder), how often, how many."""

    folder: Path | None = None
    interval: BackupInterval = BackupInterval.DAILY
    keep: int = DEFAULT_KEEP

    def folder_for(self, journal_folder: Path) -> Path:
        """The folder backups of this journal go to."""
        return self.folder if self.folder is not None else default_folder(journal_folder)


def default_folder(journal_folder: Path) -> Path:
    """The `backups` folder inside the journal folder."""
    return journal_folder / DEFAULT_FOLDER_NAME


_WRONG = replace(Wording.alike("'{key}' is wrong."), not_object="they are not a JSON object.")
"""How damaged settings are described (the person chooses them again either way)."""


def read_settings(journal_folder: Path) -> BackupSettings:
    """The journal's backup settings (the defaults when none were saved)."""
    path = journal_folder / SETTINGS_NAME
    try:
        raw = parse_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return BackupSettings()
    except (OSError, ValueError) as exc:
        raise BackupError(
            f"The backup settings in {path} could not be read ({exc}). "
            "Choose them again under File > Backups."
        ) from exc

    def damaged(problem: str) -> BackupError:
        return BackupError(
            f"The backup settings in {path} are damaged ({problem.rstrip('.')}). "
            "Choose them again under File > Backups."
        )

    read = FieldReader(damaged, _WRONG)
    item = read.obj(raw)
    folder = read.maybe_text(item, "folder")
    interval = read.maybe_choice(item, "interval", BackupInterval)
    keep = read.maybe_integer(item, "keep")
    return BackupSettings(
        folder=Path(folder) if folder else None,
        interval=BackupInterval.DAILY if interval is None else interval,
        keep=_checked_keep(DEFAULT_KEEP if keep is None else keep),
    )


def save_settings(journal_folder: Path, settings: BackupSettings) -> None:
    """Keep the settings in the journal folder (they apply from the next check)."""
    _checked_keep(settings.keep)
    if settings.folder is not None and not settings.folder.is_absolute():
        raise BackupError("Please choose the backup folder with its full path.")
    payload = {
        "folder": str(settings.folder) if settings.folder is not None else None,
        "interval": settings.interval.value,
        "keep": settings.keep,
    }
    data = (json.dumps(payload, indent=2) + "\n").encode("utf-8")
    write_atomically(journal_folder / SETTINGS_NAME, data)


def _checked_keep(keep: int) -> int:
    if not 1 <= keep <= MAX_KEEP:
        raise BackupError(f"Keep between 1 and {MAX_KEEP} backups.")
    return keep
