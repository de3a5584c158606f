"""The three domains of experience every entry and cycle can be tagged with."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Domain(StrEnum):
    """A domain of experience; the value is the stable code stored and exported."""

    INDIVIDUAL = "individual"
    TEAM = "team"
    ORGANISATION = "organisation"

    @property
    def label(self) -> str:
        """The name shown to people."""
        return _INFO[self].label

    @property
    def explanation(self) -> str:
        """One line saying what the domain covers."""
        return _INFO[self].explanation


@dataclass(frozen=True)
class _DomainInfo:
    label: str
    explanation: str


_INFO = {
    Domain.INDIVIDUAL: _DomainInfo(
        "Individual", "Me: my behaviour, intentions, feelings and impact on others."
    ),
    Domain.TEAM: _DomainInfo(
        "Team or service", "My team or service and the relationships I work through."
    ),
    Domain.ORGANISATION: _DomainInfo(
        "Organisation and wider context",
        "The organisation, system, policy, culture, partners and communities.",
    ),
}


def parse_domains(values: list[str] | tuple[str, ...]) -> tuple[Domain, ...]:
    """Turn codes such as "team" into domains, in the canonical order, without repeats.

    Raises ValueError naming the unknown code.
    """
    found: set[Domain] = set()
    for value in values:
        try:
            found.add(Domain(value.strip().lower()))
        except ValueError:
            codes = ", ".join(d.value for d in Domain)
            raise ValueError(f"'{value}' is not a domain; use one of: {codes}.") from None
    return tuple(d for d in Domain if d in found)


def in_order(domains: Iterable[Domain]) -> list[Domain]:
    """The given domains without repeats, in the canonical individual-team-organisation order."""
    wanted = set(domains)
    return [d for d in Domain if d in wanted]
