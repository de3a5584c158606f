"""The search box's little language, turned into an FTS5 query that can never be a syntax error.

People type words (all must match), "a phrase", -word to leave out, and prefix* to match word
starts. Anything else is treated as text: every term is quoted before it reaches FTS5, so
quotes, apostrophes, brackets, operators and emoji are all safe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# What the unicode61 tokenizer keeps as part of a word: letters, digits (and marks).
_WORD_CHAR = re.compile(r"[^\W_]", re.UNICODE)
_TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S+)')
# Unicode's control characters (category Cc, fixed since Unicode 1.1) and surrogates (Cs), as
# ranges: no need for the unicodedata module (the bundle leaves it out, bundling/files.py).
_CONTROL_OR_SURROGATE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


@dataclass(frozen=True)
class Term:
    """One thing the person asked for."""

    text: str
    phrase: bool = False
    prefix: bool = False
    exclude: bool = False

    def fts(self) -> str:
        """The term as a quoted FTS5 string (with * for a prefix)."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + ("*" if self.prefix else "")


@dataclass(frozen=True)
class ParsedQuery:
    """A search as understood: the terms to find and the terms to leave out."""

    include: tuple[Term, ...]
    exclude: tuple[Term, ...]

    @property
    def is_empty(self) -> bool:
        """True when there is nothing to look for."""
        return not self.include

    def fts(self) -> str:
        """The FTS5 MATCH expression ('' when there is nothing to look for)."""
        if not self.include:
            return ""
        wanted = " AND ".join(t.fts() for t in self.include)
        if not self.exclude:
            return wanted
        unwanted = " OR ".join(t.fts() for t in self.exclude)
        return f"({wanted}) NOT ({unwanted})"

    @property
    def words(self) -> tuple[str, ...]:
        """The words being looked for, for highlighting elsewhere."""
        return tuple(w for t in self.include for w in t.text.split())


def parse_query(text: str) -> ParsedQuery:
    """Understand what was typed. Never raises."""
    # Control characters (a NUL ends an SQLite string early) and lone surrogates become spaces.
    text = _CONTROL_OR_SURROGATE.sub(" ", text)
    include: list[Term] = []
    exclude: list[Term] = []
    for match in _TOKEN.finditer(text):
        negated, quoted, bare = match.group(1), match.group(2), match.group(3)
        if quoted is not None:
            term = _term(quoted, phrase=True, exclude=bool(negated))
        else:
            exclude_it = bare.startswith("-") and len(bare) > 1
            word = bare[1:] if exclude_it else bare
            prefix = word.endswith("*")
            term = _term(word.rstrip("*"), prefix=prefix, exclude=exclude_it)
        if term is None:
            continue
        (exclude if term.exclude else include).append(term)
    return ParsedQuery(tuple(include), tuple(exclude))


def _term(
    raw: str, *, phrase: bool = False, prefix: bool = False, exclude: bool = False
) -> Term | None:
    """A term, or None when it holds nothing the index could match (punctuation, emoji)."""
    cleaned = " ".join(raw.split())
    if not _WORD_CHAR.search(cleaned):
        return None
    # A prefix only makes sense on the last word; inside a phrase * is just text.
    return Term(
        cleaned, phrase=phrase or " " in cleaned, prefix=prefix and not phrase, exclude=exclude
    )
