"""What every command shares: opening the journal, plain-English errors, small helpers."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.errors import JournalError, KeyUnavailableError
from app.storage.keys import KeyStore
from app.storage.meta import KeyMode, journal_exists, read_meta
from app.words import counted

if TYPE_CHECKING:
    from app.journal.opening import Journal
    from app.summary.privacy import LocatedFinding

PASSPHRASE_ENV = "INQUIRY_JOURNAL_PASSPHRASE"
PROG = "inquiry-journal"

RECOVERY_ADVICE = (
    "Keep this recovery code somewhere safe and away from this laptop (printed, or in a\n"
    "password manager). With it you can open your journal on a new laptop or if the\n"
    "keyring or your passphrase is lost. Without it, nobody can open the journal."
)


Handler = Callable[[argparse.Namespace, Path, KeyStore], int]
"""A command: its parsed arguments, the journal folder and the key store; returns the exit code."""


class CommandError(JournalError):
    """A mistake in how the command was used."""


# Arguments that name files or folders: a file name may hold any bytes the system allows.
PATH_ARGUMENTS = frozenset({"data_dir", "out", "file", "folder", "report"})


def checked_text(value: str, what: str) -> str:
    """`value` when it is text that can be stored (UTF-8); a CommandError naming `what` if not.

    Bytes that are not UTF-8 reach Python's argv and environment as lone surrogates, which
    nothing downstream can encode, so they are refused here before anything is opened.
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise CommandError(
            f"{what} holds bytes that are not valid UTF-8 text, so nothing was changed. "
            "Check the encoding of your terminal or script and try again."
        ) from None
    return value


def stdin_text(what: str, *, line: bool = False) -> str:
    """Text piped on stdin (one line, or all of it); a CommandError naming `what` if it is
    not UTF-8."""
    if sys.stdin is None:
        return ""
    try:
        return sys.stdin.readline() if line else sys.stdin.read()
    except UnicodeDecodeError:
        raise CommandError(
            f"{what} read from stdin holds bytes that are not valid UTF-8 text, so nothing "
            "was changed. Check the encoding of your terminal or script and try again."
        ) from None


def file_or_stdin_text(name: str) -> str:
    """The text of the file `name` (UTF-8), or of stdin for "-"; a CommandError in one line
    when it cannot be read as text (missing, a folder, unreadable, another encoding)."""
    if name == "-":
        return stdin_text("The text")
    try:
        return Path(name).expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CommandError(f"{name} could not be read as text: {exc}") from None


def check_text_arguments(args: argparse.Namespace) -> None:
    """Refuse any text given on the command line that is not UTF-8 (file names aside)."""
    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        label = f"The {name.replace('_', ' ')} given"
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                checked_text(item, label)


def warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def ask_passphrase(prompt: str) -> str | None:
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return checked_text(value, PASSPHRASE_ENV)
    if sys.stdin is not None and sys.stdin.isatty():
        return checked_text(getpass.getpass(prompt), "The passphrase")
    return None


def ask_passphrase_from_environment() -> str | None:
    """The passphrase in $INQUIRY_JOURNAL_PASSPHRASE, if set (refused if not UTF-8)."""
    value = os.environ.get(PASSPHRASE_ENV)
    return None if value is None else checked_text(value, PASSPHRASE_ENV)


def open_or_create(folder: Path, store: KeyStore) -> Journal:
    """Open the journal in `folder`, creating one (and printing its recovery code) if needed."""
    # Imported here so that `inquiry-journal` with no command reaches the window quickly.
    from app.journal.identity import refuse_missing_database
    from app.journal.opening import create_journal, open_journal

    if journal_exists(folder):
        meta = read_meta(folder)
        refuse_missing_database(folder, meta)  # before asking for a passphrase in vain
        passphrase = None
        if meta.key_mode is KeyMode.PASSPHRASE:
            passphrase = ask_passphrase("Passphrase: ")
            if passphrase is None:
                raise CommandError(
                    f"This journal is protected by a passphrase. Set {PASSPHRASE_ENV} "
                    "or run the command in a terminal to be asked for it."
                )
        return open_journal(folder, store, passphrase)
    passphrase = ask_passphrase_from_environment()
    if passphrase is None and not store.is_available():
        raise KeyUnavailableError(
            "No system keyring is available here to keep a new journal's key. "
            f"Set {PASSPHRASE_ENV} to protect it with a passphrase instead."
        )
    journal, code = create_journal(folder, store, passphrase)
    where = "your passphrase" if passphrase is not None else store.description()
    print(
        f"Created a new journal in {folder} (key kept in {where}).\n\n"
        f"Recovery code: {code}\n\n{RECOVERY_ADVICE}\n",
        file=sys.stderr,
    )
    return journal


def date_arg(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option} needs a date such as 2026-03-01, not '{value}'.") from None


plural = counted


def add_privacy_choice(parser: argparse.ArgumentParser, keep_help: str) -> None:
    """--redact or --keep-findings: what to do with text that could identify someone."""
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--redact", action="store_true", help="replace every finding with a label")
    choice.add_argument("--keep-findings", action="store_true", help=keep_help)


def refuse_findings(
    headline: str,
    findings: list[LocatedFinding],
    place: Callable[[LocatedFinding], str],
    advice: str,
) -> int:
    """List what could identify someone (each with `place`, e.g. " in 'Huddle'") and say
    what to do; the exit code of a command that wrote nothing."""
    print(headline, file=sys.stderr)
    for located in findings:
        f = located.finding
        print(
            f"  - {f.kind.label} ({f.severity.value}){place(located)}: {f.text!r}", file=sys.stderr
        )
    print(advice, file=sys.stderr)
    return 1
