"""Counting things in plain English, for messages the core and the window both show."""

from __future__ import annotations


def counted(count: int, one: str, many: str) -> str:
    """ "1 comment", "3 comments"."""
    return f"{count} {one if count == 1 else many}"


def joined(parts: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]
