"""`inquiry-journal card` and `coach add`: pairing with a coach by exchanging card files."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.commands.common import CommandError, open_or_create, warn
from app.sharing.contacts import Role
from app.sharing.keys import card_bytes, read_card
from app.storage.files import write_atomically
from app.storage.keys import KeyStore

MAX_CARD_FILE = 64 * 1024


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


def cmd_card(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    """Write this journal's card."""
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
