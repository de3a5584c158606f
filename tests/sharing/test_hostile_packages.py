"""Hostile packages end in one plain line and change nothing: deep JSON, bombs, wrong types,
mutated envelopes and members, random bytes and truncations, at the reader and at import."""

from __future__ import annotations

import json
import tracemalloc
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import JournalError
from app.journal.opening import Journal, open_journal
from app.sharing.exchange import unit
from app.sharing.keys import Identity, canonical
from app.sharing.package import (
    MAX_CONTENT_BYTES,
    PackageError,
    open_package,
    seal,
    seal_compressed,
)
from app.storage.keys import SystemKeyring
from app.storage.tables import Comment, Contact, ReceivedPackage, SharedItem
from app.transfer import TransferService
from tests.support.cli import run
from tests.support.packages import members, rezip

PARTICIPANT = Identity.generate("Alex")
WHEN = "2026-01-05T09:00:00+00:00"
ITEM = {
    "kind": "entry",
    "id": "5b0c8a52-7d8e-4a57-9a55-0d3f1b8b2a10",
    "title": "Huddle",
    "body": "I asked first.",
    "domains": ["team"],
    "tags": ["huddle"],
    "written": WHEN,
    "version": WHEN,
}
HYPOTHESIS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def _one_line_refusal(error: BaseException) -> None:
    assert isinstance(error, JournalError), repr(error)
    message = str(error)
    assert message and "\n" not in message and "Traceback" not in message


def _rows(journal: Journal) -> tuple[int, ...]:
    with unit(journal.engine) as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Contact, SharedItem, Comment, ReceivedPackage)
        )


def _deep_envelope(good: bytes) -> bytes:
    parts = members(good)
    deep = b"[" * 32_000 + b"]" * 32_000  # 64,000 bytes: within the envelope's size limit
    parts["envelope.json"] = deep
    return rezip(parts)


def test_deeply_nested_json_in_an_unsigned_envelope_is_one_plain_line(coach: Journal) -> None:
    good = seal("share", {"items": [ITEM]}, PARTICIPANT, coach.sharing.identity().card)
    for hostile in (
        _deep_envelope(good),
        rezip({**members(good), "envelope.json": b'{"sender":' + b"{" * 30_000}),
    ):
        with pytest.raises(PackageError) as refused:
            open_package(hostile, coach.sharing.identity())
        _one_line_refusal(refused.value)


def test_deeply_nested_envelope_on_the_command_line_is_refused_without_a_traceback(
    capsys: pytest.CaptureFixture[str], coach: Journal, tmp_path: Path, key_store: SystemKeyring
) -> None:
    good = seal("share", {"items": [ITEM]}, PARTICIPANT, coach.sharing.identity().card)
    package = tmp_path / "deep.ijshare"
    package.write_bytes(_deep_envelope(good))
    folder = coach.folder
    coach.close()
    code, out, err = run(capsys, "import", str(package), "--data-dir", str(folder))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "damaged or incomplete" in err
    reopened = open_journal(folder, key_store)
    try:
        assert _rows(reopened) == (0, 0, 0, 0)
    finally:
        reopened.close()


