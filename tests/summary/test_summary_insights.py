"""Insights as the summary's last section: only when asked, drawn as real tables in every format,
and its words (a tag can name someone) seen by the privacy check."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from docx.shared import Cm

from app.demo import DemoJournal
from app.insights.figures import Table
from app.journal.opening import Journal
from app.summary.contents import SummaryOptions, SummaryService, SupervisionSummary
from app.summary.export import SummaryFormat, write_summary
from app.summary.markdown_html import to_html, to_markdown
from app.summary.outline import (
    COUNTS_NOT_SCORES,
    NOTHING_BEGUN,
    FiguresTable,
    Note,
    Paragraph,
    build_outline,
    figures_widths,
)
from app.summary.places import place_of
from app.summary.privacy import apply_redactions, find_in
from app.writing.domains import Domain
from app.writing.entries import EntryStore
from tests.support.cli import run

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
TODAY = NOW.date()
OPTIONS = SummaryOptions(since=TODAY - timedelta(days=60), until=TODAY, role="Ward manager")
SECTION = f"9. {SupervisionSummary.INSIGHTS_TITLE}"
NAMED_TAG = "Dr Smith"


@pytest.fixture
def demo(journal: Journal) -> Journal:
    DemoJournal(journal).fill(now=NOW)
    # A tag is the participant's own word, and this one names a colleague (used enough to be
    # among the most used).
    entries = EntryStore(journal.engine, clock=lambda: NOW - timedelta(days=3))
    for n in range(1, 6):
        entries.create(f"Ward round {n}", "It went better.", [Domain.TEAM], [NAMED_TAG])
    return journal


def _summary(journal: Journal, **changes: Any) -> SupervisionSummary:
    return SummaryService(journal).build(dataclasses.replace(OPTIONS, **changes), TODAY)


def test_the_section_is_there_only_when_asked(demo: Journal) -> None:
    without = build_outline(_summary(demo))
    assert SECTION not in [s.title for s in without.sections]
    assert _summary(demo).insights is None
    outline = build_outline(_summary(demo, insights=True))
    last = outline.sections[-1]
    assert last.title == SECTION and len(outline.sections) == 9
    kinds = [type(b) for b in last.blocks]
    assert kinds == [
        Paragraph,
        FiguresTable,
        FiguresTable,
        FiguresTable,
        Paragraph,
        FiguresTable,
        FiguresTable,
        Paragraph,
    ]
    assert last.blocks[0] == Paragraph(COUNTS_NOT_SCORES)
    tables = [b.table for b in last.blocks if isinstance(b, FiguresTable)]
    assert [t.row_heading for t in tables] == ["Month", "Month", "Stage", "Month", "Dimension"]
    # The timing sentence follows the progress table, the gaps sentence the leadership table.
    timing, gaps = last.blocks[4], last.blocks[7]
    assert isinstance(timing, Paragraph) and "experiment to reflection" in timing.text
    summary = _summary(demo, insights=True)
    assert summary.insights is not None
    assert timing == Paragraph(summary.insights.timing.sentence())
    assert gaps == Paragraph(summary.insights.gaps_sentence())
    # Every month of the period has its row, those with nothing in them too.
    assert [r.label for r in tables[0].rows] == ["Apr 2026", "May 2026", "Jun 2026"]
    assert NAMED_TAG in tables[3].columns


def test_no_tags_leave_out_the_themes_and_an_empty_period_says_so(journal: Journal) -> None:
    EntryStore(journal.engine, clock=lambda: NOW - timedelta(days=3)).create(
        "Untagged", "No tags here.", [Domain.INDIVIDUAL], []
    )
    blocks = build_outline(_summary(journal, insights=True)).sections[-1].blocks
    captions = [b.table.caption for b in blocks if isinstance(b, FiguresTable)]
    assert len(captions) == 4 and not any(c.startswith("Themes") for c in captions)
    early = _summary(
        journal, insights=True, since=TODAY - timedelta(days=400), until=TODAY - timedelta(days=300)
    )
    section = build_outline(early).sections[-1]
    assert section.blocks == (Note(NOTHING_BEGUN),) and section.empty


def _grid_md(markdown: str, caption: str) -> list[list[str]]:
    """The pipe table under the bold caption, as rows of cells."""
    lines = markdown.splitlines()
    start = lines.index(f"**{caption}**") + 2
    rows = []
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows


def test_markdown_holds_each_table(demo: Journal) -> None:
    summary = _summary(demo, insights=True)
    assert summary.insights is not None
    text = to_markdown(summary)
    assert f"## {SECTION}" in text and COUNTS_NOT_SCORES in text
    for table in summary.insights.tables():
        grid = _grid_md(text, table.caption)
        assert grid[0] == [table.row_heading, *table.columns]
        assert set(grid[1]) <= {"---", "---:"}
        assert grid[2:] == [[r.label, *(str(c.count) for c in r.cells)] for r in table.rows]
    assert summary.insights.timing.sentence() in text
    assert summary.insights.gaps_sentence() in text


class _Tables(HTMLParser):
    """Each table's caption, and its rows as (tag, scope, text) cells."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[dict[str, Any]] = []
        self._cell: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append({"caption": "", "rows": []})
        elif tag == "caption":
            self._in_caption = True
        elif tag == "tr" and self.tables:
            self.tables[-1]["rows"].append([])
        elif tag in ("th", "td") and self.tables:
            self._cell = [tag, dict(attrs).get("scope") or "", ""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "caption":
            self._in_caption = False
        elif tag in ("th", "td") and self._cell is not None:
            self.tables[-1]["rows"][-1].append(tuple(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self.tables[-1]["caption"] += data
        elif self._cell is not None:
            self._cell[2] += data


def test_html_tables_have_captions_and_scoped_headings(demo: Journal) -> None:
    summary = _summary(demo, insights=True)
    assert summary.insights is not None
    parser = _Tables()
    parser.feed(to_html(summary))
    by_caption = {t["caption"]: t["rows"] for t in parser.tables if t["caption"]}
    for table in summary.insights.tables():
        head, *body = by_caption[table.caption]
        assert head == [("th", "col", h) for h in (table.row_heading, *table.columns)]
        assert body == [
            [("th", "row", r.label), *(("td", "", str(c.count)) for c in r.cells)]
            for r in table.rows
        ]


def test_word_has_each_table_with_a_header_row(demo: Journal, tmp_path: Path) -> None:
    summary = _summary(demo, insights=True)
    assert summary.insights is not None
    out = tmp_path / "s.docx"
    write_summary(summary, SummaryFormat.DOCX, out)
    document = docx.Document(str(out))
    grids = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    texts = [p.text for p in document.paragraphs]
    assert SECTION in texts and COUNTS_NOT_SCORES in texts
    for table in summary.insights.tables():
        expected = [[table.row_heading, *table.columns]] + [
            [r.label, *(str(c.count) for c in r.cells)] for r in table.rows
        ]
        assert expected in grids, table.caption
        word_table = document.tables[grids.index(expected)]
        # Within the page's 17 cm of text, whatever the number of columns.
        width = sum(cell.width for cell in word_table.rows[0].cells)
        assert Cm(16.9) < width <= Cm(17.01) or len(table.columns) == 1
        caption_xml = word_table._tbl.tblPr.xml
        assert f'w:val="{table.caption}"' in caption_xml  # the table's own title
        assert word_table.rows[0]._tr.xml.count("tblHeader") == 1  # repeats on each page
        assert table.caption in texts  # and the caption above it
    assert summary.insights.timing.sentence() in texts
    assert summary.insights.gaps_sentence() in texts


def test_pdf_holds_the_section(demo: Journal, tmp_path: Path, qapp: object) -> None:
    summary = _summary(demo, insights=True)
    assert summary.insights is not None
    out = tmp_path / "s.pdf"
    write_summary(summary, SummaryFormat.PDF, out)
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages)
    words = " ".join(text.split())
    assert SECTION in words
    for table in summary.insights.tables():
        assert table.caption in words
    assert NAMED_TAG in words


def test_the_privacy_check_finds_a_tag_in_the_themes(demo: Journal) -> None:
    summary = _summary(demo, insights=True)
    named = [f for f in find_in(summary) if f.finding.text == NAMED_TAG]
    # Once in the section, where the reader sees it (the themes table's heading), and once in
    # the themes line of the balance.
    assert sorted(f.path[:3] for f in named) == [
        ("balance", "themes", 0),
        ("insights", "themes", "columns"),
    ]
    [in_table] = [f for f in named if f.path[0] == "insights"]
    column = summary.insights.themes.columns.index(NAMED_TAG) + 1 if summary.insights else 0
    assert place_of(summary, in_table) == (
        f"{SupervisionSummary.INSIGHTS_TITLE} › themes › column heading {column}"
    )
    redacted = apply_redactions(summary, [in_table])
    assert redacted.insights is not None
    assert "[name]" in redacted.insights.themes.columns
    assert NAMED_TAG not in redacted.insights.themes.columns
    assert "| Month | [name] |" in to_markdown(redacted)
    gone = apply_redactions(summary, named)
    assert NAMED_TAG not in to_markdown(gone) and NAMED_TAG not in to_html(gone)
    # Kept, it is there as written.
    assert f"| Month | {NAMED_TAG} |" in to_markdown(summary)


def test_the_summary_command_adds_insights_when_asked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "j")
    run(
        capsys,
        "note",
        "The round went well.",
        "--tag",
        NAMED_TAG,
        "--domain",
        "team",
        "--data-dir",
        folder,
    )
    out = tmp_path / "s.md"
    command = ["summary", "--format", "md", "--out", str(out), "--data-dir", folder]
    code, _, _ = run(capsys, *command, "--redact")
    assert code == 0 and SupervisionSummary.INSIGHTS_TITLE not in out.read_text("utf-8")
    out.unlink()
    code, _, err = run(capsys, *command, "--insights")
    assert code == 1 and not out.exists()
    assert f"in {SupervisionSummary.INSIGHTS_TITLE} › themes › column heading 1: 'Dr Smith'" in err
    code, stdout, _ = run(capsys, *command, "--insights", "--redact")
    assert code == 0 and "2 findings redacted" in stdout  # in the themes line and the table
    text = out.read_text("utf-8")
    assert f"## 9. {SupervisionSummary.INSIGHTS_TITLE}" in text
    assert "| Month | [name] |" in text and NAMED_TAG not in text


def test_the_themes_line_keeps_a_tag_as_written_for_the_privacy_check(demo: Journal) -> None:
    summary = _summary(demo)
    assert (NAMED_TAG, 5) in summary.balance.themes
    found = [f for f in find_in(summary) if f.finding.text == NAMED_TAG]
    assert [f.path[:2] for f in found] == [("balance", "themes")]


def test_every_table_fits_the_text_width() -> None:
    for columns in range(1, 7):
        headings = tuple(f"tag {n}" for n in range(columns))
        widths = figures_widths(Table("Caption", "Month", headings, ()))
        assert len(widths) == columns + 1 and min(widths) >= 10
        # Several columns fill the width; one column of counts stays by its labels.
        assert sum(widths) == (100 if columns > 1 else 60)
