"""`inquiry-journal card` and `coach add`: pairing with a coach by exchanging card files."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import (
    CommandError,
    add_privacy_choice,
    open_or_create,
    plural,
    refuse_findings,
    warn,
)
from app.storage.files import write_atomically
from app.storage.keys import KeyStore

MAX_CARD_FILE = 64 * 1024


COMMANDS = frozenset({"card", "coach", "comment", "feedback", "participant", "share"})
"""The commands `register` adds (so the command line can build only the group it needs)."""


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the card and coach commands."""
    card = sub.add_parser("card", parents=[common], help="save this journal's card for pairing")
    card.add_argument("--name", help="the name shown on the card (kept for next time)")
    card.add_argument("--out", required=True, metavar="FILE.ijcard")
    card.set_defaults(handler=cmd_card)

    coach = sub.add_parser("coach", parents=[common], help="the coaches you share with")
    actions = coach.add_subparsers(dest="coach_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="add a coach from their card file")
    add.add_argument("file", metavar="FILE.ijcard")
    add.set_defaults(handler=cmd_coach_add)
    listing = actions.add_parser("list", parents=[common], help="list your coaches")
    listing.set_defaults(handler=cmd_coach_list)

    participant = sub.add_parser(
        "participant", parents=[common], help="(coach) the participants who share with you"
    )
    steps = participant.add_subparsers(dest="participant_command", metavar="ACTION", required=True)
    people = steps.add_parser(
        "list", parents=[common], help="list participants: name, fingerprint, verified or not"
    )
    people.set_defaults(handler=cmd_participant_list)
    verify = steps.add_parser(
        "verify",
        parents=[common],
        help="mark a participant verified, once the fingerprint they read out matches",
    )
    verify.add_argument("name", metavar="NAME")
    verify.add_argument("fingerprint", metavar="FINGERPRINT", help="as the participant reads it")
    verify.set_defaults(handler=cmd_participant_verify)

    share = sub.add_parser("share", parents=[common], help="make a share package for a coach")
    what = share.add_mutually_exclusive_group(required=True)
    what.add_argument("--all-marked", action="store_true", help='everything marked "share"')
    what.add_argument("--entry", action="append", metavar="ID", help="an entry (repeatable)")
    share.add_argument("--cycle", action="append", default=[], metavar="ID", help="repeatable")
    share.add_argument("--to", required=True, metavar="COACH", help="card name or fingerprint")
    share.add_argument("--out", required=True, metavar="FILE.ijshare")
    add_privacy_choice(share, keep_help="send the findings as they are")
    share.set_defaults(handler=cmd_share)

    comment = sub.add_parser(
        "comment",
        parents=[common],
        help="(coach) comment on a shared item; change or withdraw one not sent yet",
    )
    comment.add_argument(
        "item", metavar="ENTRY_ID", nargs="?", help="the shared entry or cycle to comment on"
    )
    comment.add_argument("text", metavar="TEXT", nargs="?", help="the comment (Markdown works)")
    comment.add_argument("--stage", default="", metavar="ID", help="a stage of a shared cycle")
    instead = comment.add_mutually_exclusive_group()
    instead.add_argument(
        "--edit",
        nargs=2,
        metavar=("COMMENT_ID", "TEXT"),
        help="change the words of a comment not sent yet (a feedback package makes it final)",
    )
    instead.add_argument(
        "--withdraw", metavar="COMMENT_ID", help="delete a comment that has not been sent yet"
    )
    instead.add_argument(
        "--list", action="store_true", help="your comments not sent yet, with their ids"
    )
    add_privacy_choice(comment, keep_help="send the findings as they are")
    comment.set_defaults(handler=cmd_comment)

    feedback = sub.add_parser(
        "feedback", parents=[common], help="(coach) make a feedback package for a participant"
    )
    feedback.add_argument("--participant", required=True, metavar="NAME")
    feedback.add_argument("--out", required=True, metavar="FILE.ijshare")
    feedback.set_defaults(handler=cmd_feedback)


def cmd_card(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Write this journal's card."""
    from app.sharing.keys import card_bytes

    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist.")
    journal = open_or_create(folder, store)
    try:
        identity = journal.sharing.identity(args.name)
    finally:
        journal.close()
    write_atomically(out, card_bytes(identity))
    print(f"Saved the card for {identity.name!r} to {out}.")
    print(f"Fingerprint: {identity.card.fingerprint}  (read it aloud when you pair)")
    return 0


def cmd_coach_add(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Add a coach from their card."""
    from app.sharing.keys import read_card
    from app.sharing.records import Role

    path = Path(args.file).expanduser()
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_CARD_FILE + 1)
    except OSError as exc:
        raise CommandError(f"{path} could not be read: {exc.strerror}.") from None
    card = read_card(data)
    journal = open_or_create(folder, store)
    try:
        known = {c.fingerprint for c in journal.sharing.contacts(Role.COACH)}
        contact = journal.sharing.add(card, Role.COACH)
    finally:
        journal.close()
    verb = "Updated" if contact.fingerprint in known else "Added"
    print(f"{verb} coach {contact.name!r}.")
    print(f"Fingerprint: {contact.fingerprint}")
    warn("compare this fingerprint with your coach (in person or by phone) before sharing.")
    return 0


def cmd_coach_list(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """List the coaches."""
    from app.sharing.records import Role

    journal = open_or_create(folder, store)
    try:
        coaches = journal.sharing.contacts(Role.COACH)
    finally:
        journal.close()
    for coach in coaches:
        print(f"{coach.fingerprint}  {coach.name}")
    if not coaches:
        print("No coaches yet: add one with 'inquiry-journal coach add CARD.ijcard'.")
    return 0


def cmd_participant_list(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """List the participants with their fingerprints and whether each is verified."""
    from app.sharing.records import Role

    journal = open_or_create(folder, store)
    try:
        people = journal.sharing.contacts(Role.PARTICIPANT)
    finally:
        journal.close()
    for person in people:
        state = "verified" if person.verified else "not verified"
        print(f"{person.fingerprint}  {state:<12}  {person.name}")
    if not people:
        print("No participants yet: they appear here when you import their first share.")
    elif not all(p.verified for p in people):
        print(
            "To verify someone, have them read out the fingerprint their app shows, then run "
            "'inquiry-journal participant verify NAME FINGERPRINT'."
        )
    return 0


def cmd_participant_verify(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Mark a participant verified once the fingerprint they read out matches their card."""
    journal = open_or_create(folder, store)
    try:
        person = journal.sharing.verify(args.name, args.fingerprint)
    finally:
        journal.close()
    print(f"{person.name} ({person.fingerprint}) is verified: their shares are from them.")
    return 0


def _writable(path_text: str) -> Path:
    out = Path(path_text).expanduser()
    if not out.parent.is_dir():
        raise CommandError(f"The folder {out.parent} does not exist.")
    return out


def cmd_share(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Make a share package, after the privacy check."""
    from app.sharing.exchange import ExchangeService, privacy_findings
    from app.sharing.records import Role
    from app.summary.privacy import apply_redactions

    out = _writable(args.out)
    journal = open_or_create(folder, store)
    try:
        coach = journal.sharing.find(args.to, Role.COACH)
        if args.all_marked:
            entries, cycles = ExchangeService(journal).marked_for_coach()
        else:
            entries, cycles = args.entry or [], args.cycle
        records = tuple(ExchangeService(journal).records_to_share(entries, cycles))
        findings = privacy_findings(records)
        if findings and not (args.redact or args.keep_findings):
            return refuse_findings(
                f"Nothing was shared: {plural(len(findings), 'thing', 'things')} could identify "
                "someone:",
                findings,
                lambda located: f" in {records[int(located.path[0])].title!r}",
                "Edit them, or run again with --redact or --keep-findings.",
            )
        if args.redact:
            records = apply_redactions(records, findings)
        outgoing = ExchangeService(journal).make_share(coach, list(records))
        write_atomically(out, outgoing.data)
        ExchangeService(journal).record_sent(outgoing)
    finally:
        journal.close()
    print(
        f"Saved {plural(len(records), 'item', 'items')} for {coach.name} in {out}. "
        "Only they can open it; send it by NHSmail, Teams or a memory stick."
    )
    return 0


def cmd_comment(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Comment on a shared entry or cycle (coach side), or change, withdraw or list the
    comments not sent yet."""
    from app.sharing.exchange import ExchangeService
    from app.sharing.workspace import WorkspaceService

    changing = args.edit or args.withdraw or args.list
    if changing and (args.item is not None or args.stage):
        raise CommandError(
            "--edit, --withdraw and --list take no ENTRY_ID or --stage: the comment's id says "
            "which comment. Nothing was changed."
        )
    if args.list:
        return _list_unsent(folder, store)
    if args.withdraw:
        return _withdraw(args.withdraw, folder, store)
    if not args.edit and (args.item is None or args.text is None):
        raise CommandError(
            "Say what to comment on and what to say: comment ENTRY_ID TEXT. Nothing was saved."
        )
    text = _checked_comment(args.edit[1] if args.edit else args.text, args)
    if text is None:
        return 1
    if args.edit:
        return _edit(args.edit[0], text, folder, store)
    journal = open_or_create(folder, store)
    try:
        item = WorkspaceService(journal).find_shared(args.item)
        if item is None:
            raise CommandError(f"No shared entry or cycle has the id {args.item}.")
        comment = ExchangeService(journal).write_comment(
            item.participant, item.item_id, text, stage_id=args.stage
        )
    finally:
        journal.close()
    print(f"Comment saved on {item.title!r}; it goes in the next feedback package.")
    print(
        f"Until then, 'inquiry-journal comment --edit {comment.id} TEXT' changes it and "
        f"'inquiry-journal comment --withdraw {comment.id}' withdraws it."
    )
    return 0


def _checked_comment(text: str, args: argparse.Namespace) -> str | None:
    """The comment's words after the privacy check; None (findings listed) when refused."""
    from app.summary.privacy import apply_redactions, find_in

    findings = find_in(text)
    if findings and not (args.redact or args.keep_findings):
        refuse_findings(
            f"The comment was not saved: {plural(len(findings), 'thing', 'things')} in it could "
            "identify someone:",
            findings,
            lambda located: "",
            "Edit it, or run again with --redact or --keep-findings.",
        )
        return None
    return apply_redactions(text, findings) if args.redact else text


def _edit(comment_id: str, text: str, folder: Path, store: KeyStore) -> int:
    """Change a comment that has not been sent yet."""
    from app.sharing.exchange import ExchangeService

    journal = open_or_create(folder, store)
    try:
        ExchangeService(journal).edit_pending_comment(comment_id, text)
    finally:
        journal.close()
    print("Comment changed; it goes in the next feedback package.")
    return 0


def _withdraw(comment_id: str, folder: Path, store: KeyStore) -> int:
    """Delete a comment that has not been sent yet."""
    from app.sharing.exchange import ExchangeService

    journal = open_or_create(folder, store)
    try:
        ExchangeService(journal).withdraw_pending_comment(comment_id)
    finally:
        journal.close()
    print("Comment withdrawn; it will not be sent.")
    return 0


def _list_unsent(folder: Path, store: KeyStore) -> int:
    """The coach's comments not sent yet: id, participant, item, first words."""
    from app.sharing.workspace import WorkspaceService

    journal = open_or_create(folder, store)
    try:
        waiting = WorkspaceService(journal).unsent_comments()
    finally:
        journal.close()
    for comment in waiting:
        print(f"{comment.id}  {comment.to}  {comment.about!r}: {comment.start}")
    if not waiting:
        print("No comments wait to be sent.")
    return 0


def cmd_feedback(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Make a feedback package for one participant (coach side)."""
    from app.sharing.exchange import ExchangeService
    from app.sharing.records import Role

    out = _writable(args.out)
    journal = open_or_create(folder, store)
    try:
        participant = journal.sharing.find(args.participant, Role.PARTICIPANT)
        outgoing = ExchangeService(journal).make_feedback(participant)
        write_atomically(out, outgoing.data)
        ExchangeService(journal).record_sent(outgoing)
    finally:
        journal.close()
    print(
        f"Saved {plural(len(outgoing.notes), 'comment', 'comments')} for {participant.name} "
        f"in {out}."
    )
    if not participant.verified:
        warn(
            f"{participant.name} ({participant.fingerprint}) is not verified yet: compare "
            "fingerprints with them, then run 'inquiry-journal participant verify'."
        )
    return 0