def _compressed_spaces(size: int) -> bytes:
    """`{` + spaces + `}` compressed in steps, so the test never holds `size` bytes itself."""
    squeeze = zlib.compressobj(9)
    chunk = b" " * (1024 * 1024)
    parts = [squeeze.compress(b"{")]
    for _ in range((size - 2) // len(chunk)):
        parts.append(squeeze.compress(chunk))
    parts.append(squeeze.compress(b" " * ((size - 2) % len(chunk)) + b"}"))
    parts.append(squeeze.flush())
    return b"".join(parts)


def test_a_small_package_that_inflates_past_the_limit_is_refused_without_inflating_it(
    coach: Journal,
) -> None:
    size = 2 * MAX_CONTENT_BYTES  # honestly declared: 128 MB of JSON in a file of ~130 KB
    package = seal_compressed(
        "share", _compressed_spaces(size), size, PARTICIPANT, coach.sharing.identity().card
    )
    assert len(package) < 300_000
    identity = coach.sharing.identity()
    tracemalloc.start()
    try:
        with pytest.raises(PackageError, match="larger than a genuine package") as refused:
            open_package(package, identity)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    _one_line_refusal(refused.value)
    assert peak < MAX_CONTENT_BYTES // 4, f"held {peak:,} bytes to refuse it"


def test_a_lying_size_stops_inflating_at_the_limit(coach: Journal) -> None:
    declared = MAX_CONTENT_BYTES  # within the limit, but the data goes on to twice that
    package = seal_compressed(
        "share",
        _compressed_spaces(2 * MAX_CONTENT_BYTES),
        declared,
        PARTICIPANT,
        coach.sharing.identity().card,
    )
    identity = coach.sharing.identity()
    tracemalloc.start()
    try:
        with pytest.raises(PackageError, match="not the size it says"):
            open_package(package, identity)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < MAX_CONTENT_BYTES + 16 * 1024 * 1024


# -- property tests: structured hostile input -------------------------------------------------

_ODD_MOMENTS = [
    "0001-01-01T00:00:00+01:00",  # before year 1 in UTC
    "9999-12-31T23:59:59-01:00",  # after year 9999 in UTC
    "2026-01-05T09:00:00",  # no time zone
    "2026-02-30T09:00:00+00:00",
]
_ODD_TEXT = st.sampled_from(
    [
        "",
        "not a uuid",
        *_ODD_MOMENTS,
        WHEN,
        ITEM["id"],
        "<script>alert(1)</script>",
        "x" * 3000,
    ]
)
_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | _ODD_TEXT
    | st.text()
    | st.just("nested very deep"),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
_ITEM_KEYS = st.sampled_from([*ITEM, "stages", "facts", "reply_to", "item", "stage"])
_FACTS = {
    "status": "reviewed",
    "loop": "double",
    "experiment_date": "2026-01-09",
    "reflection_began": WHEN,
    "dimensions": ["engaging-the-team"],
}
_FACT_VALUES = st.sampled_from(
    ["planned", "triple", "2026-02-30", "engaging-the-team", ["not-a-dimension"], *_ODD_MOMENTS]
)


@st.composite
def _hostile_payload(draw: st.DrawFn) -> dict[str, Any]:
    """A share's content with some fields given wrong types or odd values."""
    item: dict[str, Any] = dict(ITEM)
    for key in ("written", "version"):
        item[key] = draw(st.sampled_from([WHEN, WHEN, *_ODD_MOMENTS]))
    if draw(st.booleans()):
        item["kind"] = "cycle"
        item["stages"] = draw(st.lists(st.dictionaries(_ITEM_KEYS, _JSON), max_size=3) | _JSON)
        facts: dict[str, Any] = dict(_FACTS)
        for key in draw(st.lists(st.sampled_from([*_FACTS, "extra"]), max_size=3)):
            facts[key] = draw(_FACT_VALUES | _JSON)
        item["facts"] = draw(st.sampled_from([facts, facts, None]) | _JSON)
    for key in draw(st.lists(_ITEM_KEYS, max_size=4)):
        item[key] = draw(_JSON)
    note = {"id": ITEM["id"], "item": ITEM["id"], "stage": "", "body": "Yes", "written": WHEN}
    for key in draw(st.lists(st.sampled_from([*note, "reply_to"]), max_size=3)):
        note[key] = draw(_JSON)
    payload: dict[str, Any] = {
        "items": draw(st.sampled_from([[item], [], [item, item], item, "items", None])),
        "replies": draw(st.sampled_from([[note], [], note, 3])),
    }
    if draw(st.booleans()):
        payload[draw(st.sampled_from(["items", "replies", "extra"]))] = draw(_JSON)
    return payload


@HYPOTHESIS
@given(payload=_hostile_payload())
@example(payload={"items": [{**ITEM, "written": "0001-01-01T00:00:00+01:00"}]})
def test_signed_packages_with_hostile_content_import_or_refuse_in_one_line(
    coach: Journal, payload: dict[str, Any]
) -> None:
    package = seal("share", payload, PARTICIPANT, coach.sharing.identity().card)
    before = _rows(coach)
    try:
        from app.sharing.exchange import ExchangeService

        ExchangeService(coach).import_package(package)
    except Exception as error:  # the property: any refusal is a one-line JournalError
        _one_line_refusal(error)
        assert _rows(coach) == before


DEEP = "nested very deep"
_ENVELOPE_KEYS = st.sampled_from(
    [
        "format",
        "version",
        "kind",
        "package_id",
        "created",
        "sender",
        "recipient",
        "ephemeral_key",
        "nonce",
        "payload_size",
    ]
)


@HYPOTHESIS
@given(
    changes=st.lists(st.tuples(_ENVELOPE_KEYS, _JSON), min_size=1, max_size=3),
    sender_changes=st.lists(
        st.tuples(st.sampled_from(["name", "signing_key", "signature", "format"]), _JSON),
        max_size=2,
    ),
    member=st.sampled_from(["", "payload.bin", "signature.bin"]),
    member_bytes=st.binary(max_size=80),
    deep=st.sampled_from([0, 0, 5, 5_000, 20_000]),
)
@example(changes=[("sender", DEEP)], sender_changes=[], member="", member_bytes=b"", deep=5_000)
def test_mutated_envelopes_and_members_are_refused_in_one_line(
    coach: Journal,
    changes: list[tuple[str, Any]],
    sender_changes: list[tuple[str, Any]],
    member: str,
    member_bytes: bytes,
    deep: int,
) -> None:
    identity = coach.sharing.identity()
    parts = members(seal("share", {"items": [ITEM]}, PARTICIPANT, identity.card))
    envelope = json.loads(parts["envelope.json"])
    for key, value in changes:
        envelope[key] = value
    if isinstance(envelope.get("sender"), dict):
        for key, value in sender_changes:
            envelope["sender"][key] = value
    # Nesting too deep for json.dumps itself goes in as bytes, in place of a marker.
    marker = json.dumps(DEEP).encode()
    parts["envelope.json"] = canonical(envelope).replace(marker, b"[" * deep + b"]" * deep)
    if member:
        parts[member] = member_bytes
    with pytest.raises(PackageError) as refused:
        open_package(rezip(parts), identity)
    _one_line_refusal(refused.value)


@HYPOTHESIS
@given(
    data=st.one_of(
        st.binary(max_size=512),
        st.binary(max_size=256).map(lambda b: b"PK\x03\x04" + b),
        st.integers(min_value=0, max_value=4000),
    )
)
def test_the_import_entry_point_refuses_junk_and_truncations_in_one_line(
    coach: Journal, tmp_path_factory: pytest.TempPathFactory, data: bytes | int
) -> None:
    good = seal("share", {"items": [ITEM]}, PARTICIPANT, coach.sharing.identity().card)
    content = good[: data % len(good)] if isinstance(data, int) else data
    path = tmp_path_factory.mktemp("in") / "package.ijshare"
    path.write_bytes(content)
    before = _rows(coach)
    with pytest.raises(JournalError) as refused:
        TransferService(coach).import_file(path)
    _one_line_refusal(refused.value)
    assert _rows(coach) == before
