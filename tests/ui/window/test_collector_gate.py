"""While a task runs on a worker thread, cycles of garbage wait for the GUI thread.

A collection set off by a worker that allocates could destroy a closed window off the GUI
thread and crash the app.
"""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QThreadPool

from app.ui.widgets.worker import WorkRelay, WorkTask, start_work


class _Cycle:
    """Half of a reference cycle that notes which thread finalised it."""

    finalised_on: list[str] = []  # noqa: RUF012 - shared by every instance on purpose

    def __init__(self) -> None:
        self.other: _Cycle | None = None

    def __del__(self) -> None:
        _Cycle.finalised_on.append(threading.current_thread().name)


CYCLES = gc.get_threshold()[0]  # twice the objects it takes to set off a collection


def _make_garbage() -> bool:
    for _ in range(CYCLES):
        first, second = _Cycle(), _Cycle()
        first.other, second.other = second, first
    return gc.isenabled()


def test_a_worker_that_allocates_leaves_collecting_to_the_gui_thread(qtbot) -> None:
    gc.collect()
    _Cycle.finalised_on.clear()
    pool = QThreadPool()
    relay = WorkRelay()
    with qtbot.waitSignal(relay.done) as done:
        start_work(pool, WorkTask("garbage", _make_garbage, relay, "unexpected"))
    pool.waitForDone()
    assert done.args == ["garbage", False]  # the collector was paused while the task ran
    qtbot.waitUntil(gc.isenabled)  # switched back on once the task has finished
    gc.collect()
    assert len(_Cycle.finalised_on) == 2 * CYCLES
    assert set(_Cycle.finalised_on) == {threading.main_thread().name}


def test_the_collector_stays_paused_until_the_last_of_two_tasks_ends(qtbot) -> None:
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    relay = WorkRelay()
    gate = threading.Event()
    with qtbot.waitSignal(relay.done):
        start_work(pool, WorkTask("slow", gate.wait, relay, "unexpected"))
        start_work(pool, WorkTask("quick", lambda: None, relay, "unexpected"))
    qtbot.wait(0)  # the quick task's end is delivered
    assert not gc.isenabled()
    with qtbot.waitSignal(relay.done):
        gate.set()
    pool.waitForDone()
    qtbot.waitUntil(gc.isenabled)
