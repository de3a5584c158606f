"""The small domain-balance chart, drawn without a chart library: SVG for HTML, PNG for Word."""

from __future__ import annotations

import struct
import zlib
from html import escape

from app.summary.model import Balance

# Colours that read in print and in both themes (blue, amber, purple).
COLOURS = ((0x2B, 0x6C, 0xB0), (0xC0, 0x7A, 0x12), (0x7B, 0x4F, 0xA6))


def balance_svg(balance: Balance, width: int = 420) -> str:
    """Three labelled horizontal bars as inline SVG."""
    top = max([n for _, n in balance.counts] + [1])
    label_w, bar_h, gap = 190, 18, 10
    height = len(balance.counts) * (bar_h + gap) + gap
    rows = []
    for n, ((label, count), colour) in enumerate(zip(balance.counts, COLOURS, strict=False)):
        y = gap + n * (bar_h + gap)
        length = round((width - label_w - 40) * count / top)
        fill = "#{:02x}{:02x}{:02x}".format(*colour)
        rows.append(
            f'<text x="0" y="{y + 13}" font-size="12">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{max(length, 1)}" height="{bar_h}" '
            f'fill="{fill}" rx="3"/>'
            f'<text x="{label_w + length + 6}" y="{y + 13}" font-size="12">{count}</text>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'role="img" aria-label="Balance across the three domains">{"".join(rows)}</svg>'
    )


def balance_png(balance: Balance, width: int = 360, bar_h: int = 22, gap: int = 10) -> bytes:
    """The same bars as a PNG (labels go beside it in the document's table)."""
    top = max([n for _, n in balance.counts] + [1])
    height = len(balance.counts) * (bar_h + gap) + gap
    white = (255, 255, 255)
    rows: list[bytes] = []
    for y in range(height):
        pixels = [white] * width
        slot, offset = divmod(y - gap, bar_h + gap)
        if y >= gap and offset < bar_h and slot < len(balance.counts):
            length = round((width - 4) * balance.counts[slot][1] / top)
            colour = COLOURS[slot % len(COLOURS)]
            pixels[: max(length, 1)] = [colour] * max(length, 1)
        rows.append(b"\x00" + bytes(c for px in pixels for c in px))
    return _png(width, height, b"".join(rows))


def _png(width: int, height: int, raw: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
