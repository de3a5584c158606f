"""Reading typed fields from untrusted JSON: imports, packages, journal.json, backup manifests.

Every reader of a file from outside checks the same things (is it text, an id, a date with its
zone, one of a list of choices...), so the checks live here once. A `FieldReader` is made with
the error its caller raises and, when the caller words its refusals its own way, a `Wording`;
so each file keeps its own plain-English messages while the reading is shared. Nothing here
raises anything but the caller's error for any JSON value (a value, or one plain line).

Storage reads journal.json and backup manifests through this module, so it imports only the
standard library.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, fields, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

E = TypeVar("E", bound=StrEnum)

Refusal = Callable[[str], Exception]
"""Makes the exception a caller raises from a one-line message (an error class will do)."""

# Dates outside these years are refused by default: nothing genuine is dated there, and
# arithmetic on them elsewhere in the app (a day later, an hour earlier) would overflow.
FIRST_YEAR = 1900
LAST_YEAR = 9998
YEARS = (FIRST_YEAR, LAST_YEAR)

_MOMENT = "'{key}' should be a date and time with a time zone, such as 2026-03-01T09:30:00+00:00."


def parse_json(text: str) -> Any:
    """The JSON value in `text`; ValueError (with a plain reason) for anything that is not JSON.

    Hostile nesting ends Python's parser with RecursionError, which is not a ValueError; here it
    becomes one, so a caller's `except ValueError` covers every malformed file.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise ValueError("it is nested too deeply to be read") from None


@dataclass(frozen=True)
class Wording:
    """The message for each refusal, as a template.

    Every template may use {key} (the field). Besides: {limit} in the too_long, too_many and
    string_too_long ones; {allowed} (the choices, comma-separated) in not_allowed, not_choice
    and not_choices, and in not_list and too_many when `choices` reads the list; {first} and
    {last} in out_of_years; {n} (the position) and {where} in element_where, which names a
    list's item for not_element_object. A value read is never put into a template.
    """

    not_object: str = "should be an object."
    element_where: str = "{key}[{n}] of {where}"
    not_element_object: str = "should be an object."
    not_text: str = "'{key}' is missing or not text."
    blank: str = "'{key}' is empty."
    too_long: str = "'{key}' is longer than {limit:,} characters."
    not_uuid: str = "'{key}' is not a UUID."
    not_list: str = "'{key}' should be a list."
    too_many: str = "'{key}' holds more than {limit:,} values."
    not_strings: str = "'{key}' should be a list of text."
    not_allowed: str = "'{key}' holds a value that is not one of: {allowed}."
    string_too_long: str = "'{key}' holds text longer than {limit:,} characters."
    not_choices: str = "'{key}' should be a list of: {allowed}."
    not_choice: str = "'{key}' must be one of: {allowed}."
    not_moment: str = _MOMENT
    no_zone: str = _MOMENT
    not_day: str = "'{key}' should be a date such as 2026-03-01."
    out_of_years: str = "'{key}' is not between the years {first} and {last}."
    not_flag: str = "'{key}' must be true or false."
    not_integer: str = "'{key}' should be a whole number."
    out_of_range: str = "'{key}' is out of range."

    @classmethod
    def alike(cls, template: str) -> Wording:
        """Every refusal worded alike (for a file that is either whole or damaged)."""
        names = [f.name for f in fields(cls) if f.name != "element_where"]
        return cls(**dict.fromkeys(names, template))


