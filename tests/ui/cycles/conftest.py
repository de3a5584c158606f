"""Fixtures for the cycle screens: key presses and a shown flow."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.journal.opening import Journal
from app.ui.cycles.cycle_flow import CycleFlow
from tests.support.data import NEVER_MS, TODAY
from tests.ui.driver import press_key


@pytest.fixture
def press(qtbot) -> Callable[..., None]:
    """Press a key in the focused widget of an active window, as a person would."""

    def pressed(
        window: QWidget,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
    ) -> None:
        press_key(qtbot, window, key, modifier)

    return pressed


@pytest.fixture
def open_flow(show) -> Callable[..., CycleFlow]:
    """A shown CycleFlow on a cycle; today is TODAY unless given."""

    def opened(
        journal: Journal, cycle_id: str, today: date = TODAY, autosave_ms: int = NEVER_MS
    ) -> CycleFlow:
        flow = CycleFlow(journal, cycle_id, today=lambda: today, autosave_ms=autosave_ms)
        flow.resize(900, 700)
        show(flow)
        return flow

    return opened
