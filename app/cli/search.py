"""`inquiry-journal search`: full-text search from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.cli.common import CommandError, date_arg, open_or_create
from app.search.periods import Period
from app.storage.keys import KeyStore
from app.writing.cycle_states import CycleStatus, LoopLevel
from app.writing.domains import parse_domains

COMMANDS = frozenset({"search"})
"""The commands `register` adds (so the command line can build only the group it needs)."""


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the search command."""
    search = sub.add_parser("search", parents=[common], help="find entries and cycles")
    search.add_argument(
        "query",
        nargs="?",
        default="",
        help='words (all must match), "a phrase", -leave-out, start*; leave out to list '
        "everything the filters let through, newest first",
    )
    search.add_argument("--domain", action="append", default=[], metavar="DOMAIN")
    search.add_argument("--tag")
    search.add_argument("--template", metavar="ID", help="cycles made with this template")
    search.add_argument("--stage", metavar="ID", help="only this stage of cycles (e.g. learning)")
    search.add_argument("--loop", choices=[v.value for v in LoopLevel])
    search.add_argument("--status", choices=[v.value for v in CycleStatus])
    search.add_argument("--shared", action="store_true", default=None, help="only shared items")
    search.add_argument(
        "--commented", action="store_true", default=None, help="only items with a coach comment"
    )
    search.add_argument("--since", metavar="YYYY-MM-DD")
    search.add_argument("--until", metavar="YYYY-MM-DD")
    search.add_argument(
        "--period", choices=[p.value for p in Period], help="a span that moves with today"
    )
    search.add_argument("--newest", action="store_true", help="newest first instead of best first")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--json", action="store_true", help="one JSON object per result")
    search.set_defaults(handler=cmd_search)


def cmd_search(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.search.full_text import Order, SearchFilters

    try:
        filters = SearchFilters(
            domains=parse_domains(args.domain),
            tag=args.tag,
            template=args.template,
            stage=args.stage,
            loop=LoopLevel(args.loop) if args.loop else None,
            status=CycleStatus(args.status) if args.status else None,
            since=date_arg(args.since, "--since"),
            until=date_arg(args.until, "--until"),
            shared=args.shared,
            has_comment=args.commented,
            period=Period(args.period) if args.period else None,
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
