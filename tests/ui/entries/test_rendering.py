"""Markdown to safe HTML (Qt-free): formatting kept, scripts stripped, images never fetched."""

from __future__ import annotations

from app.writing.rendering import render_markdown, word_count
from tests.support.data import HOSTILE


def test_scripts_styles_and_event_handlers_are_stripped():
    html = render_markdown(HOSTILE)
    for forbidden in ("<script", "alert(", "<style", "display: none", "onclick", "steal", "iframe"):
        assert forbidden not in html
    assert "javascript:" not in html
    assert '<a href="https://www.nhs.uk"' in html
    assert '<a href="mailto:me@example.org"' in html


def test_images_are_never_fetched_only_named():
    html = render_markdown(HOSTILE)
    assert "<img" not in html
    assert "example.com" not in html
    assert "[Image not shown: ward photo]" in html


def test_ordinary_formatting_survives():
    html = render_markdown(
        "**bold** *it*\n\n- one\n- two\n\n1. first\n\n`code`\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    for tag in ("<strong>", "<em>", "<ul>", "<ol>", "<code>", "<table>", "<td>"):
        assert tag in html


def test_word_count_counts_words_not_markdown():
    assert word_count("") == 0
    assert word_count("# What I'll try next\n\n- ask *first*, listen") == 7
