"""The error log's file: rotated, small, readable by its owner alone.

Kept apart from app/diagnostics/errorlog.py so that logging's handlers (which bring sockets and
pickling with them) load only when something is written to the log, not at every start.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
from io import TextIOWrapper
from pathlib import Path


class PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose files only their owner can read (0600), opened only when written."""

    def __init__(self, path: Path, maxBytes: int, backupCount: int) -> None:
        super().__init__(
            path, maxBytes=maxBytes, backupCount=backupCount, encoding="utf-8", delay=True
        )

    def _open(self) -> TextIOWrapper:
        descriptor = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        with contextlib.suppress(OSError):
            Path(self.baseFilename).chmod(0o600)  # a file made earlier by another umask
        return open(descriptor, "a", encoding="utf-8")  # noqa: PTH123 - a descriptor, not a path

    def handleError(self, record: logging.LogRecord) -> None:
        """Never print logging's own traceback: the log is best effort by design."""
