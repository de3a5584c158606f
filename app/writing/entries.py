"""Free journal entries: write, tag, list, keep versions, trash and restore."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime

import sqlcipher3
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import EntryNotFoundError
from app.storage.snapshot import snapshot
from app.storage.tables import Entry, EntryDomain, EntryVersion, Tag
from app.storage.transaction import driver_of, require, transaction, writing_connection
from app.writing.domains import Domain, in_order
from app.writing.entry_record import EntryRecord as EntryRecord
from app.writing.entry_record import (
    EntrySummary,
    EntryVersionRecord,
    add_entry,
    entry_count,
    entry_domain_counts,
    entry_summaries,
    read_entry,
)
from app.writing.tags import normalise_tags, same_tags, tag_in_use, tag_rows
from app.writing.titles import UNTITLED as UNTITLED
from app.writing.titles import display_title as display_title
from app.writing.trash import Binned
from app.writing.versions import keeps_version


class EntryStore(Binned[Entry, EntryRecord]):
    """Reads and writes entries. Every method is one short transaction."""

    _model = Entry
    _what = "entry"

    def __init__(self, engine: Engine, clock: Callable[[], datetime] | None = None) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._clock = clock or (lambda: datetime.now(UTC))

    def _session(self) -> contextlib.AbstractContextManager[Session]:
        return transaction(self._sessions)

    def _reading(self) -> contextlib.AbstractContextManager[Session]:
        return transaction(self._sessions, write=False)

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlcipher3.Connection]:
        """A driver connection of the store's engine to read with, as `Journal.reading` lends
        one: what reads a journal in plain SQL (the entry list) reads a store the same way."""
        with self._engine.connect() as conn:
            driver = conn.connection.driver_connection
            assert isinstance(driver, sqlcipher3.Connection)
            yield driver

    @contextlib.contextmanager
    def _plain(self) -> Iterator[sqlcipher3.Connection]:
        """The driver connection of a read transaction, for the reads written in plain SQL
        (app/writing/entry_record.py), which the window also runs without the ORM."""
        with self._reading() as session, snapshot(driver_of(session)) as conn:
            yield conn

    # -- writing -------------------------------------------------------------------------

    def create(
        self,
        title: str = "",
        body: str = "",
        domains: Sequence[Domain] = (),
        tags: Sequence[str] = (),
        *,
        entry_id: str | None = None,
    ) -> EntryRecord:
        """Add a new entry and return it."""
        with writing_connection(self._engine) as conn:
            driver = conn.connection.driver_connection  # in the transaction `conn` began
            assert isinstance(driver, sqlcipher3.Connection)
            return add_entry(driver, title, body, domains, tags, self._clock(), entry_id)

    def save(
        self,
        entry_id: str,
        *,
        title: str,
        body: str,
        domains: Sequence[Domain],
        tags: Sequence[str],
        keep_version: bool = False,
    ) -> EntryRecord:
        """Store the entry's current text and tags. A change of text keeps the old text as a
        version at the start of each editing run (see app/writing/versions.py), or always with
        `keep_version`.

        A save that changes nothing writes nothing.
        """
        with self._session() as session:
            entry = _get(session, entry_id)
            new_domains = [d.value for d in in_order(domains)]
            new_tags = normalise_tags(tags)
            text_changed = entry.title != title or entry.body != body
            if (
                not text_changed
                and [d.domain for d in entry.domains] == new_domains
                and same_tags([t.name for t in entry.tags], new_tags)
            ):
                return entry_record(entry)
            now = self._clock()
            if text_changed and (keep_version or self._run_over(session, entry, now)):
                session.add(
                    EntryVersion(
                        entry_id=entry.id,
                        title=entry.title,
                        body=entry.body,
                        written_at=entry.updated_at,
                        replaced_at=now,
                    )
                )
            if text_changed:
                entry.title = title
                entry.body = body
            entry.domains = [EntryDomain(domain=d) for d in new_domains]
            entry.tags = tag_rows(session, new_tags)
            entry.updated_at = now
            session.flush()
            return entry_record(entry)

    @staticmethod
    def _run_over(session: Session, entry: Entry, now: datetime) -> bool:
        run_started = session.scalar(
            select(func.max(EntryVersion.replaced_at)).where(EntryVersion.entry_id == entry.id)
        )
        return keeps_version(now, entry.updated_at, run_started)

    # set_flags, flagged_ids, trash, restore, delete_forever, empty_trash and trashed_count
    # come from Binned (app/writing/trash.py), one contract with cycles.

    def _record_of(self, session: Session, row: Entry) -> EntryRecord:
        return entry_record(row)

    def discard_unwritten(self, entry_id: str) -> bool:
        """Delete a new entry that holds nothing (no title, text, domain or tag); True if it went.

        A person who opens a new entry and leaves it empty did not mean to keep it, so it
        goes without passing through the trash; an entry with anything in it is kept.
        """
        with self._session() as session:
            entry = _get(session, entry_id)
            if entry.title.strip() or entry.body.strip() or entry.domains or entry.tags:
                return False
            session.delete(entry)
            return True

    def restore_version(self, entry_id: str, version_id: int) -> EntryRecord:
        """Make an earlier text current again (the text it replaces is kept as a version)."""
        with self._session() as session:
            version = session.get(EntryVersion, version_id)
            if version is None or version.entry_id != entry_id:
                raise EntryNotFoundError("That version no longer exists.")
            title, body = version.title, version.body
            entry = _get(session, entry_id)
            domains = [Domain(d.domain) for d in entry.domains]
            tags = [t.name for t in entry.tags]
        return self.save(
            entry_id, title=title, body=body, domains=domains, tags=tags, keep_version=True
        )

    # -- reading -------------------------------------------------------------------------

    def get(self, entry_id: str) -> EntryRecord:
        """One whole entry (trashed ones too)."""
        with self._plain() as conn:
            return read_entry(conn, entry_id)

    def get_many(self, entry_ids: list[str], batch: int = 500) -> list[EntryRecord]:
        """Whole entries in the order asked for, read a batch at a time; any missing id raises
        the same error as get()."""
        found: dict[str, EntryRecord] = {}
        for start in range(0, len(entry_ids), batch):
            chunk = entry_ids[start : start + batch]
            with self._reading() as session:
                rows = session.scalars(select(Entry).where(Entry.id.in_(chunk))).all()
                found.update((row.id, entry_record(row)) for row in rows)
        return [found[i] if i in found else self.get(i) for i in entry_ids]

    def count(self, text_filter: str = "", *, trashed: bool = False) -> int:
        """How many entries match the filter."""
        with self._plain() as conn:
            return entry_count(conn, text_filter, trashed=trashed)

    def summaries(
        self,
        text_filter: str = "",
        *,
        offset: int = 0,
        limit: int = 200,
        trashed: bool = False,
    ) -> list[EntrySummary]:
        """Entries newest first, a page at a time, without their bodies."""
        with self._plain() as conn:
            return entry_summaries(conn, text_filter, offset=offset, limit=limit, trashed=trashed)

    def versions(self, entry_id: str) -> list[EntryVersionRecord]:
        """Earlier texts of an entry, newest first."""
        with self._reading() as session:
            _get(session, entry_id)
            rows = session.scalars(
                select(EntryVersion)
                .where(EntryVersion.entry_id == entry_id)
                .order_by(EntryVersion.id.desc())
            ).all()
            return [
                EntryVersionRecord(v.id, v.title, v.body, v.written_at, v.replaced_at) for v in rows
            ]

    def all_tags(self) -> list[str]:
        """Every tag in use on entries or cycles, alphabetically (for completion)."""
        with self._reading() as session:
            query = select(Tag.name).where(tag_in_use()).order_by(Tag.name)
            return list(session.scalars(query))

    def domain_counts(self, since: datetime) -> dict[Domain, int]:
        """How many live entries written or changed since `since` touch each domain."""
        with self._plain() as conn:
            return entry_domain_counts(conn, since)

    def all_ids(self) -> list[str]:
        """Every entry id, trashed ones included."""
        with self._reading() as session:
            return list(session.scalars(select(Entry.id).order_by(Entry.created_at)).all())

    def records_written(self, start: datetime, end: datetime) -> list[EntryRecord]:
        """Live entries written from `start` up to (not including) `end`, oldest first."""
        query = (
            select(Entry)
            .where(Entry.deleted_at.is_(None), Entry.created_at >= start, Entry.created_at < end)
            .order_by(Entry.created_at, Entry.id)
        )
        with self._reading() as session:
            return [entry_record(entry) for entry in session.scalars(query)]

    def all_records(self, batch: int = 500) -> Iterator[EntryRecord]:
        """Every entry (trashed included), oldest first, a batch per transaction."""
        ids = self.all_ids()
        for start in range(0, len(ids), batch):
            with self._reading() as session:
                rows = session.scalars(
                    select(Entry)
                    .where(Entry.id.in_(ids[start : start + batch]))
                    .order_by(Entry.created_at, Entry.id)
                ).all()
                records = [entry_record(entry) for entry in rows]
            yield from records


def _get(session: Session, entry_id: str) -> Entry:
    return require(session, Entry, entry_id, "entry")


def entry_record(entry: Entry) -> EntryRecord:
    """The record of an entry row (its domains and tags loaded through the row's session)."""
    return EntryRecord(
        id=entry.id,
        title=entry.title,
        body=entry.body,
        created=entry.created_at,
        updated=entry.updated_at,
        domains=tuple(in_order(Domain(d.domain) for d in entry.domains)),
        tags=tuple(sorted((t.name for t in entry.tags), key=str.casefold)),
        deleted=entry.deleted_at,
        bring_to_supervision=entry.bring_to_supervision,
        share_with_coach=entry.share_with_coach,
    )


# -- keyset paging for the window's entry list (added with issue 4's lists) ------------------


def summaries_after(
    store: EntryStore, last: EntrySummary | None, *, limit: int = 200, trashed: bool = False
) -> list[EntrySummary]:
    """The page of entries listed after `last` (newest first; from the top when None).

    Same rows as `EntryStore.summaries` without a text filter, but found from the last row
    already shown rather than by OFFSET, which makes SQLite step over every earlier row: a page
    deep in a 50,000-entry list costs what the first page costs.
    """
    with store._plain() as conn:
        return entry_summaries(conn, after=last, limit=limit, trashed=trashed)
