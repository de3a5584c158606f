"""Looking back: now and then, one earlier cycle worth revisiting, with what was learned.

A reviewed cycle comes back about a month, three months or a year after it was last worked on
(within a week either side), so it appears now and then rather than every day. One from a line
of inquiry still being worked on is preferred; then the one nearest its mark. A cycle the
person set aside ("Not now") does not come back, and one whose learning stage is empty has
nothing to offer.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

import sqlcipher3

from app.journal.opening import Journal
from app.storage.snapshot import reading
from app.writing.cycle_reads import active_inquiry_ids, cycle_summaries, read_cycle, read_inquiry
from app.writing.cycle_states import CycleStatus
from app.writing.domains import Domain
from app.writing.links import plain_text
from app.writing.templates import StageRole

MARKS = ((30, "a month ago"), (91, "three months ago"), (365, "a year ago"))
"""How long ago a cycle comes back, and how that is said."""
WINDOW_DAYS = 7
"""How many days either side of a mark still count."""
MOST_CYCLES = 500
"""More reviewed cycles than anyone has within two weeks of one mark."""
EXCERPT = 300


@dataclass(frozen=True)
class LookBack:
    """An earlier cycle to revisit: its title, line of inquiry, when, and what was learned."""

    cycle_id: str
    title: str
    question: str
    when: str
    learning: str
    domains: tuple[Domain, ...] = ()


class LookingBackService:
    """Which earlier cycle to bring back today: `LookingBackService(journal).pick(today, ...)`."""

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def pick(self, today: date, set_aside: Collection[str] = ()) -> LookBack | None:
        """The earlier cycle to show today, or None when none is at a mark.

        Read in plain SQL (app/writing/cycle_reads.py), as the Home view is shown first.
        """
        with reading(self._journal) as conn:
            return self._pick(conn, today, set_aside)

    def _pick(
        self, conn: sqlcipher3.Connection, today: date, set_aside: Collection[str]
    ) -> LookBack | None:
        candidates = []
        for days, words in MARKS:
            first = today - timedelta(days=days + WINDOW_DAYS)
            last = today - timedelta(days=days - WINDOW_DAYS)
            near = cycle_summaries(
                conn,
                statuses=[CycleStatus.REVIEWED],
                changed=(_start_of(first), _start_of(last + timedelta(days=1))),
                limit=MOST_CYCLES,
            )
            for cycle in near:
                age = (today - cycle.updated.astimezone().date()).days
                if cycle.id not in set_aside and abs(age - days) <= WINDOW_DAYS:
                    candidates.append((cycle.inquiry_id, abs(age - days), cycle.id, words))
        if not candidates:
            return None
        active = active_inquiry_ids(conn, {inquiry for inquiry, _off, _id, _words in candidates})
        ranked = sorted(
            (inquiry not in active, off_by, cid, w) for inquiry, off_by, cid, w in candidates
        )
        for _quiet, _off_by, cycle_id, words in ranked:
            found = self._with_learning(conn, cycle_id, words)
            if found is not None:
                return found
        return None

    def _with_learning(
        self, conn: sqlcipher3.Connection, cycle_id: str, words: str
    ) -> LookBack | None:
        record = read_cycle(conn, cycle_id)
        template = self._journal.templates.get(record.template_id)
        stage = template.stage_with_role(StageRole.LEARNING) if template else None
        learning = " ".join(plain_text(record.text(stage.id)).split()) if stage else ""
        if not learning:
            return None
        if len(learning) > EXCERPT:
            learning = learning[:EXCERPT].rsplit(" ", 1)[0] + " …"
        question = read_inquiry(conn, record.inquiry_id).question
        return LookBack(record.id, record.display_title, question, words, learning, record.domains)


def _start_of(day: date) -> datetime:
    """The local start of `day`, as an aware time (stored times are compared in UTC)."""
    return datetime.combine(day, time.min).astimezone(UTC)
