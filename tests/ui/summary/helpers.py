"""For the summary tests: small documents and journals, a stand-in Save dialog, the dialog."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QWidget

from app.journal.opening import Journal
from app.summary.export import SummaryFormat
from app.ui.summary.summary_dialog import SummaryDialog
from app.writing.domains import Domain
from tests.support import data
from tests.support.data import RISKY_BODY


@dataclass(frozen=True)
class Sample:
    """A one-field document for the privacy check."""

    wants: str


def add_risky_entry(journal: Journal) -> str:
    """A flagged entry holding a name and an NHS number; returns its id."""
    entry = journal.entries.create(
        "A family asked about the delay", RISKY_BODY, [Domain.INDIVIDUAL], ["supervision"]
    )
    journal.entries.set_flags(entry.id, bring_to_supervision=True)
    return entry.id


class FileChooser:
    """Stands in for the Save dialog: answers with a path (or None) and records the asks."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.asked: list[tuple[str, SummaryFormat]] = []

    def __call__(self, _parent: QWidget, suggested: str, fmt: SummaryFormat) -> Path | None:
        self.asked.append((suggested, fmt))
        return self.path


def open_summary(
    qtbot, show, journal: Journal, *, today: Callable[[], date] = data.today, **hooks: Any
) -> SummaryDialog:
    """A shown summary dialog on `journal` (its today is `today`), once its preview is current;
    `hooks` (the stand-in file chooser, printer, writer) go to the dialog as they are."""
    dialog = SummaryDialog(journal, today=today, preview_delay_ms=0, **hooks)
    show(dialog)
    qtbot.waitUntil(lambda: dialog.preview_current)
    return dialog
