"""The personal dictionary: words the person has said are right, kept in the encrypted journal.

Names are the words a spelling check flags most in a reflective journal, so the list lives in
journal.db (table `personal_words`, migration 0012), goes into backups with it and into the
JSON export, and is never written to a plain file. A word that may name someone is marked
private when added (see `looks_private`): it is accepted wherever it is written but never
suggested.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from app.errors import JournalError
from app.privacy.check import scan

MAX_WORD = 60
_ONE_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_STORED = "%Y-%m-%d %H:%M:%S.%f"


class NotAWord(JournalError):
    """What was given is not one word the dictionary could hold."""


@dataclass(frozen=True, slots=True)
class PersonalWord:
    """A word in the person's dictionary."""

    word: str
    private: bool
    added_at: datetime


def checked_word(raw: str) -> str:
    """`raw` as one word to keep, or NotAWord saying why not."""
    word = raw.strip().replace("’", "'")
    if not word:
        raise NotAWord("Give a word to add.")
    if len(word) > MAX_WORD:
        raise NotAWord(f"A word to add is at most {MAX_WORD} letters.")
    if not _ONE_WORD.fullmatch(word):
        raise NotAWord(
            f"'{word[:MAX_WORD]}' is not one word: use letters, with an apostrophe or hyphen "
            "inside it if needed."
        )
    return word


def looks_private(word: str, text: str = "", start: int = -1) -> bool:
    """True when `word` may name a person: it has a capital letter, or the privacy check finds
    something identifying where it stands in `text` ("Dr Okonkwo")."""
    if any(c.isupper() for c in word):
        return True
    return start >= 0 and any(f.start <= start < f.end for f in scan(text))


class Connections(Protocol):
    """What the personal dictionary needs of a journal: a read and a write connection."""

    def reading(self) -> AbstractContextManager[Any]: ...

    def writing(self) -> AbstractContextManager[Any]: ...


def _when(stored: str) -> datetime:
    return datetime.strptime(stored, _STORED).replace(tzinfo=UTC)


class PersonalDictionary:
    """The journal's personal words."""

    def __init__(self, journal: Connections, now: Callable[[], datetime] | None = None) -> None:
        self._journal = journal
        self._now = now or (lambda: datetime.now(UTC))

    def words(self) -> list[PersonalWord]:
        """Every personal word, in alphabetical order."""
        with self._journal.reading() as conn:
            rows = conn.execute("SELECT word, private, added_at FROM personal_words").fetchall()
        found = [PersonalWord(word, bool(private), _when(at)) for word, private, at in rows]
        return sorted(found, key=lambda w: (w.word.casefold(), w.word))

    def __iter__(self) -> Iterator[PersonalWord]:
        return iter(self.words())

    def add(self, raw: str, private: bool) -> PersonalWord:
        """Keep a word (already kept: it stays, private if either says so)."""
        word = checked_word(raw)
        added = self._now().astimezone(UTC).replace(tzinfo=None).strftime(_STORED)
        with self._journal.writing() as conn:
            conn.execute(
                "INSERT INTO personal_words (word, private, added_at) VALUES (?, ?, ?) "
                "ON CONFLICT (word) DO UPDATE SET private = max(private, excluded.private)",
                (word, int(private), added),
            )
            stored = conn.execute(
                "SELECT word, private, added_at FROM personal_words WHERE word = ?", (word,)
            ).fetchone()
        return PersonalWord(stored[0], bool(stored[1]), _when(stored[2]))

    def remove(self, raw: str) -> bool:
        """Take a word out; False when it was not there."""
        word = raw.strip().replace("’", "'")
        with self._journal.writing() as conn:
            gone = conn.execute("DELETE FROM personal_words WHERE word = ?", (word,)).rowcount
        return bool(gone)
