"""A template described as HTML for the templates dialog: intro, source and its stages."""

from __future__ import annotations

import html

from app.ui.widgets.captions import domains_text
from app.ui.widgets.item_list import ListItem
from app.writing.templates import StageTiming, Template, TemplateProblem

_WHEN = {StageTiming.BEFORE: "before the experiment", StageTiming.AFTER: "after"}


def template_html(template: Template) -> str:
    """Name, where it comes from, its intro and each stage with its prompt."""
    e = html.escape
    origin = "Built in" if template.shipped else "Your template"
    if template.origin is not None and not template.shipped:
        origin += f" ({template.origin.name})"
    parts = [f"<h2>{e(template.name)}</h2>", f"<p><i>{e(origin)}</i></p>"]
    if template.source:
        parts.append(f"<p><b>Source:</b> {e(template.source)}</p>")
    if template.intro:
        parts.append(f"<p>{e(template.intro)}</p>")
    parts.append(
        f"<p><b>Starts with the domain(s):</b> {e(domains_text(template.default_domains))}</p>"
    )
    items = []
    for stage in template.stages:
        flags = [_WHEN[stage.when]] + ([] if stage.required else ["optional"])
        items.append(
            f"<li><b>{e(stage.title)}</b> <i>({e(', '.join(flags))})</i><br>{e(stage.prompt)}</li>"
        )
    parts.append(f"<ol>{''.join(items)}</ol>")
    return "".join(parts)


def problems_html(problems: list[TemplateProblem]) -> str:
    """Each skipped file by name, with what is wrong with it."""
    rows = "".join(
        f"<li><b>{html.escape(p.file.name)}</b>: {html.escape(p.message)}</li>" for p in problems
    )
    return f"<ul>{rows}</ul>"


def template_item(template: Template) -> ListItem:
    """A template as a list row: its name, then where it comes from."""
    origin = "Built in" if template.shipped else "Your template"
    detail = f"{origin} · {template.source}" if template.source else origin
    return ListItem(template.id, template.name, detail)
