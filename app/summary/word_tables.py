"""Tables in the Word summary: fixed-width tables, shaded cells and the balance chart."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table, _Cell

from app.insights import figures
from app.summary.chart import bar_lengths, colour_hex
from app.summary.contents import Balance
from app.summary.docx_xml import set_child

TEXT_WIDTH_CM = 17.0
MUTED = RGBColor(0x55, 0x55, 0x55)
HEADER_FILL = "EEF2F7"
TABLE_POINT_SIZE = 10
# The chart: the label column's share of the width, the bar area in narrow columns (the
# longest bar leaves COUNT_UNITS of them for its count), and the white gap between bars in
# eighths of a point.
CHART_LABEL_SHARE = 0.4
BAR_UNITS = 30
COUNT_UNITS = 4
BAR_GAP_EIGHTHS = 24


def shade(cell: _Cell, fill: str) -> None:
    """Fill a table cell with a colour (six hex digits)."""
    set_child(cell._tc.get_or_add_tcPr(), "w:shd", val="clear", color="auto", fill=fill)


def add_table(
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
            shade(cell, HEADER_FILL)
            for run in cell.paragraphs[0].runs:
                run.bold = True
    return table


def figures_table(doc: DocxDocument, table: figures.Table, widths: tuple[int, ...]) -> Table:
    """An Insights table: a header row, the row labels, the counts aligned right.

    The caption is also the table's own title (Word's alternative text), which a screen reader
    announces, and the table is kept on one page when it fits.
    """
    rows = [[row.label, *(str(c.count) for c in row.cells)] for row in table.rows]
    word_table = add_table(doc, [table.row_heading, *table.columns], rows, list(widths))
    for row in word_table.rows:
        for cell in row.cells[1:]:
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for row in word_table.rows[:-1]:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.keep_with_next = True
    # tblCaption closes the table's properties in Word's schema, after all python-docx sets.
    set_child(word_table._tbl.tblPr, "w:tblCaption", val=table.caption)
    return word_table


def cell_line(cell: _Cell, text: str, *, italic: bool, new: bool = True) -> None:
    """Another line in a table cell, in the table's size, muted when `italic`."""
    paragraph = cell.add_paragraph() if new else cell.paragraphs[0]
    run = paragraph.add_run(text)
    run.font.size = Pt(TABLE_POINT_SIZE)
    if italic:
        run.italic = True
        run.font.color.rgb = MUTED


def balance_chart(doc: DocxDocument, balance: Balance) -> None:
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
            shade(bar, colour_hex(index))
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
