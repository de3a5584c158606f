"""The summary as Qt lays it out: the HTML export with the labelled bar chart Qt can draw."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from app.summary.chart import balance_bars_html
from app.summary.contents import SupervisionSummary
from app.summary.markdown_html import to_html


def qt_html(summary: SupervisionSummary) -> str:
    """The HTML export with the balance drawn as labelled bars (Qt's rich text has no SVG)."""
    return to_html(summary, balance_html=balance_bars_html)


def summary_document(summary: SupervisionSummary) -> QTextDocument:
    """A whole document for printing: the same content and chart as the PDF export."""
    document = QTextDocument()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, summary.title)
    document.setHtml(qt_html(summary))
    return document
