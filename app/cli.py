"""The `inquiry-journal` command: opens the window, or runs a task with no display needed."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from app import __version__
from app.cycles_model import CycleStatus, LoopLevel
from app.domains import parse_domains
from app.errors import JournalError, KeyUnavailableError
from app.journal import Journal, create_journal, open_journal, recover_journal
from app.paths import is_network_path, resolve_data_dir
from app.storage.keys import KeyStore, SystemKeyring
from app.storage.meta import KeyMode, journal_exists, read_meta

PASSPHRASE_ENV = "INQUIRY_JOURNAL_PASSPHRASE"
PROG = "inquiry-journal"

RECOVERY_ADVICE = (
    "Keep this recovery code somewhere safe and away from this laptop (printed, or in a\n"
    "password manager). With it you can open your journal on a new laptop or if the\n"
    "keyring or your passphrase is lost. Without it, nobody can open the journal."
)


class CommandError(JournalError):
    """A mistake in how the command was used."""


def main(argv: Sequence[str] | None = None, key_store: KeyStore | None = None) -> int:
    """Run the command line; return the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    store = key_store or SystemKeyring()
    try:
        folder = resolve_data_dir(getattr(args, "data_dir", None))
        if args.command is None:
            from app.ui.launch import main as open_window

            return open_window(folder)
        if getattr(args, "needs_journal", True) and is_network_path(folder):
            _warn(
                f"{folder} looks like a network folder. Journals kept on a network share "
                "can be damaged; please use a folder on this computer."
            )
        handler: Callable[[argparse.Namespace, Path, KeyStore], int] = args.handler
        return handler(args, folder, store)
    except JournalError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: stopped.", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
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
    parser.set_defaults(command=None)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

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
    note.set_defaults(handler=_cmd_note)

    export = sub.add_parser("export", parents=[common], help="write the whole journal to a file")
    export.add_argument("--format", choices=["json"], default="json")
    export.add_argument("--out", required=True, metavar="FILE")
    export.set_defaults(handler=_cmd_export)

    imp = sub.add_parser("import", parents=[common], help="read entries from an export file")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(handler=_cmd_import)

    check = sub.add_parser("check", parents=[common], help="check the journal file for damage")
    check.set_defaults(handler=_cmd_check)

    search = sub.add_parser("search", parents=[common], help="find entries and cycles")
    search.add_argument("query", help='words (all must match), "a phrase", -leave-out, start*')
    search.add_argument("--domain", action="append", default=[], metavar="DOMAIN")
    search.add_argument("--tag")
    search.add_argument("--template", metavar="ID", help="cycles made with this template")
    search.add_argument("--stage", metavar="ID", help="only this stage of cycles (e.g. learning)")
    search.add_argument("--loop", choices=[v.value for v in LoopLevel])
    search.add_argument("--status", choices=[v.value for v in CycleStatus])
    search.add_argument("--since", metavar="YYYY-MM-DD")
    search.add_argument("--until", metavar="YYYY-MM-DD")
    search.add_argument("--newest", action="store_true", help="newest first instead of best first")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="one JSON object per result")
    search.set_defaults(handler=_cmd_search)

    privacy = sub.add_parser(
        "privacy-check",
        parents=[common],
        help="list what in a text could identify someone (exit 1 when anything is found)",
    )
    privacy.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    privacy.set_defaults(handler=_cmd_privacy_check, needs_journal=False)

    demo = sub.add_parser(
        "demo", parents=[common], help="create a sample journal in an empty folder to try the app"
    )
    demo.set_defaults(handler=_cmd_demo)

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
    recover.set_defaults(handler=_cmd_recover)
    return parser


# -- opening -------------------------------------------------------------------------------


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def _passphrase(prompt: str) -> str | None:
    value = os.environ.get(PASSPHRASE_ENV)
    if value is not None:
        return value
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(prompt)
    return None


def open_or_create(folder: Path, store: KeyStore) -> Journal:
    """Open the journal in `folder`, creating one (and printing its recovery code) if needed."""
    if journal_exists(folder):
        meta = read_meta(folder)
        passphrase = None
        if meta.key_mode is KeyMode.PASSPHRASE:
            passphrase = _passphrase("Passphrase: ")
            if passphrase is None:
                raise CommandError(
                    f"This journal is protected by a passphrase. Set {PASSPHRASE_ENV} "
                    "or run the command in a terminal to be asked for it."
                )
        return open_journal(folder, store, passphrase)
    passphrase = os.environ.get(PASSPHRASE_ENV)
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


# -- commands ------------------------------------------------------------------------------


