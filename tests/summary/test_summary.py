"""The supervision summary: every section, each format alike, and privacy on the way out."""

from __future__ import annotations

import dataclasses
import itertools
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from app.demo import DemoJournal
from app.journal.opening import Journal
from app.summary.contents import Excerpt, SummaryOptions, SummaryService, SupervisionSummary
from app.summary.export import SummaryFormat, write_summary
from app.summary.markdown_html import to_html, to_markdown
from app.summary.privacy import apply_redactions, find_in
from tests.support.cli import run

NOW = datetime(2026, 6, 15, 12, 0, tzinfo=UTC)
TODAY = NOW.date()


@pytest.fixture
def demo(journal: Journal) -> Journal:
    DemoJournal(journal).fill(now=NOW)
    return journal


def _summary(journal: Journal, **changes: Any) -> SupervisionSummary:
    options = SummaryOptions(
        since=TODAY - timedelta(days=60),
        until=TODAY,
        role="Ward manager",
        programme="Leadership programme, cohort 12",
        wants="Why I go quiet in the bed meeting.",
    )
    return SummaryService(journal).build(dataclasses.replace(options, **changes), TODAY)


def test_default_period_runs_from_the_last_session(demo: Journal) -> None:
    assert SummaryService(demo).default_period(TODAY) == (TODAY - timedelta(days=21), TODAY)


def test_default_selection_is_flagged_items_and_reviewed_cycles(demo: Journal) -> None:
    cycles, entries = SummaryService(demo).default_selection(TODAY - timedelta(days=60), TODAY)
    titles = {demo.cycles.get(c).display_title for c in cycles}
    assert "Flow targets or a safe discharge" in titles  # flagged, still in progress
    assert "Ask before I tell at the morning huddle" in titles  # reviewed in the period
    assert "Noticed my jaw tighten" not in titles  # neither
    assert [demo.entries.get(e).title for e in entries] == ["Bed meeting, Thursday"]


def test_every_section_has_its_content(demo: Journal) -> None:
    summary = _summary(demo)
    assert summary.role == "Ward manager" and "to 15 June 2026" in summary.period
    assert summary.wants == "Why I go quiet in the bed meeting."
    actions = {a.what: a for a in summary.actions}
    handover = actions["Try the worry question at the night handover"]
    assert handover.status == "Done" and handover.evidence == (
        "Try the question at the night handover",
    )
    assert actions["Ask my sponsor for a monthly check-in"].overdue
    questions = [g.question for g in summary.inquiries]
    assert "How do I get my team to raise concerns earlier in the shift?" in questions
    experiment = summary.inquiries[0].experiments[0]
    assert experiment.intention and experiment.outcome and experiment.loop
    assert dict(summary.balance.counts)["Team or service"] > 0
    assert summary.balance.themes
    assert {e.title for e in summary.flagged} >= {
        "Bed meeting, Thursday",
        "Flow targets or a safe discharge",
    }
    assert [e.title for e in summary.feedback][:1] == ["Feedback from the practice educator"]
    assert "Sponsor meeting postponed again" in [e.title for e in summary.support]


def test_choosing_what_goes_in(demo: Journal) -> None:
    summary = _summary(demo, cycle_ids=(), entry_ids=())
    assert summary.inquiries == () and summary.flagged == ()


HEADINGS = SupervisionSummary.SECTION_TITLES


def _text_of_pdf(path: Path) -> str:
    reader = pypdf.PdfReader(path)
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_all_formats_hold_the_same_headings_and_entries(
    demo: Journal, tmp_path: Path, qapp: object
) -> None:
    summary = _summary(demo)
    for fmt in SummaryFormat:
        write_summary(summary, fmt, tmp_path / f"summary.{fmt.value}")
    texts = {
        "md": (tmp_path / "summary.md").read_text(encoding="utf-8"),
        "html": re.sub(r"<[^>]+>", " ", (tmp_path / "summary.html").read_text(encoding="utf-8")),
        "docx": "\n".join(p.text for p in docx.Document(str(tmp_path / "summary.docx")).paragraphs),
        "pdf": _text_of_pdf(tmp_path / "summary.pdf"),
    }
    must_hold = [
        *HEADINGS,
        "Ward manager",
        "How do I get my team to raise concerns earlier in the shift?",
        "Ask before I tell at the morning huddle",
        "Bed meeting, Thursday",
        "Feedback from the practice educator",
    ]
    for name, text in texts.items():
        flat = " ".join(text.replace("&#x27;", "'").split())
        missing = [m for m in must_hold if m not in flat]
        assert not missing, f"{name} lacks {missing}"


