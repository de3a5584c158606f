"""The ORM: one typed DeclarativeBase for every table in journal.db."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class UTCDateTime(TypeDecorator[datetime]):
    """Stored as naive UTC text; always read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("datetimes stored in the journal must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    """Base of every mapped class."""


entry_tags = Table(
    "entry_tags",
    Base.metadata,
    Column("entry_id", String(36), ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_entry_tags_tag", "tag_id"),
)


class Entry(Base):
    """A free journal entry: a titled piece of Markdown tagged by domain and free tags."""

    __tablename__ = "entries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    bring_to_supervision: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    share_with_coach: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    domains: Mapped[list[EntryDomain]] = relationship(
        cascade="all, delete-orphan", order_by="EntryDomain.domain", lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=entry_tags, lazy="selectin")
    versions: Mapped[list[EntryVersion]] = relationship(
        cascade="all, delete-orphan", order_by="EntryVersion.id", lazy="select"
    )

    __table_args__ = (
        Index("ix_entries_list", "deleted_at", "created_at"),
        # Browsing by filters walks this newest first and checks each id without reading rows.
        Index("ix_entries_browse", "deleted_at", "created_at", "id"),
        Index("ix_entries_recent", "deleted_at", "updated_at"),
        Index("ix_entries_updated", "updated_at"),
    )


class EntryDomain(Base):
    """One domain of experience an entry touches."""

    __tablename__ = "entry_domains"

    entry_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("entries.id", ondelete="CASCADE"), primary_key=True
    )
    domain: Mapped[str] = mapped_column(String(20), primary_key=True)

    __table_args__ = (
        CheckConstraint("domain IN ('individual', 'team', 'organisation')", name="ck_domain_code"),
        Index("ix_entry_domains_domain", "domain"),
    )


class Tag(Base):
    """A free tag, unique regardless of case."""

    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200, collation="NOCASE"), unique=True)


class EntryVersion(Base):
    """The text an entry had before a save changed it."""

    __tablename__ = "entry_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("entries.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Inquiry(Base):
    """A line of inquiry: a question or dilemma worked through over several cycles."""

    __tablename__ = "inquiries"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    question: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    domains: Mapped[list[InquiryDomain]] = relationship(
        cascade="all, delete-orphan", order_by="InquiryDomain.domain", lazy="selectin"
    )

    __table_args__ = (
        CheckConstraint("status IN ('open', 'paused', 'closed')", name="ck_inquiry_status"),
    )


class InquiryDomain(Base):
    """One domain of experience a line of inquiry touches."""

    __tablename__ = "inquiry_domains"

    inquiry_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("inquiries.id", ondelete="CASCADE"), primary_key=True
    )
    domain: Mapped[str] = mapped_column(String(20), primary_key=True)

    __table_args__ = (
        CheckConstraint(
            "domain IN ('individual', 'team', 'organisation')", name="ck_inquiry_domain_code"
        ),
    )


cycle_tags = Table(
    "cycle_tags",
    Base.metadata,
    Column("cycle_id", String(36), ForeignKey("cycles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", Integer, ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index("ix_cycle_tags_tag", "tag_id"),
)


class Cycle(Base):
    """One action-inquiry cycle (or other template's reflection) in a line of inquiry."""

    __tablename__ = "cycles"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    inquiry_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("inquiries.id", ondelete="CASCADE"), index=True
    )
    template_id: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="planned")
    loop: Mapped[str] = mapped_column(String(8), default="none")
    experiment_date: Mapped[date | None] = mapped_column(Date, default=None)
    # When the experiment was first reflected on (the cycle left "planned"): Insights' days
    # from experiment to reflection. None for a planned cycle, and for older ones whose
    # writing gave no estimate (migration 0011).
    reflection_began_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    previous_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("cycles.id", ondelete="SET NULL"), unique=True, default=None
    )
    current_stage: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    bring_to_supervision: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    share_with_coach: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    domains: Mapped[list[CycleDomain]] = relationship(
        cascade="all, delete-orphan", order_by="CycleDomain.domain", lazy="selectin"
    )
    dimensions: Mapped[list[CycleDimension]] = relationship(
        cascade="all, delete-orphan", order_by="CycleDimension.dimension", lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=cycle_tags, lazy="selectin")
    stages: Mapped[list[CycleStage]] = relationship(
        cascade="all, delete-orphan", order_by="CycleStage.position", lazy="selectin"
    )

    __table_args__ = (
        CheckConstraint("status IN ('planned', 'in_progress', 'reviewed')", name="ck_cycle_status"),
        CheckConstraint("loop IN ('none', 'single', 'double', 'triple')", name="ck_cycle_loop"),
        Index("ix_cycles_list", "deleted_at", "created_at"),
        Index("ix_cycles_browse", "deleted_at", "created_at", "id"),
        Index("ix_cycles_recent", "deleted_at", "updated_at"),
        Index("ix_cycles_status_date", "status", "experiment_date"),
        Index("ix_cycles_status_recent", "status", "deleted_at", "updated_at"),
    )


