"""Commands on the journal itself: quick capture, export and import, check, demo, recover."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from app.cli.common import (
    PASSPHRASE_ENV,
    RECOVERY_ADVICE,
    CommandError,
    ask_passphrase,
    open_or_create,
    plural,
    stdin_text,
    warn,
)
from app.storage.keys import KeyStore
from app.storage.meta import journal_exists
from app.writing.domains import parse_domains

COMMANDS = frozenset({"check", "demo", "export", "import", "note", "recover"})
"""The commands `register` adds (so the command line can build only the group it needs)."""


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add these commands to the command line."""
    note = sub.add_parser("note", parents=[common], help="capture a quick entry")
    note.add_argument("text", help="the entry's text (Markdown)")
    note.add_argument("--title", default="")
    note.add_argument(
        "--domain",
        action="append",
        default=[],
        metavar="DOMAIN",
        help="individual, team or organisation (repeatable)",
    )
    note.add_argument("--tag", action="append", default=[], metavar="TAG", help="repeatable")
    note.set_defaults(handler=cmd_note)

    export = sub.add_parser("export", parents=[common], help="write the whole journal to a file")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=cmd_export)

    imp = sub.add_parser(
        "import", parents=[common], help="read an export file, or a share or feedback package"
    )
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(handler=cmd_import)

    check = sub.add_parser("check", parents=[common], help="check the journal file for damage")
    check.set_defaults(handler=cmd_check)

    demo = sub.add_parser(
        "demo", parents=[common], help="create a sample journal in an empty folder to try the app"
    )
    demo.set_defaults(handler=cmd_demo)

    recover = sub.add_parser(
        "recover", parents=[common], help="reopen the journal with its recovery code"
    )
    recover.add_argument(
        "--code", help="the recovery code (asked for when not given; stdin is read if piped)"
    )
    recover.add_argument(
        "--passphrase-mode",
        action="store_true",
        help="protect the journal with a new passphrase (from $INQUIRY_JOURNAL_PASSPHRASE "
        "or asked for) instead of the system keyring",
    )
    recover.set_defaults(handler=cmd_recover)


def cmd_note(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    text = str(args.text)
    if not text.strip():
        raise CommandError("The note is empty; nothing was saved.")
    try:
        domains = parse_domains(args.domain)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    # Written in plain SQL, as EntryStore.create writes it, so a note loads no SQLAlchemy.
    from app.writing.entry_record import add_entry

    journal = open_or_create(folder, store)
    try:
        with journal.writing() as conn:
            entry = add_entry(conn, args.title, text, domains, args.tag, datetime.now(UTC))
    finally:
        journal.close()
    print(f"Saved {entry.display_title!r} ({entry.id}).")
    return 0


def cmd_export(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.transfer import TransferService

    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist.")
    journal = open_or_create(folder, store)
    try:
        counts = TransferService(journal).export_json(out)
    finally:
        journal.close()
    parts = [
        plural(counts["entries"], "entry", "entries"),
        plural(counts["inquiries"], "line of inquiry", "lines of inquiry"),
        plural(counts["cycles"], "cycle", "cycles"),
        plural(counts["sessions"], "session", "sessions"),
    ]
    for key, one, many in (
        ("shared_items", "shared item", "shared items"),
        ("comments", "comment or reply", "comments and replies"),
        ("contacts", "contact", "contacts"),
        ("dictionary", "dictionary word", "dictionary words"),
    ):
        if counts[key]:
            parts.append(plural(counts[key], one, many))
    print(f"Exported {', '.join(parts[:-1])} and {parts[-1]} to {out}.")
    warn(
        "the export is not encrypted: it holds everything in the journal, including what was "
        "shared and commented and the dictionary's words (but no keys); keep it safe and "
        "delete it when done."
    )
    return 0


def cmd_import(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Import a JSON export, or a share or feedback package."""
    from app.sharing.exchange import ExchangeService
    from app.transfer import TransferService, read_import_file
    from app.transfer.incoming import IncomingKind, incoming_kind, read_package

    path = Path(args.file).expanduser()
    if incoming_kind(path) is IncomingKind.PACKAGE:
        data = read_package(path)
        journal = open_or_create(folder, store)
        try:
            print(ExchangeService(journal).import_package(data, _progress_on_terminal()).message)
        finally:
            journal.close()
        return 0
    read_import_file(path)  # refuse a bad file before a journal is created or opened
    journal = open_or_create(folder, store)
    try:
        result = TransferService(journal).import_json(path)
    finally:
        journal.close()
    print(result.describe())
    return 0


def _progress_on_terminal() -> Callable[[int, int], None] | None:
    """A one-line counter on stderr for big packages, when someone is watching a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total >= 1000:
            end = "\n" if done == total else ""
            print(f"\rImporting {done:,} of {total:,}...", end=end, file=sys.stderr, flush=True)

    return show


def cmd_check(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    journal = open_or_create(folder, store)
    try:
        problems = journal.integrity_problems()
        if not problems:
            entries = journal.entries.count()
            trashed = journal.entries.count(trashed=True)
    finally:
        journal.close()
    if problems:
        print(f"The journal in {folder} is damaged:", file=sys.stderr)
        for problem in problems[:20]:
            print(f"  - {problem}", file=sys.stderr)
        print(
            "Make a copy of the folder before changing anything, then restore from a backup.",
            file=sys.stderr,
        )
        return 1
    print(
        f"The journal in {folder} is healthy: {plural(entries, 'entry', 'entries')} "
        f"({trashed} in the trash), integrity check passed."
    )
    return 0


def cmd_demo(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.demo import DemoJournal

    if journal_exists(folder):
        raise CommandError(
            f"{folder} already holds a journal. The demo needs an empty folder, so that no "
            "sample text is mixed with yours: add --data-dir with a new folder."
        )
    journal = open_or_create(folder, store)
    try:
        DemoJournal(journal).fill()
        inquiries = len(journal.cycles.inquiries())
        cycles = len(journal.cycles.all_records())
        entries = journal.entries.count()
    finally:
        journal.close()
    print(
        f"Created a sample journal in {folder}: {inquiries} lines of inquiry, {cycles} cycles "
        f"and {entries} entries.\nOpen it with: inquiry-journal --data-dir {folder}"
    )
    return 0


def cmd_recover(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.journal.opening import recover_journal

    if not journal_exists(folder):
        raise CommandError(f"There is no journal in {folder} to recover.")
    code = args.code
    if code is None:
        if sys.stdin is not None and sys.stdin.isatty():
            code = getpass.getpass("Recovery code: ")
        else:
            code = stdin_text("The recovery code", line=True)
    new_passphrase = None
    if args.passphrase_mode or not store.is_available():
        new_passphrase = ask_passphrase("New passphrase: ")
        if new_passphrase is None:
            raise CommandError(
                "No system keyring is available, so the journal needs a new passphrase: "
                f"set {PASSPHRASE_ENV} or run the command in a terminal."
            )
    journal, new_code = recover_journal(
        folder, code, store, new_passphrase, announce=_print_new_code
    )
    journal.close()
    if new_code is None:
        print(f"Recovered: the journal opens again and its key is back in {store.description()}.")
    else:
        print(
            "Recovered: the journal is now protected by your new passphrase. "
            "The old recovery code no longer works."
        )
    return 0


def _print_new_code(code: str) -> None:
    """Shown before the journal switches to it, so a crash never hides the only code."""
    print(f"Your NEW recovery code: {code}\n\n{RECOVERY_ADVICE}\n", flush=True)
