"""This journal's sharing identity and the people it shares with, kept in the encrypted file."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from app.errors import JournalError
from app.sharing import records
from app.sharing.keys import Card, Identity, check_name
from app.sharing.records import ContactRecord, Role
from app.storage.tables import Contact, SharingIdentity
from app.storage.transaction import reading_connection, transaction

DEFAULT_CARD_NAME = "Inquiry Journal user"
"""The name a card gets when keys are made before the person chose one."""


class SharingStore:
    """The journal's keys (made on first use) and its contacts."""

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock or (lambda: datetime.now(UTC))

    def _session(self) -> contextlib.AbstractContextManager[Session]:
        return transaction(self._sessions)

    def _reading(self) -> contextlib.AbstractContextManager[Session]:
        return transaction(self._sessions, write=False)

    def identity(self, name: str | None = None) -> Identity:
        """This journal's identity, creating its keys on first use (and renaming if asked)."""
        with self._session() as session:
            row = session.get(SharingIdentity, 1)
            if row is None:
                made = Identity.generate(name or DEFAULT_CARD_NAME)
                session.add(
                    SharingIdentity(
                        id=1,
                        name=made.name,
                        encryption_private=made.encryption_private,
                        signing_private=made.signing_private,
                        created_at=self._clock(),
                    )
                )
                return made
            if name is not None:
                row.name = check_name(name)
            return Identity(row.name, row.encryption_private, row.signing_private)

    def card_name(self) -> str:
        """The name on this journal's card, without making keys; "" when none was chosen."""
        with self._reading() as session:
            row = session.get(SharingIdentity, 1)
            return "" if row is None or row.name == DEFAULT_CARD_NAME else row.name

    def add(self, card: Card, role: Role) -> ContactRecord:
        """Add (or refresh) a contact from their card; refuse this journal's own card."""
        if card.fingerprint == self.identity().card.fingerprint:
            raise JournalError("That is this journal's own card; open your coach's card instead.")
        with self._session() as session:
            row = session.get(Contact, card.fingerprint)
            if row is None:
                row = Contact(
                    fingerprint=card.fingerprint,
                    encryption_key=card.encryption_key,
                    signing_key=card.signing_key,
                    added_at=self._clock(),
                )
                session.add(row)
            row.name, row.role = card.name, role.value
            if role is Role.COACH:  # added on purpose, after being shown the fingerprint
                row.verified = True
            session.flush()
            return _record(row)

    def contacts(self, role: Role | None = None) -> list[ContactRecord]:
        """Contacts by name."""
        with reading_connection(self._engine) as conn:
            return records.contacts(conn, role)

    def find(self, name_or_fingerprint: str, role: Role) -> ContactRecord:
        """The one contact with that card name, first name or fingerprint; a clear error
        otherwise (naming the contacts there are)."""
        wanted = name_or_fingerprint.strip()
        everyone = self.contacts(role)
        key = wanted.upper().replace("-", "")
        exact = [
            c
            for c in everyone
            if c.fingerprint.replace("-", "") == key or c.name.casefold() == wanted.casefold()
        ]
        # "Sam" finds "Sam Okafor" when no one is called exactly that.
        matches = exact or [
            c for c in everyone if wanted and c.name.casefold().startswith(wanted.casefold() + " ")
        ]
        if not matches:
            known = "; ".join(f"{c.name} ({c.fingerprint})" for c in everyone)
            plural = "coaches" if role is Role.COACH else "participants"
            there = f" Your {plural}: {known}." if known else ""
            raise JournalError(f"No {role.value} called '{wanted}' has been added yet.{there}")
        if len(matches) > 1:
            listed = "; ".join(f"{c.fingerprint}, {_state(c)}" for c in matches)
            raise JournalError(
                f"More than one {role.value} is called '{wanted}' ({listed}); "
                "use the fingerprint instead."
            )
        return matches[0]

    def verify(self, name: str, fingerprint: str) -> ContactRecord:
        """Mark the participant called `name` as verified, if `fingerprint` (as they read it
        out) is their card's; refuse plainly, changing nothing, if it is not."""
        wanted = name.strip()
        named = [
            c
            for c in self.contacts(Role.PARTICIPANT)
            if c.name.casefold() == wanted.casefold() or c.fingerprint == _spoken(wanted)
        ]
        if not named:
            raise JournalError(
                f"No participant called '{wanted}' has shared with you yet; "
                "'inquiry-journal participant list' shows who has."
            )
        match = [c for c in named if c.fingerprint == _spoken(fingerprint)]
        if not match:
            raise JournalError(
                f"That fingerprint does not match the card {wanted} shared with; nothing was "
                "verified. Ask them to read theirs out again, group by group."
            )
        with self._session() as session:
            row = session.get(Contact, match[0].fingerprint)
            if row is None:  # deleted in the meantime
                raise JournalError(f"{wanted} is no longer one of your participants.")
            row.verified = True
            session.flush()
            return _record(row)


def _spoken(fingerprint: str) -> str:
    """A fingerprint as typed after hearing it, in its written form ("7kq2 m9xd..." and the
    look-alikes O, I and L that Crockford base32 reads as 0 and 1)."""
    letters = "".join(ch for ch in fingerprint.upper() if ch.isalnum())
    letters = letters.translate(str.maketrans("OIL", "011"))
    return "-".join(letters[i : i + 4] for i in range(0, len(letters), 4))


def _state(contact: ContactRecord) -> str:
    return "verified" if contact.verified else "not verified"


def _record(row: Contact) -> ContactRecord:
    return ContactRecord(
        card=Card(row.name, row.encryption_key, row.signing_key),
        role=Role(row.role),
        added=row.added_at,
        verified=bool(row.verified),
    )
