"""One window per journal: an OS file lock held while the app has the journal open."""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from app.errors import JournalInUseError

LOCK_NAME = ".journal.lock"


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
