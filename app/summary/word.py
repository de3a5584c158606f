"""The summary as a Word document: real heading styles and tables, via python-docx.

Headings go Title, Heading 1 for the sections, Heading 2 for what is under them. Entry text is
Markdown: it is rendered (by the same sanitising renderer as the HTML) and its emphasis, lists
and headings become Word runs and paragraphs, so no asterisks reach the reader.
"""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from app.summary.chart import bar_lengths, colour_hex
from app.summary.docx_xml import set_child
from app.summary.markdown_html import (
    ACTION_COLUMNS,
    BY_COLUMN,
    NO_ACTIONS,
    NO_COMMENTS,
    NO_SESSION,
    NONE_YET,
    NOT_WRITTEN,
    STILL_OPEN,
    evidence_text,
    header_pairs,
    last_session_heading,
    unbroken,
)
from app.summary.model import ActionLine, Balance, Excerpt, Experiment, SupervisionSummary
from app.summary.word_markdown import add_markdown

LANGUAGE = "en-GB"
TEXT_WIDTH_CM = 17.0
MUTED = RGBColor(0x55, 0x55, 0x55)
OVERDUE = RGBColor(0xA0, 0x00, 0x00)
HEADER_FILL = "EEF2F7"
TABLE_POINT_SIZE = 10
# The chart: the label column's share of the width, the bar area in narrow columns (the
# longest bar leaves COUNT_UNITS of them for its count), and the white gap between bars in
# eighths of a point.
CHART_LABEL_SHARE = 0.4
BAR_UNITS = 30
COUNT_UNITS = 4
BAR_GAP_EIGHTHS = 24
EXPERIMENT_STAGES = ("Intention", "What I did", "What happened", "Learning")
# A paragraph longer than this (about ten lines) does not move to the next page with the empty
# sections after it: it would leave too much of a page blank.
KEPT_CHARACTERS = 900


def to_docx(summary: SupervisionSummary) -> bytes:
    """The summary as .docx bytes: Heading 1-2 styles, tables, a labelled chart, page numbers."""
    t = SupervisionSummary.SECTION_TITLES
    doc = _new_document(summary)
    doc.add_heading(summary.title, level=0)
    meta = doc.add_paragraph()
    pairs = header_pairs(summary)
    for n, (label, value) in enumerate(pairs):
        meta.add_run(f"{label}: ").bold = True
        meta.add_run(value + ("\n" if n < len(pairs) - 1 else ""))

    _section(doc, f"1. {t[0]}", empty=not summary.wants)
    if summary.wants:
        add_markdown(doc, summary.wants)
    else:
        _muted(doc, NOT_WRITTEN)

    _section(doc, f"2. {t[1]}", empty=not (summary.last_session or summary.open_earlier))
    if summary.last_session:
        doc.add_heading(last_session_heading(summary), level=2)
        if summary.actions:
            _actions(doc, summary.actions)
        else:
            _muted(doc, NO_ACTIONS)
    elif not summary.open_earlier:
        _muted(doc, NO_SESSION)
    if summary.open_earlier:
        doc.add_heading(STILL_OPEN, level=2)
        _actions(doc, summary.open_earlier)

    _section(doc, f"3. {t[2]}", empty=not summary.inquiries)
    if not summary.inquiries:
        _muted(doc, NONE_YET)
    for group in summary.inquiries:
        doc.add_heading(group.question, level=2)
        for experiment in group.experiments:
            _experiment(doc, experiment)

    _section(doc, f"4. {t[3]}", empty=False)
    _balance_chart(doc, summary.balance)
    if summary.balance.note:
        _after_table(doc.add_paragraph(summary.balance.note))
    if summary.balance.themes:
        p = _after_table(doc.add_paragraph())
        p.add_run("Themes: ").bold = True
        p.add_run(", ".join(f"{name} ({n})" for name, n in summary.balance.themes))

    for number, items, empty in (
        (5, summary.flagged, NONE_YET),
        (6, summary.feedback, NONE_YET),
        (7, summary.support, NONE_YET),
        (8, summary.comments, NO_COMMENTS),
    ):
        _section(doc, f"{number}. {t[number - 1]}", empty=not items)
        _excerpts(doc, items, empty)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _new_document(summary: SupervisionSummary) -> DocxDocument:
    """An A4 document in British English with "Page X of Y" centred in the footer."""
    doc = Document()
    doc.core_properties.title = summary.title
    doc.core_properties.author = summary.author
    doc.core_properties.last_modified_by = summary.author
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


