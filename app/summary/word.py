"""The summary as a Word document: real heading styles and tables, via python-docx.

Headings go Title, Heading 1 for the sections, Heading 2 for what is under them. Entry text is
Markdown: it is rendered (by the same sanitising renderer as the HTML) and its emphasis, lists
and headings become Word runs and paragraphs, so no asterisks reach the reader.
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from app.rendering import render_markdown
from app.summary.chart import bar_lengths, colour_hex
from app.summary.markdown_html import ACTION_COLUMNS, NONE_YET
from app.summary.model import Balance, Excerpt, Experiment, SupervisionSummary

LANGUAGE = "en-GB"
TEXT_WIDTH_CM = 17.0
MUTED = RGBColor(0x55, 0x55, 0x55)
OVERDUE = RGBColor(0xA0, 0x00, 0x00)
HEADER_FILL = "EEF2F7"
CODE_FONT = "Consolas"
TABLE_POINT_SIZE = 10
# The chart: the label column's share of the width, the bar area in narrow columns (the
# longest bar leaves COUNT_UNITS of them for its count), and the white gap between bars in
# eighths of a point.
CHART_LABEL_SHARE = 0.4
BAR_UNITS = 30
COUNT_UNITS = 4
BAR_GAP_EIGHTHS = 24
EXPERIMENT_STAGES = ("Intention", "What I did", "What happened", "Learning")


def to_docx(summary: SupervisionSummary) -> bytes:
    """The summary as .docx bytes: Heading 1-2 styles, tables, a labelled chart, page numbers."""
    t = SupervisionSummary.SECTION_TITLES
    doc = _new_document(summary)
    doc.add_heading(summary.title, level=0)
    meta = doc.add_paragraph()
    pairs = [("Role", summary.role)]
    if summary.programme:
        pairs.append(("Programme", summary.programme))
    pairs += [("Session", summary.session), ("Period covered", summary.period)]
    for n, (label, value) in enumerate(pairs):
        meta.add_run(f"{label}: ").bold = True
        meta.add_run(value + ("\n" if n < len(pairs) - 1 else ""))

    doc.add_heading(f"1. {t[0]}", level=1)
    if summary.wants:
        add_markdown(doc, summary.wants)
    else:
        _muted(doc, "Not written yet.")

    doc.add_heading(f"2. {t[1]}", level=1)
    if summary.actions:
        table = _table(
            doc,
            [name for name, _ in ACTION_COLUMNS],
            [
                [a.what, a.with_whom, a.by_when, a.status, a.progress, "; ".join(a.evidence)]
                for a in summary.actions
            ],
            [width for _, width in ACTION_COLUMNS],
        )
        for row, action in zip(table.rows[1:], summary.actions, strict=True):
            if action.overdue:
                status = row.cells[3].paragraphs[0]
                status.add_run(" (overdue)").font.size = Pt(TABLE_POINT_SIZE)
                for run in status.runs:
                    run.bold = True
                    run.font.color.rgb = OVERDUE
    else:
        _muted(doc, "No actions were recorded at the last session.")

    doc.add_heading(f"3. {t[2]}", level=1)
    if not summary.inquiries:
        _muted(doc, NONE_YET)
    for group in summary.inquiries:
        doc.add_heading(group.question, level=2)
        for experiment in group.experiments:
            _experiment(doc, experiment)

    doc.add_heading(f"4. {t[3]}", level=1)
    _balance_chart(doc, summary.balance)
    if summary.balance.note:
        _after_table(doc.add_paragraph(summary.balance.note))
    if summary.balance.themes:
        p = _after_table(doc.add_paragraph())
        p.add_run("Themes: ").bold = True
        p.add_run(", ".join(f"{name} ({n})" for name, n in summary.balance.themes))

    doc.add_heading(f"5. {t[4]}", level=1)
    _excerpts(doc, summary.flagged)
    doc.add_heading(f"6. {t[5]}", level=1)
    _excerpts(doc, summary.feedback)
    doc.add_heading(f"7. {t[6]}", level=1)
    _excerpts(doc, summary.support)
    doc.add_heading(f"8. {t[7]}", level=1)
    _excerpts(doc, summary.comments, "No coach comments yet.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _new_document(summary: SupervisionSummary) -> DocxDocument:
    """An A4 document in British English with "Page X of Y" centred in the footer."""
    doc = Document()
    doc.core_properties.title = summary.title
    doc.core_properties.author = summary.role
    doc.core_properties.language = LANGUAGE
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    # Word and LibreOffice take the proofing language from the defaults under the styles.
    for lang in doc.styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_run("Page ")
        _field(footer, "PAGE", "1")
        footer.add_run(" of ")
        _field(footer, "NUMPAGES", "1")
        for run in footer.runs:
            run.font.size = Pt(9)
            run.font.color.rgb = MUTED
    return doc


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A Word field such as PAGE, with `shown` as its text until Word works it out."""
    parts: list[tuple[str, str | None]] = [
        ("begin", None),
        ("instr", f" {instruction} "),
        ("separate", None),
        ("text", shown),
        ("end", None),
    ]
    for kind, text in parts:
        run = paragraph.add_run()
        if kind == "text":
            run.text = text or ""
        elif kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


def _muted(doc: DocxDocument, text: str) -> Paragraph:
    paragraph = doc.add_paragraph()
    run = paragraph.add_run(text)
    run.italic = True
    run.font.color.rgb = MUTED
    return paragraph


def _after_table(paragraph: Paragraph) -> Paragraph:
    """Space above a paragraph that follows a table (tables have no space of their own)."""
    paragraph.paragraph_format.space_before = Pt(8)
    return paragraph


