"""The privacy check applied to a whole summary before it leaves the device.

Every piece of text in the summary is scanned; each finding is then either redacted or
explicitly kept by the participant.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from app.privacy.check import Finding, redact, scan

Path = tuple[str | int, ...]
T = TypeVar("T")


@dataclass(frozen=True)
class LocatedFinding:
    """A finding and the piece of text it sits in."""

    path: Path
    text: str
    finding: Finding

    @property
    def where(self) -> str:
        """Where it is, in words ("inquiries 1, experiments 2, outcome")."""
        parts = []
        for step in self.path:
            parts.append(f"{step + 1}" if isinstance(step, int) else step.replace("_", " "))
        return ", ".join(parts)

    @property
    def key(self) -> tuple[Path, int, int]:
        """Identity of this finding within the summary."""
        return (self.path, self.finding.start, self.finding.end)


def _texts(value: object, path: Path = ()) -> Iterator[tuple[Path, str]]:
    if isinstance(value, str):
        yield path, value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _texts(getattr(value, item.name), (*path, item.name))
    elif isinstance(value, tuple):
        for n, item in enumerate(value):
            yield from _texts(item, (*path, n))


def find_in(document: object) -> list[LocatedFinding]:
    """Every finding in every piece of text of a summary (or any frozen dataclass)."""
    return [
        LocatedFinding(path, text, finding)
        for path, text in _texts(document)
        for finding in scan(text)
    ]


def apply_redactions(document: T, chosen: Iterable[LocatedFinding]) -> T:
    """A copy of the document with the chosen findings replaced by their labels."""
    by_path: dict[Path, list[Finding]] = {}
    for located in chosen:
        by_path.setdefault(located.path, []).append(located.finding)
    return cast(T, _rebuild(document, (), by_path))


def _rebuild(value: Any, path: Path, by_path: dict[Path, list[Finding]]) -> Any:
    if isinstance(value, str):
        return redact(value, by_path[path]) if path in by_path else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _rebuild(getattr(value, f.name), (*path, f.name), by_path)
            for f in dataclasses.fields(value)
        }
        return dataclasses.replace(value, **changes)
    if isinstance(value, tuple):
        return tuple(_rebuild(item, (*path, n), by_path) for n, item in enumerate(value))
    return value
