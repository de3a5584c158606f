"""`inquiry-journal summary` and `privacy-check`: what leaves the device, and what it holds."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from app.cli.common import (
    CommandError,
    add_privacy_choice,
    date_arg,
    file_or_stdin_text,
    open_or_create,
    plural,
    refuse_findings,
)
from app.storage.keys import KeyStore

COMMANDS = frozenset({"privacy-check", "summary"})
"""The commands `register` adds (so the command line can build only the group it needs)."""


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the summary and privacy-check commands."""
    summary = sub.add_parser(
        "summary", parents=[common], help="write a summary for a coaching or supervision session"
    )
    summary.add_argument("--since", metavar="YYYY-MM-DD", help="default: the last session")
    summary.add_argument("--until", metavar="YYYY-MM-DD", help="default: today")
    summary.add_argument("--format", required=True, choices=["pdf", "docx", "html", "md"])
    summary.add_argument("--out", required=True, metavar="FILE")
    summary.add_argument("--role", default="Participant", help="a role, such as Ward manager")
    summary.add_argument(
        "--name",
        default=None,
        help="whose summary it is (default: the name on your sharing card; --name '' leaves "
        "it out)",
    )
    summary.add_argument("--programme", default="")
    summary.add_argument("--wants", default="", help="what I want from this session")
    summary.add_argument(
        "--session",
        default=None,
        choices=["coaching", "supervision", "action_learning", "line_manager"],
        help="default: the next session recorded or agreed, else supervision",
    )
    summary.add_argument(
        "--insights",
        action="store_true",
        help="end with Insights for the period: counts of what was begun, as tables",
    )
    add_privacy_choice(summary, keep_help="write it with the findings left in")
    summary.set_defaults(handler=cmd_summary)

    privacy = sub.add_parser(
        "privacy-check",
        parents=[common],
        help="list what in a text could identify someone (exit 1 when anything is found)",
    )
    privacy.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    privacy.set_defaults(handler=cmd_privacy_check, needs_journal=False)


def cmd_summary(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.summary.contents import SummaryOptions, SummaryService
    from app.summary.export import SummaryFormat, write_summary
    from app.summary.places import place_of
    from app.summary.privacy import apply_redactions, find_in
    from app.supervision.session_records import SessionKind

    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist.")
    try:
        since = date_arg(args.since, "--since")
        until = date_arg(args.until, "--until")
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    journal = open_or_create(folder, store)
    try:
        today = date.today()
        default_since, default_until = SummaryService(journal).default_period(today)
        coming = SummaryService(journal).next_session(today)
        options = SummaryOptions(
            since=since or default_since,
            until=until or default_until,
            role=args.role,
            name=journal.sharing.card_name() if args.name is None else args.name,
            programme=args.programme,
            session_kind=SessionKind(args.session) if args.session else coming.kind,
            session_date=coming.day,
            wants=args.wants,
            insights=args.insights,
        )
        if options.since > options.until:
            raise CommandError("--since is after --until.")
        summary = SummaryService(journal).build(options, today)
    finally:
        journal.close()
    findings = find_in(summary)
    if findings and not (args.redact or args.keep_findings):
        return refuse_findings(
            f"Nothing was written: the summary holds {plural(len(findings), 'thing', 'things')} "
            "that could identify someone:",
            findings,
            lambda located: f" in {place_of(summary, located)}",
            "Edit the entries, or run again with --redact (replace each with a label) or "
            "--keep-findings (leave them in).",
        )
    if args.redact:
        summary = apply_redactions(summary, findings)
    write_summary(summary, SummaryFormat(args.format), out)
    kept = (
        f" ({plural(len(findings), 'finding', 'findings')} left in)"
        if args.keep_findings and findings
        else ""
    )
    redacted = (
        f" ({plural(len(findings), 'finding', 'findings')} redacted)"
        if args.redact and findings
        else ""
    )
    print(f"Wrote the summary for {summary.period} to {out}{redacted}{kept}.")
    return 0


def cmd_privacy_check(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.privacy.check import scan

    findings = scan(file_or_stdin_text(args.file))
    for finding in findings:
        print(json.dumps(finding.as_json(), ensure_ascii=False))
    return 1 if findings else 0
