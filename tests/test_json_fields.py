"""The one reader of untrusted JSON fields: each kind accepted, and refused with the caller's
own error type and words, whatever the value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import (
    BackupError,
    ImportRejectedError,
    JournalError,
    NotAJournalError,
    StorageError,
)
from app.journal.backup_settings import SETTINGS_NAME, read_settings
from app.journal.interrupted import PENDING_NAME, read_pending
from app.json_fields import FieldReader, Wording, parse_json
from app.storage.meta import read_meta

ID = "0b6c1f8e-3f2a-4c1e-9d7b-2a4e6f8a0c1d"


class Colour(StrEnum):
    RED = "red"
    BLUE = "blue"


class Refused(JournalError):
    """A caller's own error type."""


read = FieldReader(Refused)


def refusal(call: Callable[[], object]) -> str:
    """The message of the Refused a read raises (it must raise exactly that type)."""
    with pytest.raises(Refused) as caught:
        call()
    assert type(caught.value) is Refused
    return str(caught.value)


def test_the_error_type_passed_in_is_the_one_raised() -> None:
    for error in (ImportRejectedError, BackupError, ValueError):
        with pytest.raises(error) as caught:
            FieldReader(error).text({}, "title")
        assert type(caught.value) is error


def test_where_starts_the_message_capitalised() -> None:
    message = refusal(lambda: read.text({"title": 3}, "title", "entry 2 of x.json"))
    assert message == "Entry 2 of x.json: 'title' is missing or not text."


def test_obj() -> None:
    assert read.obj({"a": 1}) == {"a": 1}
    assert refusal(lambda: read.obj([1], "entry 1")) == "Entry 1: should be an object."


def test_text() -> None:
    assert read.text({"t": "hi"}, "t") == "hi"
    assert read.text({}, "t", optional=True) == ""
    assert read.text({"t": None}, "t", optional=True) == ""
    assert refusal(lambda: read.text({}, "t")) == "'t' is missing or not text."
    assert refusal(lambda: read.text({"t": 1}, "t", optional=True)) == (
        "'t' is missing or not text."
    )
    assert read.text({"t": "x" * 5}, "t", limit=5) == "xxxxx"
    assert refusal(lambda: read.text({"t": "x" * 6}, "t", limit=5)) == (
        "'t' is longer than 5 characters."
    )
    assert refusal(lambda: read.text({"t": "  "}, "t", blank=False)) == "'t' is empty."


def test_maybe_text() -> None:
    assert read.maybe_text({}, "t") is None
    assert read.maybe_text({"t": ""}, "t") == ""
    assert refusal(lambda: read.maybe_text({"t": ["a"]}, "t")) == "'t' is missing or not text."


def test_ident() -> None:
    assert read.ident({"id": ID.upper()}, "id") == ID
    assert read.maybe_ident({}, "id") is None
    assert refusal(lambda: read.ident({}, "id")) == "'id' is not a UUID."
    assert refusal(lambda: read.ident({"id": "not-an-id"}, "id")) == "'id' is not a UUID."
    # A number whose digits spell a UUID is still not one.
    assert refusal(lambda: read.maybe_ident({"id": int(ID.replace("-", ""), 16)}, "id"))


def test_items_and_objects() -> None:
    assert read.items({}, "xs") == []
    assert read.items({"xs": [1, "a"]}, "xs", limit=2) == [1, "a"]
    assert refusal(lambda: read.items({"xs": None}, "xs")) == "'xs' should be a list."
    assert refusal(lambda: read.items({"xs": [1, 2, 3]}, "xs", limit=2)) == (
        "'xs' holds more than 2 values."
    )
    assert read.objects({"xs": [{}, {"a": 1}]}, "xs") == [{}, {"a": 1}]
    assert refusal(lambda: read.objects({"xs": [{}, 5]}, "xs", "cycle 1")) == (
        "Xs[1] of cycle 1: should be an object."
    )