def test_word_document_uses_real_heading_styles_and_tables(demo: Journal, tmp_path: Path) -> None:
    write_summary(_summary(demo), SummaryFormat.DOCX, tmp_path / "s.docx")
    document = docx.Document(str(tmp_path / "s.docx"))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Title", "Heading 1", "Heading 2"} <= styles
    headings = [p.text for p in document.paragraphs if p.style and p.style.name == "Heading 1"]
    assert headings == [f"{n}. {t}" for n, t in enumerate(HEADINGS, start=1)]
    assert len(document.tables) >= 3


def test_pdf_is_a4_titled_and_numbered(demo: Journal, tmp_path: Path, qapp: object) -> None:
    write_summary(_summary(demo), SummaryFormat.PDF, tmp_path / "s.pdf")
    reader = pypdf.PdfReader(tmp_path / "s.pdf")
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    assert reader.metadata is not None and reader.metadata.title == "Supervision summary"
    assert len(reader.pages) > 1
    last = " ".join((reader.pages[-1].extract_text() or "").split())
    assert last.endswith(str(len(reader.pages)))  # page numbers at the foot


def test_html_is_self_contained(demo: Journal) -> None:
    html = to_html(_summary(demo))
    assert "<svg" in html and "@page" in html
    assert not re.search(r"""(src|href)=["']https?:""", html)
    assert "<script" not in html


def test_privacy_findings_are_located_and_redacted(journal: Journal) -> None:
    entry = journal.entries.create("Handover", "Mrs Patel, NHS no 943 476 5919, fell again.")
    journal.entries.set_flags(entry.id, bring_to_supervision=True)
    summary = _summary(journal)
    findings = find_in(summary)
    assert [(f.finding.kind.value, f.finding.text) for f in findings] == [
        ("name", "Mrs Patel"),
        ("nhs_number", "943 476 5919"),
    ]
    assert findings[0].where == "flagged, 1, text"
    redacted = apply_redactions(summary, findings[1:])
    assert "943 476 5919" not in to_markdown(redacted)
    assert "[NHS number]" in to_markdown(redacted) and "Mrs Patel" in to_markdown(redacted)
    assert find_in(apply_redactions(summary, findings)) == []


def test_summary_command_refuses_findings_unless_told(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = str(tmp_path / "j")
    run(
        capsys,
        "note",
        "Mrs Patel was upset at visiting.",
        "--title",
        "Visiting",
        "--data-dir",
        folder,
    )
    with_ids = tmp_path / "e.json"
    run(capsys, "export", "--out", str(with_ids), "--data-dir", folder)
    out = tmp_path / "summary.md"
    code, _, err = run(capsys, "summary", "--format", "md", "--out", str(out), "--data-dir", folder)
    assert code == 0 and out.exists()  # nothing flagged, nothing identifying goes in
    entry_id = json.loads(with_ids.read_text())["entries"][0]["id"]
    from app.journal.opening import open_journal
    from app.storage.keys import SystemKeyring

    journal = open_journal(Path(folder), SystemKeyring())
    journal.entries.set_flags(entry_id, bring_to_supervision=True)
    journal.close()
    out.unlink()
    code, _, err = run(capsys, "summary", "--format", "md", "--out", str(out), "--data-dir", folder)
    assert code == 1 and not out.exists()
    assert "name (high) in Dilemmas and entries to bring › “Visiting” › text: 'Mrs Patel'" in err
    code, stdout, _ = run(
        capsys, "summary", "--format", "md", "--out", str(out), "--redact", "--data-dir", folder
    )
    assert code == 0 and "1 finding redacted" in stdout
    assert "[name] was upset" in out.read_text(encoding="utf-8")
    code, _, _ = run(
        capsys,
        "summary",
        "--format",
        "docx",
        "--out",
        str(tmp_path / "kept.docx"),
        "--keep-findings",
        "--data-dir",
        folder,
    )
    assert code == 0
    kept = "\n".join(p.text for p in docx.Document(str(tmp_path / "kept.docx")).paragraphs)
    assert "Mrs Patel" in kept


def test_pdf_from_the_command_line_needs_no_display(isolated_home: Path, tmp_path: Path) -> None:
    import subprocess

    from tests.support.processes import PYTHON, subprocess_env

    env = subprocess_env(isolated_home)
    env.pop("QT_QPA_PLATFORM", None)
    env.pop("DISPLAY", None)
    folder = str(tmp_path / "j")
    subprocess.run([PYTHON, "-m", "app", "demo", "--data-dir", folder], env=env, check=True)
    out = tmp_path / "s.pdf"
    command = ["summary", "--format", "pdf", "--out", str(out), "--redact", "--data-dir", folder]
    result = subprocess.run(
        [PYTHON, "-m", "app", *command],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    # The sample's next session is coaching: the summary is for that one, not a default kind.
    assert "Coaching summary" in _text_of_pdf(out)


# -- what a reader of the Word document and the PDF gets ------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ENTRY_MARKDOWN = (
    "A *quiet* word and a **loud** one, with `rota.xlsx` open.\n\n"
    "## What I noticed\n\n"
    "- first point with *emphasis*\n- second **point**\n\n"
    "1. one\n2. two\n\n"
    "Then a paragraph between the lists.\n\n"
    "1. again one\n2. again two\n"
)


def _word(summary: SupervisionSummary, tmp_path: Path) -> Any:
    write_summary(summary, SummaryFormat.DOCX, tmp_path / "s.docx")
    return docx.Document(str(tmp_path / "s.docx"))


def _with_markdown_entry(summary: SupervisionSummary) -> SupervisionSummary:
    entry = Excerpt("Written in Markdown", "1 June 2026", ENTRY_MARKDOWN, ("Individual",))
    return dataclasses.replace(summary, flagged=(entry,), wants="I want **both** of these.")


def _all_word_text(document: Any) -> str:
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_word_footer_numbers_every_page(demo: Journal, tmp_path: Path) -> None:
    document = _word(_summary(demo), tmp_path)
    footer = document.sections[0].footer
    fields = [i.text.strip() for i in footer._element.iter(f"{W}instrText")]
    assert fields == ["PAGE", "NUMPAGES"]
    paragraph = footer.paragraphs[0]
    assert paragraph.text == "Page 1 of 1"  # what shows until Word counts the pages
    assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_word_table_headers_repeat_and_rows_stay_whole(demo: Journal, tmp_path: Path) -> None:
    document = _word(_summary(demo), tmp_path)
    headed = [t for t in document.tables if t.rows[0].cells[0].text in ("Action", "Domain")]
    assert len(headed) == 2  # the actions and the balance chart
    for table in headed:
        assert table.rows[0]._tr.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r._tr.find(f"{W}trPr/{W}tblHeader") is None for r in table.rows[1:])
    for table in document.tables:
        assert all(r._tr.find(f"{W}trPr/{W}cantSplit") is not None for r in table.rows)


