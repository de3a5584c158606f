"""The summary for the session being prepared: its actions, its period, whose it is, its pages.

The journal is the one a participant has on 3 December 2026 (tests/support/summary_journal.py):
the session being prepared for is recorded already, the last one was on 5 November, and an
action from 8 October is still open.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest

from app.journal.opening import Journal, create_journal
from app.storage.keys import SystemKeyring
from app.summary.contents import (
    BEFORE_PERIOD,
    Excerpt,
    SummaryOptions,
    SummaryService,
    SupervisionSummary,
)
from app.summary.export import SummaryFormat, write_summary
from app.summary.outline import ACTION_COLUMNS, BY_COLUMN, EMPTY_NOTES
from app.supervision.session_records import SessionKind
from app.supervision.sessions import SessionStore
from app.writing.entries import EntryStore
from tests.support.cli import run
from tests.support.summary_journal import (
    CARD_NAME,
    EARLIER_DONE,
    EARLIER_OPEN,
    LAST_DONE,
    LAST_OVERDUE,
    LAST_SESSION,
    OLD_FLAGGED,
    TODAY,
    TODAYS_ACTION,
    build_december,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADINGS = SupervisionSummary.SECTION_TITLES


@pytest.fixture
def december(journal: Journal) -> Journal:
    return build_december(journal)


def _summary(journal: Journal, **changes: Any) -> SupervisionSummary:
    """The summary as the dialog prepares it by default, for the session on TODAY."""
    since, until = SummaryService(journal).default_period(TODAY)
    coming = SummaryService(journal).next_session(TODAY)
    options = SummaryOptions(
        since=since,
        until=until,
        role="Ward manager",
        session_kind=coming.kind,
        session_date=coming.day,
    )
    return SummaryService(journal).build(dataclasses.replace(options, **changes), TODAY)


def _pdf_lines(path: Path) -> list[list[str]]:
    """Each page's lines of text, whitespace collapsed and ligatures ("ﬂ") undone."""
    return [
        [
            " ".join(unicodedata.normalize("NFKC", line).split())
            for line in (page.extract_text() or "").splitlines()
        ]
        for page in pypdf.PdfReader(path).pages
    ]


# -- Actions agreed last time ---------------------------------------------------------------


def test_the_session_being_prepared_for_is_not_last_time(december: Journal) -> None:
    coming = SummaryService(december).next_session(TODAY)
    assert (coming.kind, coming.day) == (SessionKind.SUPERVISION, TODAY)
    summary = _summary(december)
    assert summary.last_session == "Coaching, 5 November 2026"
    assert [a.what for a in summary.actions] == [LAST_DONE, LAST_OVERDUE]
    assert TODAYS_ACTION not in {a.what for a in summary.actions + summary.open_earlier}
    done, overdue = summary.actions
    assert (done.status, done.overdue) == ("Done", False)
    assert (overdue.status, overdue.overdue) == ("In progress", True)


def test_actions_still_open_from_earlier_sessions_are_listed_and_marked(
    december: Journal,
) -> None:
    summary = _summary(december)
    [earlier] = summary.open_earlier  # the one done in October is not carried forward
    assert earlier.what == EARLIER_OPEN and earlier.overdue
    assert earlier.agreed == "8 October 2026" and earlier.by_when == "30 October 2026"
    assert EARLIER_DONE not in {a.what for a in summary.actions + summary.open_earlier}
    # Every open action Home shows from before this session is in the summary.
    home = {a.what for a in december.sessions.open_actions()} - {TODAYS_ACTION}
    assert home <= {a.what for a in summary.actions + summary.open_earlier}


def test_every_format_shows_the_earlier_open_action_as_overdue(
    december: Journal, tmp_path: Path, qapp: object
) -> None:
    summary = _summary(december)
    for fmt in SummaryFormat:
        write_summary(summary, fmt, tmp_path / f"s.{fmt.value}")
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert "### Still open from earlier sessions" in md
    assert f"| {EARLIER_OPEN} (agreed 8 October 2026) |" in md
    assert "Not started (overdue)" in md
    document = docx.Document(str(tmp_path / "s.docx"))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Action"]
    assert len(tables) == 2
    rows = {r.cells[0].paragraphs[0].text: r for r in tables[1].rows[1:]}
    assert rows[EARLIER_OPEN].cells[3].text == "Not started (overdue)"
    pdf = " ".join(line for page in _pdf_lines(tmp_path / "s.pdf") for line in page)
    assert "Still open from earlier sessions" in pdf and EARLIER_OPEN in pdf
    assert TODAYS_ACTION not in pdf


