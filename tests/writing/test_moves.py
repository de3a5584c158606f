"""Reflective moves: the six moves found (and not found) in reflections written for the purpose."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.writing.moves import Move, find_moves, sentences
from tests.writing.moves_samples import SAMPLES, Sample


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.name for s in SAMPLES])
def test_each_sample_makes_exactly_its_moves(sample: Sample) -> None:
    findings = find_moves(sample.text)
    found = {f.move for f in findings if f.found}
    assert found == sample.moves, [
        (f.move.value, s.rule, s.matched) for f in findings for s in f.signs
    ]


def test_the_six_moves_come_in_a_fixed_order_with_labels_and_prompts() -> None:
    findings = find_moves("")
    assert [f.move for f in findings] == list(Move)
    assert all(not f.found for f in findings)
    for move in Move:
        assert move.label and move.prompt.endswith(("?", "."))
        # gentle: a question to write from, never a verdict
        lowered = move.prompt.lower()
        assert not any(w in lowered for w in ("fail", "should", "must", "score", "missing"))
        assert "?" in move.prompt


def test_a_sign_names_its_sentence_rule_and_words() -> None:
    text = "The huddle was short. I felt anxious before it started. Then it went well."
    feeling = find_moves(text)[0]
    assert feeling.move is Move.FEELING
    (sign,) = feeling.signs
    assert text[sign.start : sign.end] == "I felt anxious before it started."
    assert sign.sentence == "I felt anxious before it started."
    assert sign.rule == "saying how I felt"
    assert sign.matched == "I felt"
    assert text[sign.matched_start : sign.matched_end] == "I felt"


def test_every_sentence_that_shows_a_move_is_listed_in_order() -> None:
    text = "I was nervous. The room was full. Afterwards I felt relieved."
    (feeling,) = [f for f in find_moves(text) if f.move is Move.FEELING]
    assert [text[s.start : s.end] for s in feeling.signs] == [
        "I was nervous.",
        "Afterwards I felt relieved.",
    ]
    assert [s.matched for s in feeling.signs] == ["nervous", "I felt"]


def test_markdown_markup_is_left_out_of_sentences() -> None:
    text = "# A heading\n\n- **First** point, see [the notes](https://x.org/a.b).\n- Second one"
    found = sentences(text)
    assert [s.words for s in found] == ["First point, see the notes.", "Second one"]
    assert text[found[1].start : found[1].end] == "Second one"


def test_abbreviations_and_decimals_do_not_end_a_sentence() -> None:
    text = "We used e.g. the 2.5 hour slot. Dr. Jones was not there! Was it right? Yes."
    assert [s.words for s in sentences(text)] == [
        "We used e.g. the 2.5 hour slot.",
        "Dr. Jones was not there!",
        "Was it right?",
        "Yes.",
    ]


def test_a_paragraph_wrapped_over_lines_is_read_as_one_sentence() -> None:
    text = "Next\ntime I will ask.\nThen we can see."
    (differently,) = [f for f in find_moves(text) if f.move is Move.DIFFERENTLY]
    assert [text[s.start : s.end] for s in differently.signs] == ["Next\ntime I will ask."]


def test_the_same_text_always_gives_the_same_answer() -> None:
    text = SAMPLES[0].text
    assert find_moves(text) == find_moves(text)


@given(st.text())
def test_any_text_gives_six_findings_with_spans_inside_it(text: str) -> None:
    findings = find_moves(text)
    assert len(findings) == len(Move)
    for finding in findings:
        for sign in finding.signs:
            assert 0 <= sign.start <= sign.matched_start < sign.matched_end <= sign.end
            assert sign.end <= len(text)
    for sentence in sentences(text):
        assert 0 <= sentence.start < sentence.end <= len(text)


@given(
    st.lists(
        st.sampled_from(
            [
                "I felt anxious.",
                "# Heading",
                "- a bullet with [a link](http://a.b/c)",
                "> quoted: “next time” she said",
                "```",
                "***",
                "e.g. 3 of 4 people.",
                "\n",
                "",
                "What if? ",
                "I’ll try.",
                "😀 emoji and ß",
            ]
        )
    ).map("\n".join)
)
def test_markdown_like_text_gives_spans_inside_it(text: str) -> None:
    for finding in find_moves(text):
        for sign in finding.signs:
            assert 0 <= sign.start <= sign.matched_start < sign.matched_end <= sign.end
            assert sign.end <= len(text)
            assert text[sign.start : sign.end].strip() == text[sign.start : sign.end]
