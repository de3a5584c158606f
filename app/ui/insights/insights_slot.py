"""The Insights view's place in the window, its page built the first time it is shown."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from app.ui.widgets.built_on_first_use import BuiltOnFirstUse

if TYPE_CHECKING:
    from app.ui.insights.insights_page import InsightsPage


class InsightsSlot(BuiltOnFirstUse):
    """Stands on the window's stack for the Insights page, built on first use of `page`."""

    @property
    def page(self) -> InsightsPage:
        """The Insights page (built now if it was not yet)."""
        return cast("InsightsPage", self.built_page())

    def shut_down(self) -> None:
        """The window is closing: let the page (if built) finish its work."""
        if self.built:
            self.page.close_down()
