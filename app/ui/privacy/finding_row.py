"""One privacy finding as the review shows it: what, how likely, in context, where, and a choice."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from app.privacy.check import Severity
from app.summary.privacy import LocatedFinding
from app.ui.widgets.fields import quiet_note
from app.ui.widgets.text_size import set_relative_font

SEVERITY_WORDS = {
    Severity.HIGH: "Likely to identify someone",
    Severity.MEDIUM: "Could identify someone",
    Severity.LOW: "Might identify someone",
}


def _one_line(text: str) -> str:
    return " ".join(text.split())


def context_html(located: LocatedFinding) -> str:
    """The words around the finding, with the finding itself in bold (all escaped)."""
    before, match, after = located.finding.context(located.text)
    lead = "…" if located.finding.start > len(before) else ""
    tail = "…" if located.finding.end + len(after) < len(located.text) else ""
    # Whitespace at the edges survives so the match does not run into its neighbours.
    left = _one_line(before) + (" " if before[-1:].isspace() else "")
    right = (" " if after[:1].isspace() else "") + _one_line(after)
    return f"{lead}{escape(left)}<b>{escape(match)}</b>{escape(right)}{tail}"


def context_text(located: LocatedFinding) -> str:
    """The same context as plain words (for screen readers)."""
    before, match, after = located.finding.context(located.text)
    return f"{_one_line(before)} [{match}] {_one_line(after)}".strip()


class FindingRow(QFrame):
    """A finding with Redact (chosen at first) and Keep; `redact` says which is chosen.

    `where` names the place in the document the finding comes from.
    """

    def __init__(
        self, number: int, located: LocatedFinding, where: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.located = located
        finding = located.finding
        self.setFrameShape(QFrame.Shape.StyledPanel)
        kind = finding.kind.label
        name = f"{kind[:1].upper()}{kind[1:]}"
        self.kind_label = QLabel(name)
        set_relative_font(self.kind_label, bold=True)
        self.kind_label.setAccessibleName(f"Finding {number}: {kind}")
        self.severity_label = quiet_note(SEVERITY_WORDS[finding.severity])
        self.severity_label.setWordWrap(False)
        self.severity_label.setAccessibleName(f"Finding {number}: how likely")
        self.context_label = QLabel(context_html(located))
        self.context_label.setTextFormat(Qt.TextFormat.RichText)
        self.context_label.setWordWrap(True)
        self.context_label.setAccessibleName(f"Finding {number} in context")
        self.context_label.setAccessibleDescription(context_text(located))
        self.where_label = quiet_note(f"Where: {where}")
        self.where_label.setAccessibleName(f"Finding {number}: where")
        self.redact_button = QRadioButton("Redact")
        self.redact_button.setAccessibleName(f"Redact {kind} {finding.text}")
        self.redact_button.setToolTip(f"Replace it with {finding.replacement}")
        self.keep_button = QRadioButton("Keep")
        self.keep_button.setAccessibleName(f"Keep {kind} {finding.text}")
        self.keep_button.setToolTip("Leave it in: you are sure it identifies nobody")
        self.choice = QButtonGroup(self)
        self.choice.addButton(self.redact_button)
        self.choice.addButton(self.keep_button)
        self.redact_button.setChecked(True)

        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.severity_label)
        top.addStretch(1)
        choices = QHBoxLayout()
        choices.addWidget(self.redact_button)
        choices.addWidget(self.keep_button)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setColumnStretch(0, 1)
        grid.addLayout(top, 0, 0)
        grid.addLayout(choices, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.context_label, 1, 0, 1, 2)
        grid.addWidget(self.where_label, 2, 0, 1, 2)

    @property
    def redact(self) -> bool:
        """True when the finding is to be redacted."""
        return self.redact_button.isChecked()

    def set_redact(self, redact: bool) -> None:
        """Choose Redact (True) or Keep (False)."""
        (self.redact_button if redact else self.keep_button).setChecked(True)
