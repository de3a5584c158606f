"""Packages open only for their recipient, intact, once checked; anything else is refused."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.sharing.keys import Identity
from app.sharing.package import PackageError, open_package, seal, seal_bytes
from tests.support.packages import members, rezip

PARTICIPANT = Identity.generate("Alex")
COACH = Identity.generate("Sam")
PAYLOAD = {"entries": [{"id": "e1", "title": "Huddle", "body": "Asked first. 🌱"}]}
GOOD = seal("share", PAYLOAD, PARTICIPANT, COACH.card)


def test_the_recipient_opens_it_and_learns_who_sent_it() -> None:
    opened = open_package(GOOD, COACH)
    assert opened.kind == "share" and opened.payload == PAYLOAD
    assert opened.sender == PARTICIPANT.card
    assert opened.created.tzinfo is not None


def test_contents_are_not_readable_in_the_file() -> None:
    assert b"Huddle" not in GOOD and b"Asked first" not in GOOD


def test_anyone_else_is_refused() -> None:
    with pytest.raises(PackageError, match="for someone else"):
        open_package(GOOD, Identity.generate("Another coach"))


def test_every_changed_byte_is_noticed() -> None:
    for position in range(0, len(GOOD), max(1, len(GOOD) // 300)):
        tampered = bytearray(GOOD)
        tampered[position] ^= 0x55
        with pytest.raises(PackageError):
            open_package(bytes(tampered), COACH)


def test_every_truncation_is_noticed() -> None:
    for length in range(0, len(GOOD), max(1, len(GOOD) // 200)):
        with pytest.raises(PackageError):
            open_package(GOOD[:length], COACH)


def test_a_member_with_a_path_is_refused() -> None:
    parts = members(GOOD)
    parts["../envelope.json"] = parts.pop("envelope.json")
    with pytest.raises(PackageError, match="folder path"):
        open_package(rezip(parts), COACH)


def test_an_extra_member_is_refused() -> None:
    parts = members(GOOD)
    parts["extra.txt"] = b"hello"
    with pytest.raises(PackageError, match="not an Inquiry Journal package"):
        open_package(rezip(parts), COACH)


def test_a_newer_format_is_refused_by_name() -> None:
    parts = members(GOOD)
    envelope = json.loads(parts["envelope.json"])
    envelope["version"] = 2
    parts["envelope.json"] = json.dumps(envelope).encode()
    with pytest.raises(PackageError, match="newer version"):
        open_package(rezip(parts), COACH)


def test_a_decompression_bomb_is_stopped_at_the_declared_size() -> None:
    bomb = b"{" + b" " * (64 * 1024 * 1024) + b"}"  # 64 MB that zlib squeezes to ~64 KB
    package = seal_bytes("share", bomb, 100, PARTICIPANT, COACH.card)
    assert len(package) < 200_000
    with pytest.raises(PackageError, match="not the size it says"):
        open_package(package, COACH)


def test_invalid_json_inside_is_refused() -> None:
    content = b"{not json"
    package = seal_bytes("share", content, len(content), PARTICIPANT, COACH.card)
    with pytest.raises(PackageError, match="contents are not valid"):
        open_package(package, COACH)


def test_not_a_package_at_all() -> None:
    for data in (b"", b"hello", b"%PDF-1.7", json.dumps(PAYLOAD).encode()):
        with pytest.raises(PackageError):
            open_package(data, COACH)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_random_bytes_are_only_ever_refused(data: bytes) -> None:
    with pytest.raises(PackageError):
        open_package(data, COACH)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_packages_are_only_ever_refused(changes: list[tuple[int, int]]) -> None:
    data = bytearray(GOOD)
    for position, value in changes:
        data[position % len(data)] = value
    if bytes(data) == GOOD:
        return
    with pytest.raises(PackageError):
        open_package(bytes(data), COACH)
