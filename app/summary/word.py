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
from docx.table import Table
from docx.text.paragraph import Paragraph as WordParagraph

from app.summary import outline
from app.summary.contents import ActionLine, SupervisionSummary
from app.summary.docx_xml import set_child
from app.summary.word_markdown import add_markdown
from app.summary.word_tables import (
    HEADER_FILL,
    MUTED,
    TABLE_POINT_SIZE,
    add_table,
    balance_chart,
    cell_line,
    figures_table,
    shade,
)

LANGUAGE = "en-GB"
OVERDUE = RGBColor(0xA0, 0x00, 0x00)
# A paragraph longer than this (about ten lines) does not move to the next page with the empty
# sections after it: it would leave too much of a page blank.
KEPT_CHARACTERS = 900


def to_docx(summary: SupervisionSummary) -> bytes:
    """The summary as .docx bytes: Heading 1-2 styles, tables, a labelled chart, page numbers."""
    tree = outline.build_outline(summary)
    doc = _new_document(summary)
    doc.add_heading(tree.title, level=0)
    meta = doc.add_paragraph()
    for n, (label, value) in enumerate(tree.meta):
        meta.add_run(f"{label}: ").bold = True
        meta.add_run(value + ("\n" if n < len(tree.meta) - 1 else ""))
    for section in tree.sections:
        _section(doc, section.title, empty=section.empty)
        for block in section.blocks:
            _block(doc, block)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _block(doc: DocxDocument, block: outline.Block) -> None:
    """Add one block of the outline to the document."""
    match block:
        case outline.Heading(text):
            doc.add_heading(text, level=2)
        case outline.Note(text):
            _muted(doc, text)
        case outline.Writing(markdown):
            add_markdown(doc, markdown)
        case outline.Paragraph(text, label):
            paragraph = _after_table(doc.add_paragraph())
            if label:
                paragraph.add_run(f"{label}: ").bold = True
            paragraph.add_run(text)
        case outline.ActionTable(actions):
            _actions(doc, actions)
        case outline.ExperimentStages():
            _experiment(doc, block)
        case outline.Chart(balance):
            balance_chart(doc, balance)
        case outline.Quote(item):
            doc.add_heading(item.title, level=2)
            domains = f" · {', '.join(item.domains)}" if item.domains else ""
            note = f" · {item.note}" if item.note else ""
            _muted(doc, f"{item.date}{domains}{note}").paragraph_format.keep_with_next = True
            add_markdown(doc, item.text)
        case outline.FiguresTable(table):
            caption = _after_table(doc.add_paragraph())
            caption.paragraph_format.keep_with_next = True
            caption.add_run(table.caption).bold = True
            figures_table(doc, table, outline.figures_widths(table))


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


def _field(paragraph: WordParagraph, instruction: str, shown: str) -> None:
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


def _muted(doc: DocxDocument, text: str) -> WordParagraph:
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
        paragraph = WordParagraph(last, doc._body)
        if len(paragraph.text) <= KEPT_CHARACTERS:
            paragraph.paragraph_format.keep_with_next = True
        return
    table = Table(last, doc._body)
    for cell in table.rows[-1].cells:
        for paragraph in cell.paragraphs:
            paragraph.paragraph_format.keep_with_next = True


def _actions(doc: DocxDocument, actions: tuple[ActionLine, ...]) -> None:
    """The actions table: the date never breaks, overdue status in bold dark red."""
    table = add_table(
        doc,
        [name for name, _ in outline.ACTION_COLUMNS],
        [[a.what, a.with_whom, outline.unbroken(a.by_when), a.status, a.progress] for a in actions],
        [width for _, width in outline.ACTION_COLUMNS],
    )
    for row in table.rows:
        set_child(row.cells[outline.BY_COLUMN]._tc.get_or_add_tcPr(), "w:noWrap")
    for row, action in zip(table.rows[1:], actions, strict=True):
        if action.agreed:
            cell_line(row.cells[0], f"agreed {action.agreed}", italic=True)
        if action.evidence:
            cell_line(
                row.cells[4], outline.evidence_text(action), italic=True, new=bool(action.progress)
            )
        if action.overdue:
            status = row.cells[3].paragraphs[0]
            status.add_run(" (overdue)").font.size = Pt(TABLE_POINT_SIZE)
            for run in status.runs:
                run.bold = True
                run.font.color.rgb = OVERDUE


def _after_table(paragraph: WordParagraph) -> WordParagraph:
    """Space above a paragraph that follows a table (tables have no space of their own)."""
    paragraph.paragraph_format.space_before = Pt(8)
    return paragraph


def _experiment(doc: DocxDocument, experiment: outline.ExperimentStages) -> None:
    """The experiment's title, then its stages as a table kept on one page with the title."""
    title = _after_table(doc.add_paragraph())
    title.paragraph_format.keep_with_next = True
    title.add_run(experiment.title).bold = True
    title.add_run(f" — {experiment.state}")
    if experiment.note:
        title.add_run(f" ({experiment.note})").italic = True
    table = add_table(doc, None, [list(stage) for stage in experiment.stages], [24, 76])
    for row in table.rows:
        label = row.cells[0]
        shade(label, HEADER_FILL)
        for run in label.paragraphs[0].runs:
            run.bold = True
    for row in table.rows[:-1]:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
