"""Which parts of a text the spelling check looks at."""

from __future__ import annotations

from app.spelling.words import Word, parts_of, words_in


def _texts(text: str) -> list[str]:
    return [w.text for w in words_in(text)]


def test_words_keep_their_apostrophes_and_hyphens_and_places() -> None:
    text = "We haven’t had a follow-up since Tom's shift."
    found = list(words_in(text))
    assert [w.text for w in found] == [
        "We",
        "haven’t",
        "had",
        "follow-up",
        "since",
        "Tom's",
        "shift",
    ]
    assert all(text[w.start : w.end] == w.text for w in found)


def test_capitals_digits_single_letters_and_addresses_are_left_alone() -> None:
    text = (
        "The NHS SBAR at 3pm on ward B12 (a) see https://example.org/recieve or "
        "me@trust.nhs.uk, `teh code`, [earlier](ij:cycle/1234) and <b>"
    )
    assert _texts(text) == ["The", "at", "on", "ward", "see", "or", "earlier", "and"]


def test_a_hyphenated_word_splits_into_its_parts_where_they_stand() -> None:
    word = Word("team-bassed", 10, 21)
    assert parts_of(word) == [Word("team", 10, 14), Word("bassed", 15, 21)]
    assert parts_of(Word("plain", 0, 5)) == [Word("plain", 0, 5)]
