"""Writing a summary to a file in the format the participant's organisation uses."""

from __future__ import annotations

import contextlib
from enum import StrEnum
from pathlib import Path

from app.errors import StorageError
from app.storage.files import describe_os_error, open_private, write_atomically
from app.summary.contents import SupervisionSummary
from app.summary.markdown_html import to_html, to_markdown


class SummaryFormat(StrEnum):
    """The export formats."""

    PDF = "pdf"
    DOCX = "docx"
    HTML = "html"
    MD = "md"

    @property
    def label(self) -> str:
        """The name shown in a file dialog."""
        return {
            "pdf": "PDF document",
            "docx": "Word document",
            "html": "Web page (one file)",
            "md": "Markdown text",
        }[self.value]


def write_summary(summary: SupervisionSummary, fmt: SummaryFormat, out: Path) -> None:
    """Write the summary to `out` (whole or not at all); StorageError if the disk refuses."""
    if fmt is SummaryFormat.MD:
        write_atomically(out, to_markdown(summary).encode("utf-8"))
    elif fmt is SummaryFormat.HTML:
        write_atomically(out, to_html(summary).encode("utf-8"))
    elif fmt is SummaryFormat.DOCX:
        from app.summary.word import to_docx

        write_atomically(out, to_docx(summary))
    else:
        from app.summary.pdf import write_pdf

        partial = out.with_name(f".{out.name}.partial")
        try:
            open_private(partial).close()  # Qt writes into it and keeps its owner-only mode
            write_pdf(summary, str(partial))
            if not partial.is_file() or partial.stat().st_size == 0:
                raise StorageError(f"The PDF could not be written to {out.parent}.")
            partial.replace(out)
        except OSError as exc:
            raise StorageError(f"Could not write {out}: {describe_os_error(exc)}") from exc
        finally:
            with contextlib.suppress(OSError):
                partial.unlink()
