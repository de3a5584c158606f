"""The Qt binding in use must not damage Python's own objects (PySide6 6.12.0 did)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Sender(QObject):
    happened = Signal()


def test_emitting_a_signal_leaves_true_and_false_intact() -> None:
    sender = _Sender()
    gc.collect()
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(50):  # few enough not to crash the run on a bad binding
        sender.happened.emit()
    gc.collect()
    after = sys.getrefcount(True), sys.getrefcount(False)
    # PySide6 6.12.0 loses one reference to True per emit(); every keystroke emits several,
    # so a long writing session would free True and crash the app.
    assert after[0] - before[0] > -10
    assert after[1] - before[1] > -10
