"""A journal as a participant has it on 3 December 2026, preparing for a session that day.

The sample journal is written as of 26 November, so its cycles and entries fall in November and
its coaching session was on 5 November (one action done, one overdue). Before that, a session on
8 October left an action that is still open and overdue; an entry from September is flagged. The
session being prepared for is recorded already, on 3 December, with an action of its own.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.demo import DemoJournal
from app.journal.opening import Journal
from app.supervision.session_records import ActionDraft, ActionStatus, SessionKind
from app.supervision.sessions import SessionStore
from app.writing.domains import Domain
from app.writing.entries import EntryStore

TODAY = date(2026, 12, 3)
LAST_SESSION = date(2026, 11, 5)
EARLIER_SESSION = date(2026, 10, 8)
CARD_NAME = "Alex Morgan"
EARLIER_OPEN = "Book a shadowing day with the bed manager"
EARLIER_DONE = "Read the Freedom to Speak Up guidance"
TODAYS_ACTION = "Write up the handover pilot for the matron"
LAST_DONE = "Try the worry question at the night handover"
LAST_OVERDUE = "Ask my sponsor for a monthly check-in"
OLD_FLAGGED = "The September audit conversation"


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def build_december(journal: Journal, *, card: bool = True) -> Journal:
    """Fill an empty journal as described above; with `card`, a sharing card named CARD_NAME."""
    DemoJournal(journal).fill(now=_at(date(2026, 11, 26), 12))
    old = EntryStore(journal.engine, clock=lambda: _at(date(2026, 9, 14)))
    entry = old.create(
        OLD_FLAGGED,
        "The audit showed the late discharges bunch on Fridays. I still have not said so at "
        "the bed meeting.",
        [Domain.ORGANISATION],
        ["flow"],
    )
    old.set_flags(entry.id, bring_to_supervision=True)
    earlier = SessionStore(journal.engine, clock=lambda: _at(EARLIER_SESSION))
    october = earlier.record(
        SessionKind.COACHING,
        EARLIER_SESSION,
        with_whom="my programme coach",
        actions=[
            ActionDraft(EARLIER_OPEN, "the bed manager", date(2026, 10, 30)),
            ActionDraft(EARLIER_DONE, "", date(2026, 10, 20)),
        ],
    )
    still_open, done = october.actions
    earlier.update_action(done.id, status=ActionStatus.DONE, progress="Read it on the train.")
    earlier.update_action(still_open.id, progress="Asked once; no reply yet.")
    todays = SessionStore(journal.engine, clock=lambda: _at(TODAY, 8))
    todays.record(
        SessionKind.SUPERVISION,
        TODAY,
        with_whom="my clinical supervisor",
        wants="How to raise the Friday discharges without sounding like I am blaming anyone.",
        actions=[ActionDraft(TODAYS_ACTION, "the matron", date(2026, 12, 16))],
    )
    if card:
        journal.sharing.identity(CARD_NAME)
    return journal