def test_strings() -> None:
    assert read.strings({"s": ["a", "b"]}, "s", allowed=("a", "b")) == ["a", "b"]
    assert refusal(lambda: read.strings({"s": ["a", 1]}, "s")) == ("'s' should be a list of text.")
    assert refusal(lambda: read.strings({"s": ["c"]}, "s", allowed=("a", "b"))) == (
        "'s' holds a value that is not one of: a, b."
    )
    assert refusal(lambda: read.strings({"s": ["abc"]}, "s", longest=2)) == (
        "'s' holds text longer than 2 characters."
    )
    assert refusal(lambda: read.strings({"s": "abc"}, "s")) == "'s' should be a list."


def test_choice_and_choices() -> None:
    assert read.choice({"c": "red"}, "c", Colour) is Colour.RED
    assert read.maybe_choice({}, "c", Colour) is None
    assert refusal(lambda: read.choice({}, "c", Colour)) == "'c' must be one of: red, blue."
    assert refusal(lambda: read.choice({"c": ["red"]}, "c", Colour)) == (
        "'c' must be one of: red, blue."
    )
    assert refusal(lambda: read.maybe_choice({"c": "green"}, "c", Colour))
    assert read.choices({"cs": ["blue", "red"]}, "cs", Colour) == [Colour.BLUE, Colour.RED]
    assert refusal(lambda: read.choices({"cs": ["red", 1]}, "cs", Colour)) == (
        "'cs' should be a list of: red, blue."
    )
    assert refusal(lambda: read.choices({"cs": ["red"] * 3}, "cs", Colour, limit=2)) == (
        "'cs' holds more than 2 values."
    )


def test_moment() -> None:
    moment = read.moment({"at": "2026-03-01T09:30:00+02:00"}, "at")
    assert moment == datetime(2026, 3, 1, 7, 30, tzinfo=UTC) and moment.tzinfo is UTC
    kept = read.moment({"at": "2026-03-01T09:30:00+02:00"}, "at", keep_zone=True)
    assert kept.utcoffset() == timedelta(hours=2)
    assert read.maybe_moment({"at": None}, "at") is None
    wrong = "'at' should be a date and time with a time zone, such as 2026-03-01T09:30:00+00:00."
    for value in (None, 5, "soon", "2026-03-01T09:30:00", "0001-01-01T00:00:00+05:00"):
        assert refusal(partial(read.moment, {"at": value}, "at")) == wrong
    assert refusal(lambda: read.moment({"at": "1800-01-01T00:00:00+00:00"}, "at")) == (
        "'at' is not between the years 1900 and 9998."
    )
    old = read.moment({"at": "1800-01-01T00:00:00+00:00"}, "at", years=None)
    assert old.year == 1800


def test_moment_without_a_zone_can_be_worded_apart() -> None:
    zoned = read.worded(no_zone="'{key}' has no time zone.")
    assert refusal(lambda: zoned.moment({"at": "2026-03-01T09:30:00"}, "at")) == (
        "'at' has no time zone."
    )


def test_day() -> None:
    assert read.day({"d": "2026-03-01"}, "d") == date(2026, 3, 1)
    assert read.maybe_day({}, "d") is None
    assert refusal(lambda: read.day({}, "d")) == "'d' should be a date such as 2026-03-01."
    assert refusal(lambda: read.day({"d": 20260301}, "d")) == (
        "'d' should be a date such as 2026-03-01."
    )
    assert refusal(lambda: read.maybe_day({"d": "9999-01-01"}, "d")) == (
        "'d' is not between the years 1900 and 9998."
    )


def test_flag() -> None:
    assert read.flag({}, "f") is False
    assert read.flag({}, "f", default=True) is True
    assert read.flag({"f": True}, "f") is True
    assert read.maybe_flag({}, "f") is None
    assert refusal(lambda: read.flag({"f": "yes"}, "f")) == "'f' must be true or false."
    assert refusal(lambda: read.maybe_flag({"f": 1}, "f")) == "'f' must be true or false."


def test_integer() -> None:
    assert read.integer({"n": 3}, "n", minimum=0, maximum=3) == 3
    assert read.maybe_integer({}, "n") is None
    assert refusal(lambda: read.integer({}, "n")) == "'n' should be a whole number."
    for value in (True, 1.0, "1"):
        assert refusal(partial(read.integer, {"n": value}, "n")) == (
            "'n' should be a whole number."
        )
    assert refusal(lambda: read.integer({"n": -1}, "n", minimum=0)) == "'n' is out of range."
    assert refusal(lambda: read.maybe_integer({"n": 4}, "n", maximum=3)) == ("'n' is out of range.")


