"""Python's cyclic garbage collector, held back while the window opens.

Opening the journal window loads some 500 modules and makes tens of thousands of objects that
live as long as the process. With the default thresholds the collector runs about 130 times on
the way, each pass walking those objects again: about 30 ms of a 0.5 s start on the benchmark
machine. Until the window is on screen it runs a hundredth as often; then the defaults come
back. Nothing is left uncollected: it only waits for the next pass.
"""

from __future__ import annotations

import gc

_HELD_BACK = 100
"""How many times more allocations a collection waits for while the window opens."""

_defaults: tuple[int, int, int] | None = None


def hold_back() -> None:
    """Collect less often until `resume` (a second call changes nothing)."""
    global _defaults
    if _defaults is None:
        _defaults = gc.get_threshold()
        first, second, third = _defaults
        gc.set_threshold(first * _HELD_BACK, second, third)


def resume() -> None:
    """Back to the usual thresholds (a second call changes nothing)."""
    global _defaults
    if _defaults is not None:
        gc.set_threshold(*_defaults)
        _defaults = None
