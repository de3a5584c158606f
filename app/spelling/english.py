"""The UK English dictionary: Hunspell's en_GB word list and affix rules, read by spylls.

Loading reads about 100,000 stems and their rules (some 0.7 s), so it happens once, on first
use, and the window does it off its own thread. Suggestions cost 0.1 to 0.4 s a word, so they
are worked out only when asked for, and never on the window's thread.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.errors import JournalError
from app.resources import resources_dir

if TYPE_CHECKING:
    from spylls.hunspell import Dictionary

LANGUAGE = "en_GB"
# Longer than any English word: suggesting for it would only be slow.
LONGEST_WORD = 40


# The dictionary marks none of its words as not to be suggested, and a slip of the mouse in a
# suggestion list would put one of these in place of a colleague's name ("Okonkwo" brings
# "Twonk"). Insults and vulgar words are accepted when typed but never offered.
NEVER_OFFERED = frozenset(
    {
        "arse",
        "arsehole",
        "bastard",
        "bitch",
        "bollocks",
        "cunt",
        "dickhead",
        "fuck",
        "knobhead",
        "pillock",
        "plonker",
        "prick",
        "retard",
        "shit",
        "slag",
        "slut",
        "spastic",
        "tosser",
        "twat",
        "twonk",
        "wanker",
    }
)


def offered(word: str) -> bool:
    """False for a word never offered as a suggestion (NEVER_OFFERED, plurals too)."""
    folded = word.casefold().replace("’", "'")
    base = folded.removesuffix("'s").removesuffix("s")
    return folded not in NEVER_OFFERED and base not in NEVER_OFFERED


class DictionaryMissing(JournalError):
    """The dictionary files are not where the app expects them (a damaged install)."""


def dictionary_folder() -> Path:
    """Where the en_GB files ship (resources/dictionaries)."""
    return resources_dir() / "dictionaries"


class EnglishDictionary:
    """Hunspell's en_GB dictionary: does a word exist, and which words is it close to."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder or dictionary_folder()
        self._loading = threading.Lock()
        self._dictionary: Dictionary | None = None

    @property
    def loaded(self) -> bool:
        """True once the files have been read."""
        return self._dictionary is not None

    def load(self) -> Dictionary:
        """Read the files (once; other threads wait for the first)."""
        if self._dictionary is not None:
            return self._dictionary
        with self._loading:
            if self._dictionary is None:
                stem = self._folder / LANGUAGE
                if not (stem.with_suffix(".aff").is_file() and stem.with_suffix(".dic").is_file()):
                    raise DictionaryMissing(
                        f"The {LANGUAGE} dictionary is missing from {self._folder}; "
                        "reinstall Inquiry Journal to check spelling."
                    )
                self._dictionary = _read(stem)
        return self._dictionary

    def lookup(self, word: str) -> bool:
        """True when the dictionary knows `word` as it is written (capitals as Hunspell rules)."""
        return bool(self.load().lookup(word))

    def suggest(self, word: str, limit: int) -> list[str]:
        """Up to `limit` dictionary words close to `word`, closest first."""
        if len(word) > LONGEST_WORD:
            return []
        found: list[str] = []
        for suggestion in self.load().suggest(word):
            if suggestion != word and suggestion not in found and offered(suggestion):
                found.append(suggestion)
            if len(found) >= limit:
                break
        return found


def _read(stem: Path) -> Dictionary:
    """The dictionary in `stem`.aff and .dic, read whole and closed at once (spylls' own
    reader leaves its files open until they are collected)."""
    from spylls.hunspell import Dictionary, readers
    from spylls.hunspell.readers.file_reader import BaseReader

    class BytesReader(BaseReader):  # type: ignore[misc]
        """spylls' line reader over bytes already read, in the encoding the .aff names."""

        def __init__(self, data: bytes, encoding: str = "Windows-1252") -> None:
            self._data = data
            super().__init__(self._text(encoding))

        def reset_encoding(self, encoding: str) -> None:
            self.reset_io(self._text(encoding))

        def _text(self, encoding: str) -> Any:
            # As spylls opens a file: surrogateescape keeps a stray byte rather than failing.
            return io.TextIOWrapper(io.BytesIO(self._data), encoding, errors="surrogateescape")

    aff, context = readers.read_aff(BytesReader(stem.with_suffix(".aff").read_bytes()))
    words = BytesReader(stem.with_suffix(".dic").read_bytes(), context.encoding)
    return Dictionary(aff, readers.read_dic(words, aff=aff, context=context))