def test_word_renders_entry_markdown_without_asterisks(demo: Journal, tmp_path: Path) -> None:
    document = _word(_with_markdown_entry(_summary(demo)), tmp_path)
    text = _all_word_text(document)
    assert "**" not in text and not re.search(r"\*\w[^*]*\*", text) and "`" not in text
    assert "## " not in text and "\n- " not in text
    runs = {r.text: r for p in document.paragraphs for r in p.runs}
    assert runs["quiet"].italic and runs["loud"].bold and runs["both"].bold
    assert runs["rota.xlsx"].font.name == "Consolas"
    noticed = next(p for p in document.paragraphs if p.text == "What I noticed")
    assert noticed.style.name == "Normal" and all(r.bold for r in noticed.runs)
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles["first point with emphasis"] == "List Bullet"
    assert styles["one"] == styles["again one"] == "List Number"
    numbered = {
        p.text: p._p.find(f"{W}pPr/{W}numPr/{W}numId").get(f"{W}val")
        for p in document.paragraphs
        if p.text in ("one", "two", "again one")
    }
    # Each list counts from 1: the second list has numbering of its own.
    assert numbered["one"] == numbered["two"] != numbered["again one"]


def test_word_copes_with_odd_markup_in_an_entry(demo: Journal, tmp_path: Path) -> None:
    odd = Excerpt("Odd", "1 June 2026", '<ol start="x"><li>kept</li></ol>\n\n```\na\n  b\n```', ())
    document = _word(dataclasses.replace(_summary(demo), flagged=(odd,)), tmp_path)
    texts = [p.text for p in document.paragraphs]
    assert "kept" in texts and "a\n  b" in texts  # code keeps its lines and indent


def test_word_marks_overdue_actions_in_bold_dark_red(demo: Journal, tmp_path: Path) -> None:
    document = _word(_summary(demo), tmp_path)
    actions = next(t for t in document.tables if t.rows[0].cells[0].text == "Action")
    status = {row.cells[0].text: row.cells[3] for row in actions.rows[1:]}
    overdue = status["Ask my sponsor for a monthly check-in"]
    assert overdue.text.endswith("(overdue)")
    assert all(r.bold and str(r.font.color.rgb) == "A00000" for r in overdue.paragraphs[0].runs)
    done = status["Try the worry question at the night handover"]
    assert done.text == "Done" and not any(r.bold for r in done.paragraphs[0].runs)


def test_word_heading_levels_never_skip_one(demo: Journal, tmp_path: Path) -> None:
    document = _word(_with_markdown_entry(_summary(demo)), tmp_path)
    levels = [
        0 if p.style.name == "Title" else int(p.style.name.split()[-1])
        for p in document.paragraphs
        if p.style is not None and (p.style.name == "Title" or p.style.name.startswith("Heading"))
    ]
    assert levels[0] == 0 and 2 in levels
    assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), levels


