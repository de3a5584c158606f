"""How participants and shared items read in the coach's lists: names, counts and badges."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.sharing.workspace import ParticipantSummary, SharedItemRecord
from app.ui.widgets.dates import local_day
from app.ui.widgets.item_list import ListItem

ALL_PARTICIPANTS = "All participants"
ALL_ID = ""
"""The participants list's id for "All participants"."""

UPDATED = "Updated"
CHANGED = "Changed since your comment"
DISCUSSED = "Discussed"
NOT_VERIFIED = "not verified"


def participant_label(person: ParticipantSummary) -> str:
    """The name the coach reads, marked while their fingerprint has not been compared."""
    return person.name if person.verified else f"{person.name} ({NOT_VERIFIED})"


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def counts_text(items: int, to_discuss: int, unread: int, unsent: int, sep: str = " · ") -> str:
    """A participant's counts in words; the zeros after the item count are left out.

    With a line break as `sep`, the items come on one line and the comments on the next.
    """
    shared = [_count(items, "item", "items")]
    if to_discuss:
        shared.append(f"{to_discuss} to discuss")
    comments = []
    if unread:
        comments.append(_count(unread, "new reply", "new replies"))
    if unsent:
        comments.append(_count(unsent, "comment to send", "comments to send"))
    lines = [" · ".join(shared), " · ".join(comments)]
    return sep.join(line for line in lines if line)


def participant_items(people: list[ParticipantSummary]) -> list[ListItem]:
    """ "All participants" with everyone's totals, then each participant by card name."""
    total = ListItem(
        ALL_ID,
        ALL_PARTICIPANTS,
        counts_text(
            sum(p.items for p in people),
            sum(p.to_discuss for p in people),
            sum(p.unread_replies for p in people),
            sum(p.unsent_comments for p in people),
            "\n",
        ),
    )
    names = Counter(p.name.casefold() for p in people)

    def title(p: ParticipantSummary) -> str:
        # Two cards with one name (a namesake, or someone posing as them) are told apart by
        # the start of their fingerprints; a card the coach has not checked says so.
        shown = f"{p.name} ({p.fingerprint[:9]})" if names[p.name.casefold()] > 1 else p.name
        return shown if p.verified else f"{shown} · {NOT_VERIFIED}"

    return [total] + [
        ListItem(
            p.fingerprint,
            title(p),
            counts_text(p.items, p.to_discuss, p.unread_replies, p.unsent_comments, "\n"),
        )
        for p in people
    ]


@dataclass(frozen=True)
class ItemKey:
    """Which shared item: the participant's fingerprint and the item's id in their journal."""

    participant: str
    item_id: str

    @property
    def text(self) -> str:
        """As one string (for a list row's id)."""
        return f"{self.participant}/{self.item_id}"

    @classmethod
    def parse(cls, text: str) -> ItemKey:
        """From `text` as made by `.text`."""
        participant, _slash, item_id = text.partition("/")
        return cls(participant, item_id)


@dataclass(frozen=True)
class SharedRow:
    """A shared item as its list row shows it."""

    record: SharedItemRecord
    participant_name: str
    unread: int

    @property
    def key(self) -> ItemKey:
        """Which item this is."""
        return ItemKey(self.record.participant, self.record.item_id)

    @property
    def badges(self) -> tuple[str, ...]:
        """Short words for its state: changed, discussed, new replies."""
        record = self.record
        found = []
        if record.changed_since_comment:
            found.append(CHANGED)
        elif record.updated:
            found.append(UPDATED)
        if record.discussed:
            found.append(DISCUSSED)
        if self.unread:
            found.append(_count(self.unread, "new reply", "new replies"))
        return tuple(found)

    @property
    def detail(self) -> str:
        """Who shared it, when it was written, and whether it is an entry or a cycle."""
        kind = "Cycle" if self.record.kind == "cycle" else "Entry"
        return f"{self.participant_name} · {local_day(self.record.written)} · {kind}"

    def described(self) -> str:
        """The whole row in words, for screen readers and tooltips."""
        domains = ", ".join(d.label for d in self.record.domains) or "No domain"
        return ". ".join([self.record.title, self.detail, domains, *self.badges])
