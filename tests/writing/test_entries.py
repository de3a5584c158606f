"""Entries: saving keeps versions, tags fold, trash is reversible, lists page without bodies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.errors import EntryNotFoundError
from app.journal.opening import Journal
from app.writing.domains import Domain, parse_domains
from app.writing.entries import UNTITLED, EntryStore, display_title
from app.writing.tags import normalise_tags


class Clock:
    """A clock tests move by hand: each reading is `step` later than the one before (by
    default a quiet spell, so each save starts a new editing run)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
        self.step = timedelta(minutes=15)

    def __call__(self) -> datetime:
        self.now += self.step
        return self.now


@pytest.fixture
def store(journal: Journal) -> EntryStore:
    return EntryStore(journal.engine, clock=Clock())


def test_save_that_changes_text_keeps_the_previous_version(store: EntryStore) -> None:
    entry = store.create("Huddle", "First draft", [Domain.TEAM])
    store.save(entry.id, title="Huddle", body="Second draft", domains=[Domain.TEAM], tags=[])
    store.save(entry.id, title="Huddle", body="Third draft", domains=[Domain.TEAM], tags=[])
    versions = store.versions(entry.id)
    assert [v.body for v in versions] == ["Second draft", "First draft"]
    assert store.get(entry.id).body == "Third draft"


def test_save_without_changes_writes_nothing(store: EntryStore) -> None:
    entry = store.create("T", "B", [Domain.TEAM], ["a"])
    again = store.save(entry.id, title="T", body="B", domains=[Domain.TEAM], tags=["A"])
    assert again.updated == entry.updated
    assert store.versions(entry.id) == []


def test_tag_or_domain_change_is_saved_without_a_text_version(store: EntryStore) -> None:
    entry = store.create("T", "B", [Domain.TEAM])
    saved = store.save(
        entry.id, title="T", body="B", domains=[Domain.ORGANISATION, Domain.TEAM], tags=["board"]
    )
    assert saved.domains == (Domain.TEAM, Domain.ORGANISATION)
    assert saved.tags == ("board",)
    assert store.versions(entry.id) == []


def test_restoring_a_version_keeps_the_replaced_text(store: EntryStore) -> None:
    entry = store.create("T", "one")
    store.save(entry.id, title="T", body="two", domains=[], tags=[])
    first = store.versions(entry.id)[0]
    restored = store.restore_version(entry.id, first.id)
    assert restored.body == "one"
    assert [v.body for v in store.versions(entry.id)] == ["two", "one"]


def test_tags_are_trimmed_and_fold_case(store: EntryStore) -> None:
    one = store.create("a", "", tags=["#Huddle", " huddle ", "line  manager"])
    assert one.tags == ("Huddle", "line manager")
    two = store.create("b", "", tags=["HUDDLE"])
    assert two.tags == ("Huddle",)  # the existing spelling is reused
    assert store.all_tags() == ["Huddle", "line manager"]


def test_trash_restore_and_empty(store: EntryStore) -> None:
    keep = store.create("keep", "")
    gone = store.create("gone", "")
    store.trash(gone.id)
    assert [s.id for s in store.summaries()] == [keep.id]
    assert [s.id for s in store.summaries(trashed=True)] == [gone.id]
    store.restore(gone.id)
    assert store.count() == 2
    store.trash(gone.id)
    assert store.empty_trash() == 1
    with pytest.raises(EntryNotFoundError):
        store.get(gone.id)
    assert store.count() == 1


def test_summaries_are_newest_first_paged_and_filtered(store: EntryStore) -> None:
    ids = [store.create(f"Entry {n}", f"body {n} percent 100%").id for n in range(30)]
    page1 = store.summaries(limit=10)
    page2 = store.summaries(offset=10, limit=10)
    assert [s.id for s in page1 + page2] == list(reversed(ids))[:20]
    assert [s.title for s in store.summaries("entry 7")] == ["Entry 27", "Entry 17", "Entry 7"]
    assert store.count("100%") == 30
    assert store.count("1%0") == 0  # % is literal, not a wildcard
    assert store.count("body 2") == 12  # every word must appear: 2, 12 and 20-29


def test_untitled_entries_take_their_first_line() -> None:
    assert display_title("", "\n# Ward round\nmore") == "Ward round"
    assert display_title("  ", "") == UNTITLED
    assert display_title("Given", "body") == "Given"


