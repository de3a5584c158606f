"""The trash and the flags: one contract (app/writing/trash.py), checked for entries and cycles."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.errors import JournalError
from app.journal.opening import Journal
from app.writing.cycles import CycleStore
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from app.writing.trash import Binned


class Clock:
    """A clock the test moves on by a minute at each reading."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


@dataclass
class Kind:
    """One kind of item: its store, and how to make one carrying some tags."""

    store: Binned[Any, Any]
    make: Callable[[str, list[str]], str]
    what: str


def _entries(journal: Journal, clock: Clock) -> Kind:
    store = EntryStore(journal.engine, clock=clock)

    def make(title: str, tags: list[str]) -> str:
        return store.create(title, "Asked the charge nurse first.", [Domain.TEAM], tags).id

    return Kind(store, make, "entry")


def _cycles(journal: Journal, clock: Clock) -> Kind:
    store = CycleStore(journal.engine, journal.templates, clock=clock)
    inquiry = store.create_inquiry("How do I hear concerns earlier?", domains=[Domain.TEAM])

    def make(title: str, tags: list[str]) -> str:
        cycle_id = store.start_cycle(inquiry.id, "kolb", title=title).id
        store.update_cycle(cycle_id, tags=tags)
        return cycle_id

    return Kind(store, make, "cycle")


@pytest.fixture(params=["entries", "cycles"])
def kind(request: pytest.FixtureRequest, journal: Journal) -> Iterator[Kind]:
    maker = _entries if request.param == "entries" else _cycles
    yield maker(journal, Clock())


def _tags_in(journal: Journal) -> set[str]:
    with journal.reading() as conn:
        return {str(row[0]) for row in conn.execute("SELECT name FROM tags")}


def _deleted_at(journal: Journal, kind: Kind, item_id: str) -> str | None:
    table = "entries" if kind.what == "entry" else "cycles"
    with journal.reading() as conn:
        row = conn.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", (item_id,)).fetchone()
    return None if row is None else row[0]


def test_trashing_again_keeps_the_first_moment_and_restore_brings_it_back(
    kind: Kind, journal: Journal
) -> None:
    item = kind.make("Huddle", [])
    kind.store.trash(item)
    first = _deleted_at(journal, kind, item)
    kind.store.trash(item)
    assert first is not None and _deleted_at(journal, kind, item) == first
    assert kind.store.trashed_count() == 1
    kind.store.restore(item)
    assert _deleted_at(journal, kind, item) is None
    assert kind.store.trashed_count() == 0


def test_a_live_item_is_never_deleted_for_good(kind: Kind, journal: Journal) -> None:
    item = kind.make("Huddle", ["rota"])
    with pytest.raises(JournalError) as refused:
        kind.store.delete_forever(item)
    assert str(refused.value) == (
        f"Move this {kind.what} to the trash before deleting it for good."
    )
    assert _deleted_at(journal, kind, item) is None
    assert _tags_in(journal) == {"rota"}


def test_deleting_for_good_takes_the_tags_only_it_carried(kind: Kind, journal: Journal) -> None:
    kept = kind.make("Kept", ["rota"])
    gone = kind.make("Gone", ["rota", "mistake"])
    kind.store.trash(gone)
    kind.store.delete_forever(gone)
    assert _tags_in(journal) == {"rota"}
    with pytest.raises(JournalError, match="no longer exists"):
        kind.store.restore(gone)
    assert _deleted_at(journal, kind, kept) is None


def test_emptying_the_trash_deletes_only_what_is_in_it(kind: Kind, journal: Journal) -> None:
    live = kind.make("Live", ["rota"])
    for title in ("One", "Two"):
        kind.store.trash(kind.make(title, ["gone-" + title.lower()]))
    assert kind.store.empty_trash() == 2
    assert kind.store.trashed_count() == 0
    assert _deleted_at(journal, kind, live) is None
    assert _tags_in(journal) == {"rota"}
    assert kind.store.empty_trash() == 0


def test_flags_list_live_items_oldest_first(kind: Kind) -> None:
    older, newer, trashed = (kind.make(t, []) for t in ("Older", "Newer", "Trashed"))
    for item in (newer, older, trashed):
        kind.store.set_flags(item, bring_to_supervision=True)
    kind.store.set_flags(newer, share_with_coach=True)
    kind.store.trash(trashed)
    assert kind.store.flagged_ids() == [older, newer]
    assert kind.store.flagged_ids(share=True) == [newer]
    kind.store.set_flags(older, bring_to_supervision=False)
    assert kind.store.flagged_ids() == [newer]


def test_a_new_entry_left_empty_is_discarded_and_one_with_a_tag_is_kept(
    journal: Journal,
) -> None:
    store = journal.entries
    empty = store.create()
    tagged = store.create(tags=["rota"])
    assert store.discard_unwritten(empty.id) is True
    assert store.discard_unwritten(tagged.id) is False
    assert [s.id for s in store.summaries()] == [tagged.id]