def test_a_caller_words_every_refusal_alike() -> None:
    damaged = FieldReader(
        lambda problem: Refused(f"journal.json is damaged: {problem}"),
        Wording.alike("'{key}' is missing or wrong."),
    )
    assert refusal(lambda: damaged.integer({}, "format_version")) == (
        "journal.json is damaged: 'format_version' is missing or wrong."
    )
    assert refusal(lambda: damaged.choice({"mode": "x"}, "mode", Colour)) == (
        "journal.json is damaged: 'mode' is missing or wrong."
    )


def test_braces_in_a_value_never_reach_a_template() -> None:
    assert refusal(lambda: read.choice({"{key}": "{x}"}, "{key}", Colour)) == (
        "'{key}' must be one of: red, blue."
    )


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=40)
    | st.sampled_from(
        [
            ID,
            "red",
            "2026-03-01",
            "2026-03-01T09:30:00+00:00",
            "9999-12-31T23:59:59-05:00",
            "0001-01-01T00:00:00+05:00",
            "2026-03-01T09:30:00",
        ]
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4)
    ),
    max_leaves=12,
)

READS: list[Callable[[dict[str, Any]], object]] = [
    lambda item: read.text(item, "k"),
    lambda item: read.text(item, "k", optional=True, limit=3, blank=False),
    lambda item: read.maybe_text(item, "k", limit=10),
    lambda item: read.ident(item, "k"),
    lambda item: read.maybe_ident(item, "k"),
    lambda item: read.items(item, "k", limit=2),
    lambda item: read.objects(item, "k", "where", limit=3),
    lambda item: read.strings(item, "k", limit=3, longest=5, allowed=("a", "red")),
    lambda item: read.choices(item, "k", Colour, limit=2),
    lambda item: read.choice(item, "k", Colour),
    lambda item: read.maybe_choice(item, "k", Colour),
    lambda item: read.moment(item, "k"),
    lambda item: read.maybe_moment(item, "k", years=None, keep_zone=True),
    lambda item: read.day(item, "k"),
    lambda item: read.maybe_day(item, "k", years=None),
    lambda item: read.flag(item, "k"),
    lambda item: read.maybe_flag(item, "k"),
    lambda item: read.integer(item, "k", minimum=0, maximum=10),
    lambda item: read.maybe_integer(item, "k"),
]


@settings(max_examples=100, deadline=None)
@given(value=JSON)
def test_any_json_value_ends_in_a_value_or_the_callers_error(value: object) -> None:
    try:
        item = read.obj(value)
    except Refused as exc:
        assert str(exc)
        item = {"k": value}
    for reads in READS:
        for source in (item, {"k": value}):
            try:
                reads(source)
            except Refused as exc:
                assert str(exc) and "\n" not in str(exc)


def test_a_zone_far_from_utc_is_kept_when_asked() -> None:
    far = timezone(timedelta(hours=-12))
    kept = read.moment({"at": "2026-03-01T23:30:00-12:00"}, "at", keep_zone=True)
    assert kept == datetime(2026, 3, 1, 23, 30, tzinfo=far)
    assert kept.isoformat() == "2026-03-01T23:30:00-12:00"


DEEP = "[" * 100_000 + "]" * 100_000


def test_hostile_nesting_is_a_plain_value_error() -> None:
    with pytest.raises(ValueError, match=r"^it is nested too deeply to be read$"):
        parse_json(DEEP)
    assert parse_json('{"a": [1]}') == {"a": [1]}


@pytest.mark.parametrize(
    ("name", "read", "error"),
    [
        ("journal.json", read_meta, NotAJournalError),
        (SETTINGS_NAME, read_settings, BackupError),
        (PENDING_NAME, read_pending, StorageError),
    ],
)
def test_a_file_the_app_keeps_beside_the_journal_refuses_hostile_nesting_in_one_line(
    tmp_path: Path, name: str, read: Callable[[Path], object], error: type[Exception]
) -> None:
    (tmp_path / name).write_text(DEEP, encoding="utf-8")
    with pytest.raises(error) as caught:
        read(tmp_path)
    message = str(caught.value)
    assert "nested too deeply" in message and len(message.splitlines()) == 1
