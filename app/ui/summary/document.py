"""The summary as Qt lays it out: the HTML export, with the chart as an image Qt can draw."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from app.summary.chart import balance_png, balance_svg
from app.summary.markdown_html import to_html
from app.summary.model import SupervisionSummary

CHART_URL = "summary-chart.png"


def qt_html(summary: SupervisionSummary) -> str:
    """The HTML export, its inline SVG chart swapped for an image (Qt's rich text has no SVG)."""
    return to_html(summary).replace(
        balance_svg(summary.balance),
        f'<img src="{CHART_URL}" width="360" alt="Balance across the three domains">',
    )


def add_chart(document: QTextDocument, summary: SupervisionSummary) -> None:
    """Give the document the chart image that qt_html() refers to."""
    image = QImage.fromData(balance_png(summary.balance))
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_URL), image)


def summary_document(summary: SupervisionSummary) -> QTextDocument:
    """A whole document for printing: the same content and chart as the exports."""
    document = QTextDocument()
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, summary.title)
    add_chart(document, summary)
    document.setHtml(qt_html(summary))
    return document
