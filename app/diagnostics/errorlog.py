"""The local error log: a bug leaves a trace the person can send to IT, never a silent exit.

A record holds what kind of failure it was, the exception's type and where in the code it
happened (file:line:function for each frame) - never its message, argument values or anything
read from a journal, since a message can quote what someone wrote. The log is small and
rotated (256 KB x 3), its files are private to their owner (0600), and writing it never raises:
a full disc or a read-only folder must not turn one bug into two. No Qt here; the window's
part (Qt warnings, the "Something went wrong" dialog) lives in app/ui/window/crash_report.py.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from app import __version__
from app.journal.paths import log_dir

LOG_NAME = "errors.log"
MAX_BYTES = 256 * 1024
BACKUPS = 3
_LOGGER = "inquiry_journal.errors"
_APP_ROOT = Path(__file__).resolve().parents[2]
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'|“[^”]*”")
_QT_WARNING_LIMIT = 200

ExcInfo = tuple[type[BaseException], BaseException | None, TracebackType | None]
Listener = Callable[[str], None]
"""Told the content-free details of each bug recorded (the window shows them)."""


def log_file() -> Path:
    """Where bugs are recorded (the file may not exist yet)."""
    return log_dir() / LOG_NAME


def describe(
    exc_type: type[BaseException], exc: BaseException | None, tb: TracebackType | None
) -> str:
    """The exception's type and each frame's file:line:function; its message is left out.

    Causes and contexts (``raise ... from``) are described the same way, innermost last.
    """
    lines: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = exc
    current_type: type[BaseException] = exc_type
    current_tb = tb
    while True:
        lines.append(f"{current_type.__module__}.{current_type.__qualname__}")
        lines.extend(f"  at {frame}" for frame in _frames(current_tb))
        if current is None:
            break
        seen.add(id(current))
        following = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
        if following is None or id(following) in seen:
            break
        lines.append("which happened while handling, or because of:")
        current, current_type, current_tb = following, type(following), following.__traceback__
    return "\n".join(lines)


def _frames(tb: TracebackType | None) -> list[str]:
    return [
        f"{_short_path(frame.filename)}:{frame.lineno}:{frame.name}"
        for frame in traceback.extract_tb(tb)
    ]


def _short_path(filename: str) -> str:
    """The app's own files relative to it; others by name only (a path can hold a user name)."""
    path = Path(filename)
    with contextlib.suppress(ValueError, OSError):
        return path.resolve().relative_to(_APP_ROOT).as_posix()
    return path.name


def record(kind: str, exc_info: ExcInfo) -> str:
    """Write one bug to the log and return its details (as written, without the time)."""
    details = f"{kind} in Inquiry Journal {__version__}\n{describe(*exc_info)}"
    _write(details)
    for listener in list(_listeners):
        with contextlib.suppress(Exception):
            listener(details)
    return details


def record_current(kind: str) -> str:
    """Record the exception being handled now (call inside an ``except`` block)."""
    exc_type, exc, tb = sys.exc_info()
    if exc_type is None:
        return ""
    return record(kind, (exc_type, exc, tb))


def record_warning(source: str, message: str, location: str = "") -> None:
    """Write a toolkit warning: quoted text removed and cut short, since it can quote content."""
    cleaned = _QUOTED.sub("'…'", " ".join(message.split()))[:_QT_WARNING_LIMIT]
    where = f" at {location}" if location else ""
    _write(f"{source} warning{where}: {cleaned}")


_listeners: list[Listener] = []


def add_listener(listener: Listener) -> None:
    """Also tell `listener` about each bug recorded (the window shows a dialog)."""
    _listeners.append(listener)


def remove_listener(listener: Listener) -> None:
    """Stop telling `listener`."""
    with contextlib.suppress(ValueError):
        _listeners.remove(listener)


@contextlib.contextmanager
def hooks_installed() -> Iterator[None]:
    """Record uncaught exceptions on any thread while inside; the previous hooks come back after.

    The previous hooks still run too, so a console (or a test runner) sees the traceback.
    """
    previous_sys = sys.excepthook
    previous_thread = threading.excepthook

    def on_uncaught(
        exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            record("Uncaught exception", (exc_type, exc, tb))
        previous_sys(exc_type, exc, tb)

    def on_thread(args: threading.ExceptHookArgs) -> None:
        if not issubclass(args.exc_type, SystemExit):
            record(
                "Uncaught exception in a thread",
                (args.exc_type, args.exc_value, args.exc_traceback),
            )
        previous_thread(args)

    sys.excepthook = on_uncaught
    threading.excepthook = on_thread
    try:
        yield
    finally:
        sys.excepthook = previous_sys
        threading.excepthook = previous_thread


def _write(text: str) -> None:
    """Append one record; a log that cannot be written is given up on quietly."""
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    with contextlib.suppress(Exception):
        _logger().error("%s %s", stamp, text)


def _logger() -> logging.Logger:
    """The error logger, writing to the log file of the folder the environment gives now."""
    logger = logging.getLogger(_LOGGER)
    logger.propagate = False  # nothing reaches the root logger or the console
    target = log_file()
    for handler in list(logger.handlers):
        if Path(getattr(handler, "baseFilename", "")) == target:
            return logger
        logger.removeHandler(handler)
        handler.close()
    target.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(OSError):
        target.parent.chmod(0o700)
    from app.diagnostics.errorlog_file import PrivateRotatingFile

    handler = PrivateRotatingFile(target, maxBytes=MAX_BYTES, backupCount=BACKUPS)
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger.addHandler(handler)
    return logger
