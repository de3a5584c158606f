"""The summary as an A4 PDF.

Qt is the PDF engine here (QPdfWriter needs no printer), so this is the one module outside
app/ui that imports Qt. It lays out the same HTML as the HTML export, with a labelled chart that
Qt's rich text can draw, paginates it itself so that no heading is left at the foot of a page,
and puts "Page X of Y" at the foot of each page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
)

from app.summary.chart import balance_bars_html
from app.summary.contents import SupervisionSummary
from app.summary.markdown_html import to_html
from app.summary.outline import EMPTY_NOTES

RESOLUTION = 300
# Qt's rich text measures frame margins and CSS pixels at 96 to the inch, whatever the device.
LAYOUT_DPI = 96
# Left, top, right, bottom in millimetres; the page number sits in the bottom margin.
MARGINS_MM = (20.0, 18.0, 20.0, 22.0)
FOOTER_BASELINE_MM = 11.0
FOOTER_POINT_SIZE = 9.0
BODY_FAMILIES = ["Segoe UI", "Arial", "sans-serif"]
# A heading needs this many lines of what it introduces below it on the same page.
LINES_AFTER_HEADING = 3
# A paragraph that leads into a table this small keeps the whole table on its page.
SMALL_TABLE_ROWS = 6
# The level of the summary's section headings (h2) in Qt's document.
SECTION_LEVEL = 2
# How much text before an empty section goes to the next page with it: an excerpt's title,
# date and a few short paragraphs, never a long text that would leave a page half empty.
KEPT_BEFORE_EMPTY_BLOCKS = 8
KEPT_BEFORE_EMPTY_LINES = 10


def _ensure_gui() -> QGuiApplication:
    """Qt's text layout needs an application object; offscreen when none is running."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def write_pdf(summary: SupervisionSummary, path: str) -> None:
    """Write the summary to `path` as A4 with a title and page numbers."""
    _ensure_gui()
    writer = QPdfWriter(path)
    writer.setTitle(summary.title)
    writer.setAuthor(summary.author)
    writer.setCreator("Inquiry Journal")
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),  # the document's root frame holds the margins
            QPageLayout.Unit.Millimeter,
        )
    )
    document = paged_document(summary, writer)
    paint_pages(document, writer)


def paged_document(summary: SupervisionSummary, device: QPagedPaintDevice) -> QTextDocument:
    """The summary laid out in pages of `device`, headings kept with what follows them."""
    document = QTextDocument()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, summary.title)
    # Break lines between words only; a long word widens its column instead of splitting.
    wrapping = QTextOption()
    wrapping.setWrapMode(QTextOption.WrapMode.WordWrap)
    document.setDefaultTextOption(wrapping)
    document.setHtml(to_html(summary, balance_html=balance_bars_html))
    document.documentLayout().setPaintDevice(device)
    frame = document.rootFrame().frameFormat()
    left, top, right, bottom = (mm / 25.4 * LAYOUT_DPI for mm in MARGINS_MM)
    frame.setLeftMargin(left)
    frame.setTopMargin(top)
    frame.setRightMargin(right)
    frame.setBottomMargin(bottom)
    document.rootFrame().setFrameFormat(frame)
    _space_after_tables(document)
    _heading_sizes_from_css(document)
    document.setPageSize(QSizeF(device.width(), device.height()))
    keep_headings_with_text(document)
    return document


def paint_pages(document: QTextDocument, device: QPagedPaintDevice) -> None:
    """Paint each page of a paged document on `device`, with "Page X of Y" at its foot."""
    page = document.pageSize()
    count = document.pageCount()
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError("The PDF could not be started.")
    footer_font = QFont()
    footer_font.setFamilies(BODY_FAMILIES)
    footer_font.setPointSizeF(FOOTER_POINT_SIZE)
    dots_per_mm = device.logicalDpiY() / 25.4
    baseline = page.height() - FOOTER_BASELINE_MM * dots_per_mm
    try:
        for index in range(count):
            if index:
                device.newPage()
            painter.save()
            view = QRectF(0, index * page.height(), page.width(), page.height())
            painter.translate(0, -view.top())
            painter.setClipRect(view)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = view
            context.palette.setColor(QPalette.ColorRole.Text, QColor(Qt.GlobalColor.black))
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor(0x44, 0x44, 0x44))
            label = f"Page {index + 1} of {count}"
            width = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(round((page.width() - width) / 2), round(baseline), label)
    finally:
        painter.end()


def _space_after_tables(document: QTextDocument) -> None:
    """Give each table the top margin of the block after it, which Qt's layout drops."""
    for frame in document.rootFrame().childFrames():
        if isinstance(frame, QTextTable):
            after = document.findBlock(frame.lastPosition() + 1)
            table_format = frame.format()
            table_format.setBottomMargin(
                max(table_format.bottomMargin(), after.blockFormat().topMargin())
            )
            frame.setFormat(table_format)


def _heading_sizes_from_css(document: QTextDocument) -> None:
    """Size headings as the style sheet says, as the HTML file does.

    Qt's HTML import sizes h1-h4 from the default font (up to twice it) and lets that win over
    the CSS font-size, which left h3 smaller than the body text.
    """
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                char_format = fragment.charFormat()
                char_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                cursor.setCharFormat(char_format)
                fragments += 1
        block = block.next()


