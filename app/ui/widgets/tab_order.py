"""Keyboard order: tab through widgets in the order a person reads them."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

from PySide6.QtWidgets import QWidget


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Make Tab visit `widgets` one after another."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
