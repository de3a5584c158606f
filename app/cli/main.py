"""The `inquiry-journal` command: opens the window, or runs a task with no display needed."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from app import __version__
from app.cli.common import PROG, Handler, check_text_arguments, open_or_create, warn
from app.diagnostics import errorlog
from app.errors import JournalError
from app.journal.paths import is_network_path, resolve_data_dir
from app.storage.files import private_umask
from app.storage.keys import KeyStore, SystemKeyring

__all__ = ["main", "open_or_create"]


def main(argv: Sequence[str] | None = None, key_store: KeyStore | None = None) -> int:
    """Run the command line; return the process exit code.

    What it writes is its owner's alone (umask 077 on POSIX), files made by others included.
    Exit codes: 0 done, 1 a mistake or refusal explained in one line, 2 a bug (recorded in the
    error log, whose place is printed), 130 stopped with Ctrl+C, 141 the output's reader
    stopped reading (`search ... | head`), as a program ended by SIGPIPE reports it.
    """
    with private_umask(), errorlog.hooks_installed():
        try:
            code = _run(argv, key_store)
            if sys.stdout is not None:  # None in a windowed program with no console
                sys.stdout.flush()  # a reader that stopped early shows here, not at exit
            return code
        except BrokenPipeError:
            _stop_writing_to_stdout()
            return 141
        except Exception:
            errorlog.record_current("Command-line failure")
            print(bug_line(), file=sys.stderr)
            return 2


def _stop_writing_to_stdout() -> None:
    """Point standard output at the null device, so the interpreter's last flush of what is
    left in its buffer does not fail again on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def bug_line() -> str:
    """What the command line says about a bug: one line, with the error log's place."""
    return (
        f"{PROG}: something went wrong (a bug, not something you did); nothing you wrote was "
        f"lost. Details for IT are in {errorlog.log_file()}"
    )


def _run(argv: Sequence[str] | None, key_store: KeyStore | None) -> int:
    _tolerate_any_file_name_in_output()
    words = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(words)
    args = parser.parse_args(words)
    store = key_store or SystemKeyring()
    try:
        check_text_arguments(args)
        if args.self_test:
            from app.cli import selftest

            return selftest.run(store, args.report)
        if args.report is not None:
            parser.error("--report goes with --self-test")
        folder = resolve_data_dir(getattr(args, "data_dir", None))
        if args.command is None:
            from app.ui.window.launch import main as open_window

            return open_window(folder)
        if getattr(args, "needs_journal", True):
            if is_network_path(folder):
                warn(
                    f"{folder} looks like a network folder. Journals kept on a network share "
                    "can be damaged; please use a folder on this computer."
                )
            _finish_interrupted(folder)
        handler: Handler = args.handler
        return handler(args, folder, store)
    except JournalError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: stopped.", file=sys.stderr)
        return 130


def _finish_interrupted(folder: Path) -> None:
    """Finish or undo a restore or key change that a crash cut short, and say so."""
    from app.journal.interrupted import finish_interrupted

    notice = finish_interrupted(folder)
    if notice is not None:
        print(f"{PROG}: {notice}", file=sys.stderr)


def _tolerate_any_file_name_in_output() -> None:
    """Print a file name holding bytes that are not UTF-8 as escapes rather than failing
    after the work is done (such names are allowed on POSIX; text is checked on the way in)."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


GROUPS: dict[str, frozenset[str]] = {
    "app.cli.journal": frozenset({"check", "demo", "export", "import", "note", "recover"}),
    "app.cli.search": frozenset({"search"}),
    "app.cli.summary": frozenset({"privacy-check", "summary"}),
    "app.cli.sharing": frozenset({"card", "coach", "comment", "feedback", "participant", "share"}),
    "app.cli.backup": frozenset({"backup", "restore"}),
    "app.cli.reminders": frozenset({"calendar", "due"}),
    "app.cli.spelling": frozenset({"dictionary", "spell-check"}),
}
"""Each command group's module and the commands it registers (its COMMANDS; a test checks
they agree), so only the module of the command given is loaded."""


def _groups_for(words: Sequence[str]) -> list[ModuleType]:
    """The command groups whose parsers this command line needs.

    argparse looks up translations for every parser it makes, which costs more than a quick
    command's own work, so only the groups of the command words given are built. With help
    asked for, or no known command given (the window, or a mistyped command that needs the
    full list), all are.
    """
    if any(len(word) > 1 and "--help".startswith(word) for word in words):  # -h, --he...
        return [importlib.import_module(name) for name in GROUPS]
    named = [name for name, commands in GROUPS.items() if any(word in commands for word in words)]
    return [importlib.import_module(name) for name in named or GROUPS]


def _parser(words: Sequence[str] = ()) -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="the journal folder (default: $INQUIRY_JOURNAL_HOME or your data folder)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="Inquiry Journal: an encrypted journal for action-inquiry cycles. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this copy of the app works here (in a temporary folder), then exit",
    )
    parser.add_argument(
        "--report", metavar="FILE", help="with --self-test: also write the results to FILE"
    )
    parser.add_argument(
        "--in-tray",
        action="store_true",
        help="with no command: start locked in the tray if you chose to keep it there (what "
        "starting at login does)",
    )
    parser.add_argument(
        "--quick-note",
        action="store_true",
        help="with no command: open the journal window with a Quick note in front of it",
    )
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in _groups_for(words):
        group.register(sub, common)
    return parser
