"""The garbage collector is held back while the window opens, and given back afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from app import collection


@pytest.fixture
def thresholds() -> Iterator[tuple[int, int, int]]:
    before = gc.get_threshold()
    yield before
    collection.resume()
    gc.set_threshold(*before)


def test_held_back_it_waits_for_many_more_allocations_then_resumes_as_it_was(
    thresholds: tuple[int, int, int],
) -> None:
    collection.hold_back()
    held = gc.get_threshold()
    collection.hold_back()  # a second caller (the windowed program, then the window's start)

    assert gc.get_threshold() == held
    assert held[0] >= 50 * thresholds[0]
    assert held[1:] == thresholds[1:]
    collection.resume()
    assert gc.get_threshold() == thresholds
    collection.resume()
    assert gc.get_threshold() == thresholds
    assert gc.isenabled()
