"""Whether to offer the Coaching view: a light check the window makes at start-up."""

from __future__ import annotations

from app.errors import JournalError
from app.journal import Journal
from app.sharing.contacts import Role


def coaching_available(journal: Journal) -> bool:
    """True once the journal has a participant (someone shared with it, or was added)."""
    try:
        return bool(journal.sharing.contacts(Role.PARTICIPANT))
    except JournalError:
        return False  # the view stays hidden; the views that read the journal say why
