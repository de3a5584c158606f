"""The people a journal shares with, and its record of what went and came: in the export file.

Contacts travel as public cards with their verified mark; what was sent when, and which
packages were received, travel so that a journal rebuilt from an export still knows them. This
journal's own private keys never go in: only its card's name and fingerprint, for a reader.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.sharing.keys import MAX_NAME, Identity, fingerprint
from app.sharing.records import Role
from app.storage.tables import Contact, ReceivedPackage, SentVersion, SharingIdentity
from app.transfer import fields as f
from app.transfer.merge import Merge

PACKAGE_KINDS = ("share", "feedback")

# -- export --------------------------------------------------------------------------------


def export_card(session: Session) -> dict[str, str] | None:
    """This journal's own card, name and fingerprint only (None before it has one).

    Read straight from the table so that exporting never makes keys for a journal that has
    none yet.
    """
    row = session.get(SharingIdentity, 1)
    if row is None:
        return None
    card = Identity(row.name, row.encryption_private, row.signing_private).card
    return {"name": card.name, "fingerprint": card.fingerprint}


def export_contacts(session: Session) -> list[dict[str, Any]]:
    """Every coach or participant, as a public card with its verified mark."""
    return [
        {
            "fingerprint": c.fingerprint,
            "name": c.name,
            "role": c.role,
            "encryption_key": base64.b64encode(c.encryption_key).decode("ascii"),
            "signing_key": base64.b64encode(c.signing_key).decode("ascii"),
            "added": f.iso(c.added_at),
            "verified": c.verified,
        }
        for c in session.scalars(select(Contact).order_by(Contact.fingerprint))
    ]


def export_sent(session: Session) -> list[dict[str, Any]]:
    """Which version of each entry or cycle went to which coach, and when."""
    query = select(SentVersion).order_by(SentVersion.coach, SentVersion.item_id)
    return [
        {
            "coach": s.coach,
            "item": s.item_id,
            "version": f.iso(s.version),
            "sent": f.iso(s.sent_at),
        }
        for s in session.scalars(query)
    ]


def export_received(session: Session) -> list[dict[str, Any]]:
    """Every package imported, so the same package is still recognised after a re-import."""
    query = select(ReceivedPackage).order_by(
        ReceivedPackage.received_at, ReceivedPackage.package_id
    )
    return [
        {
            "id": p.package_id,
            "kind": p.kind,
            "sender": p.sender,
            "created": f.iso(p.created),
            "received": f.iso(p.received_at),
        }
        for p in session.scalars(query)
    ]


# -- parsing -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ContactIn:
    """A contact's card from the file, checked (its fingerprint matches its keys)."""

    fingerprint: str
    name: str
    role: Role
    encryption_key: bytes
    signing_key: bytes
    added: datetime
    verified: bool


@dataclass(frozen=True)
class SentIn:
    """A record of a version sent to a coach."""

    coach: str
    item: str
    version: datetime
    sent: datetime


@dataclass(frozen=True)
class ReceivedIn:
    """A package that was imported."""

    id: str
    kind: str
    sender: str
    created: datetime
    received: datetime


def _key(item: dict[str, Any], key: str, where: str) -> bytes:
    value = item.get(key)
    try:
        if not isinstance(value, str):
            raise ValueError(key)
        raw = base64.b64decode(value, validate=True)
    except (ValueError, binascii.Error):
        raw = b""
    if len(raw) != 32:
        raise f.refuse(where, f"'{key}' is not a public key (32 bytes in base64).")
    return raw


def parse_contact(value: object, where: str) -> ContactIn:
    """Check one contact; refuse a fingerprint that is not the one its keys make."""
    item = f.read.obj(value, where)
    stated = f.fingerprint(item, "fingerprint", where)
    encryption_key = _key(item, "encryption_key", where)
    signing_key = _key(item, "signing_key", where)
    if fingerprint(encryption_key, signing_key) != stated:
        raise f.refuse(where, "its fingerprint does not match its keys.")
    name = f.read.text(item, "name", where)
    if not name.strip() or len(name) > MAX_NAME:
        raise f.refuse(where, f"'name' should be 1 to {MAX_NAME} characters.")
    return ContactIn(
        fingerprint=stated,
        name=name,
        role=f.read.choice(item, "role", Role, where),
        encryption_key=encryption_key,
        signing_key=signing_key,
        added=f.read.moment(item, "added", where),
        verified=f.read.flag(item, "verified", where),
    )


def parse_sent(value: object, where: str) -> SentIn:
    """Check one record of a version sent."""
    item = f.read.obj(value, where)
    item_id = f.read.ident(item, "item", where)
    return SentIn(
        coach=f.fingerprint(item, "coach", where),
        item=item_id,
        version=f.read.moment(item, "version", where),
        sent=f.read.moment(item, "sent", where),
    )


def parse_received(value: object, where: str) -> ReceivedIn:
    """Check one record of a package received."""
    item = f.read.obj(value, where)
    package_id = f.read.ident(item, "id", where)
    kind = f.read.text(item, "kind", where)
    if kind not in PACKAGE_KINDS:
        raise f.refuse(where, "'kind' must be one of: share, feedback.")
    return ReceivedIn(
        id=package_id,
        kind=kind,
        sender=f.fingerprint(item, "sender", where),
        created=f.read.moment(item, "created", where),
        received=f.read.moment(item, "received", where),
    )


# -- merging -------------------------------------------------------------------------------


def merge_contact(merge: Merge, item: ContactIn) -> None:
    """Add a contact; for one already here, only a verified mark can be added.

    The name and role this journal holds stand: they come from the person's own card and
    packages. A fingerprint once compared stays verified.
    """
    session = merge.session
    own = session.get(SharingIdentity, 1)
    if own is not None:
        card = Identity(own.name, own.encryption_private, own.signing_private).card
        if card.fingerprint == item.fingerprint:
            raise f.refuse(
                f"contact {item.fingerprint}",
                "it is this journal's own card, so the file comes from the other side of "
                "a coaching pair.",
            )
    row = session.get(Contact, item.fingerprint)
    if row is None:
        session.add(
            Contact(
                fingerprint=item.fingerprint,
                name=item.name,
                role=item.role.value,
                encryption_key=item.encryption_key,
                signing_key=item.signing_key,
                added_at=item.added,
                verified=item.verified,
            )
        )
        merge.result.added += 1
    elif item.verified and not row.verified:
        row.verified = True
        merge.result.updated += 1
    else:
        merge.result.unchanged += 1


def merge_sent(merge: Merge, item: SentIn) -> None:
    """Add or update a record of what went to a coach; the later sending wins."""
    row = merge.session.get(SentVersion, (item.coach, item.item))
    if row is None:
        merge.session.add(
            SentVersion(
                coach=item.coach, item_id=item.item, version=item.version, sent_at=item.sent
            )
        )
        merge.result.added += 1
    elif (row.version, row.sent_at) == (item.version, item.sent):
        merge.result.unchanged += 1
    elif (item.version, item.sent) < (row.version, row.sent_at):
        merge.result.kept_newer += 1
    else:
        row.version, row.sent_at = item.version, item.sent
        merge.result.updated += 1


def merge_received(merge: Merge, item: ReceivedIn) -> None:
    """Remember a received package; one already remembered stays as it is."""
    if merge.session.get(ReceivedPackage, item.id) is not None:
        merge.result.unchanged += 1
        return
    merge.session.add(
        ReceivedPackage(
            package_id=item.id,
            kind=item.kind,
            sender=item.sender,
            created=item.created,
            received_at=item.received,
        )
    )
    merge.result.added += 1
