"""The summary as Markdown and as one self-contained HTML file that prints well."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from app.rendering import render_markdown
from app.summary.chart import balance_svg
from app.summary.model import ActionLine, Balance, Excerpt, SupervisionSummary

NONE_YET = "None in this period."
NOT_WRITTEN = "Not written yet."
NO_COMMENTS = "No coach comments yet."
NO_SESSION = "No earlier session is recorded."
NO_ACTIONS = "No actions were agreed at that session."
STILL_OPEN = "Still open from earlier sessions"
EMPTY_NOTES = (NONE_YET, NOT_WRITTEN, NO_COMMENTS, NO_SESSION)
"""What an empty section says (the PDF keeps these with what comes before them)."""
NBSP = "\u00a0"
OVERDUE_CLASS = ' class="overdue"'


def last_session_heading(summary: SupervisionSummary) -> str:
    """The heading over the actions agreed at the last session."""
    return f"Agreed at the last session: {summary.last_session}"


def unbroken(text: str) -> str:
    """`text` with its spaces made non-breaking, so a date in a table never splits."""
    return text.replace(" ", NBSP)


def evidence_text(action: ActionLine) -> str:
    """The evidence of change as one line; empty when there is none."""
    return f"Evidence: {'; '.join(action.evidence)}" if action.evidence else ""


def _meta_md(item_date: str, domains: tuple[str, ...], note: str) -> str:
    domains_text = f" ({', '.join(domains)})" if domains else ""
    return f"*{item_date}{domains_text}{f' — {note}' if note else ''}*"


def _excerpts_md(items: tuple[Excerpt, ...]) -> list[str]:
    if not items:
        return [NONE_YET, ""]
    out = []
    for item in items:
        out += [f"### {item.title}", _meta_md(item.date, item.domains, item.note), "", item.text]
        out.append("")
    return out


def header_pairs(summary: SupervisionSummary) -> list[tuple[str, str]]:
    """The labelled lines under the title: whose summary, for which session, what period."""
    pairs = [("Name", summary.name)] if summary.name else []
    pairs.append(("Role", summary.role))
    if summary.programme:
        pairs.append(("Programme", summary.programme))
    return [*pairs, ("For the session", summary.session), ("Period covered", summary.period)]


def _actions_md(actions: tuple[ActionLine, ...]) -> list[str]:
    lines = [
        "| " + " | ".join(name for name, _ in ACTION_COLUMNS) + " |",
        "|" + "---|" * len(ACTION_COLUMNS),
    ]
    for a in actions:
        status = a.status + (" (overdue)" if a.overdue else "")
        what = a.what + (f" (agreed {a.agreed})" if a.agreed else "")
        happened = " ".join(part for part in (a.progress, evidence_text(a)) if part)
        cells = [what, a.with_whom, a.by_when, status, happened]
        lines.append(
            "| " + " | ".join(c.replace("|", "/").replace("\n", " ") for c in cells) + " |"
        )
    return [*lines, ""]


def to_markdown(summary: SupervisionSummary) -> str:
    """The summary as Markdown, with the sections in docs/domain.md's order."""
    t = SupervisionSummary.SECTION_TITLES
    pairs = header_pairs(summary)
    lines = [f"# {summary.title}", ""]
    lines += [
        f"**{label}:** {value}" + ("  " if n < len(pairs) - 1 else "")
        for n, (label, value) in enumerate(pairs)
    ]
    lines += ["", f"## 1. {t[0]}", "", summary.wants or f"({NOT_WRITTEN})", "", f"## 2. {t[1]}", ""]
    if summary.last_session:
        lines += [f"### {last_session_heading(summary)}", ""]
        lines += _actions_md(summary.actions) if summary.actions else [NO_ACTIONS, ""]
    elif not summary.open_earlier:
        lines += [NO_SESSION, ""]
    if summary.open_earlier:
        lines += [f"### {STILL_OPEN}", "", *_actions_md(summary.open_earlier)]
    lines += [f"## 3. {t[2]}", ""]
    if not summary.inquiries:
        lines += [NONE_YET, ""]
    for group in summary.inquiries:
        lines += [f"### {group.question}", ""]
        for e in group.experiments:
            lines += [
                f"**{e.title}** — {e.status}; loop reached: {e.loop}"
                + (f" ({e.note})" if e.note else ""),
                "",
                f"- *Intention:* {e.intention or '—'}",
                f"- *What I did:* {e.action or '—'}",
                f"- *What happened:* {e.outcome or '—'}",
                f"- *Learning:* {e.learning or '—'}",
                "",
            ]
    lines += [f"## 4. {t[3]}", "", "| Domain | Entries and cycles |", "|---|---|"]
    lines += [f"| {label} | {count} |" for label, count in summary.balance.counts]
    lines.append("")
    if summary.balance.note:
        lines += [summary.balance.note, ""]
    if summary.balance.themes:
        themes = ", ".join(f"{name} ({n})" for name, n in summary.balance.themes)
        lines += [f"Themes: {themes}", ""]
    lines += [f"## 5. {t[4]}", "", *_excerpts_md(summary.flagged)]
    lines += [f"## 6. {t[5]}", "", *_excerpts_md(summary.feedback)]
    lines += [f"## 7. {t[6]}", "", *_excerpts_md(summary.support)]
    lines += [f"## 8. {t[7]}", ""]
    lines += _excerpts_md(summary.comments) if summary.comments else [NO_COMMENTS, ""]
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

