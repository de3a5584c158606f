"""Entries and cycles as the screens name them: a kind, an id, a title, a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.journal.opening import Journal
from app.ui.widgets.dates import local_day


class ItemKind(StrEnum):
    """What kind of journal item an id names."""

    ENTRY = "entry"
    CYCLE = "cycle"

    @property
    def label(self) -> str:
        """The word shown to people."""
        return "Entry" if self is ItemKind.ENTRY else "Cycle"


@dataclass(frozen=True)
class ItemRef:
    """One entry or cycle, as a picker or an evidence list shows it."""

    kind: ItemKind
    id: str
    title: str
    when: datetime
    trashed: bool = False

    @property
    def key(self) -> str:
        """A single string naming the item ("entry:<id>"), for list rows."""
        return f"{self.kind.value}:{self.id}"

    @property
    def detail(self) -> str:
        """The kind and the date it was last worked on."""
        text = f"{self.kind.label}, {local_day(self.when)}"
        return f"{text} (in the trash)" if self.trashed else text


def split_key(key: str) -> tuple[ItemKind, str]:
    """The kind and id from an ItemRef.key."""
    kind, _, item_id = key.partition(":")
    return ItemKind(kind), item_id


def item_ref(journal: Journal, kind: ItemKind, item_id: str) -> ItemRef:
    """The entry or cycle with this id (JournalError if it no longer exists)."""
    if kind is ItemKind.ENTRY:
        entry = journal.entries.get(item_id)
        return ItemRef(kind, item_id, entry.display_title, entry.updated, entry.deleted is not None)
    cycle = journal.cycles.get(item_id)
    return ItemRef(kind, item_id, cycle.display_title, cycle.updated, cycle.deleted is not None)


def recent_items(journal: Journal, limit: int = 100) -> list[ItemRef]:
    """The most recently worked-on entries and cycles together, newest first."""
    refs = [
        ItemRef(ItemKind.ENTRY, e.id, e.title, e.updated)
        for e in journal.entries.summaries(limit=limit)
    ]
    refs += [
        ItemRef(ItemKind.CYCLE, c.id, c.title, c.updated)
        for c in journal.cycles.summaries(limit=limit)
    ]
    refs.sort(key=lambda r: r.when, reverse=True)
    return refs[:limit]