def _section(doc: DocxDocument, title: str, *, empty: bool) -> None:
    """A section's heading; an empty one is kept on a page with what comes before it.

    Word follows "keep with next" from the last thing written through every empty section
    after it, so a page never holds only sections that say there is nothing to show.
    """
    if empty:
        _keep_last_with_next(doc)
    doc.add_heading(title, level=1)


def _keep_last_with_next(doc: DocxDocument) -> None:
    """Keep the body's last paragraph (or the last row of its last table) with what follows."""
    body = doc.element.body
    last = next((child for child in reversed(body) if child.tag in (qn("w:p"), qn("w:tbl"))), None)
    if last is None:
        return
    if last.tag == qn("w:p"):
        paragraph = Paragraph(last, doc._body)
        if len(paragraph.text) <= KEPT_CHARACTERS:
            paragraph.paragraph_format.keep_with_next = True
        return
    table = Table(last, doc._body)
    for cell in table.rows[-1].cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _actions(doc: DocxDocument, actions: tuple[ActionLine, ...]) -> None:
    """The actions table: the date never breaks, overdue status in bold dark red."""
    table = _table(
        doc,
        [name for name, _ in ACTION_COLUMNS],
        [[a.what, a.with_whom, unbroken(a.by_when), a.status, a.progress] for a in actions],
        [width for _, width in ACTION_COLUMNS],
    )
    for row in table.rows:
        set_child(row.cells[BY_COLUMN]._tc.get_or_add_tcPr(), "w:noWrap")
    for row, action in zip(table.rows[1:], actions, strict=True):
        if action.agreed:
            _cell_line(row.cells[0], f"agreed {action.agreed}", italic=True)
        if action.evidence:
            _cell_line(row.cells[4], evidence_text(action), italic=True, new=bool(action.progress))
        if action.overdue:
            status = row.cells[3].paragraphs[0]
            status.add_run(" (overdue)").font.size = Pt(TABLE_POINT_SIZE)
            for run in status.runs:
                run.bold = True
                run.font.color.rgb = OVERDUE


def _cell_line(cell: _Cell, text: str, *, italic: bool, new: bool = True) -> None:
    """Another line in a table cell, in the table's size, muted when `italic`."""
    paragraph = cell.add_paragraph() if new else cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.size = Pt(TABLE_POINT_SIZE)
    if italic:
        run.italic = True
        run.font.color.rgb = MUTED


def _after_table(paragraph: Paragraph) -> Paragraph:
    """Space above a paragraph that follows a table (tables have no space of their own)."""
    paragraph.paragraph_format.space_before = Pt(8)
    return paragraph


def _shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a colour (six hex digits)."""
    set_child(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)


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
        set_child(row._tr.get_or_add_trPr(), "w:cantSplit")
        for cell, text, width in zip(row.cells, values, columns, strict=True):
            cell.width = width
            cell.paragraphs[0].add_run(text).font.size = Pt(TABLE_POINT_SIZE)
    if header:
        first = table.rows[0]
        set_child(first._tr.get_or_add_trPr(), "w:tblHeader")
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
    if experiment.note:
        title.add_run(f" ({experiment.note})").italic = True
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
        set_child(row._tr.get_or_add_trPr(), "w:cantSplit")
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    header = table.rows[0]
    set_child(header._tr.get_or_add_trPr(), "w:tblHeader")
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
            borders = set_child(bar._tc.get_or_add_tcPr(), "w:tcBorders")
            for side in ("top", "bottom"):
                set_child(
                    borders, f"w:{side}", val="single", sz=str(BAR_GAP_EIGHTHS), color="FFFFFF"
                )
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
        note = f" · {item.note}" if item.note else ""
        _muted(doc, f"{item.date}{domains}{note}").paragraph_format.keep_with_next = True
        add_markdown(doc, item.text)
