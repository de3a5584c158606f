"""Fixtures for the session screens: the demo journal and showing widgets."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from app.journal import Journal
from tests.ui.sessions.support import fill_demo


@pytest.fixture
def demo_journal(journal: Journal) -> Journal:
    """The sample journal, built as of TODAY."""
    return fill_demo(journal)


@pytest.fixture
def show(qtbot) -> Iterator[Callable[[QWidget], QWidget]]:
    """Show a widget and wait until it is on screen; close it after the test.

    Dialogs here delete themselves when closed, so only widgets still alive are closed.
    """
    shown: list[QWidget] = []

    def showing(widget: QWidget) -> QWidget:
        shown.append(widget)
        with qtbot.waitExposed(widget):
            widget.show()
        return widget

    yield showing
    for widget in shown:
        if shiboken6.isValid(widget):
            widget.close()
            if shiboken6.isValid(widget):
                widget.deleteLater()
