"""Where a privacy finding sits in a summary, in the summary's own words."""

from __future__ import annotations

from itertools import pairwise

from app.summary.contents import SupervisionSummary
from app.summary.privacy import LocatedFinding

_T = SupervisionSummary.SECTION_TITLES
SECTIONS = {
    "title": "Heading",
    "role": "Heading",
    "name": "Heading",
    "programme": "Heading",
    "session": "Heading",
    "period": "Heading",
    "wants": _T[0],
    "actions": _T[1],
    "last_session": _T[1],
    "open_earlier": _T[1],
    "inquiries": _T[2],
    "balance": _T[3],
    "flagged": _T[4],
    "feedback": _T[5],
    "support": _T[6],
    "comments": _T[7],
    "insights": SupervisionSummary.INSIGHTS_TITLE,
}
NUMBERED = {"columns": "column heading"}
"""Fields whose items are named by their place: "column heading 3"."""
HEADER_FIELDS = ("title", "role", "name", "programme", "session", "period")
FIELDS = {
    "what": "the action",
    "with_whom": "with whom",
    "by_when": "by when",
    "progress": "what happened",
    "evidence": "evidence",
    "question": "the question",
    "intention": "intention",
    "action": "what I did",
    "outcome": "what happened",
    "learning": "learning",
    "text": "text",
    "title": "title",
    "date": "date",
    "agreed": "when agreed",
    "themes": "themes",
    "note": "note",
    "caption": "caption",
    "rows": "rows",
    "label": "label",
    "gaps": "dimensions not ticked",
}


def _name_of(value: object) -> str:
    """The words a person would know an item by: its title, question or action."""
    for attr in ("title", "question", "what"):
        name = getattr(value, attr, None)
        if isinstance(name, str) and name.strip():
            return f"“{name.strip()}”"
    return ""


def place_of(summary: SupervisionSummary, located: LocatedFinding) -> str:
    """E.g. "Dilemmas and entries to bring › “Bed meeting, Thursday” › text"."""
    path = located.path
    if not path or not isinstance(path[0], str) or path[0] not in SECTIONS:
        return located.where
    parts = [SECTIONS[path[0]]]
    value: object = getattr(summary, path[0], None)
    for previous, step in pairwise(path):
        if isinstance(step, int):
            if not isinstance(value, tuple) or not 0 <= step < len(value):
                return located.where
            value = value[step]
            if isinstance(previous, str) and previous in NUMBERED:
                parts[-1] = f"{NUMBERED[previous]} {step + 1}"
            else:
                parts.append(_name_of(value) or f"item {step + 1}")
        else:
            value = getattr(value, step, None)
            parts.append(FIELDS.get(step, step.replace("_", " ")))
    # A field named like its section ("wants" in "What I want…") adds nothing.
    if len(path) == 1 and path[0] not in HEADER_FIELDS:
        return parts[0]
    if parts[0] == "Heading":
        parts[1:] = [path[0]]
    return " › ".join(parts)
