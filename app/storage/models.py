"""The ORM: one typed DeclarativeBase for every table in journal.db."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
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

    domains: Mapped[list[EntryDomain]] = relationship(
        cascade="all, delete-orphan", order_by="EntryDomain.domain", lazy="selectin"
    )
    tags: Mapped[list[Tag]] = relationship(secondary=entry_tags, lazy="selectin")
    versions: Mapped[list[EntryVersion]] = relationship(
        cascade="all, delete-orphan", order_by="EntryVersion.id", lazy="select"
    )

    __table_args__ = (
        Index("ix_entries_list", "deleted_at", "created_at"),
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
