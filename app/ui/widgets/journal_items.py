"""Entries and cycles as the screens name them: a kind, an id, a title, a date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.journal.opening import Journal
from app.storage.snapshot import reading
from app.ui.widgets.dates import local_day
from app.writing.cycle_reads import cycle_summaries, read_cycle
from app.writing.entry_record import entry_summaries, read_entry


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
    """The entry or cycle with this id (JournalError if it no longer exists).

    Read in plain SQL, as the stores read them: the Actions panel beside the Home view names
    its evidence before anything needs the ORM.
    """
    with reading(journal) as conn:
        item = read_entry(conn, item_id) if kind is ItemKind.ENTRY else read_cycle(conn, item_id)
    return ItemRef(kind, item_id, item.display_title, item.updated, item.deleted is not None)


def recent_items(journal: Journal, limit: int = 100) -> list[ItemRef]:
    """The most recently worked-on entries and cycles together, newest first."""
    with reading(journal) as conn:
        entries = entry_summaries(conn, limit=limit)
        cycles = cycle_summaries(conn, limit=limit)
    refs = [ItemRef(ItemKind.ENTRY, e.id, e.title, e.updated) for e in entries]
    refs += [ItemRef(ItemKind.CYCLE, c.id, c.title, c.updated) for c in cycles]
    refs.sort(key=lambda r: r.when, reverse=True)
    return refs[:limit]