@dataclass(frozen=True)
class FieldReader:
    """Reads fields of JSON objects; every refusal is `error(message)`.

    Each read takes the object, the field's key and, optionally, `where` the object is (such
    as "entry 2 of export.json"); a refusal then starts with it: "Entry 2 of export.json: ...".
    """

    error: Refusal
    wording: Wording = Wording()

    def worded(self, **templates: str) -> FieldReader:
        """The same reader with some messages worded differently."""
        return FieldReader(self.error, replace(self.wording, **templates))

    def refuse(self, where: str, template: str, **details: object) -> Exception:
        """The caller's error for one of this reader's templates (for checks of its own)."""
        message = template.format(**details)
        if where:
            message = f"{where[:1].upper()}{where[1:]}: {message}"
        return self.error(message)

    def obj(self, value: object, where: str = "") -> dict[str, Any]:
        """The value as a JSON object."""
        if not isinstance(value, dict):
            raise self.refuse(where, self.wording.not_object)
        return value

    def text(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        optional: bool = False,
        limit: int | None = None,
        blank: bool = True,
    ) -> str:
        """A string field; missing (or null) gives "" when `optional`.

        `limit` caps its length; `blank=False` refuses one that is empty or only spaces.
        """
        found = self.maybe_text(item, key, where, limit=limit, blank=blank)
        if found is None:
            if optional:
                return ""
            raise self.refuse(where, self.wording.not_text, key=key)
        return found

    def maybe_text(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        limit: int | None = None,
        blank: bool = True,
    ) -> str | None:
        """A string field that may be missing or null (None)."""
        value = item.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.refuse(where, self.wording.not_text, key=key)
        if not blank and not value.strip():
            raise self.refuse(where, self.wording.blank, key=key)
        if limit is not None and len(value) > limit:
            raise self.refuse(where, self.wording.too_long, key=key, limit=limit)
        return value

    def ident(self, item: dict[str, Any], key: str, where: str = "") -> str:
        """A UUID field, normalised (lower case, with hyphens)."""
        found = self.maybe_ident(item, key, where)
        if found is None:
            raise self.refuse(where, self.wording.not_uuid, key=key)
        return found

    def maybe_ident(self, item: dict[str, Any], key: str, where: str = "") -> str | None:
        """A UUID field that may be missing or null (None)."""
        value = item.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError(key)
            return str(uuid.UUID(value))
        except ValueError:
            raise self.refuse(where, self.wording.not_uuid, key=key) from None

    def items(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        limit: int | None = None,
        allowed: str = "",
    ) -> list[Any]:
        """A list field (missing means empty; null is refused), of at most `limit` values."""
        value = item.get(key, [])
        if not isinstance(value, list):
            raise self.refuse(where, self.wording.not_list, key=key, allowed=allowed)
        if limit is not None and len(value) > limit:
            raise self.refuse(where, self.wording.too_many, key=key, limit=limit, allowed=allowed)
        return value

    def objects(
        self, item: dict[str, Any], key: str, where: str = "", *, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """A list of objects (missing means empty)."""
        found = self.items(item, key, where, limit=limit)
        for n, value in enumerate(found):
            if not isinstance(value, dict):
                at = self.wording.element_where.format(key=key, n=n, where=where)
                raise self.refuse(at, self.wording.not_element_object, key=key)
        return found

    def strings(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        limit: int | None = None,
        longest: int | None = None,
        allowed: Iterable[str] | None = None,
    ) -> list[str]:
        """A list of strings (missing means empty): at most `limit` of them, each at most
        `longest` characters and, when `allowed` is given, one of those."""
        permitted = None if allowed is None else list(allowed)
        shown = ", ".join(permitted or ())
        found = self.items(item, key, where, limit=limit)
        for value in found:
            if not isinstance(value, str):
                raise self.refuse(where, self.wording.not_strings, key=key)
            if permitted is not None and value not in permitted:
                raise self.refuse(where, self.wording.not_allowed, key=key, allowed=shown)
            if longest is not None and len(value) > longest:
                raise self.refuse(where, self.wording.string_too_long, key=key, limit=longest)
        return found

    def choices(
        self,
        item: dict[str, Any],
        key: str,
        kind: type[E],
        where: str = "",
        *,
        limit: int | None = None,
    ) -> list[E]:
        """A list of an enumeration's values (missing means empty), in the order given."""
        allowed = ", ".join(v.value for v in kind)
        found = self.items(item, key, where, limit=limit, allowed=allowed)
        try:
            if not all(isinstance(code, str) for code in found):
                raise ValueError(key)
            return [kind(code) for code in found]
        except ValueError:
            raise self.refuse(where, self.wording.not_choices, key=key, allowed=allowed) from None

    def choice(self, item: dict[str, Any], key: str, kind: type[E], where: str = "") -> E:
        """A field that must be one of an enumeration's values."""
        found = self.maybe_choice(item, key, kind, where)
        if found is None:
            raise self._not_choice(where, key, kind)
        return found

    def maybe_choice(
        self, item: dict[str, Any], key: str, kind: type[E], where: str = ""
    ) -> E | None:
        """One of an enumeration's values, or None when missing or null."""
        value = item.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError(key)
            return kind(value)
        except ValueError:
            raise self._not_choice(where, key, kind) from None

    def _not_choice(self, where: str, key: str, kind: type[StrEnum]) -> Exception:
        allowed = ", ".join(v.value for v in kind)
        return self.refuse(where, self.wording.not_choice, key=key, allowed=allowed)

    def moment(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        years: tuple[int, int] | None = YEARS,
        keep_zone: bool = False,
    ) -> datetime:
        """A date and time with its time zone, in UTC (or in its own zone with `keep_zone`);
        `years` bounds its year in UTC (None: any year Python can hold)."""
        value = item.get(key)
        if not isinstance(value, str):
            raise self.refuse(where, self.wording.not_moment, key=key)
        try:
            parsed = datetime.fromisoformat(value)
            # In UTC it may overflow at the ends of the calendar: such a time is refused.
            in_utc = parsed.astimezone(UTC) if parsed.tzinfo is not None else None
        except (ValueError, OverflowError):
            raise self.refuse(where, self.wording.not_moment, key=key) from None
        if in_utc is None:
            raise self.refuse(where, self.wording.no_zone, key=key)
        self._check_year(in_utc.year, years, where, key)
        return parsed if keep_zone else in_utc

    def maybe_moment(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        years: tuple[int, int] | None = YEARS,
        keep_zone: bool = False,
    ) -> datetime | None:
        """A date and time that may be missing or null (None)."""
        if item.get(key) is None:
            return None
        return self.moment(item, key, where, years=years, keep_zone=keep_zone)

    def day(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        years: tuple[int, int] | None = YEARS,
    ) -> date:
        """A calendar date (YYYY-MM-DD)."""
        found = self.maybe_day(item, key, where, years=years)
        if found is None:
            raise self.refuse(where, self.wording.not_day, key=key)
        return found

    def maybe_day(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        years: tuple[int, int] | None = YEARS,
    ) -> date | None:
        """A calendar date that may be missing or null (None)."""
        value = item.get(key)
        if value is None:
            return None
        try:
            if not isinstance(value, str):
                raise ValueError(key)
            parsed = date.fromisoformat(value)
        except ValueError:
            raise self.refuse(where, self.wording.not_day, key=key) from None
        self._check_year(parsed.year, years, where, key)
        return parsed

    def _check_year(self, year: int, years: tuple[int, int] | None, where: str, key: str) -> None:
        if years is not None and not years[0] <= year <= years[1]:
            raise self.refuse(
                where, self.wording.out_of_years, key=key, first=years[0], last=years[1]
            )

    def flag(
        self, item: dict[str, Any], key: str, where: str = "", *, default: bool = False
    ) -> bool:
        """A true/false field; missing or null gives `default`."""
        found = self.maybe_flag(item, key, where)
        return default if found is None else found

    def maybe_flag(self, item: dict[str, Any], key: str, where: str = "") -> bool | None:
        """A true/false field that may be missing or null (None)."""
        value = item.get(key)
        if value is not None and not isinstance(value, bool):
            raise self.refuse(where, self.wording.not_flag, key=key)
        return value

    def integer(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int:
        """A whole number (true and false are not numbers), within the bounds given."""
        found = self.maybe_integer(item, key, where, minimum=minimum, maximum=maximum)
        if found is None:
            raise self.refuse(where, self.wording.not_integer, key=key)
        return found

    def maybe_integer(
        self,
        item: dict[str, Any],
        key: str,
        where: str = "",
        *,
        minimum: int | None = None,
        maximum: int | None = None,
    ) -> int | None:
        """A whole number that may be missing or null (None)."""
        value = item.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.refuse(where, self.wording.not_integer, key=key)
        if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
            raise self.refuse(
                where, self.wording.out_of_range, key=key, minimum=minimum, maximum=maximum
            )
        return value
