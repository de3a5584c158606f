"""The summary as a Word document: real heading styles and tables, via python-docx."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Cm, Pt, RGBColor

from app.summary.chart import balance_png
from app.summary.model import Excerpt, SupervisionSummary

NONE_YET = "None in this period."


def _table(doc: DocxDocument, header: list[str], rows: list[list[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text


def _muted(doc: DocxDocument, text: str) -> None:
    run = doc.add_paragraph().add_run(text)
    run.italic = True
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _excerpts(doc: DocxDocument, items: tuple[Excerpt, ...], empty: str = NONE_YET) -> None:
    if not items:
        _muted(doc, empty)
        return
    for item in items:
        doc.add_heading(item.title, level=3)
        domains = f" · {', '.join(item.domains)}" if item.domains else ""
        _muted(doc, f"{item.date}{domains}")
        for paragraph in item.text.split("\n\n"):
            doc.add_paragraph(paragraph.strip())


def to_docx(summary: SupervisionSummary) -> bytes:
    """The summary as .docx bytes (Heading 1-3 styles, grid tables, the chart as an image)."""
    t = SupervisionSummary.SECTION_TITLES
    doc = Document()
    doc.core_properties.title = summary.title
    doc.core_properties.author = summary.role
    style = doc.styles["Normal"]
    style.font.name = "Calibri"
    style.font.size = Pt(11)
    for section in doc.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(2)
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
        doc.add_paragraph(summary.wants)
    else:
        _muted(doc, "Not written yet.")

    doc.add_heading(f"2. {t[1]}", level=1)
    if summary.actions:
        _table(
            doc,
            ["Action", "With", "By", "Status", "What happened", "Evidence"],
            [
                [
                    a.what,
                    a.with_whom,
                    a.by_when,
                    a.status + (" (overdue)" if a.overdue else ""),
                    a.progress,
                    "; ".join(a.evidence),
                ]
                for a in summary.actions
            ],
        )
    else:
        _muted(doc, "No actions were recorded at the last session.")

    doc.add_heading(f"3. {t[2]}", level=1)
    if not summary.inquiries:
        _muted(doc, NONE_YET)
    for group in summary.inquiries:
        doc.add_heading(group.question, level=2)
        for e in group.experiments:
            p = doc.add_paragraph()
            p.add_run(e.title).bold = True
            p.add_run(f" — {e.status}; loop reached: {e.loop}")
            _table(
                doc,
                ["Stage", "In brief"],
                [
                    ["Intention", e.intention or "—"],
                    ["What I did", e.action or "—"],
                    ["What happened", e.outcome or "—"],
                    ["Learning", e.learning or "—"],
                ],
            )

    doc.add_heading(f"4. {t[3]}", level=1)
    doc.add_picture(io.BytesIO(balance_png(summary.balance)), width=Cm(9))
    _table(
        doc,
        ["Domain", "Entries and cycles"],
        [[label, str(n)] for label, n in summary.balance.counts],
    )
    if summary.balance.note:
        doc.add_paragraph(summary.balance.note)
    if summary.balance.themes:
        p = doc.add_paragraph()
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
