"""One highlighter a document that draws every kind of underline its writing space has.

A QTextDocument takes only one effective QSyntaxHighlighter, so the spelling check and the
privacy check do not each add one: they are sources of a single `UnderlineHighlighter`, asked
in turn for each paragraph, the later ones drawn over the earlier (the privacy underline,
which matters more, is drawn last).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Protocol

import shiboken6
from PySide6.QtGui import QSyntaxHighlighter, QTextBlock, QTextCharFormat, QTextDocument

Underline = tuple[int, int, QTextCharFormat]
"""Where an underline starts and how long it is, in Qt's (UTF-16) positions, and its look."""

WAITING = 1
"""A paragraph's state while a source still waits for something to decide its underlines."""


class UnderlineSource(Protocol):
    """Something that underlines parts of a paragraph."""

    def underlines(self, text: str, highlighter: UnderlineHighlighter) -> Iterable[Underline]:
        """The underlines in one paragraph's text (the highlighter's current block)."""
        ...


def utf16_offsets(text: str) -> list[int] | None:
    """Where each character starts in Qt's UTF-16 positions; None when they are the same."""
    if all(ord(c) < 0x10000 for c in text):
        return None
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) >= 0x10000 else 1))
    return offsets


def python_index(text: str, position: int) -> int:
    """The str index in `text` of a Qt (UTF-16) position in it."""
    offsets = utf16_offsets(text)
    if offsets is None:
        return min(position, len(text))
    for index, at in enumerate(offsets):
        if at >= position:
            return index
    return len(text)


class UnderlineHighlighter(QSyntaxHighlighter):
    """Draws the underlines of every source added, paragraph by paragraph.

    Find or make a document's one highlighter with `underlines_of(document)`; subclasses
    (PrivacyHighlighter) draw their own underlines after the sources'. A source may mark the
    paragraph being drawn as waiting (`mark_waiting`), to be drawn again by
    `rehighlight_waiting()` once what it waited for has come.
    """

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._sources: list[UnderlineSource] = []

    def add_source(self, source: UnderlineSource) -> None:
        """Draw `source`'s underlines too (before the highlighter's own)."""
        if source not in self._sources:
            self._sources.append(source)
            self.rehighlight()

    def adopt_sources(self, other: UnderlineHighlighter) -> None:
        """Take over `other`'s sources (it is being replaced on the same document)."""
        for source in other._sources:
            if source not in self._sources:
                self._sources.append(source)
        other._sources.clear()

    def has_source(self, source: UnderlineSource) -> bool:
        """True when `source` is drawn here."""
        return source in self._sources

    def mark_waiting(self, waiting: bool) -> None:
        """Say whether the paragraph being drawn waits for something (from a source)."""
        if waiting:
            self.setCurrentBlockState(WAITING)

    def highlightBlock(self, text: str) -> None:
        """Qt calls this for each paragraph that needs drawing again."""
        self.setCurrentBlockState(-1)
        for source in self._sources:
            for start, length, look in source.underlines(text, self):
                self.setFormat(start, length, look)

    def blocks(self) -> Iterator[QTextBlock]:
        """Every paragraph of the document."""
        document = self.document()
        if document is None:
            return
        block = document.firstBlock()
        while block.isValid():
            yield block
            block = block.next()

    # Qt tells a document's fields that its contents changed when only the underlines did,
    # and a field takes that as typing (QPlainTextEdit.textChanged): an entry opened and left
    # alone would be saved when its spelling verdicts arrived. Underlines drawn again other
    # than while typing (verdicts arriving, a word added, checking turned off, a new theme)
    # are drawn with the document's signals held back; the layout still repaints them.

    def rehighlight(self) -> None:
        """Draw every paragraph again, without telling the fields their text changed."""
        with _signals_held(self.document()):
            super().rehighlight()

    def rehighlightBlock(self, block: QTextBlock) -> None:
        """Draw one paragraph again, without telling the fields their text changed."""
        with _signals_held(self.document()):
            super().rehighlightBlock(block)

    def rehighlight_waiting(self) -> None:
        """Draw again the paragraphs a source marked as waiting."""
        for block in list(self.blocks()):
            if block.userState() == WAITING:
                self.rehighlightBlock(block)

    def rehighlight_containing(self, word: str) -> None:
        """Draw again the paragraphs in which `word` appears (any case)."""
        wanted = word.casefold()
        for block in list(self.blocks()):
            if wanted in block.text().casefold():
                self.rehighlightBlock(block)


@contextlib.contextmanager
def _signals_held(document: QTextDocument | None) -> Iterator[None]:
    if document is None:
        yield
        return
    was = document.blockSignals(True)
    try:
        yield
    finally:
        document.blockSignals(was)


def underlines_of(document: QTextDocument) -> UnderlineHighlighter:
    """The document's underline highlighter, made if it has none yet."""
    for child in document.children():
        if isinstance(child, UnderlineHighlighter) and shiboken6.isValid(child):
            return child
    return UnderlineHighlighter(document)
