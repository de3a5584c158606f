"""The personal dictionary in the export file: each word, whether it is private, when added."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.spelling.personal import MAX_WORD, NotAWord, checked_word
from app.storage.tables import PersonalWord
from app.transfer import fields as f
from app.transfer.merge import Merge

_NOT_ONE_WORD = (
    f"'word' should be one word of at most {MAX_WORD} letters (an apostrophe or hyphen "
    "inside it is fine)."
)


def export_dictionary(session: Session) -> list[dict[str, Any]]:
    """Every personal word, in alphabetical order."""
    rows = session.scalars(select(PersonalWord)).all()
    ordered = sorted(rows, key=lambda row: (row.word.casefold(), row.word))
    return [
        {"word": row.word, "private": row.private, "added": f.iso(row.added_at)} for row in ordered
    ]


@dataclass(frozen=True)
class PersonalWordIn:
    """A personal word read from a file, checked."""

    word: str
    private: bool
    added: datetime


def parse_personal_word(value: object, where: str) -> PersonalWordIn:
    """Check one word of the dictionary."""
    item = f.read.obj(value, where)
    raw = f.read.text(item, "word", where, limit=MAX_WORD)
    try:
        word = checked_word(raw)
    except NotAWord:
        raise f.refuse(where, _NOT_ONE_WORD) from None
    private = item.get("private")
    if not isinstance(private, bool):  # never guessed: a missing mark could expose a name
        raise f.refuse(where, "'private' should be true or false.")
    return PersonalWordIn(word, private, f.read.moment(item, "added", where))


def merge_personal_word(merge: Merge, item: PersonalWordIn) -> None:
    """Add a word; one already here stays, private if either copy says so."""
    row = merge.session.get(PersonalWord, item.word)
    if row is None:
        merge.session.add(PersonalWord(word=item.word, private=item.private, added_at=item.added))
        merge.result.added += 1
    elif item.private and not row.private:
        row.private = True
        merge.result.updated += 1
    else:
        merge.result.unchanged += 1