class CycleDomain(Base):
    """One domain of experience a cycle touches."""

    __tablename__ = "cycle_domains"

    cycle_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cycles.id", ondelete="CASCADE"), primary_key=True
    )
    domain: Mapped[str] = mapped_column(String(20), primary_key=True)

    __table_args__ = (
        CheckConstraint(
            "domain IN ('individual', 'team', 'organisation')", name="ck_cycle_domain_code"
        ),
        Index("ix_cycle_domains_domain", "domain"),
    )


class CycleDimension(Base):
    """A Healthcare Leadership Model dimension a cycle draws on."""

    __tablename__ = "cycle_dimensions"

    cycle_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cycles.id", ondelete="CASCADE"), primary_key=True
    )
    dimension: Mapped[str] = mapped_column(String(40), primary_key=True)


class CycleStage(Base):
    """The participant's text for one stage of a cycle."""

    __tablename__ = "cycle_stages"

    cycle_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cycles.id", ondelete="CASCADE"), primary_key=True
    )
    stage_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CycleStageVersion(Base):
    """The text a stage had before a save changed it."""

    __tablename__ = "cycle_stage_versions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cycle_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("cycles.id", ondelete="CASCADE"), index=True
    )
    stage_id: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SearchDoc(Base):
    """Which entry, cycle or stage each row of the full-text index (search_index) belongs to.

    The FTS5 table itself and the triggers that keep it in step with the data are created by
    migration 0003; they are not mapped.
    """

    __tablename__ = "search_docs"

    rowid: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    item_id: Mapped[str] = mapped_column(String(36))
    stage_id: Mapped[str] = mapped_column(String(100), default="")

    __table_args__ = (
        Index("ux_search_docs_item", "kind", "item_id", "stage_id", unique=True),
        CheckConstraint("kind IN ('entry', 'cycle', 'stage')", name="ck_search_doc_kind"),
    )


class RecentSearch(Base):
    """A search the participant ran, kept inside the encrypted journal (never in settings)."""

    __tablename__ = "recent_searches"

    query: Mapped[str] = mapped_column(Text, primary_key=True)
    used_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)


class SavedSearch(Base):
    """A search kept under a name (a smart list): its words and its filters as JSON, with
    relative periods ("this quarter") kept relative so the list stays current."""

    __tablename__ = "saved_searches"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    query: Mapped[str] = mapped_column(Text, default="")
    filters: Mapped[str] = mapped_column(Text, default="{}")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class PersonalWord(Base):
    """A word the person added to the spelling check's dictionary (app/spelling/personal.py)."""

    __tablename__ = "personal_words"

    word: Mapped[str] = mapped_column(Text, primary_key=True)
    private: Mapped[bool] = mapped_column(Boolean)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SupervisionSession(Base):
    """A coaching, supervision, action learning or line-manager session."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    held_on: Mapped[date] = mapped_column(Date, index=True)
    with_whom: Mapped[str] = mapped_column(Text, default="")
    wants: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    next_date: Mapped[date | None] = mapped_column(Date, default=None)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    actions: Mapped[list[AgreedAction]] = relationship(
        cascade="all, delete-orphan", order_by="AgreedAction.position", lazy="selectin"
    )

    __table_args__ = (
        CheckConstraint(
            "kind IN ('coaching', 'supervision', 'action_learning', 'line_manager')",
            name="ck_session_kind",
        ),
    )


class AgreedAction(Base):
    """An action agreed in a session: what, with whom, by when, and how I will know."""

    __tablename__ = "actions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    what: Mapped[str] = mapped_column(Text)
    with_whom: Mapped[str] = mapped_column(Text, default="")
    by_when: Mapped[date | None] = mapped_column(Date, default=None)
    how_i_will_know: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), default="open")
    progress: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    evidence: Mapped[list[ActionEvidence]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    __table_args__ = (
        CheckConstraint(
            "status IN ('open', 'in_progress', 'done', 'dropped')", name="ck_action_status"
        ),
    )


class ActionEvidence(Base):
    """An entry or cycle that shows evidence of change for an action."""

    __tablename__ = "action_evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    action_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("actions.id", ondelete="CASCADE"), index=True
    )
    entry_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("entries.id", ondelete="CASCADE"), default=None
    )
    cycle_id: Mapped[str | None] = mapped_column(
        String(36), ForeignKey("cycles.id", ondelete="CASCADE"), default=None
    )

    __table_args__ = (
        CheckConstraint("(entry_id IS NULL) != (cycle_id IS NULL)", name="ck_evidence_one_item"),
    )


class SharingIdentity(Base):
    """This journal's sharing keys and card name (one row; private keys never leave the file)."""

    __tablename__ = "identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    encryption_private: Mapped[bytes] = mapped_column(LargeBinary)
    signing_private: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (CheckConstraint("id = 1", name="ck_identity_single"),)


