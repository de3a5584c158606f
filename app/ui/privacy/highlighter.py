"""Quiet underlines under anything that could identify a patient or colleague, as people type."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QColor, QGuiApplication, QTextCharFormat, QTextDocument

from app.privacy.check import Finding, scan
from app.ui.widgets.attention import finding_colour
from app.ui.widgets.underlines import UnderlineHighlighter, utf16_offsets


def _findings(text: str) -> list[tuple[Finding, int, int]]:
    """The findings in one block's text, each with its start and length in Qt positions."""
    found = scan(text)
    offsets = utf16_offsets(text) if found else None
    out = []
    for finding in found:
        if offsets is None:
            out.append((finding, finding.start, finding.end - finding.start))
        else:
            start = offsets[finding.start]
            out.append((finding, start, offsets[finding.end] - start))
    return out


class PrivacyHighlighter(UnderlineHighlighter):
    """Underlines privacy findings (app.privacy.check.scan) with a wavy line; never interrupts.

    Attach it to any QTextDocument: PrivacyHighlighter(document, colour=None). Each paragraph
    is scanned on its own when it changes, so typing in a long entry rescans one paragraph.
    `finding_at(position)` names the finding under a document position, for a tooltip.
    It is the document's one highlighter: other underlines (the spelling check's) are its
    sources, drawn first, so the privacy colour shows where both cover a word.
    """

    def __init__(self, document: QTextDocument, colour: QColor | None = None) -> None:
        # A plain underline highlighter already there (spelling) gives way to this one.
        for child in document.children():
            if isinstance(child, UnderlineHighlighter):
                child.setDocument(None)
                child.setParent(None)
                replaced = child
                break
        else:
            replaced = None
        super().__init__(document)
        if replaced is not None:
            self.adopt_sources(replaced)
            replaced.deleteLater()
        self._format = QTextCharFormat()
        self._format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.set_colour(colour or finding_colour(QGuiApplication.palette()))

    def set_colour(self, colour: QColor) -> None:
        """Use `colour` for the underline (e.g. after the theme changes) and redraw."""
        self._format.setUnderlineColor(colour)
        self.rehighlight()

    def colour(self) -> QColor:
        """The underline colour."""
        return self._format.underlineColor()

    def highlightBlock(self, text: str) -> None:
        """Qt calls this for each paragraph that needs drawing again."""
        super().highlightBlock(text)
        for _finding, start, length in _findings(text):
            self.setFormat(start, length, self._format)

    def finding_at(self, position: int) -> Finding | None:
        """The finding covering this document position, with document positions; else None."""
        document = self.document()
        if document is None:
            return None
        block = document.findBlock(position)
        if not block.isValid():
            return None
        offset = position - block.position()
        for finding, start, length in _findings(block.text()):
            if start <= offset < start + length:
                base = block.position()
                return dataclasses.replace(finding, start=base + start, end=base + start + length)
        return None
