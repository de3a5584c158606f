"""Sharing between test journals through the core: pairing with a coach, sending a share."""

from __future__ import annotations

from collections.abc import Sequence

from app.journal.opening import Journal
from app.sharing.exchange import ExchangeService
from app.sharing.records import Role


def pair_with_coach(journal: Journal, coach: Journal, name: str = "Alex") -> Journal:
    """`journal` takes the card name `name` and adds `coach`'s card as its coach."""
    journal.sharing.identity(name)
    journal.sharing.add(coach.sharing.identity().card, Role.COACH)
    return journal


def card_fingerprint(journal: Journal) -> str:
    """The journal's card fingerprint."""
    return journal.sharing.identity().card.fingerprint


def send_share(
    participant: Journal,
    entries: Sequence[str],
    cycles: Sequence[str] = (),
    *,
    to: str | None = None,
) -> bytes:
    """Share entries and cycles with a coach and record it as sent; the package's bytes.

    The coach is the contact `to` names, or else the participant's first coach.
    """
    coach = (
        participant.sharing.contacts(Role.COACH)[0]
        if to is None
        else participant.sharing.find(to, Role.COACH)
    )
    outgoing = ExchangeService(participant).make_share(
        coach, ExchangeService(participant).records_to_share(list(entries), list(cycles))
    )
    ExchangeService(participant).record_sent(outgoing)
    return outgoing.data
