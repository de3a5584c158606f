"""A whole cycle as one HTML page: the facts about it, then each stage's title and text.

The participant's words go through render_markdown (sanitised, nothing fetched); everything
else is escaped here. Links to the previous and next cycle use the `cycle:` scheme.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass

from app.ui.cycles.flow_steps import cycle_stages
from app.ui.widgets.captions import day_text, domains_text
from app.ui.widgets.dates import local_day
from app.writing.cycle_records import LEADERSHIP_DIMENSIONS, CycleRecord, InquiryRecord
from app.writing.links import ItemLink
from app.writing.rendering import render_markdown
from app.writing.templates import Template

CYCLE_SCHEME = "cycle"
NOT_WRITTEN = "Not written yet."
CARRIED_HEADING = "Carried over from the last cycle"


@dataclass(frozen=True)
class LinkedCycle:
    """A neighbouring cycle to link to."""

    id: str
    title: str


def cycle_page_html(
    cycle: CycleRecord,
    template: Template | None,
    inquiry: InquiryRecord | None,
    previous: LinkedCycle | None = None,
    following: LinkedCycle | None = None,
    carried: str = "",
    live: Callable[[ItemLink], bool] | None = None,
) -> str:
    """The cycle as one page of HTML; `carried` is the plan the cycle before handed on.

    With `live`, links to other items that it accepts are links (render_markdown)."""
    e = html.escape
    parts = [f"<h1>{e(cycle.display_title)}</h1>"]
    if inquiry is not None:
        parts.append(f"<p><i>Line of inquiry:</i> {e(inquiry.question)}</p>")
    facts = [
        ("Template", template.name if template else "(template no longer available)"),
        ("Status", cycle.status.label),
        ("Loop reached", cycle.loop.label),
        ("Experiment date", day_text(cycle.experiment_date) if cycle.experiment_date else ""),
        ("Started", local_day(cycle.created)),
        ("Last written", local_day(cycle.updated)),
        ("Domains", domains_text(cycle.domains)),
        (
            "Leadership dimensions",
            ", ".join(LEADERSHIP_DIMENSIONS.get(d, d) for d in cycle.dimensions),
        ),
        ("Tags", ", ".join(cycle.tags)),
    ]
    rows = "".join(
        f"<tr><td><b>{e(name)}</b></td><td>{e(value)}</td></tr>" for name, value in facts if value
    )
    parts.append(f"<table class='facts' cellpadding='2'>{rows}</table>")
    links = []
    if previous is not None:
        links.append(f"Follows: {_link(previous)}")
    if following is not None:
        links.append(f"Led to: {_link(following)}")
    if links:
        parts.append(f"<p>{' &nbsp;·&nbsp; '.join(links)}</p>")
    if carried.strip():
        parts.append(f"<h2>{CARRIED_HEADING}</h2>")
        parts.append(render_markdown(carried, live))
    for number, stage in enumerate(cycle_stages(cycle, template), start=1):
        parts.append(f"<h2>{number}. {e(stage.title)}</h2>")
        if stage.prompt:
            parts.append(f"<p class='prompt'><i>{e(stage.prompt)}</i></p>")
        text = cycle.text(stage.id)
        parts.append(
            render_markdown(text, live) if text.strip() else f"<p><i>{NOT_WRITTEN}</i></p>"
        )
    return "\n".join(parts)


def _link(cycle: LinkedCycle) -> str:
    return f"<a href='{CYCLE_SCHEME}:{html.escape(cycle.id)}'>{html.escape(cycle.title)}</a>"