def test_unicode_and_huge_entries_round_trip(store: EntryStore) -> None:
    body = "Reflexión 🌱 — ‘quotes’ 日本語\n" * 20000  # ~700 KB
    entry = store.create("Ünïcødé", body, tags=["café"])
    assert store.get(entry.id).body == body
    assert store.get(entry.id).tags == ("café",)


def test_unknown_domain_is_named() -> None:
    with pytest.raises(ValueError, match="'teams' is not a domain"):
        parse_domains(["teams"])
    assert parse_domains(["Team", "individual", "team"]) == (Domain.INDIVIDUAL, Domain.TEAM)


def test_normalise_tags_drops_empties() -> None:
    assert normalise_tags(["", "#", "  "]) == ()


def test_missing_entry_is_reported(store: EntryStore) -> None:
    with pytest.raises(EntryNotFoundError):
        store.save("nope", title="", body="", domains=[], tags=[])


def test_get_many_keeps_the_order_asked_for_and_refuses_a_missing_id(store: EntryStore) -> None:
    first = store.create("First", "one")
    second = store.create("Second", "two")
    third = store.create("Third", "three")
    records = store.get_many([third.id, first.id, second.id], batch=2)
    assert [r.title for r in records] == ["Third", "First", "Second"]
    with pytest.raises(EntryNotFoundError):
        store.get_many([first.id, "00000000-0000-0000-0000-000000000000"])


def test_saves_while_typing_keep_one_version_per_editing_run(journal: Journal) -> None:
    clock = Clock()
    store = EntryStore(journal.engine, clock=clock)
    entry = store.create("Huddle", "draft")
    clock.step = timedelta(seconds=5)  # autosave, a few seconds apart
    for n in range(1, 40):
        store.save(entry.id, title="Huddle", body=f"draft {n}", domains=[], tags=[])
    assert [v.body for v in store.versions(entry.id)] == ["draft"]

    clock.step = timedelta(minutes=11)  # a quiet spell, then one more change
    store.save(entry.id, title="Huddle", body="after the break", domains=[], tags=[])
    assert [v.body for v in store.versions(entry.id)] == ["draft 39", "draft"]

    clock.step = timedelta(minutes=5)  # a long unbroken run still keeps one an hour
    for n in range(14):
        store.save(entry.id, title="Huddle", body=f"long run {n}", domains=[], tags=[])
    bodies = [v.body for v in store.versions(entry.id)]
    assert bodies == ["long run 10", "draft 39", "draft"]


def test_a_new_entry_is_stored_as_the_orm_would_store_it(journal: Journal) -> None:
    """New entries are written in plain SQL (so `note` loads no ORM); every column, domain
    and tag link must be what the ORM writes for the same entry, defaults included."""
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    from app.storage.tables import Entry, EntryDomain
    from app.writing.tags import tag_rows

    now = datetime(2026, 3, 2, 9, 0, 0, tzinfo=UTC)  # no microseconds: the trickiest format
    made = EntryStore(journal.engine, clock=lambda: now).create(
        "Huddle", "Body", [Domain.TEAM, Domain.INDIVIDUAL], ["Board", "#new one"]
    )
    with Session(journal.engine) as session, session.begin():
        orm = Entry(id="orm", title="Huddle", body="Body", created_at=now, updated_at=now)
        orm.domains = [EntryDomain(domain=d.value) for d in (Domain.INDIVIDUAL, Domain.TEAM)]
        orm.tags = tag_rows(session, normalise_tags(["Board", "#new one"]))
        session.add(orm)

    def rows(entry_id: str) -> tuple[object, ...]:
        with journal.engine.connect() as conn:
            entry = conn.execute(
                text("SELECT * FROM entries WHERE id = :id"), {"id": entry_id}
            ).one()
            domains = conn.execute(
                text("SELECT domain FROM entry_domains WHERE entry_id = :id ORDER BY domain"),
                {"id": entry_id},
            ).all()
            tags = conn.execute(
                text(
                    "SELECT t.id, t.name FROM entry_tags et JOIN tags t ON t.id = et.tag_id "
                    "WHERE et.entry_id = :id ORDER BY t.id"
                ),
                {"id": entry_id},
            ).all()
        return (tuple(entry)[1:], domains, tags)

    assert rows(made.id) == rows("orm")
    assert made == journal.entries.get(made.id)
    assert made.tags == ("Board", "new one")
