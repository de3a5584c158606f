"""Which parts of a text are words to check, and where they are.

A word is a run of letters, with apostrophes inside it (straight or curly: "haven’t") and
hyphens joining its parts ("follow-up"). Left alone, as a word processor leaves them: words
in capitals (NHS, SBAR), words joined to digits (3pm, B12), single letters, web and e-mail
addresses, links between items (`ij:cycle/...`), a Markdown link's address and inline code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_LETTERS = r"[^\W\d_]+"
_WORD = re.compile(rf"{_LETTERS}(?:['’]{_LETTERS})*(?:-{_LETTERS}(?:['’]{_LETTERS})*)*")
_NOT_PROSE = re.compile(
    r"""
      (?:https?|ftp)://\S+
    | www\.\S+
    | [\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+
    | ij:\S+
    | `[^`\n]*`
    | \]\([^)\s]*\)
    | <[^<>\n]*>
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Word:
    """A word in a text: the characters and where they are (start inclusive, end exclusive)."""

    text: str
    start: int
    end: int


def _skipped(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NOT_PROSE.finditer(text)] if _might_hold_skips(text) else []


def _might_hold_skips(text: str) -> bool:
    # Most paragraphs hold none of these, and this is cheaper than the pattern.
    return any(mark in text for mark in ("://", "www.", "@", "ij:", "`", "](", "<"))


def _worth_checking(word: str) -> bool:
    if len(word) < 2:
        return False
    letters = word.replace("'", "").replace("’", "").replace("-", "")
    return not (letters.isupper() and len(letters) >= 2)


def words_in(text: str) -> Iterator[Word]:
    """The words of `text` worth checking, in order."""
    skips = _skipped(text)
    for match in _WORD.finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isdigit() or text[start - 1] == "_"):
            continue
        if end < len(text) and (text[end].isdigit() or text[end] == "_"):
            continue
        if skips and any(s <= start < e for s, e in skips):
            continue
        word = match.group(0)
        if _worth_checking(word):
            yield Word(word, start, end)


def parts_of(word: Word) -> list[Word]:
    """A hyphenated word's parts ("follow", "up"), each where it is; a plain word alone."""
    if "-" not in word.text:
        return [word]
    parts: list[Word] = []
    offset = word.start
    for piece in word.text.split("-"):
        if _worth_checking(piece):
            parts.append(Word(piece, offset, offset + len(piece)))
        offset += len(piece) + 1
    return parts
