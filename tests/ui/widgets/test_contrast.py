"""WCAG contrast arithmetic and the nearest readable colour."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.ui.widgets.contrast import (
    BLACK,
    TEXT_RATIO,
    WHITE,
    contrast_ratio,
    meets,
    over,
    readable,
    relative_luminance,
)

channel = st.integers(min_value=0, max_value=255)
colours = st.tuples(channel, channel, channel)


def test_black_on_white_is_21_to_1_and_a_colour_on_itself_is_1():
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21.0)
    assert contrast_ratio((120, 30, 200), (120, 30, 200)) == pytest.approx(1.0)
    assert relative_luminance(WHITE) == pytest.approx(1.0)


def test_known_greys_from_the_issue_fall_short_of_aa():
    # Fusion's placeholder (black at half opacity) on its window and on white: 3.9 and 4.0.
    assert contrast_ratio(over(BLACK, 128 / 255, (0xEF,) * 3), (0xEF,) * 3) == pytest.approx(
        3.89, abs=0.01
    )
    assert contrast_ratio(over(BLACK, 128 / 255, WHITE), WHITE) == pytest.approx(4.0, abs=0.01)
    assert not meets((0x77,) * 3, (0xEF,) * 3)
    assert meets((0x77,) * 3, (0xEF,) * 3, large=True)
    # The classic accessible grey on white just passes.
    assert meets((0x76,) * 3, WHITE)


def test_a_readable_colour_is_returned_unchanged():
    assert readable((0x33,) * 3, WHITE, TEXT_RATIO) == (0x33,) * 3


def test_a_grey_moves_towards_the_text_colour_only_as_far_as_needed():
    fixed = readable((0x88,) * 3, WHITE, TEXT_RATIO, towards=BLACK)
    assert contrast_ratio(fixed, WHITE) >= TEXT_RATIO
    assert contrast_ratio(fixed, WHITE) < 5.0  # still a quiet grey, not black
    assert fixed[0] == fixed[1] == fixed[2]


@settings(max_examples=80, deadline=None)
@given(foreground=colours, background=colours, towards=st.none() | colours)
def test_readable_always_reaches_what_the_background_allows(foreground, background, towards):
    best = max(contrast_ratio(BLACK, background), contrast_ratio(WHITE, background))
    for target in (3.0, 4.5):
        fixed = readable(foreground, background, target, towards)
        assert contrast_ratio(fixed, background) >= min(target, best)
