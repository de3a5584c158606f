"""The summary as an A4 PDF.

Qt is the PDF engine here (QPdfWriter needs no printer), so this is the one module outside
app/ui that imports Qt. It lays out the same HTML as the HTML export.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import (
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from app.summary.chart import balance_png, balance_svg
from app.summary.markdown_html import to_html
from app.summary.model import SupervisionSummary

_CHART_URL = "chart.png"


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
    html = to_html(summary).replace(
        balance_svg(summary.balance), f'<img src="{_CHART_URL}" width="360">'
    )
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, summary.title)
    image = QImage.fromData(balance_png(summary.balance))
    document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(_CHART_URL), image)
    document.setHtml(html)
    writer = QPdfWriter(path)
    writer.setTitle(summary.title)
    writer.setCreator("Inquiry Journal")
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),  # print_ adds its own 2 cm margin
            QPageLayout.Unit.Millimeter,
        )
    )
    # With no page size of its own, the document is paginated by print_, which also numbers
    # the pages at the foot of each one.
    document.print_(writer)
