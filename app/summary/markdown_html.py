"""The summary as Markdown and as one self-contained HTML file that prints well."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from app.insights.figures import Table
from app.summary import outline
from app.summary.chart import balance_svg
from app.summary.contents import ActionLine, Balance, Excerpt, SupervisionSummary
from app.writing.rendering import render_markdown

OVERDUE_CLASS = ' class="overdue"'


def _meta_md(item: Excerpt) -> str:
    domains_text = f" ({', '.join(item.domains)})" if item.domains else ""
    return f"*{item.date}{domains_text}{f' — {item.note}' if item.note else ''}*"


def _actions_md(actions: tuple[ActionLine, ...]) -> list[str]:
    lines = [
        "| " + " | ".join(name for name, _ in outline.ACTION_COLUMNS) + " |",
        "|" + "---|" * len(outline.ACTION_COLUMNS),
    ]
    for a in actions:
        status = a.status + (" (overdue)" if a.overdue else "")
        what = a.what + (f" (agreed {a.agreed})" if a.agreed else "")
        happened = " ".join(part for part in (a.progress, outline.evidence_text(a)) if part)
        cells = [what, a.with_whom, a.by_when, status, happened]
        lines.append(
            "| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |"
        )
    return lines


def _cell_md(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _figures_md(table: Table) -> list[str]:
    """The caption in bold, then a pipe table with the counts aligned right."""
    heads = [table.row_heading, *table.columns]
    lines = [
        f"**{table.caption}**",
        "",
        "| " + " | ".join(_cell_md(h) for h in heads) + " |",
        "|---|" + "---:|" * len(table.columns),
    ]
    for row in table.rows:
        counts = " | ".join(str(c.count) for c in row.cells)
        lines.append(f"| {_cell_md(row.label)} | {counts} |")
    return lines


def _block_md(block: outline.Block) -> list[str]:
    """One block as Markdown lines, without the blank line after it."""
    match block:
        case outline.Heading(text):
            return [f"### {text}"]
        case outline.Note(text, stands_in):
            return [f"({text})" if stands_in else text]
        case outline.Writing(markdown):
            return [markdown]
        case outline.Paragraph(text, label):
            return [f"{label}: {text}" if label else text]
        case outline.ActionTable(actions):
            return _actions_md(actions)
        case outline.ExperimentStages(title, state, note, stages):
            lead = f"**{title}** — {state}" + (f" ({note})" if note else "")
            return [lead, "", *(f"- *{label}:* {text}" for label, text in stages)]
        case outline.Chart(balance):
            rows = [f"| {label} | {count} |" for label, count in balance.counts]
            return ["| Domain | Entries and cycles |", "|---|---|", *rows]
        case outline.Quote(item):
            return [f"### {item.title}", _meta_md(item), "", item.text]
        case outline.FiguresTable(table):
            return _figures_md(table)


def to_markdown(summary: SupervisionSummary) -> str:
    """The summary as Markdown, with the sections in docs/domain.md's order."""
    tree = outline.build_outline(summary)
    lines = [f"# {tree.title}", ""]
    lines += [
        f"**{label}:** {value}" + ("  " if n < len(tree.meta) - 1 else "")
        for n, (label, value) in enumerate(tree.meta)
    ]
    lines.append("")
    for section in tree.sections:
        lines += [f"## {section.title}", ""]
        for block in section.blocks:
            lines += [*_block_md(block), ""]
    return "\n".join(lines).rstrip() + "\n"


_CSS = """
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
       color: #1b1b1b; }
h1 { font-size: 20pt; margin-bottom: 0.2em; }
h2 { font-size: 14pt; border-bottom: 1px solid #bbb; padding-bottom: 0.15em; margin-top: 1.6em;
     break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin-bottom: 0.2em; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 11pt; margin: 0.8em 0 0.2em 0; break-after: avoid; page-break-after: avoid; }
.meta { color: #444; margin: 0 0 1em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0; font-size: 10pt; }
th, td { border: 1px solid #bbb; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #eef2f7; }
table.chart th, table.chart td { border: none; background: none; padding: 3px 0;
                               vertical-align: middle; }
table.chart th { color: #444; font-weight: normal; }
table.bar { margin: 0; }
table.bar td { padding: 0; }
caption { text-align: left; font-weight: bold; margin-top: 1.2em; padding-bottom: 0.3em; }
table.figures { margin-top: 0.3em; }
table.figures th[scope="row"] { font-weight: normal; background: none; }
td.count, th.count { text-align: right; }
.muted { color: #555; font-style: italic; }
.overdue { color: #a00; font-weight: bold; }
.nowrap { white-space: nowrap; }
.experiment, .excerpt { break-inside: avoid; page-break-inside: avoid; margin-bottom: 0.8em; }
@page { size: A4; margin: 18mm; }
@media print { a { color: inherit; } }
"""
# A readable column on screen. Last, and behind a media feature, because Qt's rich text (the
# PDF and the preview) drops the rule and everything after it: its "auto" margins would
# otherwise indent every table.
_SCREEN_CSS = """
@media screen and (min-width: 1px) {
  body { max-width: 46em; margin: 2em auto; padding: 0 1em; }
}
"""

# An entry's own headings sit under the entry's title (h3), whatever level they were written at.
_ENTRY_HEADING = re.compile(r"<(/?)h[1-6]>")