def test_no_earlier_session_says_so(journal: Journal) -> None:
    summary = SummaryService(journal).build(
        SummaryOptions(TODAY - timedelta(days=30), TODAY), TODAY
    )
    assert summary.last_session == "" and summary.actions == summary.open_earlier == ()
    assert "No earlier session is recorded." in write_md(summary)


def write_md(summary: SupervisionSummary) -> str:
    from app.summary.markdown_html import to_markdown

    return to_markdown(summary)


# -- The period -----------------------------------------------------------------------------


def test_default_period_runs_from_the_session_before_the_one_prepared_for(
    december: Journal,
) -> None:
    assert SummaryService(december).default_period(TODAY) == (LAST_SESSION, TODAY)
    summary = _summary(december)
    assert summary.period == "5 November 2026 to 3 December 2026"
    assert sum(n for _, n in summary.balance.counts) > 0
    assert summary.balance.note != "Nothing was written in this period."


def _at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 9, tzinfo=UTC)


def test_default_period_reaches_back_past_a_session_with_nothing_since(journal: Journal) -> None:
    EntryStore(journal.engine, clock=lambda: _at(date(2026, 11, 20))).create("Huddle", "Asked.")
    SessionStore(journal.engine).record(SessionKind.COACHING, date(2026, 11, 10))
    SessionStore(journal.engine).record(SessionKind.COACHING, date(2026, 12, 1))
    assert SummaryService(journal).default_period(TODAY) == (date(2026, 11, 10), TODAY)


def test_default_period_with_no_session_reaches_the_last_writing(journal: Journal) -> None:
    assert SummaryService(journal).default_period(TODAY) == (TODAY - timedelta(days=30), TODAY)
    EntryStore(journal.engine, clock=lambda: _at(date(2026, 8, 2))).create("Old", "Still true.")
    since, until = SummaryService(journal).default_period(TODAY)
    assert (since, until) == (date(2026, 8, 2), TODAY)
    summary = SummaryService(journal).build(SummaryOptions(since, until), TODAY)
    assert summary.balance.note == "Nothing written in this period has a domain ticked."


def test_flagged_items_from_before_the_period_say_so(
    december: Journal, tmp_path: Path, qapp: object
) -> None:
    summary = _summary(december)
    notes = {item.title: item.note for item in summary.flagged}
    assert notes[OLD_FLAGGED] == BEFORE_PERIOD
    assert notes["Bed meeting, Thursday"] == ""  # written in the period
    for fmt in (SummaryFormat.MD, SummaryFormat.PDF, SummaryFormat.DOCX):
        write_summary(summary, fmt, tmp_path / f"s.{fmt.value}")
    pdf = " ".join(line for page in _pdf_lines(tmp_path / "s.pdf") for line in page)
    meta = f"14 September 2026 · Organisation and wider context · {BEFORE_PERIOD}"
    assert f"{OLD_FLAGGED} {meta}" in pdf
    paragraphs = [p.text for p in docx.Document(str(tmp_path / "s.docx")).paragraphs]
    assert meta in paragraphs


# -- Whose summary, for which session ---------------------------------------------------------


def test_the_summary_names_whose_it_is_and_the_session(
    december: Journal, tmp_path: Path, qapp: object
) -> None:
    summary = _summary(december, name=f"  {CARD_NAME} ")
    assert summary.name == CARD_NAME
    assert summary.session == "Supervision, 3 December 2026, with my clinical supervisor"
    for fmt in SummaryFormat:
        write_summary(summary, fmt, tmp_path / f"s.{fmt.value}")
    md = (tmp_path / "s.md").read_text(encoding="utf-8")
    assert f"**Name:** {CARD_NAME}" in md
    assert "**For the session:** Supervision, 3 December 2026, with my clinical supervisor" in md
    document = docx.Document(str(tmp_path / "s.docx"))
    assert f"Name: {CARD_NAME}" in document.paragraphs[1].text
    assert document.core_properties.author == CARD_NAME
    reader = pypdf.PdfReader(tmp_path / "s.pdf")
    assert reader.metadata is not None and reader.metadata.author == CARD_NAME
    assert f"Name: {CARD_NAME}" in " ".join(_pdf_lines(tmp_path / "s.pdf")[0])


