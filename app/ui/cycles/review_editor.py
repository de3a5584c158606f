"""The review's behaviour: each change on the review page is saved as it is made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from app.errors import JournalError
from app.ui.cycles.review_page import ReviewPage
from app.writing.cycle_records import CycleRecord, CycleStateError, DomainRequiredError, LoopLevel
from app.writing.cycles import CycleStore
from app.writing.tags import same_tags
from app.writing.templates import StageRole


class ReviewEditor(QObject):
    """Connects a ReviewPage to the CycleStore for the cycle last given to `show()`.

    Refusals the person can fix (no domain left, required stages empty) are shown on the
    page; other problems go out through `failed`.

    Signals:
      changed(object): the CycleRecord after each write.
      failed(str): a write the journal refused, for the owner's message strip.
      reviewed(object): the CycleRecord once it was marked reviewed.
      openNextRequested(str): the id of the next experiment that already exists.
      readRequested(str): "Read the whole cycle" with the cycle id.
    """

    changed = Signal(object)
    failed = Signal(str)
    reviewed = Signal(object)
    openNextRequested = Signal(str)
    readRequested = Signal(str)

    def __init__(self, store: CycleStore, page: ReviewPage, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._page = page
        self._cycle: CycleRecord | None = None
        page.loop_group.idToggled.connect(self._loop_toggled)
        page.domains.toggledDomain.connect(self._domain_toggled)
        for box in page.dimension_boxes.values():
            box.toggled.connect(self._dimensions_changed)
        page.tags_edit.editingFinished.connect(self._tags_edited)
        page.finish_button.clicked.connect(self._mark_reviewed)
        page.open_next_button.clicked.connect(self._open_next)
        page.read_button.clicked.connect(self._read)

    def show(self, cycle: CycleRecord, known_tags: list[str]) -> None:
        """Fill the page for `cycle`; later changes are saved to it."""
        self._cycle = cycle
        self._page.show_cycle(
            cycle, known_tags, self._store.text_with_role(cycle, StageRole.LEARNING)
        )

    def save_tags(self) -> bool:
        """Save the tags typed, if they changed. False when the journal refused."""
        cycle = self._cycle
        tags = self._page.tags_edit.tags()
        if cycle is None or same_tags(cycle.tags, tags):
            return True
        return self._write(lambda: self._store.update_cycle(cycle.id, tags=tags))

    def _write(self, change: Callable[[], CycleRecord]) -> bool:
        try:
            record = change()
        except JournalError as exc:
            self.failed.emit(str(exc))
            return False
        self._cycle = record
        self.changed.emit(record)
        return True

    @Slot(int, bool)
    def _loop_toggled(self, index: int, checked: bool) -> None:
        cycle = self._cycle
        level = list(LoopLevel)[index]
        # Showing a cycle ticks its loop: that is not a change (it would date the cycle anew).
        if checked and cycle is not None and level is not cycle.loop:
            self._write(lambda: self._store.update_cycle(cycle.id, loop=level))

    @Slot(str, bool)
    def _domain_toggled(self, _code: str, _checked: bool) -> None:
        cycle = self._cycle
        if cycle is None:
            return
        chosen = self._page.domains.domains()
        try:
            record = self._store.update_cycle(cycle.id, domains=chosen)
        except DomainRequiredError as exc:
            self._page.domains.set_domains(cycle.domains)
            self._page.domain_error.show_message(str(exc))
            return
        except JournalError as exc:
            self._page.domains.set_domains(cycle.domains)
            self.failed.emit(str(exc))
            return
        self._page.domain_error.show_message("")
        self._cycle = record
        self.changed.emit(record)

    @Slot()
    def _dimensions_changed(self) -> None:
        cycle = self._cycle
        if cycle is not None:
            chosen = self._page.chosen_dimensions()
            self._write(lambda: self._store.update_cycle(cycle.id, dimensions=chosen))

    @Slot()
    def _tags_edited(self) -> None:
        self.save_tags()

    @Slot()
    def _mark_reviewed(self) -> None:
        record = self._step(self._store.finish)
        if record is not None:
            self._cycle = record
            self.changed.emit(record)
            self.reviewed.emit(record)

    def _step(self, step: Callable[[str], CycleRecord]) -> CycleRecord | None:
        """Save the tags, then take the step; a refusal is shown by the Finish button."""
        cycle = self._cycle
        if cycle is None or not self.save_tags():
            return None
        try:
            return step(cycle.id)
        except CycleStateError as exc:
            self._page.finish_error.show_message(str(exc))
        except JournalError as exc:
            self.failed.emit(str(exc))
        return None

    @Slot()
    def _open_next(self) -> None:
        if self._cycle is not None and self._cycle.next_id:
            self.openNextRequested.emit(self._cycle.next_id)

    @Slot()
    def _read(self) -> None:
        if self._cycle is not None and self.save_tags():
            self.readRequested.emit(self._cycle.id)
