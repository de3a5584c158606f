"""Cycles of garbage are collected on the GUI thread, never by a worker that allocates."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QApplication

from app.ui.main_thread_gc import INTERVAL_MS, collect_on_gui_thread


class _Cycle:
    """Half of a reference cycle that notes which thread finalised it."""

    finalised_on: list[str] = []  # noqa: RUF012 - shared by every instance on purpose

    def __init__(self) -> None:
        self.other: _Cycle | None = None

    def __del__(self) -> None:
        _Cycle.finalised_on.append(threading.current_thread().name)


CYCLES = gc.get_threshold()[0]  # twice the objects it takes to set off a collection


def _make_garbage() -> None:
    for _ in range(CYCLES):
        first, second = _Cycle(), _Cycle()
        first.other, second.other = second, first


def test_a_worker_that_allocates_never_collects(qtbot, qapp: QApplication) -> None:
    collector = collect_on_gui_thread(qapp)
    assert collect_on_gui_thread(qapp) is collector  # one per application
    assert not gc.isenabled()
    gc.collect()
    _Cycle.finalised_on.clear()

    worker = threading.Thread(target=_make_garbage, name="worker")
    worker.start()
    worker.join()
    assert _Cycle.finalised_on == []  # the worker crossed the threshold but did not collect

    qtbot.waitUntil(lambda: len(_Cycle.finalised_on) == 2 * CYCLES, timeout=INTERVAL_MS * 10)
    assert set(_Cycle.finalised_on) == {threading.main_thread().name}