def test_word_document_is_in_british_english(demo: Journal, tmp_path: Path) -> None:
    document = _word(_summary(demo), tmp_path)
    defaults = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert defaults is not None and defaults.get(f"{W}val") == "en-GB"
    assert document.core_properties.language == "en-GB"


def test_word_chart_is_labelled_text_not_a_picture(demo: Journal, tmp_path: Path) -> None:
    summary = _summary(demo)
    document = _word(summary, tmp_path)
    assert not document.inline_shapes
    chart = next(t for t in document.tables if t.rows[0].cells[0].text == "Domain")
    rows = [(row.cells[0].text, row.cells[-1].text) for row in chart.rows[1:]]
    assert rows == [(label, str(n)) for label, n in summary.balance.counts]
    # The bars are shaded cells whose width follows the count.
    widths = [
        int(row.cells[1]._tc.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val")) for row in chart.rows[1:]
    ]
    counts = [n for _, n in summary.balance.counts]
    assert sorted(range(3), key=widths.__getitem__) == sorted(range(3), key=counts.__getitem__)


def test_pdf_chart_shows_each_domain_with_its_count(
    demo: Journal, tmp_path: Path, qapp: object
) -> None:
    summary = _summary(demo)
    write_summary(summary, SummaryFormat.PDF, tmp_path / "s.pdf")
    text = _text_of_pdf(tmp_path / "s.pdf")
    chart = text[text.index(f"4. {HEADINGS[3]}") :]
    for label, count in summary.balance.counts:
        assert f"{label} {count}" in chart
    assert "Page 1 of" in text


def test_qt_lays_tables_flush_with_the_text(demo: Journal, qapp: object) -> None:
    from PySide6.QtGui import QTextDocument, QTextTable

    document = QTextDocument()
    document.setHtml(to_html(_summary(demo)))
    tables = [f for f in document.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert tables and all(t.format().leftMargin() == 0 for t in tables)
    assert document.begin().blockFormat().leftMargin() == 0


def test_pdf_never_ends_a_page_with_a_heading(demo: Journal, tmp_path: Path, qapp: object) -> None:
    sentence = "I noticed the room go quiet when the site manager asked again. "
    entries = tuple(
        Excerpt(f"Entry number {n}", f"{n} June 2026", sentence * (1 + n * 7 % 9), ("Individual",))
        for n in range(1, 41)
    )
    summary = dataclasses.replace(_summary(demo), flagged=entries)
    write_summary(summary, SummaryFormat.PDF, tmp_path / "s.pdf")
    pages = [
        [" ".join(line.split()) for line in (page.extract_text() or "").splitlines()]
        for page in pypdf.PdfReader(tmp_path / "s.pdf").pages
    ]
    assert len(pages) > 5
    titles = [line for page in pages for line in page if line.startswith("Entry number")]
    assert titles == [e.title for e in entries]  # every entry, once, in order
    for number, lines in enumerate(pages, start=1):
        text = [line for line in lines if line and not line.startswith("Page ")]
        assert lines[-1] == f"Page {number} of {len(pages)}"
        last = text[-1]
        assert not last.startswith("Entry number") and not last.endswith("June 2026 · Individual")
        assert last not in {f"{n}. {t}" for n, t in enumerate(HEADINGS, start=1)}


def test_entry_headings_sit_under_the_entry_title(demo: Journal) -> None:
    html = to_html(_with_markdown_entry(_summary(demo)))
    assert "<h4>What I noticed</h4>" in html
    entry = html[html.index("Written in Markdown") :]
    assert not re.search(r"<h[12]>", entry.split("<h2>6.")[0])


def test_a_link_to_another_item_is_its_title_in_every_format(
    journal: Journal, tmp_path: Path, qapp: object
) -> None:
    target = journal.entries.create("Bed meeting, Thursday", "")
    link = f"[Bed meeting, Thursday](ij:entry/{target.id})"
    entry = journal.entries.create("Looking again", f"After {link} I asked them.")
    summary = _summary(journal, entry_ids=(entry.id,), cycle_ids=())
    for fmt in SummaryFormat:
        write_summary(summary, fmt, tmp_path / f"summary.{fmt.value}")
    texts = {
        "md": (tmp_path / "summary.md").read_text(encoding="utf-8"),
        "html": (tmp_path / "summary.html").read_text(encoding="utf-8"),
        "docx": "\n".join(p.text for p in docx.Document(str(tmp_path / "summary.docx")).paragraphs),
        "pdf": _text_of_pdf(tmp_path / "summary.pdf"),
    }
    for name, text in texts.items():
        assert "ij:" not in text, name
        flat = " ".join(text.split())
        assert "After Bed meeting, Thursday I asked them." in flat, name
