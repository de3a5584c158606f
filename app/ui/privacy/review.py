"""Before a summary leaves the device: every finding is redacted or explicitly kept."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.summary.contents import SupervisionSummary
from app.summary.places import place_of
from app.summary.privacy import LocatedFinding
from app.ui.privacy.finding_row import FindingRow
from app.ui.widgets.captions import heading
from app.ui.widgets.fields import quiet_note, warning_icon
from app.ui.widgets.keyboard_safe_dialog import KeyboardSafeDialog
from app.ui.widgets.screen_fit import resize_within_screen
from app.ui.widgets.tab_order import chain_tab_order

NOTE = (
    "Each is replaced by a label such as [NHS number] unless you choose Keep. Keep only what "
    "you are sure identifies nobody. The check warns; it cannot promise anonymity."
)


def title_for(count: int, subject: str = "summary") -> str:
    """The dialog's heading for this many findings in the summary (or share, or reply)."""
    if count == 1:
        return f"1 thing in this {subject} could identify a patient or colleague"
    return f"{count} things in this {subject} could identify a patient or colleague"


class PrivacyReviewDialog(KeyboardSafeDialog):
    """One row per finding, each Redact (at first) or Keep; OK carries on, Cancel stops.

    Constructor: PrivacyReviewDialog(findings, summary=None, parent=None, *, where=None,
    subject="summary"); with the summary the findings were found in, each row says where it
    is in the summary's own words; anything else checked (a share, a reply) passes `where`,
    naming the place of a finding, and its `subject` for the heading. Once accepted,
    `to_redact()` is the findings to pass to app.summary.privacy.apply_redactions; the rest
    were kept on purpose. Show it with open(); it deletes itself when closed.
    """

    def __init__(
        self,
        findings: Sequence[LocatedFinding],
        summary: SupervisionSummary | None = None,
        parent: QWidget | None = None,
        *,
        where: Callable[[LocatedFinding], str] | None = None,
        subject: str = "summary",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check before it leaves this computer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def place(f: LocatedFinding) -> str:
            if where is not None:
                return where(f)
            return place_of(summary, f) if summary else f.where

        self.rows = [FindingRow(n, f, place(f)) for n, f in enumerate(findings, start=1)]
        self.title_label = heading(title_for(len(self.rows), subject), "Privacy check", 1.3)
        self.redact_all_button = QPushButton("Redact &all")
        self.redact_all_button.setAccessibleName("Redact all")
        self.keep_all_button = QPushButton("&Keep all")
        self.keep_all_button.setAccessibleName("Keep all")
        self.ok_button = QPushButton("&Continue")
        self.ok_button.setAccessibleName("Apply these choices and continue")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel: write nothing")
        self.redact_all_button.clicked.connect(self.redact_all)
        self.keep_all_button.clicked.connect(self.keep_all)
        buttons = QDialogButtonBox()
        buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        column = QVBoxLayout()
        column.setSpacing(6)
        for row in self.rows:
            column.addWidget(row)
        column.addStretch(1)
        content = QWidget()
        content.setLayout(column)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setAccessibleName("What could identify someone")
        scroll.setWidget(content)
        top = QHBoxLayout()
        top.addWidget(warning_icon(self), 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.title_label)
        words.addWidget(quiet_note(NOTE))
        top.addLayout(words, 1)
        all_row = QHBoxLayout()
        all_row.addStretch(1)
        all_row.addWidget(self.redact_all_button)
        all_row.addWidget(self.keep_all_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(all_row)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        order: list[QWidget] = [self.redact_all_button, self.keep_all_button]
        for row in self.rows:
            order += [row.redact_button, row.keep_button]
        chain_tab_order([*order, self.ok_button, self.cancel_button])
        resize_within_screen(self, 720, min(600, 230 + 86 * len(self.rows)))

    def to_redact(self) -> list[LocatedFinding]:
        """The findings chosen for redaction."""
        return [row.located for row in self.rows if row.redact]

    def kept(self) -> list[LocatedFinding]:
        """The findings kept on purpose."""
        return [row.located for row in self.rows if not row.redact]

    @Slot()
    def redact_all(self) -> None:
        """Choose Redact for every finding."""
        for row in self.rows:
            row.set_redact(True)

    @Slot()
    def keep_all(self) -> None:
        """Choose Keep for every finding."""
        for row in self.rows:
            row.set_redact(False)
