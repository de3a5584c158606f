"""`inquiry-journal due` and `calendar`: what is waiting, and the coming dates for a calendar."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, date, datetime
from pathlib import Path

from app.cli.common import CommandError, add_privacy_choice, open_or_create, plural, refuse_findings
from app.storage.keys import KeyStore

COMMANDS = frozenset({"calendar", "due"})
"""The commands `register` adds (so the command line can build only the group it needs)."""


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the due and calendar commands."""
    due = sub.add_parser(
        "due",
        parents=[common],
        help="list the cycles waiting for your reflection and the actions due",
    )
    due.add_argument("--json", action="store_true", help="one JSON object per line")
    due.set_defaults(handler=cmd_due)

    calendar = sub.add_parser(
        "calendar",
        parents=[common],
        help="write the coming dates as a calendar file (.ics) for Outlook or another calendar",
    )
    calendar.add_argument("--out", required=True, metavar="FILE.ics")
    calendar.add_argument(
        "--days", type=int, default=None, metavar="N", help="how far ahead (default: 90 days)"
    )
    calendar.add_argument(
        "--titles",
        action="store_true",
        help="put each cycle's title, action or person in the event (a calendar is not "
        "private: left out unless asked for)",
    )
    add_privacy_choice(calendar, keep_help="with --titles: write them with the findings left in")
    calendar.set_defaults(handler=cmd_calendar)


def cmd_due(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.reminders.due import ReminderService, day_words

    today = date.today()
    journal = open_or_create(folder, store)
    try:
        waiting = ReminderService(journal).waiting(today)
    finally:
        journal.close()
    for item in waiting:
        if args.json:
            record = {
                "kind": item.kind.value,
                "id": item.item_id,
                "date": item.day.isoformat(),
                "title": item.title,
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{day_words(item.day)}  {item.words()}")
    if not waiting and not args.json:
        print("Nothing is waiting: no cycle waits for its reflection and no action is due.")
    return 0


def cmd_calendar(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.reminders.calendar import SUFFIX, title_findings, to_ics, with_titles_redacted
    from app.reminders.due import COMING_DAYS, ReminderService
    from app.storage.files import write_atomically

    out = Path(args.out).expanduser()
    if out.suffix.lower() != SUFFIX:
        raise CommandError(f"A calendar file's name ends in {SUFFIX}, as in dates.ics.")
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist.")
    days = COMING_DAYS if args.days is None else args.days
    if not 1 <= days <= 3660:
        raise CommandError("--days needs a number of days from 1 to 3660.")
    if (args.redact or args.keep_findings) and not args.titles:
        raise CommandError("--redact and --keep-findings go with --titles.")
    today = date.today()
    journal = open_or_create(folder, store)
    try:
        items = ReminderService(journal).coming(today, days)
    finally:
        journal.close()
    if args.titles:
        findings = title_findings(items)
        if findings and not (args.redact or args.keep_findings):
            return refuse_findings(
                f"Nothing was written: the titles hold {plural(len(findings), 'thing', 'things')} "
                "that could identify someone:",
                findings,
                lambda located: f" in {items[int(located.path[0])].words()!r}",
                "Run again without --titles (each event then says only what kind of date it "
                "is), or with --redact (replace each with a label) or --keep-findings.",
            )
        if args.redact:
            items = with_titles_redacted(items, findings)
    text = to_ics(items, titles=args.titles, stamp=datetime.now(UTC))
    write_atomically(out, text.encode("utf-8"))  # a failure is one plain line (StorageError)
    shown = "with titles" if args.titles else "without titles"
    print(f"Wrote {plural(len(items), 'date', 'dates')} to {out} ({shown}).")
    return 0