def _md(text: str) -> str:
    """Entry Markdown as HTML, its headings made h4 so they never outrank the summary's."""
    if not text.strip():
        return "<p>—</p>"
    return _ENTRY_HEADING.sub(r"<\1h4>", render_markdown(text))


def _quote_html(item: Excerpt) -> str:
    domains = f" · {escape(', '.join(item.domains))}" if item.domains else ""
    note = f" · {escape(item.note)}" if item.note else ""
    return (
        f'<div class="excerpt"><h3>{escape(item.title)}</h3>'
        f'<p class="muted">{escape(item.date)}{domains}{note}</p>{_md(item.text)}</div>'
    )


def _actions_html(actions: tuple[ActionLine, ...]) -> str:
    rows = []
    for a in actions:
        agreed = f'<br><span class="muted">agreed {escape(a.agreed)}</span>' if a.agreed else ""
        status = escape(a.status) + (" (overdue)" if a.overdue else "")
        happened = escape(a.progress)
        if a.evidence:
            happened += (
                "<br>" if a.progress else ""
            ) + f"<em>{escape(outline.evidence_text(a))}</em>"
        rows.append(
            f"<tr><td>{escape(a.what)}{agreed}</td><td>{escape(a.with_whom)}</td>"
            f'<td class="nowrap">{escape(outline.unbroken(a.by_when))}</td>'
            f"<td{OVERDUE_CLASS if a.overdue else ''}>{status}</td>"
            f"<td>{happened}</td></tr>"
        )
    header = "".join(
        f'<th width="{w}%" class="nowrap">{escape(outline.unbroken(name))}</th>'
        for name, w in outline.ACTION_COLUMNS
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _experiment_html(block: outline.ExperimentStages) -> str:
    note = f" ({escape(block.note)})" if block.note else ""
    widths = ['<th width="22%">'] + ["<th>"] * (len(block.stages) - 1)
    rows = "".join(
        f"<tr>{th}{escape(label)}</th><td>{escape(text)}</td></tr>"
        for th, (label, text) in zip(widths, block.stages, strict=True)
    )
    return (
        f'<div class="experiment"><p><strong>{escape(block.title)}</strong> — '
        f"{escape(block.state)}{note}</p><table>{rows}</table></div>"
    )


def _figures_html(table: Table) -> str:
    """An Insights table: its caption, headings a screen reader announces, counts on the right.

    The widths and alignment are attributes too, as Qt's rich text (the PDF) reads those. A
    column's width is its share of the table's, which may be narrower than the page.
    """
    widths = outline.figures_widths(table)
    width = sum(widths)
    shares = [round(100 * w / width) for w in widths]
    head = f'<th scope="col" width="{shares[0]}%" align="left">{escape(table.row_heading)}</th>'
    head += "".join(
        f'<th scope="col" class="count" width="{w}%" align="right">{escape(name)}</th>'
        for name, w in zip(table.columns, shares[1:], strict=True)
    )
    rows = "".join(
        f'<tr><th scope="row" align="left">{escape(row.label)}</th>'
        + "".join(f'<td class="count" align="right">{c.count}</td>' for c in row.cells)
        + "</tr>"
        for row in table.rows
    )
    return (
        f'<table class="figures" width="{width}%" style="width: {width}%">'
        f"<caption>{escape(table.caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    )


def balance_chart_and_table(balance: Balance) -> str:
    """The balance as the HTML file shows it: the SVG chart, then the counts as a table."""
    return (
        balance_svg(balance)
        + "<table><thead><tr><th>Domain</th><th>Entries and cycles</th></tr></thead>"
        + "".join(f"<tr><td>{escape(label)}</td><td>{n}</td></tr>" for label, n in balance.counts)
        + "</table>"
    )


def to_html(
    summary: SupervisionSummary,
    *,
    balance_html: Callable[[Balance], str] = balance_chart_and_table,
) -> str:
    """The summary as one HTML file: no external files, fonts or scripts; prints on A4.

    `balance_html` draws the domain balance; the PDF passes a chart Qt can lay out.
    """
    tree = outline.build_outline(summary)
    meta = [f"<strong>{label}:</strong> {escape(value)}" for label, value in tree.meta]
    body = [f"<h1>{escape(tree.title)}</h1>", f'<p class="meta">{"<br>".join(meta)}</p>']
    for section in tree.sections:
        body.append(f"<h2>{escape(section.title)}</h2>")
        body += [_block_html(block, balance_html) for block in section.blocks]
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(tree.title)}</title><style>{_CSS}{_SCREEN_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def _block_html(block: outline.Block, balance_html: Callable[[Balance], str]) -> str:
    """One block as HTML."""
    match block:
        case outline.Heading(text):
            return f"<h3>{escape(text)}</h3>"
        case outline.Note(text):
            return f'<p class="muted">{escape(text)}</p>'
        case outline.Writing(markdown):
            return _md(markdown)
        case outline.Paragraph(text, label):
            lead = f"<strong>{escape(label)}:</strong> " if label else ""
            return f"<p>{lead}{escape(text)}</p>"
        case outline.ActionTable(actions):
            return _actions_html(actions)
        case outline.ExperimentStages():
            return _experiment_html(block)
        case outline.Chart(balance):
            return balance_html(balance)
        case outline.Quote(item):
            return _quote_html(item)
        case outline.FiguresTable(table):
            return _figures_html(table)
