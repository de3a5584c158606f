"""The windowed program: `inquiry-journal-gui`, and the bundle's main executable.

It opens the journal window. With --self-test it runs the installation checks instead and opens
no window; on Windows this program has no console, so add `--report FILE` to read the results.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window (or run the self-test); return the process exit code.

    What it writes is its owner's alone (umask 077 on POSIX), files made by others included.
    """
    from app import collection

    collection.hold_back()  # while the window opens (app/collection.py)
    from app.diagnostics import errorlog
    from app.storage.files import private_umask

    with private_umask(), errorlog.hooks_installed():
        try:
            return _run(argv)
        except Exception:  # before a window exists, e.g. Qt failing to load: no console here
            errorlog.record_current("Start-up failure")
            return 2
        finally:
            collection.resume()  # the self-test, or a start that opened no window


def _run(argv: Sequence[str] | None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if "--self-test" in arguments:
        from app.cli.main import main as command_line

        return command_line(arguments)
    from app.ui.window.launch import main as open_window

    return open_window(argv=[sys.argv[0], *arguments])
