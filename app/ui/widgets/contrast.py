"""WCAG 2.2 colour contrast: relative luminance, contrast ratio, and the nearest readable colour.

Colours are (red, green, blue) tuples of 0-255 sRGB channels. The UI derives every colour it
draws text or a focus outline in through `readable`, so the rule lives in one testable place.
"""

from __future__ import annotations

Rgb = tuple[int, int, int]

TEXT_RATIO = 4.5
"""WCAG 1.4.3 (AA): the contrast normal text needs against its background."""
LARGE_TEXT_RATIO = 3.0
"""WCAG 1.4.3 (AA): large text (18pt, or 14pt bold) and, by 1.4.11, focus outlines and icons."""

BLACK: Rgb = (0, 0, 0)
WHITE: Rgb = (255, 255, 255)
_STEPS = 64


def _linear(channel: int) -> float:
    value = channel / 255
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(colour: Rgb) -> float:
    """WCAG relative luminance: 0 for black, 1 for white."""
    red, green, blue = (_linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: Rgb, second: Rgb) -> float:
    """WCAG contrast ratio between two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def blend(start: Rgb, end: Rgb, amount: float) -> Rgb:
    """The colour `amount` (0 to 1) of the way from `start` to `end`."""
    r, g, b = (round(s + (e - s) * amount) for s, e in zip(start, end, strict=True))
    return (r, g, b)


def over(colour: Rgb, alpha: float, background: Rgb) -> Rgb:
    """What `colour` at opacity `alpha` (0 to 1) looks like drawn on `background`."""
    return blend(background, colour, alpha)


def readable(foreground: Rgb, background: Rgb, target: float, towards: Rgb | None = None) -> Rgb:
    """The colour nearest `foreground` with at least `target` contrast on `background`.

    It moves towards `towards` (usually the palette's main text colour, so a quiet grey stays a
    grey of the same family) and, when even that is not enough, towards black or white,
    whichever is further from the background. `foreground` comes back unchanged if it is
    already readable.
    """
    if contrast_ratio(foreground, background) >= target:
        return foreground
    extreme = max((BLACK, WHITE), key=lambda c: contrast_ratio(c, background))
    ends = [towards, extreme] if towards is not None else [extreme]
    for end in ends:
        if contrast_ratio(end, background) < target:
            continue
        for step in range(1, _STEPS + 1):
            candidate = blend(foreground, end, step / _STEPS)
            if contrast_ratio(candidate, background) >= target:
                return candidate
    return extreme


def meets(foreground: Rgb, background: Rgb, *, large: bool = False) -> bool:
    """True when text in `foreground` on `background` meets AA (large text needs less)."""
    return contrast_ratio(foreground, background) >= (LARGE_TEXT_RATIO if large else TEXT_RATIO)
