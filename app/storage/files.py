"""Small, careful file writes: a file is either the old version or the new one, never half.

Everything the app writes holds reflections or keys to them, so on POSIX its files are made
0600 and its folders 0700 (its owner's alone), whatever the umask.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from app.errors import StorageError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
PRIVATE_UMASK = 0o077


def open_private(path: Path) -> BinaryIO:
    """Open `path` for writing (created, or emptied), readable and writable by its owner alone."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags, PRIVATE_FILE)
    try:
        if os.name == "posix":
            os.fchmod(fd, PRIVATE_FILE)  # open's mode applies only to a file it creates
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def create_private_file(path: Path) -> None:
    """Create `path` empty and owner-only if it does not exist yet (an existing file is kept).

    SQLite gives a database's -wal and -shm files the mode of the database itself, so a
    journal.db made this way keeps all three private.
    """
    if path.exists():
        return
    with contextlib.suppress(FileExistsError):  # made a moment ago by another program
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))


def make_private_folder(folder: Path) -> None:
    """Create `folder` (and any missing parents) if needed; the folder is its owner's alone."""
    folder.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
    keep_private(folder)


def keep_private(path: Path) -> None:
    """Take group and other access away from a file or folder of the app's that has any.

    Best effort: a file system without POSIX modes (FAT, some network shares) keeps its own
    rules, and the app still works there, so a refusal to change the mode is not an error.
    """
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & PRIVATE_UMASK:
            path.chmod(mode & ~PRIVATE_UMASK)


def keep_folder_private(folder: Path) -> None:
    """Tighten a folder the app owns and what lies directly in it (see keep_private)."""
    keep_private(folder)
    with contextlib.suppress(OSError):
        for child in folder.iterdir():
            keep_private(child)


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """While running, files and folders this process creates are its owner's alone (POSIX).

    The entry points run inside it so that files made by others on the app's behalf (SQLite's
    journal files, Qt's PDF writer, python-docx) follow the same rule as the app's own.
    """
    if os.name != "posix":
        yield
        return
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file, fsync and rename; the file is 0600.

    Raises StorageError (with the OS reason) and leaves any existing file untouched.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with open_private(tmp) as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"Could not write {path}: {describe_os_error(exc)}") from exc


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where the OS does not support it)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    """An OS error in plain words, naming the usual causes."""
    import errno

    if exc.errno == errno.ENOSPC:
        return "the disk is full. Free some space and try again"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission was refused. Check that the folder is yours and not read-only"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    return exc.strerror or str(exc)