def _cmd_note(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    text = str(args.text)
    if not text.strip():
        raise CommandError("The note is empty; nothing was saved.")
    try:
        domains = parse_domains(args.domain)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    journal = open_or_create(folder, store)
    try:
        entry = journal.entries.create(args.title, text, domains, args.tag)
    finally:
        journal.close()
    print(f"Saved {entry.display_title!r} ({entry.id}).")
    return 0


def _cmd_export(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.transfer import export_json

    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist.")
    journal = open_or_create(folder, store)
    try:
        counts = export_json(journal, out)
    finally:
        journal.close()
    print(
        f"Exported {_plural(counts['entries'], 'entry', 'entries')}, "
        f"{_plural(counts['inquiries'], 'line of inquiry', 'lines of inquiry')} and "
        f"{_plural(counts['cycles'], 'cycle', 'cycles')} to {out}."
    )
    _warn(
        "the export is not encrypted and holds everything you wrote; "
        "keep it safe and delete it when done."
    )
    return 0


def _cmd_import(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.transfer import import_json, read_import_file

    path = Path(args.file).expanduser()
    read_import_file(path)  # refuse a bad file before a journal is created or opened
    journal = open_or_create(folder, store)
    try:
        result = import_json(journal, path)
    finally:
        journal.close()
    print(result.describe())
    return 0


def _cmd_check(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
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
        f"The journal in {folder} is healthy: {_plural(entries, 'entry', 'entries')} "
        f"({trashed} in the trash), integrity check passed."
    )
    return 0


def _cmd_search(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.search import Order, SearchFilters

    try:
        filters = SearchFilters(
            domains=parse_domains(args.domain),
            tag=args.tag,
            template=args.template,
            stage=args.stage,
            loop=LoopLevel(args.loop) if args.loop else None,
            status=CycleStatus(args.status) if args.status else None,
            since=_date_arg(args.since, "--since"),
            until=_date_arg(args.until, "--until"),
        )
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    journal = open_or_create(folder, store)
    try:
        order = Order.NEWEST if args.newest else Order.RELEVANCE
        results = journal.search.search(args.query, filters, order=order, limit=max(1, args.limit))
    finally:
        journal.close()
    for hit in results.hits:
        if args.json:
            record = {
                "id": hit.item_id,
                "kind": hit.kind.value,
                "stage": hit.stage_id or None,
                "title": hit.title,
                "date": hit.date.isoformat(),
                "snippet": hit.plain_snippet,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            day = hit.date.astimezone().strftime("%d %b %Y")
            print(f"{hit.item_id}  {hit.kind.value:<5}  {day}  {hit.title}")
            print(f"    {_terminal_snippet(hit.snippet_parts())}")
    if not results.hits:
        print(results.message, file=sys.stderr)
        return 1
    if results.has_more:
        print(f"(more results: use --limit {args.limit * 2})", file=sys.stderr)
    return 0


def _terminal_snippet(parts: list[tuple[str, bool]]) -> str:
    text = "".join(f"*{t}*" if matched else t for t, matched in parts)
    return " ".join(text.split())


def _date_arg(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{option} needs a date such as 2026-03-01, not '{value}'.") from None


def _cmd_privacy_check(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.privacy import scan

    if args.file == "-":
        text = sys.stdin.read() if sys.stdin is not None else ""
    else:
        try:
            text = Path(args.file).expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{args.file} could not be read as text: {exc}") from None
    findings = scan(text)
    for finding in findings:
        print(json.dumps(finding.as_json(), ensure_ascii=False))
    return 1 if findings else 0


def _cmd_demo(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.demo import build_demo

    if journal_exists(folder):
        raise CommandError(
            f"{folder} already holds a journal. The demo needs an empty folder, so that no "
            "sample text is mixed with yours: add --data-dir with a new folder."
        )
    journal = open_or_create(folder, store)
    try:
        build_demo(journal)
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


def _cmd_recover(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    if not journal_exists(folder):
        raise CommandError(f"There is no journal in {folder} to recover.")
    code = args.code
    if code is None:
        if sys.stdin is not None and sys.stdin.isatty():
            code = getpass.getpass("Recovery code: ")
        else:
            code = sys.stdin.readline() if sys.stdin is not None else ""
    new_passphrase = None
    if args.passphrase_mode or not store.is_available():
        new_passphrase = _passphrase("New passphrase: ")
        if new_passphrase is None:
            raise CommandError(
                "No system keyring is available, so the journal needs a new passphrase: "
                f"set {PASSPHRASE_ENV} or run the command in a terminal."
            )
    journal, new_code = recover_journal(folder, code, store, new_passphrase)
    journal.close()
    if new_code is None:
        print(f"Recovered: the journal opens again and its key is back in {store.description()}.")
    else:
        print(
            "Recovered: the journal is now protected by your new passphrase.\n\n"
            f"Your NEW recovery code: {new_code}\n\n{RECOVERY_ADVICE}\n"
            "The old recovery code no longer works."
        )
    return 0


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
