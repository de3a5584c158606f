"""What sharing keeps about one of the journal's own entries or cycles, for deleting it."""

from __future__ import annotations

from sqlalchemy import delete
from sqlalchemy.orm import Session

from app.storage.tables import Comment, SentVersion


def forget_sharing_of(session: Session, item_id: str) -> None:
    """An entry or cycle is being deleted for good: its coach's comments, the replies to them
    and the record of which version went to whom go with it."""
    session.execute(delete(Comment).where(Comment.item_id == item_id))
    session.execute(delete(SentVersion).where(SentVersion.item_id == item_id))
