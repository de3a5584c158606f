"""The state of one import while it runs inside its single transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.storage.tables import Tag


@dataclass
class ImportResult:
    """What an import did, counted over every kind of record."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    kept_newer: int = 0

    @property
    def changed_anything(self) -> bool:
        """True when the journal is different after the import."""
        return bool(self.added or self.updated)

    def describe(self) -> str:
        """One plain sentence about the outcome."""
        if not self.changed_anything:
            return "Nothing to import: everything in the file is already in this journal."
        parts = [f"{self.added} added", f"{self.updated} updated"]
        if self.unchanged:
            parts.append(f"{self.unchanged} already here")
        if self.kept_newer:
            parts.append(f"{self.kept_newer} kept as they are (this journal's copy is newer)")
        return "Imported: " + ", ".join(parts) + "."


@dataclass
class Merge:
    """An import in progress: its session, its tally and the tags it has met."""

    session: Session
    result: ImportResult = field(default_factory=ImportResult)
    _tags: dict[str, Tag] | None = None

    def tags(self, names: Sequence[str]) -> list[Tag]:
        """Tag rows for these names, reusing existing ones regardless of case."""
        if self._tags is None:
            self._tags = {t.name.casefold(): t for t in self.session.scalars(select(Tag))}
        rows = []
        for name in names:
            tag = self._tags.get(name.casefold())
            if tag is None:
                tag = self._tags[name.casefold()] = Tag(name=name)
                self.session.add(tag)
            rows.append(tag)
        return rows
