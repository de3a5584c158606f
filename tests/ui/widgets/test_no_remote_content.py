"""A remote image in an entry is never fetched: not by the preview, a summary, PDF or Word.

The suite already fails any test that opens a socket; here every attempt is also recorded, so
one swallowed by the code under test would still be seen. Qt itself could only fetch a URL
through QtNetwork, which the app never loads (and the bundle does not contain).
"""

from __future__ import annotations

import socket
import sys
import zipfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrinter

from app.journal.opening import Journal
from app.summary.contents import SummaryOptions, SummaryService, SupervisionSummary
from app.summary.export import SummaryFormat, write_summary
from app.summary.pdf import paged_document
from app.ui.summary.document import summary_document
from app.ui.widgets.preview import PreviewBrowser

REMOTE = (
    "Asked the team first.\n\n"
    "![x](https://example.org/a.png)\n\n"
    '<img src="https://example.org/b.png">\n\n'
    '<p style="background: url(https://example.org/c.png)">Styled</p>\n'
)
NOTE = "[Image not shown: x]"


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every socket, lookup or connection attempted while the test runs."""
    seen: list[str] = []
    guarded = socket.socket

    class Recording(guarded):  # type: ignore[misc,valid-type]
        def __init__(self, family: Any = -1, *args: Any, **kwargs: Any) -> None:
            seen.append(f"socket {family}")
            super().__init__(family, *args, **kwargs)

    def recording(name: str, original: Any) -> Any:
        def attempt(*args: Any, **kwargs: Any) -> Any:
            seen.append(f"{name} {args}")
            return original(*args, **kwargs)

        return attempt

    monkeypatch.setattr(socket, "socket", Recording)
    for name in ("create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, recording(name, getattr(socket, name)))
    yield seen
    assert "PySide6.QtNetwork" not in sys.modules


class RecordingPreview(PreviewBrowser):
    """The preview, noting every resource Qt asks it to load."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        self.requested.append(name.toString() if isinstance(name, QUrl) else name)
        return super().loadResource(type, name)


def _images_in(document: QTextDocument) -> list[str]:
    found = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            char_format = fragments.fragment().charFormat()
            if char_format.isImageFormat():
                found.append(char_format.toImageFormat().name())
            fragments += 1
        block = block.next()
    return found


@pytest.fixture
def summary(journal: Journal) -> SupervisionSummary:
    """A summary holding one flagged entry with the remote image in it."""
    entry = journal.entries.create(title="Huddle", body=REMOTE)
    journal.entries.set_flags(entry.id, bring_to_supervision=True)
    today = date.today()
    return SummaryService(journal).build(SummaryOptions(today - timedelta(days=7), today), today)


def test_the_preview_shows_a_note_instead_and_loads_nothing(qtbot, attempts: list[str]) -> None:
    preview = RecordingPreview()
    qtbot.addWidget(preview)
    preview.show_markdown(REMOTE, "Huddle")
    preview.show()
    qtbot.waitExposed(preview)
    assert NOTE in preview.toPlainText() and "Styled" in preview.toPlainText()
    assert _images_in(preview.document()) == []
    assert preview.requested == []
    assert attempts == []


def test_printed_and_pdf_summaries_hold_no_image(
    qapp, summary: SupervisionSummary, tmp_path: Path, attempts: list[str]
) -> None:
    printed = summary_document(summary)
    assert NOTE in printed.toPlainText()
    assert _images_in(printed) == []
    laid_out = paged_document(summary, QPrinter(QPrinter.PrinterMode.HighResolution))
    assert _images_in(laid_out) == []
    write_summary(summary, SummaryFormat.PDF, tmp_path / "s.pdf")
    pages = pypdf.PdfReader(tmp_path / "s.pdf").pages
    text = " ".join(" ".join(page.extract_text().split()) for page in pages)
    assert NOTE in text
    assert all(not page.images for page in pages)
    assert attempts == []


def test_word_html_and_markdown_summaries_carry_no_link_to_the_image(
    summary: SupervisionSummary, tmp_path: Path, attempts: list[str]
) -> None:
    write_summary(summary, SummaryFormat.DOCX, tmp_path / "s.docx")
    with zipfile.ZipFile(tmp_path / "s.docx") as document:
        assert not [n for n in document.namelist() if n.startswith("word/media/")]
        parts = b"".join(document.read(n) for n in document.namelist())
    assert b"example.org" not in parts
    write_summary(summary, SummaryFormat.HTML, tmp_path / "s.html")
    html = (tmp_path / "s.html").read_text(encoding="utf-8")
    assert NOTE in html and "<img" not in html and "example.org" not in html
    assert attempts == []
