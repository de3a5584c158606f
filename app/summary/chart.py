"""The small domain-balance chart, drawn without a chart library.

Every form is labelled with the domain and its count: inline SVG for the HTML file, an HTML
table of coloured cells for Qt's rich text (the PDF), and the bar lengths for Word's table.
"""

from __future__ import annotations

import struct
import zlib
from html import escape

from app.summary.contents import Balance

# Colours that read in print and in both themes (blue, amber, purple).
COLOURS = ((0x2B, 0x6C, 0xB0), (0xC0, 0x7A, 0x12), (0x7B, 0x4F, 0xA6))


def colour_hex(index: int) -> str:
    """The colour of the bar at `index`, as six hex digits without '#'."""
    return "{:02X}{:02X}{:02X}".format(*COLOURS[index % len(COLOURS)])


def bar_lengths(balance: Balance, longest: int) -> list[int]:
    """Each domain's bar in whole units, the biggest count `longest` long, 0 only for none."""
    top = max([n for _, n in balance.counts] + [1])
    return [max(round(longest * n / top), 1) if n else 0 for _, n in balance.counts]


def balance_svg(balance: Balance, width: int = 460) -> str:
    """Three labelled horizontal bars as inline SVG."""
    top = max([n for _, n in balance.counts] + [1])
    # Room for "Organisation and wider context" at 12 px before the bars start.
    label_w, bar_h, gap = 215, 18, 10
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


def balance_bars_html(balance: Balance) -> str:
    """Labelled bars as an HTML table that Qt's rich text lays out (it has no SVG).

    Each row is the domain, then a cell holding a coloured cell as wide as the count's share
    of the biggest, with the count after it. Only HTML attributes Qt honours are used.
    """
    rows = []
    for index, ((label, count), length) in enumerate(
        zip(balance.counts, bar_lengths(balance, 85), strict=True)
    ):
        bar = f'<td width="{length}%" bgcolor="#{colour_hex(index)}">&nbsp;</td>' if length else ""
        rows.append(
            f'<tr><td valign="middle">{escape(label)}</td><td valign="middle">'
            '<table class="bar" width="100%" cellspacing="0" cellpadding="0" border="0"><tr>'
            f'{bar}<td width="{100 - length}%">&nbsp;{count}</td></tr></table></td></tr>'
        )
    return (
        '<table class="chart" width="100%" cellspacing="0" cellpadding="3" border="0"><thead>'
        '<tr><th width="42%" align="left">Domain</th>'
        '<th width="58%" align="left">Entries and cycles</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
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
