"""One window per journal: an OS file lock held while the app has the journal open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from app.errors import JournalInUseError

LOCK_NAME = ".journal.lock"
OPERATION_LOCK_NAME = ".journal.operation.lock"
OPERATION_WAIT_SECONDS = 60.0


class JournalLock:
    """Held by the window for as long as it shows a journal; released by the OS on a crash."""

    def __init__(self, folder: Path) -> None:
        self._lock = FileLock(str(folder / LOCK_NAME), timeout=0)

    def acquire(self) -> None:
        """Take the lock or raise JournalInUseError at once."""
        try:
            self._lock.acquire()
        except Timeout:
            raise JournalInUseError(
                "This journal is already open in another Inquiry Journal window. "
                "Switch to that window, or close it and try again."
            ) from None

    def release(self) -> None:
        """Let another copy of the app open the journal."""
        if self._lock.is_locked:
            self._lock.release()

    @property
    def is_held(self) -> bool:
        """True while this process holds the lock."""
        return self._lock.is_locked

    def __enter__(self) -> JournalLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def _operation_file_lock(folder: Path) -> FileLock:
    # One instance per folder in this process, so a thread that holds it may take it again.
    return FileLock(str(folder / OPERATION_LOCK_NAME), is_singleton=True)


@contextmanager
def operation_lock(folder: Path) -> Iterator[None]:
    """Held while a restore, re-key or backup changes files in or for `folder`.

    Unlike the window's lock it is held only for the operation, so the start-up check that
    finishes interrupted operations can tell a live one (lock held) from a dead one.
    """
    lock = _operation_file_lock(folder)
    try:
        lock.acquire(timeout=OPERATION_WAIT_SECONDS)
    except Timeout:
        raise JournalInUseError(
            "Another Inquiry Journal window or command is restoring or backing up this "
            "journal. Wait for it to finish, then try again."
        ) from None
    try:
        yield
    finally:
        lock.release()


def try_operation_lock(folder: Path) -> FileLock | None:
    """The operation lock if no other process or thread holds it now, else None."""
    lock = _operation_file_lock(folder)
    try:
        lock.acquire(blocking=False)
    except Timeout:
        return None
    return lock