class JournalIdentity(Base):
    """Which journal this database is: journal.json's id, checked at every open (one row)."""

    __tablename__ = "journal_identity"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    journal_id: Mapped[str] = mapped_column(String(36))
    stamped_at: Mapped[datetime] = mapped_column(UTCDateTime)

    __table_args__ = (CheckConstraint("id = 1", name="ck_journal_identity_single"),)


class Contact(Base):
    """A coach this participant shares with, or a participant who shared with this coach."""

    __tablename__ = "contacts"

    fingerprint: Mapped[str] = mapped_column(String(19), primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    role: Mapped[str] = mapped_column(String(12))
    encryption_key: Mapped[bytes] = mapped_column(LargeBinary)
    signing_key: Mapped[bytes] = mapped_column(LargeBinary)
    added_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # True once the person compared the fingerprint (a coach added from a card counts).
    verified: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    __table_args__ = (CheckConstraint("role IN ('coach', 'participant')", name="ck_contact_role"),)


class ReceivedPackage(Base):
    """A package already imported, so the same file is never imported twice."""

    __tablename__ = "received_packages"

    package_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    sender: Mapped[str] = mapped_column(String(19))
    created: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SharedItem(Base):
    """On a coach's side: an entry or cycle a participant shared (read-only), latest version."""

    __tablename__ = "shared_items"

    participant: Mapped[str] = mapped_column(String(19), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))
    title: Mapped[str] = mapped_column(Text, default="")
    content: Mapped[str] = mapped_column(Text)
    previous_content: Mapped[str] = mapped_column(Text, default="")
    domains: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[str] = mapped_column(Text, default="")
    written_at: Mapped[datetime] = mapped_column(UTCDateTime)
    version: Mapped[datetime] = mapped_column(UTCDateTime)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime)
    discussed: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    # A shared cycle's stages as JSON ([{"stage", "title", "text"}]); "" for an entry.
    stages: Mapped[str] = mapped_column(Text, default="", server_default="")
    # The content as it was when the coach last commented ("" until they do).
    commented_content: Mapped[str] = mapped_column(Text, default="", server_default="")
    # A shared cycle's status, loop, dates and leadership dimensions as JSON, for the coach's
    # Insights ("" for an entry, or a cycle shared by a version before these were sent).
    facts: Mapped[str] = mapped_column(Text, default="", server_default="")

    __table_args__ = (CheckConstraint("kind IN ('entry', 'cycle')", name="ck_shared_item_kind"),)


class SharedDoc(Base):
    """A stable integer key for each shared item's row in the coach's search index.

    Rows come and go with shared_items, by the triggers of migration 0008.
    """

    __tablename__ = "shared_docs"

    rowid: Mapped[int] = mapped_column(Integer, primary_key=True)
    participant: Mapped[str] = mapped_column(String(19))
    item_id: Mapped[str] = mapped_column(String(36))

    __table_args__ = (Index("ux_shared_docs_item", "participant", "item_id", unique=True),)


class Comment(Base):
    """A coach's comment on a shared entry or stage, or a participant's reply to one."""

    __tablename__ = "comments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    contact: Mapped[str] = mapped_column(String(19), index=True)
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    stage_id: Mapped[str] = mapped_column(String(100), default="")
    reply_to: Mapped[str | None] = mapped_column(String(36), default=None)
    mine: Mapped[bool] = mapped_column(Boolean)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)


class SentVersion(Base):
    """On a participant's side: which version of an entry or cycle went to which coach."""

    __tablename__ = "sent_versions"

    coach: Mapped[str] = mapped_column(String(19), primary_key=True)
    item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    version: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
