"""What changed since the coach's comment, word by word, marked in words as well as style."""

from __future__ import annotations

from app.ui.coach.word_diff import (
    Change,
    DiffColours,
    Piece,
    changes_html,
    changes_summary,
    word_changes,
)

COLOURS = DiffColours(added="#0f0", removed="#f00")


def test_added_and_removed_words_are_found_in_reading_order() -> None:
    pieces = word_changes("I asked first, then waited.", "I asked first, then waited a minute.")
    assert pieces == [
        Piece(Change.SAME, "I asked first, then waited "),
        Piece(Change.ADDED, "a minute"),
        Piece(Change.SAME, "."),
    ]
    assert changes_summary(pieces) == "2 words added."

    swapped = word_changes("The team was quiet.", "The team was loud.")
    assert [(p.change, p.text.strip()) for p in swapped] == [
        (Change.SAME, "The team was"),
        (Change.REMOVED, "quiet"),
        (Change.ADDED, "loud"),
        (Change.SAME, "."),
    ]
    assert changes_summary(swapped) == "1 word added, 1 word removed."


def test_rewrapping_is_not_a_change() -> None:
    pieces = word_changes("one two\nthree", "one  two three")
    assert [p.change for p in pieces] == [Change.SAME]
    assert changes_summary(pieces) == "Only spacing or line breaks changed."


def test_the_html_says_added_and_removed_in_words_and_escapes_what_was_written() -> None:
    html = changes_html(
        word_changes("Keep <b>this</b> & that", "Keep <b>this</b> & those\nnow"), COLOURS
    )
    assert "<b>[added:</b> <u>those<br>now</u><b>]</b>" in html
    assert "<b>[removed:</b> <s>that</s><b>]</b>" in html
    assert "Keep &lt;b&gt;this&lt;/b&gt; &amp; " in html  # their words are text, never markup
    assert "<b>this" not in html
