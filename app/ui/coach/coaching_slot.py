"""The Coaching view's place in the window, its page built the first time it is asked for."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from app.ui.widgets.built_on_first_use import BuiltOnFirstUse

# Coaching is for coaches: the page and what it loads wait until the view is first shown.
if TYPE_CHECKING:
    from app.ui.coach.coach_page import CoachPage


class CoachingSlot(BuiltOnFirstUse):
    """Stands on the window's stack for the Coaching page, built on first use of `page`."""

    @property
    def page(self) -> CoachPage:
        """The Coaching page (built now if it was not yet)."""
        return cast("CoachPage", self.built_page())

    def shut_down(self) -> None:
        """The window is closing: let the page (if built) finish what it is doing."""
        if self.built:
            self.page.shut_down()
