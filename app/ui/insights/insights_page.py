"""The Insights view: how the inquiry moved over a period, in tables that are their own charts.

Choose how far back to look and which line of inquiry; every number lists, beside the tables,
the entries and cycles it counts, and Enter or a double-click on one opens it. The counts are
worked out on a worker thread, so a large journal never holds up the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.errors import JournalError
from app.insights.figures import Insights, InsightsSource, ItemRef, Pick, Reach, Scope
from app.ui.insights.figure_table import FigureTable
from app.ui.widgets.background_call import BackgroundCall
from app.ui.widgets.text_size import set_relative_font

Inquiries = Callable[[], list[tuple[str, str]]]
"""The lines of inquiry to choose from, as (id, question)."""
UNEXPECTED = "Insights could not be worked out. Nothing in your journal was changed."
_REF_ROLE = Qt.ItemDataRole.UserRole + 42
_ALL = ""
_NOTHING_PICKED = "Click a number, or press Enter on it, to list the entries and cycles it counts."


class InsightsPage(QWidget):
    """Counts by month, loop, progress, theme and leadership dimension, with what is behind
    each. Signals: openEntry(str) and readCycle(str) when an item is opened."""

    openEntry = Signal(str)
    readCycle = Signal(str)

    def __init__(
        self,
        source: InsightsSource,
        settings: QSettings,
        *,
        inquiries: Inquiries | None = None,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._service = source
        self._inquiries = inquiries
        self._settings = settings
        self._today = today
        self._scope: Scope | None = None
        self._pick: Pick | None = None
        self._ticket = 0
        self._items_ticket = 0
        self._items_heading = ""
        self._calls = BackgroundCall(UNEXPECTED, self)
        self._calls.finished.connect(self._done)
        self._calls.failed.connect(self._failed)

        heading = QLabel("Insights")
        heading.setAccessibleName("Insights")
        set_relative_font(heading, 1.4, bold=True)
        self.reach = QComboBox()
        for reach in Reach:
            self.reach.addItem(reach.label, reach.value)
        self.reach.setAccessibleName("How far back to look")
        remembered = str(settings.value("insights/reach", Reach.LAST_6_MONTHS.value))
        self.reach.setCurrentIndex(max(0, self.reach.findData(remembered)))
        self.inquiry = QComboBox()
        self.inquiry.setAccessibleName("Line of inquiry")
        self.inquiry.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.inquiry.setMinimumContentsLength(28)
        choices = QFormLayout()
        choices.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        choices.addRow("&Looking back over:", self.reach)
        if inquiries is not None:
            choices.addRow("Line of in&quiry:", self.inquiry)
        else:
            self.inquiry.hide()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Insights status")

        self.domains = FigureTable("Domains by month")
        self.loops = FigureTable("Loop reached by month")
        self.progress = FigureTable("Cycles planned, tried and reviewed")
        self.timing = QLabel()
        self.timing.setWordWrap(True)
        self.timing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.themes = FigureTable("Themes by month", wrap_headings=False)
        self.dimensions = FigureTable("Healthcare Leadership Model dimensions")
        self.gaps = QLabel()
        self.gaps.setWordWrap(True)
        self.gaps.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._captions: dict[FigureTable, QLabel] = {}

        figures = QWidget()
        column = QVBoxLayout(figures)
        column.setContentsMargins(0, 0, 12, 0)
        column.setSpacing(6)
        for table, after in (
            (self.domains, None),
            (self.loops, None),
            (self.progress, self.timing),
            (self.themes, None),
            (self.dimensions, self.gaps),
        ):
            caption = QLabel()
            caption.setWordWrap(True)
            set_relative_font(caption, 1.1, bold=True)
            caption.setBuddy(table)
            self._captions[table] = caption
            column.addSpacing(10)
            column.addWidget(caption)
            column.addWidget(table)
            if after is not None:
                column.addWidget(after)
            table.picked.connect(self._picked)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(figures)
        scroll.setAccessibleName("Insights figures")

        self.items_heading = QLabel(_NOTHING_PICKED)
        self.items_heading.setWordWrap(True)
        self.items = QListWidget()
        self.items.setAccessibleName("What the chosen number counts")
        self.items.setWordWrap(True)
        self.items.itemActivated.connect(self._open)
        self.items_heading.setBuddy(self.items)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(12, 0, 0, 0)
        side_layout.addWidget(self.items_heading)
        side_layout.addWidget(self.items, 1)
        hint = QLabel("Enter or a double-click opens one.")
        hint.setWordWrap(True)
        side_layout.addWidget(hint)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([640, 360])

        top = QHBoxLayout()
        top.addWidget(heading)
        top.addStretch(1)
        top.addLayout(choices)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

        self.reach.currentIndexChanged.connect(self._choice_changed)
        self.inquiry.currentIndexChanged.connect(self._choice_changed)

    # -- reading -----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the lines of inquiry and work the figures out afresh."""
        chosen = self.inquiry.currentData() or _ALL
        self.inquiry.blockSignals(True)
        self.inquiry.clear()
        self.inquiry.addItem("All entries and cycles", _ALL)
        try:
            inquiries = self._inquiries() if self._inquiries is not None else []
        except JournalError as exc:
            self._show_failure(str(exc))
            inquiries = []
        for inquiry_id, question in inquiries:
            self.inquiry.addItem(question, inquiry_id)
        self.inquiry.setCurrentIndex(max(0, self.inquiry.findData(chosen)))
        self.inquiry.blockSignals(False)
        self._work_out()

    @property
    def busy(self) -> bool:
        """True while figures or items are being read."""
        return self._calls.busy

    def focus_first(self) -> None:
        """Put the keyboard in the first choice."""
        self.reach.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_down(self) -> None:
        """Wait for any work under way (the window is closing)."""
        self._calls.wait()

    @Slot()
    def _choice_changed(self) -> None:
        self._settings.setValue("insights/reach", self.reach.currentData())
        self._work_out()

    def _work_out(self) -> None:
        today = self._today()
        reach = Reach(self.reach.currentData())
        inquiry = self.inquiry.currentData() or None
        service = self._service

        def work() -> tuple[Scope, Insights]:
            scope = Scope(reach.span(today, service.first_written(today)), inquiry)
            return scope, service.insights(scope)

        self.status.setText("Working out…")
        self._ticket = self._calls.start(work)

    @Slot(int, object)
    def _done(self, ticket: int, result: object) -> None:
        if ticket == self._items_ticket:
            assert isinstance(result, list)
            self._show_items(result)
            return
        if ticket != self._ticket:
            return
        assert isinstance(result, tuple)
        scope, insights = result
        self._scope = scope
        self._show(insights)

    @Slot(int, str)
    def _failed(self, ticket: int, message: str) -> None:
        if ticket in (self._ticket, self._items_ticket):
            self._show_failure(message)

    def _show_failure(self, message: str) -> None:
        self.status.setText(message)

    # -- showing -----------------------------------------------------------------------------

    def _show(self, insights: Insights) -> None:
        span = insights.scope.span
        period = f"{_day(span.first)} to {_day(span.last)}"
        if insights.is_empty:
            self.status.setText(f"Nothing was begun from {period}.")
        elif insights.scope.inquiry:
            self.status.setText(
                f"From {period}. Entries belong to no line of inquiry, so only this line's "
                "cycles are counted."
            )
        else:
            self.status.setText(
                f"From {period}, counted by the month each entry or cycle was begun. "
                "These are counts, not scores."
            )
        for table, figures in (
            (self.domains, insights.domains),
            (self.loops, insights.loops),
            (self.progress, insights.progress),
            (self.themes, insights.themes),
            (self.dimensions, insights.dimensions),
        ):
            table.show_table(figures)
            self._captions[table].setText(figures.caption)
        self.themes.setVisible(bool(insights.themes.columns))
        if not insights.themes.columns:
            self._captions[self.themes].setText("Themes (tags) by month: no tags in this period.")
        self.timing.setText(insights.timing.sentence())
        self.gaps.setText(insights.gaps_sentence())
        self._clear_items()

    def _clear_items(self) -> None:
        self._pick = None
        self.items.clear()
        self.items_heading.setText(_NOTHING_PICKED)

    @Slot(object, str)
    def _picked(self, pick: object, heading: str) -> None:
        if self._scope is None or not isinstance(pick, Pick):
            return
        self._pick = pick
        self.items_heading.setText(f"{heading}: reading…")
        self._items_heading = heading
        scope, service = self._scope, self._service
        self._items_ticket = self._calls.start(lambda: service.items(scope, pick))

    def _show_items(self, refs: list[ItemRef]) -> None:
        self.items.clear()
        count = f"{len(refs)} item" + ("" if len(refs) == 1 else "s")
        self.items_heading.setText(f"{self._items_heading}: {count}")
        for ref in refs:
            kind = "Entry" if ref.kind == "entry" else "Cycle"
            lines = [ref.title, f"{kind}, begun {_day(ref.written)}"]
            if ref.detail:
                lines.append(ref.detail)
            item = QListWidgetItem("\n".join(lines))
            item.setData(_REF_ROLE, ref)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, ", ".join(lines))
            self.items.addItem(item)
        if refs:
            self.items.setCurrentRow(0)

    @Slot(QListWidgetItem)
    def _open(self, item: QListWidgetItem) -> None:
        ref = item.data(_REF_ROLE)
        if not isinstance(ref, ItemRef):
            return
        if ref.kind == "entry":
            self.openEntry.emit(ref.id)
        else:
            self.readCycle.emit(ref.id)


def _day(day: date) -> str:
    """'4 March 2026' (no leading nought, on every platform)."""
    return f"{day.day} {day:%B %Y}"
