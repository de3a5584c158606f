"""Entry text written in Markdown, as Word paragraphs and runs (text only, no asterisks).

The Markdown goes through the same sanitising renderer as the HTML export; its emphasis,
code, lists and headings become Word runs and paragraphs.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from app.summary.docx_xml import set_child
from app.writing.rendering import render_markdown

CODE_FONT = "Consolas"


def add_markdown(doc: DocxDocument, text: str) -> None:
    """Add entry text written in Markdown as Word paragraphs and runs (text only)."""
    writer = _MarkdownToWord(doc)
    writer.feed(render_markdown(text))
    writer.close()


def _list_start(value: str | None) -> int:
    """The number a list starts at: its `start` if that is a whole number, else 1."""
    return int(value) if value and value.isdigit() else 1


_BLOCKS = {"p", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dt", "dd"}
# Blocks that hold other blocks: they end the paragraph before them but start none.
_CONTAINERS = {"div", "blockquote", "table", "dl"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _MarkdownToWord(HTMLParser):
    """Walks the sanitised HTML of an entry and writes Word paragraphs with formatted runs.

    Emphasis, strong, code, struck-out and underlined text become run formatting; lists become
    List Bullet / List Number paragraphs (numbering restarts with each list); headings become
    bold paragraphs, so an entry never adds to the document's outline. Anything else is text.
    """

    def __init__(self, doc: DocxDocument) -> None:
        super().__init__(convert_charrefs=True)
        self._doc = doc
        self._paragraph: Paragraph | None = None
        self._open: dict[str, int] = {}
        self._lists: list[tuple[str, int | None]] = []
        self._line_start = True
        self._breaks = 0  # line breaks waiting for more text in the paragraph
        self._cells_in_row = 0

    def _count(self, tag: str) -> int:
        return self._open.get(tag, 0)

    def _new_paragraph(self, style: str | None = None) -> Paragraph:
        self._paragraph = self._doc.add_paragraph(style=style)
        self._line_start = True
        self._breaks = 0
        if self._count("blockquote"):
            self._paragraph.paragraph_format.left_indent = Cm(1)
        return self._paragraph

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open a block, a list item or a span of formatting."""
        self._open[tag] = self._count(tag) + 1
        if tag in ("ul", "ol"):
            start = _list_start(dict(attrs).get("start")) if tag == "ol" else 1
            level = min(len(self._lists) + 1, 3)
            style = ("List Number" if tag == "ol" else "List Bullet") + (
                f" {level}" if level > 1 else ""
            )
            num_id = self._restarted_numbering(style, start) if tag == "ol" else None
            self._lists.append((style, num_id))
            self._paragraph = None
        elif tag == "li":
            style, num_id = self._lists[-1] if self._lists else ("List Bullet", None)
            paragraph = self._new_paragraph(style)
            if num_id is not None:
                num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id
        elif tag == "p" and self._count("li") and self._paragraph is not None and self._line_start:
            pass  # a loose list item's paragraph: keep writing into the item
        elif tag in _CONTAINERS:
            self._paragraph = None
        elif tag in _BLOCKS:
            paragraph = self._new_paragraph()
            paragraph.paragraph_format.keep_with_next = tag in _HEADINGS
            self._cells_in_row = 0
        elif tag == "br" and self._paragraph is not None:
            self._breaks += 1
            self._line_start = True
        elif tag in ("td", "th"):
            if self._cells_in_row:
                self._write(" | ")
            self._cells_in_row += 1

    def handle_endtag(self, tag: str) -> None:
        """Close what handle_starttag opened."""
        if self._count(tag):
            self._open[tag] -= 1
        if tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        if tag in _BLOCKS or tag in _CONTAINERS or tag in ("li", "ul", "ol"):
            self._paragraph = None

    def handle_data(self, data: str) -> None:
        """Write text in the formatting currently open."""
        if not self._count("pre"):
            data = re.sub(r"\s+", " ", data)
            if self._paragraph is None and not data.strip():
                return
        self._write(data)

    def _write(self, data: str) -> None:
        if self._line_start:
            data = data.lstrip(" ")
        if not data:
            return
        paragraph = self._paragraph or self._new_paragraph()
        for n, line in enumerate(data.split("\n")):
            self._breaks += 1 if n else 0
            if line:
                for _ in range(self._breaks):
                    paragraph.add_run().add_break()
                self._breaks = 0
                self._format(paragraph.add_run(line))
        self._line_start = data.endswith("\n")

    def _format(self, run: Run) -> None:
        if any(self._count(t) for t in ("strong", "b", *_HEADINGS, "th", "dt")):
            run.bold = True
        if self._count("em") or self._count("i") or self._count("blockquote"):
            run.italic = True
        if self._count("code") or self._count("kbd") or self._count("pre"):
            run.font.name = CODE_FONT
        if self._count("del") or self._count("s"):
            run.font.strike = True
        if self._count("u") or self._count("ins"):
            run.underline = True

    def _restarted_numbering(self, style: str, start: int) -> int:
        """A new numbering instance for `style`'s list, counting from `start`."""
        numbering = self._doc.part.numbering_part.element
        style_num = self._doc.styles[style].element.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        style_num_id = style_num.find(qn("w:numId")) if style_num is not None else None
        abstract = "0"
        for num in numbering.findall(qn("w:num")):
            if style_num_id is not None and num.get(qn("w:numId")) == style_num_id.get(qn("w:val")):
                abstract_id = num.find(qn("w:abstractNumId"))
                if abstract_id is not None:
                    abstract = abstract_id.get(qn("w:val")) or "0"
        used = [int(n.get(qn("w:numId")) or 0) for n in numbering.findall(qn("w:num"))]
        num_id = str(max([0, *used]) + 1)
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), num_id)
        set_child(num, "w:abstractNumId", val=abstract)
        override = set_child(num, "w:lvlOverride", ilvl="0")
        set_child(override, "w:startOverride", val=str(start))
        numbering.append(num)
        return int(num_id)