def test_left_out_the_name_is_nowhere_and_the_role_is_the_author(
    december: Journal, tmp_path: Path, qapp: object
) -> None:
    summary = _summary(december, name="")
    for fmt in (SummaryFormat.DOCX, SummaryFormat.PDF, SummaryFormat.HTML):
        write_summary(summary, fmt, tmp_path / f"s.{fmt.value}")
    document = docx.Document(str(tmp_path / "s.docx"))
    assert document.core_properties.author == "Ward manager"
    assert document.core_properties.last_modified_by == "Ward manager"
    assert "Name:" not in document.paragraphs[1].text
    reader = pypdf.PdfReader(tmp_path / "s.pdf")
    assert reader.metadata is not None and reader.metadata.author == "Ward manager"
    assert "Name:" not in (tmp_path / "s.html").read_text(encoding="utf-8")


def _card_journal(folder: Path, name: str | None) -> None:
    """A journal whose sharing keys carry `name` (None: keys made before a name was chosen)."""
    journal, _code = create_journal(folder, SystemKeyring())
    journal.sharing.identity(name)
    journal.close()


def test_summary_command_names_the_card_or_the_name_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "j"
    _card_journal(folder, CARD_NAME)
    out = tmp_path / "s.md"
    base = ["summary", "--format", "md", "--out", str(out), "--data-dir", str(folder)]
    assert run(capsys, *base)[0] == 0
    assert f"**Name:** {CARD_NAME}" in out.read_text(encoding="utf-8")
    assert run(capsys, *base, "--name", "Sam")[0] == 0
    assert "**Name:** Sam" in out.read_text(encoding="utf-8")
    assert run(capsys, *base, "--name", "")[0] == 0
    assert "**Name:**" not in out.read_text(encoding="utf-8")
    docx_out = tmp_path / "s.docx"
    docx_args = ["summary", "--format", "docx", "--out", str(docx_out), "--name", "Sam"]
    assert run(capsys, *docx_args, "--data-dir", str(folder))[0] == 0
    assert docx.Document(str(docx_out)).core_properties.author == "Sam"


