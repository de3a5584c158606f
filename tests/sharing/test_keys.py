"""Cards: a fingerprint to read aloud, and any changed byte noticed."""

from __future__ import annotations

import json
import re

import pytest

from app.sharing.keys import CardError, Identity, card_bytes, fingerprint, read_card


def test_card_round_trip_and_fingerprint_format() -> None:
    coach = Identity.generate("  Sam   (coach) ")
    card = read_card(card_bytes(coach))
    assert card == coach.card and card.name == "Sam (coach)"
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}", card.fingerprint)
    assert card.fingerprint == fingerprint(card.encryption_key, card.signing_key)
    assert Identity.generate("Sam").card.fingerprint != card.fingerprint
    assert "keys hidden" in repr(coach)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(name="Someone else"),
        lambda d: d.update(encryption_key=Identity.generate("x").card.as_json()["encryption_key"]),
        lambda d: d.update(signature=d["signature"][:-4] + "AAA="),
    ],
)
def test_a_changed_card_is_refused(change) -> None:
    data = json.loads(card_bytes(Identity.generate("Sam")))
    change(data)
    with pytest.raises(CardError, match="changed since it was made"):
        read_card(json.dumps(data).encode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG not a card", "not an Inquiry Journal card"),
        (b'{"format": "something"}', "not an Inquiry Journal card"),
        (b'{"format": "inquiry-journal-card", "version": 9}', "newer version"),
        (b"x" * 20000, "too large"),
    ],
)
def test_not_a_card(data: bytes, message: str) -> None:
    with pytest.raises(CardError, match=message):
        read_card(data)


def test_names_are_checked() -> None:
    with pytest.raises(CardError, match="Choose a name"):
        Identity.generate("   ")
    with pytest.raises(CardError, match="at most 80"):
        Identity.generate("x" * 81)
