"""Spell checking a text: the unknown words, and suggestions that never give a name away.

A word is right when the en_GB dictionary knows it, the person added it to their dictionary,
or they chose Ignore this session. Verdicts are remembered by word, so a long entry costs one
look-up per distinct word; the window asks only for remembered verdicts on its own thread
(`check_known`) and has the rest worked out on a worker (`learn`).

Suggestions come from the dictionary and from the person's own words, except the private
ones: a word with a capital letter, or one the privacy check found in the text it was added
from, may be a colleague's or patient's name, so it is accepted where it is written but never
offered for other text.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, replace

from app.spelling.english import LONGEST_WORD, EnglishDictionary
from app.spelling.personal import PersonalWord
from app.spelling.words import Word, parts_of, words_in

SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class Misspelling:
    """An unknown word, where it is, and what it might be."""

    word: str
    start: int
    end: int
    suggestions: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        """As `spell-check` prints it."""
        return {
            "word": self.word,
            "start": self.start,
            "end": self.end,
            "suggestions": list(self.suggestions),
        }


def _close(a: str, b: str) -> bool:
    """True when b is within two edits (insert, delete, change, swap) of a."""
    if abs(len(a) - len(b)) > 2:
        return False
    previous = list(range(len(b) + 1))
    before: list[int] = []
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, before[j - 2] + 1)
            row.append(cost)
        before, previous = previous, row
    return previous[-1] <= 2


def _key(word: str) -> str:
    """How a personal or ignored word is looked up: any case, either apostrophe (the personal
    dictionary keeps a straight one; text often has a curly one)."""
    return word.casefold().replace("’", "'")


def _merged(before: PersonalWord | None, word: PersonalWord) -> PersonalWord:
    """One entry for words the same but for capitals ("Bloom", "bloom"): private if either is."""
    if before is None:
        return word
    return replace(word, private=before.private or word.private)


class SpellChecker:
    """Checks words against the dictionary, the person's own words and this session's ignores."""

    def __init__(self, english: EnglishDictionary, personal: Iterable[PersonalWord] = ()) -> None:
        self._english = english
        self._lock = threading.Lock()
        self._verdicts: dict[str, bool] = {}
        self._own: dict[str, PersonalWord] = {}
        self._ignored: set[str] = set()
        self.set_personal(personal)

    # -- the person's words ---------------------------------------------------------------

    def set_personal(self, words: Iterable[PersonalWord]) -> None:
        """Replace the personal words (after the journal's list changed)."""
        own: dict[str, PersonalWord] = {}
        for word in words:
            own[_key(word.word)] = _merged(own.get(_key(word.word)), word)
        with self._lock:
            self._own = own

    def accept(self, word: PersonalWord) -> None:
        """One more personal word."""
        key = _key(word.word)
        with self._lock:
            self._own[key] = _merged(self._own.get(key), word)

    def forget(self, word: str) -> None:
        """A personal word taken out."""
        with self._lock:
            self._own.pop(_key(word), None)

    def ignore(self, word: str) -> None:
        """Treat `word` as right until the app closes (the menu's Ignore)."""
        with self._lock:
            self._ignored.add(_key(word))

    def is_private(self, word: str) -> bool:
        """True for a personal word that is never suggested elsewhere."""
        own = self._own.get(_key(word))
        return own is not None and own.private

    # -- verdicts -------------------------------------------------------------------------

    def _accepted(self, word: str) -> bool:
        key = _key(word)
        return key in self._own or key in self._ignored

    def verdict(self, word: str) -> bool | None:
        """True or False when known without the dictionary's work, else None."""
        if self._accepted(word):
            return True
        return self._verdicts.get(word)

    def is_known(self, word: str) -> bool:
        """True when `word` is right (reads the dictionary when needed: not on the GUI thread)."""
        found = self.verdict(word)
        if found is None:
            found = self._english.lookup(word)
            self._verdicts[word] = found
        return found

    def learn(self, words: Iterable[str]) -> None:
        """Work out and remember verdicts for `words` (a worker's job)."""
        for word in words:
            self.is_known(word)

    @property
    def ready(self) -> bool:
        """True once the dictionary is loaded."""
        return self._english.loaded

    # -- texts ----------------------------------------------------------------------------

    def _unknown(self, text: str, word: Word, known: dict[str, bool | None]) -> list[Word] | None:
        """The unknown parts of one word; None when a verdict is still missing."""
        whole = known.get(word.text)
        if whole is None:
            return None
        if whole:
            return []
        # "etc." and "e.g.": the dictionary lists some words with their full stop.
        if text[word.end : word.end + 1] == ".":
            dotted = known.get(word.text + ".")
            if dotted is None:
                return None
            if dotted:
                return []
        if "-" not in word.text:
            return [word]
        unknown: list[Word] = []
        for part in parts_of(word):
            verdict = known.get(part.text)
            if verdict is None:
                return None
            if not verdict:
                unknown.append(part)
        return unknown or [word]

    @staticmethod
    def _questions(text: str, word: Word) -> list[str]:
        asked = [word.text]
        if text[word.end : word.end + 1] == ".":
            asked.append(word.text + ".")
        if "-" in word.text:
            asked += [part.text for part in parts_of(word)]
        return asked

    def check_known(self, text: str) -> tuple[list[Word], set[str]]:
        """The unknown words of `text` from remembered verdicts only (cheap: the GUI thread's
        call), and the words still waiting for a verdict."""
        unknown: list[Word] = []
        waiting: set[str] = set()
        for word in words_in(text):
            asked = self._questions(text, word)
            known = {q: self.verdict(q) for q in asked}
            found = self._unknown(text, word, known)
            if found is None:
                waiting.update(q for q, v in known.items() if v is None)
            else:
                unknown += found
        return unknown, waiting

    def check(self, text: str) -> list[Word]:
        """The unknown words of `text`, reading the dictionary as needed."""
        unknown: list[Word] = []
        for word in words_in(text):
            asked = self._questions(text, word)
            known: dict[str, bool | None] = {q: self.is_known(q) for q in asked}
            unknown += self._unknown(text, word, known) or []
        return unknown

    def misspellings(self, text: str, limit: int = SUGGESTIONS) -> list[Misspelling]:
        """The unknown words of `text` with suggestions for each (slow: a worker's job).

        Suggestions are worked out once for each distinct word (a name misspelt the same way
        twenty times costs one search)."""
        found: dict[str, tuple[str, ...]] = {}
        out = []
        for w in self.check(text):
            if w.text not in found:
                found[w.text] = tuple(self.suggestions(w.text, limit))
            out.append(Misspelling(w.text, w.start, w.end, found[w.text]))
        return out

    def suggestions(self, word: str, limit: int = SUGGESTIONS) -> list[str]:
        """Words `word` may have been meant to be: the person's own (never a private one) and
        the dictionary's, closest first (slow: a worker's job)."""
        if len(word) > LONGEST_WORD:
            return []
        with self._lock:
            own = [w.word for w in self._own.values() if not w.private]
        found = [w for w in own if w.casefold() != word.casefold() and _close(word, w)]
        for suggestion in self._english.suggest(word, limit + len(found)):
            # The dictionary's own words are public: one offered here would be offered to anyone.
            if suggestion not in found:
                found.append(suggestion)
        return found[:limit]