def test_a_journal_without_a_chosen_card_name_names_no_one(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "j"
    _card_journal(folder, None)
    out = tmp_path / "s.md"
    args = ["summary", "--format", "md", "--out", str(out), "--data-dir", str(folder)]
    code, _, _ = run(capsys, *args)
    assert code == 0
    assert "**Name:**" not in out.read_text(encoding="utf-8")


# -- Layout -----------------------------------------------------------------------------------


def test_word_dates_in_the_actions_table_never_break(december: Journal, tmp_path: Path) -> None:
    write_summary(_summary(december), SummaryFormat.DOCX, tmp_path / "s.docx")
    document = docx.Document(str(tmp_path / "s.docx"))
    tables = [t for t in document.tables if t.rows[0].cells[0].text == "Action"]
    longest = "30 September 2026"  # the longest date there is
    text_width_cm = 17.0
    # Calibri at 10 pt takes about 2.8 cm for it; the cell's own margins another 0.38 cm.
    needed_cm = len(longest) * 0.17 + 0.38
    assert text_width_cm * ACTION_COLUMNS[BY_COLUMN][1] / 100 >= needed_cm
    for table in tables:
        for row in table.rows:
            cell = row.cells[BY_COLUMN]
            assert cell._tc.find(f"{W}tcPr/{W}noWrap") is not None
            assert " " not in cell.text  # spaces are non-breaking
            assert cell.width is not None and cell.width.cm >= needed_cm


def test_pdf_dates_and_headers_stay_on_one_line(
    december: Journal, tmp_path: Path, qapp: object
) -> None:
    summary = _summary(december)
    write_summary(summary, SummaryFormat.PDF, tmp_path / "s.pdf")
    lines = [line for page in _pdf_lines(tmp_path / "s.pdf") for line in page]
    dates = {a.by_when for a in summary.actions + summary.open_earlier}
    assert dates == {"16 November 2026", "23 November 2026", "30 October 2026"}
    for day in dates:
        assert any(day in line for line in lines), f"{day} is broken across lines"
    for name, _ in ACTION_COLUMNS:
        assert name in lines, f"the header {name!r} is broken across lines"


def _empty_heavy(summary: SupervisionSummary, entries: int, words: int) -> SupervisionSummary:
    sentence = "I noticed the room go quiet when the site manager asked again. "
    flagged = tuple(
        Excerpt(f"Entry number {n}", f"{n} June 2026", sentence * words, ("Individual",))
        for n in range(1, entries + 1)
    )
    return dataclasses.replace(summary, flagged=flagged, feedback=(), support=(), comments=())


def _only_empty_sections(lines: list[str]) -> bool:
    headings = {f"{n}. {t}" for n, t in enumerate(HEADINGS, start=1)}
    text = [line for line in lines if line and not line.startswith("Page ")]
    return bool(text) and all(line in headings or line in EMPTY_NOTES for line in text)


@pytest.mark.parametrize("words", [3, 6, 9])
def test_no_pdf_page_holds_only_empty_sections(
    december: Journal, tmp_path: Path, qapp: object, words: int
) -> None:
    summary = _summary(december)
    for entries in range(2, 7):
        out = tmp_path / f"s{entries}.pdf"
        write_summary(_empty_heavy(summary, entries, words), SummaryFormat.PDF, out)
        pages = _pdf_lines(out)
        lonely = [n for n, page in enumerate(pages, start=1) if _only_empty_sections(page)]
        assert lonely == [], f"{entries} entries: page {lonely} holds only empty sections"
        titles = [line for page in pages for line in page if line.startswith("Entry number")]
        assert titles == [f"Entry number {n}" for n in range(1, entries + 1)]


def test_word_keeps_empty_sections_with_what_comes_before(
    december: Journal, tmp_path: Path
) -> None:
    summary = _empty_heavy(_summary(december), 3, 4)
    write_summary(summary, SummaryFormat.DOCX, tmp_path / "s.docx")
    paragraphs = docx.Document(str(tmp_path / "s.docx")).paragraphs
    at = next(n for n, p in enumerate(paragraphs) if p.text == f"6. {HEADINGS[5]}")
    before = paragraphs[at - 1]
    assert before.text.startswith("I noticed") and before.paragraph_format.keep_with_next
    # The chain runs through every empty section to the last one.
    tail = paragraphs[at:]
    assert [p.text for p in tail] == [
        f"6. {HEADINGS[5]}",
        "None in this period.",
        f"7. {HEADINGS[6]}",
        "None in this period.",
        f"8. {HEADINGS[7]}",
        "No coach comments yet.",
    ]
    notes = tail[1::2]
    assert [bool(p.paragraph_format.keep_with_next) for p in notes] == [True, True, False]


def test_a_long_text_before_an_empty_section_stays_where_it_starts(
    december: Journal, tmp_path: Path, qapp: object
) -> None:
    wants = "I want to understand why I go quiet when the site manager asks again. " * 40
    summary = dataclasses.replace(
        _summary(december), wants=wants, last_session="", actions=(), open_earlier=()
    )
    write_summary(summary, SummaryFormat.PDF, tmp_path / "s.pdf")
    first = _pdf_lines(tmp_path / "s.pdf")[0]
    assert f"1. {HEADINGS[0]}" in first and any(line.startswith("I want") for line in first)


def test_word_lets_a_long_text_before_an_empty_section_stay_put(
    december: Journal, tmp_path: Path
) -> None:
    wants = "I want to understand why I go quiet when the site manager asks again. " * 40
    summary = dataclasses.replace(
        _summary(december), wants=wants, last_session="", actions=(), open_earlier=()
    )
    write_summary(summary, SummaryFormat.DOCX, tmp_path / "s.docx")
    paragraphs = docx.Document(str(tmp_path / "s.docx")).paragraphs
    [long_text] = [p for p in paragraphs if p.text.startswith("I want")]
    assert not long_text.paragraph_format.keep_with_next
    short = dataclasses.replace(summary, wants="Why I go quiet.")
    write_summary(short, SummaryFormat.DOCX, tmp_path / "t.docx")
    paragraphs = docx.Document(str(tmp_path / "t.docx")).paragraphs
    [short_text] = [p for p in paragraphs if p.text == "Why I go quiet."]
    assert short_text.paragraph_format.keep_with_next  # section 2 is empty: it travels with it
