"""Offering the Coaching view: shown on the rail once there is a participant, with a count."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from app.errors import JournalError
from app.sharing.records import CoachingWork, waiting_work
from app.ui.coach.availability import coaching_available, waiting_words
from app.ui.coach.coaching_slot import CoachingSlot
from app.ui.window.navigation import NavigationRail, View

if TYPE_CHECKING:
    from app.journal.opening import Journal
    from app.ui.coach.coach_page import CoachPage


class CoachingOffer(QObject):
    """Offers Coaching on the rail and in the View menu (`view_action`) once the journal has a
    participant, and counts on its row of the rail what waits for the coach."""

    def __init__(
        self,
        journal: Journal,
        rail: NavigationRail,
        view_action: QAction,
        slot: CoachingSlot,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._journal = journal
        self._rail = rail
        self._view_action = view_action
        self._slot = slot
        self._badge_wired = False

    @property
    def available(self) -> bool:
        """Whether Coaching is offered (the journal has a participant)."""
        return self._rail.is_available(View.COACHING)

    def refresh(self, *, shown: bool) -> None:
        """Offer Coaching once there is a participant; read it again if `shown`, else have it
        read again when next shown."""
        available = coaching_available(self._journal)
        self._rail.set_available(View.COACHING, available)
        self._view_action.setVisible(available)
        if shown:
            self.page().refresh()
        elif self._slot.built:
            self._slot.page.mark_stale()
        self.refresh_badge()

    @Slot()
    def refresh_badge(self) -> None:
        """Count what waits for the coach (new shares and replies, comments not yet sent) on
        Coaching's row of the rail."""
        work = CoachingWork(0, 0, 0)
        if self.available:
            # No badge then: Coaching (and Home) read the journal too, and say what went wrong.
            with contextlib.suppress(JournalError), self._journal.reading() as conn:
                work = waiting_work(conn)
        self._rail.set_badge(View.COACHING, work.total, waiting_words(work))

    def page(self) -> CoachPage:
        """The Coaching page, its counts wired to the rail's badge the first time."""
        page = self._slot.page
        if not self._badge_wired:
            page.countsRead.connect(self.refresh_badge)
            self._badge_wired = True
        return page
