"""The trash and the two flags, one implementation for entries and for cycles.

Entries and cycles are put in the trash, brought back, deleted for good and flagged ("bring to
supervision", "share with my coach") in the same way, so the rules live here once and each
store hands its own row type and what its rows need when they go:

- `trash` stamps the moment once (trashing again keeps the first moment); `restore` clears it.
- `delete_forever` refuses an item that is not in the trash, so nothing live is deleted by a
  slip; with the item go its sharing records, and any tag that nothing carries any more.
- `empty_trash` deletes everything in the trash the same way, and says how many went.
- `flagged_ids` lists live items only, oldest first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.errors import JournalError
from app.storage.sharing_rows import forget_sharing_of
from app.storage.tables import Tag
from app.storage.transaction import require
from app.writing.tags import tag_in_use

Row = TypeVar("Row")
Record = TypeVar("Record")


class Binned(Generic[Row, Record]):
    """The trash and the flags of a store (one contract: see the module docstring).

    A store mixes this in and says which rows it keeps (`_model`, a mapped class with the
    columns id, created_at, deleted_at, bring_to_supervision and share_with_coach, as Entry and
    Cycle have), what a person calls one (`_what`), which error refuses deleting a live one,
    and how a row becomes its record.
    """

    _model: ClassVar[Any]  # the mapped class: its columns build the queries below
    _what: ClassVar[str]
    _refusal: ClassVar[Callable[[str], JournalError]] = JournalError
    _clock: Callable[[], datetime]

    def _session(self) -> contextlib.AbstractContextManager[Session]:
        raise NotImplementedError

    def _reading(self) -> contextlib.AbstractContextManager[Session]:
        raise NotImplementedError

    def _record_of(self, session: Session, row: Row) -> Record:
        raise NotImplementedError

    def _row(self, session: Session, item_id: str) -> Any:
        return require(session, self._model, item_id, self._what)

    def set_flags(
        self,
        item_id: str,
        *,
        bring_to_supervision: bool | None = None,
        share_with_coach: bool | None = None,
    ) -> Record:
        """Flag an item to bring to supervision, or to share with the coach (or unflag it)."""
        with self._session() as session:
            row = self._row(session, item_id)
            if bring_to_supervision is not None:
                row.bring_to_supervision = bring_to_supervision
            if share_with_coach is not None:
                row.share_with_coach = share_with_coach
            session.flush()
            return self._record_of(session, row)

    def flagged_ids(self, *, share: bool = False) -> list[str]:
        """Live items flagged for supervision (or, with share=True, for the coach)."""
        model = self._model
        column = model.share_with_coach if share else model.bring_to_supervision
        query = select(model.id).where(column.is_(True), model.deleted_at.is_(None))
        with self._reading() as session:
            return list(session.scalars(query.order_by(model.created_at)))

    def trash(self, item_id: str) -> None:
        """Move an item to the trash (it can be restored until it is deleted for good)."""
        with self._session() as session:
            row = self._row(session, item_id)
            if row.deleted_at is None:
                row.deleted_at = self._clock()

    def restore(self, item_id: str) -> None:
        """Bring an item back from the trash."""
        with self._session() as session:
            self._row(session, item_id).deleted_at = None

    def delete_forever(self, item_id: str) -> None:
        """Remove a trashed item for good, with everything that hangs on it."""
        with self._session() as session:
            row = self._row(session, item_id)
            if row.deleted_at is None:
                raise type(self)._refusal(
                    f"Move this {self._what} to the trash before deleting it for good."
                )
            _delete(session, [row])

    def empty_trash(self) -> int:
        """Delete every trashed item for good; return how many went."""
        with self._session() as session:
            rows = list(
                session.scalars(select(self._model).where(self._model.deleted_at.is_not(None)))
            )
            _delete(session, rows)
            return len(rows)

    def trashed_count(self) -> int:
        """How many items are in the trash."""
        model = self._model
        query = select(func.count()).select_from(model).where(model.deleted_at.is_not(None))
        with self._reading() as session:
            return int(session.scalar(query) or 0)


def _delete(session: Session, rows: Sequence[Any]) -> None:
    # The database removes what hangs on a row (versions, tags, evidence links, search rows);
    # sharing records name items by id alone, so they are removed here.
    for row in rows:
        forget_sharing_of(session, row.id)
        session.delete(row)
    session.flush()
    session.execute(delete(Tag).where(~tag_in_use()))
