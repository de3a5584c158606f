"""Where journals live: the one module that knows about platform folders."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ENV_HOME = "INQUIRY_JOURNAL_HOME"
_APP_DIR = "InquiryJournal"
_LOCATION_FILE = "journal-location.json"
_NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "9p", "ncpfs"}


def platform_data_dir() -> Path:
    """The per-user data folder this platform gives the app."""
    import platformdirs  # loaded when a folder is asked for: --data-dir needs none

    return Path(platformdirs.user_data_dir(_APP_DIR, appauthor=False, roaming=False))


def default_data_dir() -> Path:
    """The journal folder used when none is given.

    $INQUIRY_JOURNAL_HOME if set; else the folder chosen at setup, if it still holds a journal;
    else the platform's per-user data folder.
    """
    env = os.environ.get(ENV_HOME, "").strip()
    if env:
        return Path(env).expanduser()
    remembered = remembered_journal_folder()
    if remembered is not None and (remembered / "journal.json").is_file():
        return remembered
    return platform_data_dir()


def remembered_journal_folder() -> Path | None:
    """The journal folder chosen at setup (window and command line share it)."""
    try:
        raw = json.loads((settings_dir() / _LOCATION_FILE).read_text(encoding="utf-8"))
        return Path(str(raw["journal"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def remember_journal_folder(folder: Path) -> None:
    """Open this folder by default from now on (the platform folder needs no note)."""
    from app.storage.files import make_private_folder, write_atomically

    target = settings_dir() / _LOCATION_FILE
    if folder.absolute() == platform_data_dir().absolute():
        target.unlink(missing_ok=True)
        return
    make_private_folder(target.parent)
    payload = json.dumps({"journal": str(folder.absolute())}, indent=2) + "\n"
    write_atomically(target, payload.encode("utf-8"))


def resolve_data_dir(given: str | os.PathLike[str] | None) -> Path:
    """The journal folder for a command: the one given, else the default; made absolute."""
    folder = Path(given).expanduser() if given else default_data_dir()
    return folder.absolute()


def settings_dir() -> Path:
    """Per-user folder for window state and preferences (never journal content)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(_APP_DIR, appauthor=False, roaming=True))


def log_dir() -> Path:
    """Per-user folder for the error log (exception types and code locations, never content).

    Follows the platform: %LOCALAPPDATA%\\InquiryJournal\\Logs on Windows, ~/Library/Logs on
    macOS, $XDG_STATE_HOME/InquiryJournal/log on Linux (so tests' own XDG folders hold it too).
    """
    import platformdirs

    return Path(platformdirs.user_log_dir(_APP_DIR, appauthor=False))


def is_network_path(path: Path) -> bool:
    """True when `path` looks like it is on a network share, where SQLite's WAL is unsafe."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":
        return _windows_drive_is_remote(path)
    if sys.platform.startswith("linux"):
        fstype = _linux_fstype(path)
        return fstype is not None and (
            fstype in _NETWORK_FS or fstype.startswith("fuse.sshfs") or fstype == "sshfs"
        )
    return False


def _windows_drive_is_remote(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    drive = path.drive
    if not drive:
        return False
    drive_remote = 4
    kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
    return int(kernel32.GetDriveTypeW(drive + "\\")) == drive_remote


def _linux_fstype(path: Path) -> str | None:
    """The filesystem type of the mount holding `path`, read from /proc/self/mounts."""
    try:
        mounts = Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    target = path
    while not target.exists() and target != target.parent:
        target = target.parent
    resolved = str(target.resolve())
    best: tuple[int, str] | None = None
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = resolved == mount_point or resolved.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), parts[2])
    return best[1] if best else None
