"""Looking back: an earlier cycle comes back now and then, with what was learned."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from app.home.looking_back import LookingBackService
from app.journal.opening import Journal
from tests.support.data import reviewed_cycle

TODAY = date(2026, 12, 3)


def _reviewed(journal: Journal, title: str, days_ago: int, learning: str = "Ask first.") -> str:
    """A cycle reviewed `days_ago` days before TODAY, in its own line of inquiry."""
    when = datetime.combine(TODAY - timedelta(days=days_ago), time(12), tzinfo=UTC)
    return reviewed_cycle(journal, title, when, learning)


def test_a_cycle_comes_back_a_month_a_quarter_or_a_year_on(journal: Journal) -> None:
    month = _reviewed(journal, "Ask at huddle", 32, "People   speak when\nasked first.")
    _reviewed(journal, "Too recent", 10)
    _reviewed(journal, "Between marks", 60)
    service = LookingBackService(journal)
    found = service.pick(TODAY)
    assert found is not None
    assert (found.cycle_id, found.title, found.when) == (month, "Ask at huddle", "a month ago")
    assert found.question == "Ask at huddle?"
    assert found.learning == "People speak when asked first."
    assert service.pick(TODAY, set_aside={month}) is None
    assert service.pick(TODAY + timedelta(days=12)) is None  # 22, 44 and 72 days: no mark
    later = service.pick(TODAY + timedelta(days=30))  # 90 days on: the quarter mark
    assert later is not None and (later.title, later.when) == ("Between marks", "three months ago")


def test_a_line_still_being_worked_on_comes_first_then_the_nearest_mark(
    journal: Journal,
) -> None:
    _reviewed(journal, "A year on", 368)
    near = _reviewed(journal, "Quarter, near", 91)
    _reviewed(journal, "Quarter, further", 95)
    assert LookingBackService(journal).pick(TODAY).cycle_id == near  # type: ignore[union-attr]

    still_going = _reviewed(journal, "Still going", 97)
    inquiry = journal.cycles.get(still_going).inquiry_id
    journal.cycles.start_cycle(inquiry, "action-inquiry", title="Next experiment")
    assert LookingBackService(journal).pick(TODAY).cycle_id == still_going  # type: ignore[union-attr]


def test_nothing_learned_means_nothing_to_bring_back(journal: Journal) -> None:
    emptied = _reviewed(journal, "Learning emptied since", 30)
    journal.cycles.save_stage(emptied, "learning", "   ")
    assert LookingBackService(journal).pick(TODAY + timedelta(days=1)) is None
