"""A place on the window's stack whose page is built the first time it is asked for.

Views most people rarely open (Coaching, Insights) wait, with all they load, until then, so
they cost nothing at start-up.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class BuiltOnFirstUse(QWidget):
    """Stands on the stack for a page; `build()` makes it on the first call of `built_page`."""

    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def built_page(self) -> QWidget:
        """The page (built now if it was not yet)."""
        if self._page is None:
            self._page = self._build()
            self._layout.addWidget(self._page)
        return self._page

    @property
    def built(self) -> bool:
        """Whether the page exists yet."""
        return self._page is not None
