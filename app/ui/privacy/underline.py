"""The quiet privacy underline for a writing space, with what each one means on hover.

Nothing pops up while the person writes: the underline is there, and hovering over it (or
Shift+F1 with the cursor in it) says what it might be. The check before anything leaves the
device asks about it again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QHelpEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPlainTextEdit, QToolTip

from app.privacy.check import Finding, Severity
from app.ui.privacy.highlighter import PrivacyHighlighter

_HOW_LIKELY = {
    Severity.HIGH: "This looks like",
    Severity.MEDIUM: "This could be",
    Severity.LOW: "This might be",
}


EXPLAIN_KEY = "Shift+F1"
NOTHING_HERE = "Nothing at the cursor is underlined."


def _with_article(label: str) -> str:
    # Said aloud: "an NHS number", "an e-mail address", "a GMC or NMC number".
    spoken_vowel = label[0] in "aeiou" or label.startswith(("NHS", "NMC"))
    return f"{'an' if spoken_vowel else 'a'} {label}"


def finding_tip(finding: Finding) -> str:
    """What the underline under `finding` means, in a sentence or two."""
    what = _with_article(finding.kind.label)
    return (
        f"{_HOW_LIKELY[finding.severity]} {what}, which could identify someone. Write a role "
        "or leave it out if you can; you will be asked about it again before anything "
        "leaves this computer."
    )


class PrivacyUnderline(QObject):
    """Underlines what could identify someone in `edit` and explains it in a tooltip.

    Constructor: PrivacyUnderline(edit); `highlighter` is the PrivacyHighlighter on the
    edit's document, `tip_at(position)` the tooltip for a document position ("" for none).
    Shift+F1 (EXPLAIN_KEY) shows the tooltip for the text at the cursor, without a mouse.
    """

    def __init__(self, edit: QPlainTextEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        document = edit.document()
        assert document is not None
        self.highlighter = PrivacyHighlighter(document)
        viewport = edit.viewport()
        assert viewport is not None
        viewport.installEventFilter(self)
        explain = QShortcut(QKeySequence(EXPLAIN_KEY), edit)
        explain.setContext(Qt.ShortcutContext.WidgetShortcut)
        explain.activated.connect(self.explain_at_cursor)

    @Slot()
    def explain_at_cursor(self) -> None:
        """Show beside the cursor why the text there is underlined (or that it is not)."""
        cursor = self._edit.textCursor()
        tip = self.tip_at(cursor.position()) or self.tip_at(max(cursor.position() - 1, 0))
        if not tip:
            tip = NOTHING_HERE
        place = self._edit.cursorRect(cursor).bottomRight()
        viewport = self._edit.viewport()
        assert viewport is not None
        QToolTip.showText(viewport.mapToGlobal(place), tip, viewport)

    def tip_at(self, position: int) -> str:
        """The tooltip for a position in the document ("" when nothing is found there)."""
        finding = self.highlighter.finding_at(position)
        return finding_tip(finding) if finding is not None else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Answer tooltip requests over the text; let every other event through."""
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return False
        position = self._edit.cursorForPosition(event.pos()).position()
        tip = self.tip_at(position)
        if tip:
            QToolTip.showText(event.globalPos(), tip, self._edit.viewport())
        else:
            QToolTip.hideText()
            event.ignore()
        return True