# Where a new property goes among its siblings: Word refuses a file whose properties are out
# of the schema's order. Each tag maps to the siblings that must come after it.
_COMES_BEFORE = {
    "w:tcBorders": ("w:shd", "w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign"),
    "w:shd": ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
}


def _set(element: BaseOxmlElement, tag: str, **attributes: str) -> BaseOxmlElement:
    """Put the child `tag` (replacing any already there) in its place in the schema's order."""
    for old in element.findall(qn(tag)):
        element.remove(old)
    child = OxmlElement(tag)
    for name, value in attributes.items():
        child.set(qn(f"w:{name}"), value)
    later = {qn(t) for t in _COMES_BEFORE.get(tag, ())}
    following = next((c for c in element if c.tag in later), None)
    if following is None:
        element.append(child)
    else:
        following.addprevious(child)
    return child


def _shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a colour (six hex digits)."""
    _set(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)


def _table(
    doc: DocxDocument,
    header: list[str] | None,
    rows: list[list[str]],
    widths: list[int],
    style: str | None = "Table Grid",
) -> Table:
    """A table of fixed column widths (percentages of the text width).

    The header row is bold and shaded and repeats at the top of each page; no row splits
    across a page.
    """
    values_by_row = ([header] if header else []) + rows
    table: Table = doc.add_table(rows=len(values_by_row), cols=len(widths))
    if style:
        table.style = style
    table.autofit = False
    columns = [Cm(TEXT_WIDTH_CM * w / 100) for w in widths]
    for column, width in zip(table.columns, columns, strict=True):
        column.width = width
    for row, values in zip(table.rows, values_by_row, strict=True):
        _set(row._tr.get_or_add_trPr(), "w:cantSplit")
        for cell, text, width in zip(row.cells, values, columns, strict=True):
            cell.width = width
            cell.paragraphs[0].add_run(text).font.size = Pt(TABLE_POINT_SIZE)
    if header:
        first = table.rows[0]
        _set(first._tr.get_or_add_trPr(), "w:tblHeader")
        for cell in first.cells:
            _shade(cell, HEADER_FILL)
            for run in cell.paragraphs[0].runs:
                run.bold = True
    return table


def _experiment(doc: DocxDocument, experiment: Experiment) -> None:
    """The experiment's title, then its stages as a table kept on one page with the title."""
    title = _after_table(doc.add_paragraph())
    title.paragraph_format.keep_with_next = True
    title.add_run(experiment.title).bold = True
    title.add_run(f" — {experiment.status}; loop reached: {experiment.loop}")
    stages = (experiment.intention, experiment.action, experiment.outcome, experiment.learning)
    table = _table(
        doc,
        None,
        [[name, text or "—"] for name, text in zip(EXPERIMENT_STAGES, stages, strict=True)],
        [24, 76],
    )
    for row in table.rows:
        label = row.cells[0]
        _shade(label, HEADER_FILL)
        for run in label.paragraphs[0].runs:
            run.bold = True
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _balance_chart(doc: DocxDocument, balance: Balance) -> None:
    """The domain balance as a labelled bar chart made of table cells.

    The bar area is a grid of narrow columns: each bar is one shaded cell spanning as many of
    them as its share of the biggest count, and the count follows in the cell after it. No
    image, so the labels and counts are text that a screen reader and a search can find.
    """
    label_cm = TEXT_WIDTH_CM * CHART_LABEL_SHARE
    widths = [Cm(label_cm)] + [Cm((TEXT_WIDTH_CM - label_cm) / BAR_UNITS)] * BAR_UNITS
    table: Table = doc.add_table(rows=1 + len(balance.counts), cols=len(widths))
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        _set(row._tr.get_or_add_trPr(), "w:cantSplit")
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    header = table.rows[0]
    _set(header._tr.get_or_add_trPr(), "w:tblHeader")
    header.cells[0].paragraphs[0].add_run("Domain").bold = True
    counts_header = header.cells[1].merge(header.cells[BAR_UNITS])
    counts_header.paragraphs[0].add_run("Entries and cycles").bold = True
    lengths = bar_lengths(balance, BAR_UNITS - COUNT_UNITS)
    for index, (row, (label, count), length) in enumerate(
        zip(table.rows[1:], balance.counts, lengths, strict=True)
    ):
        row.cells[0].paragraphs[0].add_run(label)
        if length:
            bar = row.cells[1].merge(row.cells[length]) if length > 1 else row.cells[1]
            _shade(bar, colour_hex(index))
            # White rules above and below part the bars, which would otherwise touch.
            borders = _set(bar._tc.get_or_add_tcPr(), "w:tcBorders")
            for side in ("top", "bottom"):
                _set(borders, f"w:{side}", val="single", sz=str(BAR_GAP_EIGHTHS), color="FFFFFF")
        rest = row.cells[length + 1].merge(row.cells[BAR_UNITS])
        rest.paragraphs[0].add_run(str(count))
    for n, row in enumerate(table.rows, start=1):
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.space_after = Pt(0)
                paragraph.paragraph_format.keep_with_next = n < len(table.rows)


def _excerpts(doc: DocxDocument, items: tuple[Excerpt, ...], empty: str = NONE_YET) -> None:
    if not items:
        _muted(doc, empty)
        return
    for item in items:
        doc.add_heading(item.title, level=2)
        domains = f" · {', '.join(item.domains)}" if item.domains else ""
        _muted(doc, f"{item.date}{domains}").paragraph_format.keep_with_next = True
        add_markdown(doc, item.text)


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
        _set(num, "w:abstractNumId", val=abstract)
        override = _set(num, "w:lvlOverride", ilvl="0")
        _set(override, "w:startOverride", val=str(start))
        numbering.append(num)
        return int(num_id)
