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
from app.summary.markdown_html import ACTION_COLUMNS, NONE_YET
from app.summary.model import Balance, Excerpt, Experiment, SupervisionSummary
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
        _muted(doc, f"{item.date}{domains}").paragraph_format.keep_with_next = True
        add_markdown(doc, item.text)
