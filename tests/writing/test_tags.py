"""Tags per entry or cycle are capped, and setting many costs a fixed number of statements."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from app.errors import ImportRejectedError, JournalError
from app.journal.opening import Journal
from app.transfer import TransferService
from app.writing.domains import Domain
from app.writing.tags import MAX_TAGS


class StatementCount:
    """Counts the SQL statements sent to the database while active."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, *_args: Any) -> None:
        self.count += 1


@pytest.fixture
def statements(journal: Journal) -> Iterator[StatementCount]:
    counter = StatementCount()
    event.listen(journal.engine, "before_cursor_execute", counter)
    yield counter
    event.remove(journal.engine, "before_cursor_execute", counter)


def _tags(prefix: str, n: int) -> list[str]:
    return [f"{prefix}{i}" for i in range(n)]


def _statements_to_create(journal: Journal, statements: StatementCount, tags: list[str]) -> int:
    before = statements.count
    journal.entries.create("Tagged", "Body.", [Domain.TEAM], tags)
    return statements.count - before


def test_fifty_tags_cost_the_same_few_statements_as_two(
    journal: Journal, statements: StatementCount
) -> None:
    journal.entries.create("Seed", "Body.", [], _tags("old", MAX_TAGS))
    # Half the tags exist already (in another spelling), half are new.
    few = _statements_to_create(journal, statements, ["OLD0", "fresh0"])
    many = _tags("OLD", MAX_TAGS // 2) + _tags("new", MAX_TAGS // 2)
    lots = _statements_to_create(journal, statements, many)
    assert lots == few
    assert lots <= 12
    entry = journal.entries.get(journal.entries.summaries(limit=1)[0].id)
    assert sorted(entry.tags) == sorted(_tags("old", MAX_TAGS // 2) + _tags("new", MAX_TAGS // 2))
    assert len(journal.entries.all_tags()) == MAX_TAGS + MAX_TAGS // 2 + 1


def test_saving_fifty_changed_tags_costs_a_fixed_number_of_statements(
    journal: Journal, statements: StatementCount
) -> None:
    entry = journal.entries.create("Tagged", "Body.", [], ["a"])

    def save_with(tags: list[str]) -> int:
        before = statements.count
        journal.entries.save(entry.id, title="Tagged", body="Body.", domains=[], tags=tags)
        return statements.count - before

    assert save_with(_tags("x", MAX_TAGS)) == save_with(["y1", "y2"])
    assert journal.entries.get(entry.id).tags == ("y1", "y2")


def test_more_tags_than_the_cap_are_refused_and_nothing_changes(
    journal: Journal, tmp_path: Path
) -> None:
    too_many = _tags("t", MAX_TAGS + 1)
    with pytest.raises(JournalError, match=f"at most {MAX_TAGS} tags.*has {MAX_TAGS + 1}"):
        journal.entries.create("Too many", "Body.", [], too_many)
    assert journal.entries.count() == 0
    assert journal.entries.all_tags() == []

    entry = journal.entries.create("Kept", "Old body.", [], ["keep"])
    with pytest.raises(JournalError, match=f"at most {MAX_TAGS} tags"):
        journal.entries.save(entry.id, title="Kept", body="New body.", domains=[], tags=too_many)
    assert journal.entries.get(entry.id).body == "Old body."
    assert journal.entries.get(entry.id).tags == ("keep",)

    inquiry = journal.cycles.create_inquiry("How do I listen better?", domains=[Domain.TEAM])
    cycle = journal.cycles.start_cycle(inquiry.id, "kolb", domains=[Domain.TEAM])
    with pytest.raises(JournalError, match=f"at most {MAX_TAGS} tags"):
        journal.cycles.update_cycle(cycle.id, title="Changed", tags=too_many)
    assert journal.cycles.get(cycle.id).title == cycle.title
    assert journal.cycles.get(cycle.id).tags == ()
    # Exactly the cap is fine; repeats in another case count once.
    journal.entries.save(
        entry.id, title="Kept", body="Old body.", domains=[], tags=[*_tags("t", MAX_TAGS), "T0"]
    )
    assert len(journal.entries.get(entry.id).tags) == MAX_TAGS


def test_an_import_with_too_many_tags_on_an_entry_is_refused(
    journal: Journal, tmp_path: Path
) -> None:
    journal.entries.create("E", "b", [], ["one"])
    document = TransferService(journal).document()
    document["entries"][0]["tags"] = _tags("t", MAX_TAGS + 1)
    path = tmp_path / "many.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ImportRejectedError, match=f"has {MAX_TAGS + 1} tags"):
        TransferService(journal).import_json(path)
    assert journal.entries.get(journal.entries.all_ids()[0]).tags == ("one",)
