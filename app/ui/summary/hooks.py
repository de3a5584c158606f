"""The parts of exporting and printing that talk to the computer, injectable for tests.

The summary dialog asks these for a file name and a printer; tests pass stand-ins.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from app.ui.widgets.start_folder import remember_chosen, start_folder

# The window takes these hooks when it opens; what they write and print with (the summary's
# writers and Qt's print support) loads when a summary is first made.
if TYPE_CHECKING:
    from app.summary.contents import SupervisionSummary
    from app.summary.export import SummaryFormat
    from app.supervision.session_records import SessionKind

SUMMARIES = "summaries"
"""The kind of file whose Save dialogs share a remembered folder."""

ChooseFile = Callable[[QWidget, str, "SummaryFormat"], Path | None]
"""Ask (parent, suggested file name, format) where to save; None when the person cancels."""
PrintDocument = Callable[[QWidget, QTextDocument], bool]
"""Print (parent, document); False when the person cancels."""
WriteSummary = Callable[["SupervisionSummary", "SummaryFormat", Path], None]
"""Write the summary as a file (app.summary.export.write_summary); runs on a worker thread."""


def suggested_name(kind: SessionKind, day: date, fmt: SummaryFormat) -> str:
    """A file name that sorts by date: "Coaching summary 2025-03-19.pdf"."""
    return f"{kind.label} summary {day.isoformat()}.{fmt.value}"


def ask_for_file(parent: QWidget, suggested: str, fmt: SummaryFormat) -> Path | None:
    """The system's Save dialog for one format, starting where the last summary was saved
    (else Documents)."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        "Export the summary",
        str(start_folder(SUMMARIES) / suggested),
        f"{fmt.label} (*.{fmt.value})",
    )
    if not name:
        return None
    path = Path(name)
    remember_chosen(SUMMARIES, path)
    return (
        path
        if path.suffix.lower() == f".{fmt.value}"
        else path.with_name(f"{path.name}.{fmt.value}")
    )


def print_with_dialog(parent: QWidget, document: QTextDocument) -> bool:
    """The system's Print dialog, then the document on the chosen printer."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(document.metaInformation(QTextDocument.MetaInformation.DocumentTitle))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the summary")
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        document.print_(printer)
        return True
    finally:
        dialog.deleteLater()
