"""Finding items to link to, which linked items still exist, and what links to an item.

The links themselves live in the texts (app/writing/links.py); this store only reads. Trashed
items neither link nor are linked to: a link to one reads "(not found)".
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Engine, and_, func, or_, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.storage.tables import Cycle, CycleStage, Entry
from app.storage.transaction import transaction
from app.writing.links import ItemLink, LinkedItem, LinkKind
from app.writing.titles import UNTITLED, display_title

UNTITLED_CYCLE = "Untitled cycle"
_WORDS = re.compile(r"[A-Za-z0-9]+")
_CANDIDATES = text(
    "SELECT d.kind, d.item_id FROM search_index JOIN search_docs d "
    "ON d.rowid = search_index.rowid WHERE search_index MATCH :match"
)
_TITLE_FROM_TEXT = 200


class LinkStore:
    """Reads what links need. Every method is one short reading transaction."""

    def __init__(self, engine: Engine) -> None:
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def _reading(self) -> contextlib.AbstractContextManager[Session]:
        return transaction(self._sessions, write=False)

    def titled(self, text: str = "", *, limit: int = 50) -> list[LinkedItem]:
        """Live entries and cycles whose title holds every word of `text` (any case), the most
        recently changed first; all of them, newest first, for an empty `text`."""
        words = text.split()
        entry_title = func.substr(Entry.body, 1, _TITLE_FROM_TEXT)
        entries = select(Entry.id, Entry.title, entry_title, Entry.updated_at).where(
            Entry.deleted_at.is_(None),
            *(_title_holds(Entry.title, entry_title, w) for w in words),
        )
        cycle_title = _first_stage_text()
        cycles = select(Cycle.id, Cycle.title, cycle_title, Cycle.updated_at).where(
            Cycle.deleted_at.is_(None),
            *(_title_holds(Cycle.title, cycle_title, w) for w in words),
        )
        with self._reading() as session:
            found = _entries(
                session.execute(entries.order_by(Entry.updated_at.desc()).limit(limit))
            )
            found += _cycles(session.execute(cycles.order_by(Cycle.updated_at.desc()).limit(limit)))
        found.sort(key=lambda item: item.updated, reverse=True)
        return found[:limit]

    def live(self, links: Iterable[ItemLink]) -> set[ItemLink]:
        """Which of these items exist and are not in the trash."""
        wanted = set(links)
        entry_ids = [k.item_id for k in wanted if k.kind is LinkKind.ENTRY]
        cycle_ids = [k.item_id for k in wanted if k.kind is LinkKind.CYCLE]
        found: set[ItemLink] = set()
        with self._reading() as session:
            for start in range(0, len(entry_ids), 500):
                query = select(Entry.id).where(
                    Entry.id.in_(entry_ids[start : start + 500]), Entry.deleted_at.is_(None)
                )
                found.update(ItemLink(LinkKind.ENTRY, i) for i in session.scalars(query))
            for start in range(0, len(cycle_ids), 500):
                query = select(Cycle.id).where(
                    Cycle.id.in_(cycle_ids[start : start + 500]), Cycle.deleted_at.is_(None)
                )
                found.update(ItemLink(LinkKind.CYCLE, i) for i in session.scalars(query))
        return found

    def linked_from(self, link: ItemLink) -> list[LinkedItem]:
        """The live entries and cycles whose text links to the item, most recently changed
        first (the item itself left out).

        The full-text index (which holds live texts only) narrows the search to the texts
        whose words include the address's; each is then checked for the address itself.
        """
        address = link.url
        phrase = " ".join(_WORDS.findall(address))
        with self._reading() as session:
            candidates = session.execute(_CANDIDATES, {"match": f'body : "{phrase}"'}).all()
            entry_ids = sorted({item for kind, item in candidates if kind == "entry"})
            cycle_ids = sorted({item for kind, item in candidates if kind == "stage"})
            found: list[LinkedItem] = []
            for start in range(0, len(entry_ids), 500):
                entries = select(
                    Entry.id,
                    Entry.title,
                    func.substr(Entry.body, 1, _TITLE_FROM_TEXT),
                    Entry.updated_at,
                ).where(
                    Entry.id.in_(entry_ids[start : start + 500]),
                    Entry.deleted_at.is_(None),
                    func.instr(Entry.body, address) > 0,
                )
                found += _entries(session.execute(entries))
            for start in range(0, len(cycle_ids), 500):
                chunk = cycle_ids[start : start + 500]
                linking = select(CycleStage.cycle_id).where(
                    CycleStage.cycle_id.in_(chunk), func.instr(CycleStage.text, address) > 0
                )
                cycles = select(Cycle.id, Cycle.title, _first_stage_text(), Cycle.updated_at).where(
                    Cycle.id.in_(linking), Cycle.deleted_at.is_(None)
                )
                found += _cycles(session.execute(cycles))
        found = [item for item in found if item.link != link]
        found.sort(key=lambda item: item.updated, reverse=True)
        return found


def _title_holds(title: Any, text_start: Any, word: str) -> ColumnElement[bool]:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    return or_(
        title.ilike(pattern, escape="\\"),
        and_(title == "", text_start.ilike(pattern, escape="\\")),
    )


def _first_stage_text() -> Any:
    """The start of a cycle's first written stage: its title when it has none."""
    return (
        select(func.substr(CycleStage.text, 1, _TITLE_FROM_TEXT))
        .where(CycleStage.cycle_id == Cycle.id, CycleStage.text != "")
        .order_by(CycleStage.position)
        .limit(1)
        .scalar_subquery()
    )


def _entries(rows: Iterable[Any]) -> list[LinkedItem]:
    return [
        LinkedItem(ItemLink(LinkKind.ENTRY, row[0]), display_title(row[1], row[2] or ""), row[3])
        for row in rows
    ]


def _cycles(rows: Iterable[Any]) -> list[LinkedItem]:
    return [
        LinkedItem(ItemLink(LinkKind.CYCLE, row[0]), _cycle_title(row[1], row[2] or ""), row[3])
        for row in rows
    ]


def _cycle_title(title: str, text_start: str) -> str:
    shown = display_title(title, text_start)
    return UNTITLED_CYCLE if shown == UNTITLED else shown
