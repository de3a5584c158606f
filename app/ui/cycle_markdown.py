"""A cycle as one read-only Markdown page, for showing a cycle found by search."""

from __future__ import annotations

from app.cycles_model import CycleRecord
from app.ui.dates import local_day

FOUND_MARK = "▸ "


def cycle_markdown(cycle: CycleRecord, found_stage_id: str = "") -> str:
    """Status, loop and date, then each stage written, the stage the search found marked."""
    facts = f"*{cycle.status.label} · {cycle.loop.label} · started {local_day(cycle.created)}*"
    parts = [facts]
    for stage in cycle.stages:
        if not stage.text.strip():
            continue
        mark = FOUND_MARK if stage.stage_id == found_stage_id else ""
        parts.append(f"## {mark}{stage.title}\n\n{stage.text.strip()}")
    if len(parts) == 1:
        parts.append("Nothing written in this cycle yet.")
    return "\n\n".join(parts)
