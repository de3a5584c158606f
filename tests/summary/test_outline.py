"""The summary's one outline: what each section holds, in order, and every writer drawing it."""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata
from datetime import UTC, datetime, timedelta
from pathlib import Path

import docx
import pypdf

from app.demo import DemoJournal
from app.journal.opening import Journal
from app.summary.contents import SummaryOptions, SummaryService, SupervisionSummary
from app.summary.export import SummaryFormat, write_summary
from app.summary.outline import (
    NO_ACTIONS,
    NO_SESSION,
    STILL_OPEN,
    ActionTable,
    Chart,
    ExperimentStages,
    Heading,
    Note,
    Outline,
    Paragraph,
    Quote,
    Writing,
    build_outline,
)

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
OPTIONS = SummaryOptions(
    since=TODAY - timedelta(days=60),
    until=TODAY,
    role="Ward manager",
    wants="Why I go quiet in the bed meeting.",
)


def _kinds(outline: Outline) -> list[list[str]]:
    return [[type(block).__name__ for block in section.blocks] for section in outline.sections]


def test_a_summary_with_sessions_and_excerpts_has_them_in_order(journal: Journal) -> None:
    DemoJournal(journal).fill(now=NOW)
    outline = build_outline(SummaryService(journal).build(OPTIONS, TODAY))
    assert outline.title == "Supervision summary"
    assert [label for label, _ in outline.meta] == ["Role", "For the session", "Period covered"]
    titles = [f"{n}. {t}" for n, t in enumerate(SupervisionSummary.SECTION_TITLES, start=1)]
    assert [section.title for section in outline.sections] == titles
    wants, actions, experiments, balance, flagged, feedback, support, comments = (
        section.blocks for section in outline.sections
    )
    assert wants == (Writing("Why I go quiet in the bed meeting."),)
    assert [type(b) for b in actions] == [Heading, ActionTable]
    assert actions[0] == Heading("Agreed at the last session: Coaching, 25 May 2026")
    # Each line of inquiry's question comes before its own experiments.
    assert type(experiments[0]) is Heading and {type(b) for b in experiments} == {
        Heading,
        ExperimentStages,
    }
    first = experiments[1]
    assert isinstance(first, ExperimentStages)
    assert first.title == "Ask before I tell at the morning huddle"
    assert [label for label, _ in first.stages] == [
        "Intention",
        "What I did",
        "What happened",
        "Learning",
    ]
    assert [type(b) for b in balance] == [Chart, Paragraph]
    assert isinstance(balance[1], Paragraph) and balance[1].label == "Themes"
    assert all(type(b) is Quote for b in flagged + feedback + support)
    assert [q.excerpt.title for q in flagged if isinstance(q, Quote)][:1] == [
        "Bed meeting, Thursday"
    ]
    assert comments == (Note("No coach comments yet."),)
    assert [section.empty for section in outline.sections] == [False] * 7 + [True]


def test_a_summary_with_nothing_in_it_says_so_in_each_section(journal: Journal) -> None:
    outline = build_outline(
        SummaryService(journal).build(dataclasses.replace(OPTIONS, wants=""), TODAY)
    )
    assert _kinds(outline) == [
        ["Note"],
        ["Note"],
        ["Note"],
        ["Chart", "Paragraph"],
        ["Note"],
        ["Note"],
        ["Note"],
        ["Note"],
    ]
    assert outline.sections[0].blocks == (Note("Not written yet.", stands_in=True),)
    assert outline.sections[1].blocks == (Note(NO_SESSION),)
    assert outline.sections[3].blocks[1] == Paragraph("Nothing was written in this period.")
    assert [section.empty for section in outline.sections] == [True] * 3 + [False] + [True] * 4


def test_actions_say_which_session_they_come_from(journal: Journal) -> None:
    DemoJournal(journal).fill(now=NOW)
    summary = SummaryService(journal).build(OPTIONS, TODAY)
    earlier = summary.actions
    none_agreed = dataclasses.replace(summary, actions=(), open_earlier=earlier)
    assert build_outline(none_agreed).sections[1].blocks == (
        Heading("Agreed at the last session: Coaching, 25 May 2026"),
        Note(NO_ACTIONS),
        Heading(STILL_OPEN),
        ActionTable(earlier),
    )
    only_earlier = dataclasses.replace(none_agreed, last_session="")
    section = build_outline(only_earlier).sections[1]
    assert section.blocks == (Heading(STILL_OPEN), ActionTable(earlier))
    assert not section.empty


def _headings(outline: Outline) -> list[tuple[int, str]]:
    """The outline's headings with their level: the title 1, sections 2, what is in them 3."""
    found = [(1, outline.title)]
    for section in outline.sections:
        found.append((2, section.title))
        for block in section.blocks:
            if isinstance(block, Heading):
                found.append((3, block.text))
            elif isinstance(block, Quote):
                found.append((3, block.excerpt.title))
    return found


def test_every_writer_draws_the_same_headings_in_the_same_order(
    journal: Journal, tmp_path: Path, qapp: object
) -> None:
    DemoJournal(journal).fill(now=NOW)
    summary = SummaryService(journal).build(OPTIONS, TODAY)
    expected = _headings(build_outline(summary))
    assert len(expected) > 2 + 8  # headings inside sections as well as the sections
    for fmt in SummaryFormat:
        write_summary(summary, fmt, tmp_path / f"s.{fmt.value}")

    markdown = (tmp_path / "s.md").read_text(encoding="utf-8")
    md = [(len(m[1]), m[2]) for m in re.finditer(r"^(#{1,3}) (.*)$", markdown, re.MULTILINE)]
    page = (tmp_path / "s.html").read_text(encoding="utf-8")
    in_html = [
        (int(m[1]), html.unescape(m[2])) for m in re.finditer(r"<h([1-3])>(.*?)</h\1>", page)
    ]
    levels = {"Title": 1, "Heading 1": 2, "Heading 2": 3}
    word = [
        (levels[p.style.name], p.text)
        for p in docx.Document(str(tmp_path / "s.docx")).paragraphs
        if p.style is not None and p.style.name in levels
    ]
    assert md == expected
    assert in_html == expected
    assert word == expected

    # The PDF has no heading marks to read back: each heading comes after the one before it.
    reader = pypdf.PdfReader(tmp_path / "s.pdf")
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    text = unicodedata.normalize("NFKC", text)  # Qt writes "fl" and "fi" as ligatures
    at = 0
    for _, heading in expected:
        found = text.find(" ".join(heading.split()), at)
        assert found >= 0, f"the PDF lacks {heading!r} after position {at}"
        at = found + len(heading)
