"""What changed between two versions of a shared text, word by word (no Qt here).

Words are compared, not spaces: re-wrapping a paragraph is not a change. Changed words are
marked in words ("added:", "removed:") as well as by style, so colour is never the only clue.
"""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from enum import StrEnum

# A word (with its apostrophes and hyphens) or a run of punctuation, with the spaces after it:
# "waited." and "waited a minute." then share "waited" and ".".
_TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*\s*|[^\w\s]+\s*|_+\s*")
_COUNTED = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")


class Change(StrEnum):
    """What happened to a run of words."""

    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Piece:
    """A run of words (with the spaces after them) and what happened to it."""

    change: Change
    text: str


def word_changes(before: str, after: str) -> list[Piece]:
    """The new text as runs of unchanged, added and removed words, in reading order."""
    old, new = _TOKEN.findall(before), _TOKEN.findall(after)
    matcher = difflib.SequenceMatcher(
        None, [w.strip() for w in old], [w.strip() for w in new], autojunk=False
    )
    pieces: list[Piece] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            pieces.append(Piece(Change.SAME, "".join(new[j1:j2])))
            continue
        if i2 > i1:
            pieces.append(Piece(Change.REMOVED, "".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(Piece(Change.ADDED, "".join(new[j1:j2])))
    return pieces


def count_words(pieces: list[Piece], change: Change) -> int:
    """How many words were added (or removed, or kept); punctuation is not a word."""
    return sum(len(_COUNTED.findall(p.text)) for p in pieces if p.change is change)


def changes_summary(pieces: list[Piece]) -> str:
    """The size of the change in a sentence, e.g. "4 words added, 1 word removed."."""
    added, removed = count_words(pieces, Change.ADDED), count_words(pieces, Change.REMOVED)
    if not added and not removed:
        return "Only spacing or line breaks changed."
    parts = []
    if added:
        parts.append(f"{added} {_words(added)} added")
    if removed:
        parts.append(f"{removed} {_words(removed)} removed")
    return ", ".join(parts) + "."


@dataclass(frozen=True)
class DiffColours:
    """Backgrounds for added and removed words (the theme's text colour goes on top)."""

    added: str
    removed: str


def changes_html(pieces: list[Piece], colours: DiffColours) -> str:
    """The pieces as HTML: added words underlined, removed ones struck through, each labelled."""
    out = []
    for piece in pieces:
        words = piece.text.rstrip()
        gap = _text(piece.text[len(words) :])
        if piece.change is Change.SAME:
            out.append(_text(piece.text))
        elif piece.change is Change.ADDED:
            out.append(
                f'<span style="background-color: {colours.added};"><b>[added:</b> '
                f"<u>{_text(words)}</u><b>]</b></span>{gap}"
            )
        else:
            out.append(
                f'<span style="background-color: {colours.removed};"><b>[removed:</b> '
                f"<s>{_text(words)}</s><b>]</b></span>{gap}"
            )
    return "".join(out)


def _text(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _words(n: int) -> str:
    return "word" if n == 1 else "words"
