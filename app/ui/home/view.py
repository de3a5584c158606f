"""Home: cycles waiting for reflection, cycles in progress, recent entries, domain balance."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import JournalError
from app.home.looking_back import LookingBackService
from app.home.overview import DomainBalance, HomeService
from app.journal.opening import Journal
from app.ui.home.layout import HomeLayout
from app.ui.widgets.captions import experiment_phrase
from app.ui.widgets.dates import local_day
from app.ui.widgets.item_list import ListItem
from app.ui.widgets.read_when_shown import ReadWhenShown
from app.writing.cycle_records import CycleSummary
from app.writing.links import LinkKind, link_markup

BALANCE_EMPTY = "Nothing tagged with a domain in the last {days} days yet."
BALANCE_ONLY_INDIVIDUAL = (
    "Everything in the last {days} days stayed in the Individual domain. That is worth "
    "noticing: is there a team or organisational side to what you are exploring?"
)
BALANCE_NOTE = "Entries and cycles worked on, counted once for each domain they touch."
LOOKING_BACK_KEY = "home/looking_back"
LOOKING_BACK_TAG = "looking back"
"""The tag on an entry written from Looking back, so they can be found together."""
SET_ASIDE_KEY = "home/set_aside"
MOST_SET_ASIDE = 500
LOOK_AGAIN = (
    "Looking back at {link} ({when}), in “{question}”.\n\n"
    "What I learned then: {learning}\n\n"
    "What would I do differently now?\n\n"
)


def utc_now() -> datetime:
    """The time now, in UTC."""
    return datetime.now(UTC)


class HomeView(HomeLayout):
    """What needs the person's attention, read fresh with `refresh()`.

    Constructor: HomeView(journal, today=date.today, now=utc_now, parent=None).

    Signals:
      openCycle(str): a waiting or in-progress cycle was activated (Enter or double-click).
      openEntry(str): a recent entry was activated.
      newCycleRequested(): the "New cycle" button (the window owns Ctrl+Shift+N).
      newEntryRequested(): the "New entry" button.
    """

    openCycle = Signal(str)
    openEntry = Signal(str)
    newCycleRequested = Signal()
    newEntryRequested = Signal()

    def __init__(
        self,
        journal: Journal,
        *,
        today: Callable[[], date] = date.today,
        now: Callable[[], datetime] = utc_now,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._today = today
        self._now = now
        self._settings = settings
        self.looking_back.differentlyRequested.connect(self._look_again)
        self.looking_back.openRequested.connect(self._open_looked_back)
        self.looking_back.setAsideRequested.connect(self._set_aside)
        self.waiting.list.itemActivated.connect(self.openCycle)
        self.in_progress.list.itemActivated.connect(self.openCycle)
        self.recent.list.itemActivated.connect(self.openEntry)
        self.new_cycle_button.clicked.connect(self.newCycleRequested)
        self.new_entry_button.clicked.connect(self.newEntryRequested)
        self.message_bar.retryRequested.connect(self.refresh)
        self._reading = ReadWhenShown(self, self.refresh)

    @Slot()
    def refresh(self) -> None:
        """Read everything again from the journal."""
        self._reading.mark_read()
        today = self._today()
        try:
            overview = HomeService(self._journal).overview(today, self._now())
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self.message_bar.clear()
        self.waiting.set_items([self._cycle_item(c, today) for c in overview.waiting])
        self.in_progress.set_items([self._cycle_item(c, today) for c in overview.in_progress])
        self.recent.set_items(
            [
                ListItem(e.id, e.title, f"Written {local_day(e.created)}", e.domains)
                for e in overview.recent_entries
            ]
        )
        self._show_balance(overview.balance)
        self._show_looking_back(today)

    def looking_back_shown(self) -> bool:
        """Whether Home brings back an earlier cycle now and then (on unless turned off)."""
        return self._settings is None or self._settings.value(LOOKING_BACK_KEY) != "false"

    def set_looking_back_shown(self, shown: bool) -> None:
        """Turn the Looking back card on or off (View > Looking back on Home)."""
        if self._settings is not None:
            self._settings.setValue(LOOKING_BACK_KEY, "true" if shown else "false")
        self._show_looking_back(self._today())

    def _show_looking_back(self, today: date) -> None:
        if not self.looking_back_shown():
            self.looking_back.show_look_back(None)
            return
        try:
            found = LookingBackService(self._journal).pick(today, self._set_aside_ids())
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self.looking_back.show_look_back(found)

    def _set_aside_ids(self) -> list[str]:
        value = self._settings.value(SET_ASIDE_KEY) if self._settings is not None else None
        return value.split() if isinstance(value, str) else []

    @Slot()
    def _set_aside(self) -> None:
        shown = self.looking_back.shown
        if shown is None:
            return
        if self._settings is not None:
            ids = [i for i in self._set_aside_ids() if i != shown.cycle_id] + [shown.cycle_id]
            self._settings.setValue(SET_ASIDE_KEY, " ".join(ids[-MOST_SET_ASIDE:]))
        self.looking_back.show_look_back(None)

    @Slot()
    def _open_looked_back(self) -> None:
        if self.looking_back.shown is not None:
            self.openCycle.emit(self.looking_back.shown.cycle_id)

    @Slot()
    def _look_again(self) -> None:
        """A new entry linked to the earlier cycle, asking what would be done differently now."""
        shown = self.looking_back.shown
        if shown is None:
            return
        link = link_markup(LinkKind.CYCLE, shown.cycle_id, shown.title)
        body = LOOK_AGAIN.format(
            link=link, when=shown.when, question=shown.question, learning=shown.learning
        )
        try:
            entry = self._journal.entries.create(
                f"Looking back: {shown.title}"[:200], body, shown.domains, [LOOKING_BACK_TAG]
            )
        except JournalError as exc:
            self.message_bar.show_problem(str(exc))
            return
        self._set_aside()
        self.openEntry.emit(entry.id)

    def _cycle_item(self, cycle: CycleSummary, today: date) -> ListItem:
        template = self._journal.templates.get(cycle.template_id)
        parts = [
            experiment_phrase(cycle.experiment_date, cycle.status, today)
            if cycle.experiment_date
            else f"{cycle.status.label}, last written {local_day(cycle.updated)}",
            template.name if template else "",
        ]
        return ListItem(cycle.id, cycle.title, " · ".join(p for p in parts if p), cycle.domains)

    def _show_balance(self, balance: DomainBalance) -> None:
        self.balance_bars.set_balance(balance)
        if balance.total == 0:
            note = BALANCE_EMPTY
        elif balance.only_individual:
            note = BALANCE_ONLY_INDIVIDUAL
        else:
            note = BALANCE_NOTE
        self.balance_note.setText(note.format(days=balance.days))
        self.balance_heading.setText(f"Balance of the last {balance.days} days")
