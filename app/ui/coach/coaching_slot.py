"""The Coaching view's place in the window, its page built the first time it is asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

# Coaching is for coaches: the page and what it loads wait until the view is first shown.
if TYPE_CHECKING:
    from app.ui.coach.coach_page import CoachPage


class CoachingSlot(QWidget):
    """Stands on the window's stack for the Coaching page; `build()` makes the page on first
    use of `page`."""

    def __init__(self, build: Callable[[], CoachPage], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: CoachPage | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def page(self) -> CoachPage:
        """The Coaching page (built now if it was not yet)."""
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
        return self._page

    @property
    def built(self) -> bool:
        """Whether the Coaching page exists yet."""
        return self._page is not None

    def shut_down(self) -> None:
        """The window is closing: let the page (if built) finish what it is doing."""
        if self._page is not None:
            self._page.shut_down()