# Column widths as HTML attributes, which both browsers and Qt's rich text honour. "By" holds
# "30 September 2026" on one line in Word's Calibri and Qt's sans at 10 pt; the evidence shares
# a column with what happened so that no column is too narrow for its words.
ACTION_COLUMNS = (
    ("Action", 27),
    ("With", 13),
    ("By", 20),
    ("Status", 16),
    ("What happened", 24),
)
BY_COLUMN = 2


# An entry's own headings sit under the entry's title (h3), whatever level they were written at.
_ENTRY_HEADING = re.compile(r"<(/?)h[1-6]>")


def _md(text: str) -> str:
    """Entry Markdown as HTML, its headings made h4 so they never outrank the summary's."""
    if not text.strip():
        return "<p>—</p>"
    return _ENTRY_HEADING.sub(r"<\1h4>", render_markdown(text))


def _excerpts_html(items: tuple[Excerpt, ...], empty: str = NONE_YET) -> str:
    if not items:
        return f'<p class="muted">{escape(empty)}</p>'
    parts = []
    for item in items:
        domains = f" · {escape(', '.join(item.domains))}" if item.domains else ""
        note = f" · {escape(item.note)}" if item.note else ""
        parts.append(
            f'<div class="excerpt"><h3>{escape(item.title)}</h3>'
            f'<p class="muted">{escape(item.date)}{domains}{note}</p>{_md(item.text)}</div>'
        )
    return "".join(parts)


def _actions_html(actions: tuple[ActionLine, ...]) -> str:
    rows = []
    for a in actions:
        agreed = f'<br><span class="muted">agreed {escape(a.agreed)}</span>' if a.agreed else ""
        status = escape(a.status) + (" (overdue)" if a.overdue else "")
        happened = escape(a.progress)
        if a.evidence:
            happened += ("<br>" if a.progress else "") + f"<em>{escape(evidence_text(a))}</em>"
        rows.append(
            f"<tr><td>{escape(a.what)}{agreed}</td><td>{escape(a.with_whom)}</td>"
            f'<td class="nowrap">{escape(unbroken(a.by_when))}</td>'
            f"<td{OVERDUE_CLASS if a.overdue else ''}>{status}</td>"
            f"<td>{happened}</td></tr>"
        )
    header = "".join(
        f'<th width="{w}%" class="nowrap">{escape(unbroken(name))}</th>'
        for name, w in ACTION_COLUMNS
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _actions_section_html(summary: SupervisionSummary) -> str:
    parts = []
    if summary.last_session:
        parts.append(f"<h3>{escape(last_session_heading(summary))}</h3>")
        parts.append(
            _actions_html(summary.actions)
            if summary.actions
            else f'<p class="muted">{NO_ACTIONS}</p>'
        )
    elif not summary.open_earlier:
        parts.append(f'<p class="muted">{NO_SESSION}</p>')
    if summary.open_earlier:
        parts += [f"<h3>{STILL_OPEN}</h3>", _actions_html(summary.open_earlier)]
    return "".join(parts)


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
    t = SupervisionSummary.SECTION_TITLES
    meta = [f"<strong>{label}:</strong> {escape(value)}" for label, value in header_pairs(summary)]
    body = [f"<h1>{escape(summary.title)}</h1>", f'<p class="meta">{"<br>".join(meta)}</p>']
    body += [
        f"<h2>1. {t[0]}</h2>",
        _md(summary.wants) if summary.wants else f'<p class="muted">{NOT_WRITTEN}</p>',
    ]
    body += [f"<h2>2. {t[1]}</h2>", _actions_section_html(summary)]
    body.append(f"<h2>3. {t[2]}</h2>")
    if not summary.inquiries:
        body.append(f'<p class="muted">{NONE_YET}</p>')
    for group in summary.inquiries:
        body.append(f"<h3>{escape(group.question)}</h3>")
        for e in group.experiments:
            body.append(
                f'<div class="experiment"><p><strong>{escape(e.title)}</strong> — '
                f"{escape(e.status)}; loop reached: {escape(e.loop)}"
                f"{f' ({escape(e.note)})' if e.note else ''}</p><table>"
                f'<tr><th width="22%">Intention</th><td>{escape(e.intention or "—")}</td></tr>'
                f"<tr><th>What I did</th><td>{escape(e.action or '—')}</td></tr>"
                f"<tr><th>What happened</th><td>{escape(e.outcome or '—')}</td></tr>"
                f"<tr><th>Learning</th><td>{escape(e.learning or '—')}</td></tr></table></div>"
            )
    body.append(f"<h2>4. {t[3]}</h2>{balance_html(summary.balance)}")
    if summary.balance.note:
        body.append(f"<p>{escape(summary.balance.note)}</p>")
    if summary.balance.themes:
        themes = ", ".join(f"{escape(name)} ({n})" for name, n in summary.balance.themes)
        body.append(f"<p><strong>Themes:</strong> {themes}</p>")
    body += [f"<h2>5. {t[4]}</h2>", _excerpts_html(summary.flagged)]
    body += [f"<h2>6. {t[5]}</h2>", _excerpts_html(summary.feedback)]
    body += [f"<h2>7. {t[6]}</h2>", _excerpts_html(summary.support)]
    body += [f"<h2>8. {t[7]}</h2>", _excerpts_html(summary.comments, NO_COMMENTS)]
    return (
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">'
        f"<title>{escape(summary.title)}</title><style>{_CSS}{_SCREEN_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )
