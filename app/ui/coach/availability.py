"""Whether to offer the Coaching view, and what its row on the rail says is waiting: light
checks the window makes at start-up and after anything changes the counts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.errors import JournalError
from app.sharing.records import CoachingWork, Role, contacts

if TYPE_CHECKING:
    from app.journal.opening import Journal


def coaching_available(journal: Journal) -> bool:
    """True once the journal has a participant (someone shared with it, or was added)."""
    try:
        with journal.reading() as conn:  # not journal.sharing: that needs the ORM
            return bool(contacts(conn, Role.PARTICIPANT))
    except JournalError:
        return False  # the view stays hidden; the views that read the journal say why


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def waiting_words(work: CoachingWork) -> str:
    """What waits, in words ("" when nothing does): read out with the rail's Coaching row."""
    parts = []
    if work.new_shares:
        # "to discuss", as the participants list says: a share counts until it is ticked.
        parts.append(_count(work.new_shares, "share", "shares") + " to discuss")
    if work.new_replies:
        parts.append(_count(work.new_replies, "new reply", "new replies"))
    if work.unsent_comments:
        parts.append(_count(work.unsent_comments, "comment", "comments") + " waiting to be sent")
    return ", ".join(parts)
