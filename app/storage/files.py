"""Small, careful file writes: a file is either the old version or the new one, never half."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from app.errors import StorageError


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file, fsync and rename.

    Raises StorageError (with the OS reason) and leaves any existing file untouched.
    """
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb") as handle:
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