@dataclass(frozen=True)
class _Line:
    """One laid-out line of the document."""

    block: QTextBlock
    top: float
    keeps_with_next: bool
    in_table: bool


class _Lines:
    """The document's lines in order, measured only as far as the scan has asked."""

    def __init__(self, document: QTextDocument) -> None:
        self._layout = document.documentLayout()
        self._lines: list[_Line] = []
        self._next = document.begin()
        self._kinds: dict[int, tuple[bool, bool]] = {}

    def has(self, index: int) -> bool:
        """Whether the document has a line `index` (measuring up to it)."""
        while len(self._lines) <= index and self._next.isValid():
            self._measure(self._next)
            self._next = self._next.next()
        return index < len(self._lines)

    def __getitem__(self, index: int) -> _Line:
        self.has(index)
        return self._lines[index]

    def forget_from(self, index: int) -> None:
        """Drop the lines from `index` (a block's first line) on: that block has moved."""
        self._next = self._lines[index].block
        del self._lines[index:]

    def _measure(self, block: QTextBlock) -> None:
        number = block.blockNumber()
        top = self._layout.blockBoundingRect(block).top()  # lays the block out, first
        if number not in self._kinds:
            in_table = QTextCursor(block).currentTable() is not None
            self._kinds[number] = (_keeps_with_next(block, in_table), in_table)
        keeps, in_table = self._kinds[number]
        text_layout = block.layout()
        for n in range(text_layout.lineCount()):
            self._lines.append(_Line(block, top + text_layout.lineAt(n).y(), keeps, in_table))


def keep_headings_with_text(document: QTextDocument) -> None:
    """Start a page at a heading that would otherwise end one, or leave too little after it.

    Qt ignores CSS break-after, so this measures the laid-out document instead: a heading (or
    a paragraph leading into a table) whose next lines fall on a later page gets a page break
    before it, together with any headings directly above it; so does a paragraph whose first
    line would be left alone at the foot of a page. A break only pushes what follows it down,
    so the lines above it stand and the scan carries on from the block it moved.
    """
    height = document.pageSize().height()
    lines = _Lines(document)
    start = 0
    for _ in range(document.blockCount()):
        found = _first_stranded(lines, height, start)
        if found is None:
            return
        page_break = QTextBlockFormat()
        page_break.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        page_break.setTopMargin(0)
        block = lines[found].block
        QTextCursor(block).mergeBlockFormat(page_break)
        # Qt's incremental layout only shifts blocks below a change, keeping any page gaps
        # inside them; laying out everything below afresh keeps the pages true.
        document.markContentsDirty(block.position(), document.characterCount() - block.position())
        lines.forget_from(found)
        start = found


def _keeps_with_next(block: QTextBlock, in_table: bool) -> bool:
    """Headings, paragraphs that lead into a table (an experiment's title), and what comes
    just before an empty section."""
    if block.blockFormat().headingLevel() > 0:
        return True
    if in_table:
        return False
    following = block.next()
    if following.isValid() and QTextCursor(following).currentTable() is not None:
        return True
    return _before_an_empty_section(block)


def _before_an_empty_section(block: QTextBlock) -> bool:
    """True for the text after the last heading before an empty section (and for the note of
    an empty section followed by another), so that a page never holds only empty sections."""
    if block.layout().lineCount() > KEPT_BEFORE_EMPTY_LINES:
        return False
    following = block.next()
    for _ in range(KEPT_BEFORE_EMPTY_BLOCKS):
        if not following.isValid() or following.blockFormat().headingLevel():
            break
        if QTextCursor(following).currentTable() is not None:
            return False
        following = following.next()
    if not following.isValid() or following.blockFormat().headingLevel() != SECTION_LEVEL:
        return False
    note = following.next()
    return note.isValid() and note.text().strip() in EMPTY_NOTES


def _first_stranded(lines: _Lines, height: float, start: int) -> int | None:
    """The index of the first line of the first block to move to the next page, if any."""

    def page(index: int) -> int:
        return int(lines[index].top // height)

    first = start - 1
    while lines.has(first + 1):
        first += 1
        line = lines[first]
        if first and lines[first - 1].block == line.block:
            continue  # not the block's first line
        move = first
        if line.keeps_with_next:
            if page(_end_of_what_follows(lines, first)) == page(first):
                continue
            while move and lines[move - 1].keeps_with_next:
                move -= 1
        else:
            alone = (
                not line.in_table
                and lines.has(first + 1)
                and lines[first + 1].block == line.block
                and page(first + 1) > page(first)
            )
            if not alone:
                continue
        if move and page(move - 1) == page(move):
            return move
    return None


def _end_of_what_follows(lines: _Lines, first: int) -> int:
    """The index of the last line that must share a page with the heading at `first`."""
    index = first
    while lines.has(index + 1) and lines[index + 1].block == lines[first].block:
        index += 1
    table = QTextCursor(lines[index + 1].block).currentTable() if lines.has(index + 1) else None
    if table is not None and table.rows() <= SMALL_TABLE_ROWS:
        end = table.lastPosition()
        while lines.has(index + 1) and lines[index + 1].block.position() <= end:
            index += 1
        return index
    counted = 0
    while lines.has(index + 1) and counted < LINES_AFTER_HEADING:
        if counted and lines[index + 1].keeps_with_next:
            break  # the next heading: what this one introduces is all here
        index += 1
        counted += 0 if lines[index].keeps_with_next else 1
    return index
