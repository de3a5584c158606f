"""The summary's outline: its sections in order and the blocks each one holds.

This is the one place that decides what goes where in a summary: which headings, which notes
for an empty section, which tables, excerpts and chart, and whether Insights' tables close it.
Each writer (Markdown and HTML in
`markdown_html`, Word in `word`, the PDF through the HTML) walks the same outline and knows only
how to draw each kind of block in its format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from app.insights.figures import Insights, Table
from app.summary.contents import ActionLine, Balance, Excerpt, Experiment, SupervisionSummary

NONE_YET = "None in this period."
NOT_WRITTEN = "Not written yet."
NO_COMMENTS = "No coach comments yet."
NO_SESSION = "No earlier session is recorded."
NO_ACTIONS = "No actions were agreed at that session."
STILL_OPEN = "Still open from earlier sessions"
NOTHING_BEGUN = "Nothing was begun in this period."
COUNTS_NOT_SCORES = (
    "These are counts of the entries and cycles begun in this period, not scores: they say how "
    "much was written and tried, never how well."
)
EMPTY_NOTES = (NONE_YET, NOT_WRITTEN, NO_COMMENTS, NO_SESSION, NOTHING_BEGUN)
"""What an empty section says (the PDF keeps these with what comes before them)."""
NBSP = "\u00a0"
NO_TEXT = "—"
EXPERIMENT_STAGES = ("Intention", "What I did", "What happened", "Learning")

# The actions table's columns and their share of the width in percent, as HTML attributes
# (which both browsers and Qt's rich text honour) and Word's column widths. "By" holds
# "30 September 2026" on one line in Word's Calibri and Qt's sans at 10 pt; the evidence shares
# a column with what happened so that no column is too narrow for its words.
ACTION_COLUMNS = (
    ("Action", 27),
    ("With", 13),
    ("By", 20),
    ("Status", 16),
    ("What happened", 24),
)
BY_COLUMN = 2
# An Insights table's row headings (months, stages, dimensions) take this share of the width
# beside several columns of counts, this share beside one; the counts share what is left.
FIGURES_LABEL_WIDTH = 22
FIGURES_LABEL_WIDTH_ALONE = 42
FIGURES_COUNT_WIDTH_ALONE = 18


@dataclass(frozen=True)
class Heading:
    """A heading inside a section: a line of inquiry, or a group of actions."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the app's own words, led by a bold label when it has one ("Themes")."""

    text: str
    label: str = ""


@dataclass(frozen=True)
class Note:
    """A quiet line saying there is nothing to show here."""

    text: str
    stands_in: bool = False
    """It stands where the participant's own words would go (plain text brackets it)."""


@dataclass(frozen=True)
class Writing:
    """The participant's own words, in Markdown."""

    markdown: str


@dataclass(frozen=True)
class ActionTable:
    """Actions as a table with the ACTION_COLUMNS."""

    actions: tuple[ActionLine, ...]


@dataclass(frozen=True)
class ExperimentStages:
    """An experiment's title and state, then its stages as labelled rows."""

    title: str
    state: str
    note: str
    stages: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Chart:
    """The domain balance: a labelled bar chart with the counts."""

    balance: Balance


@dataclass(frozen=True)
class Quote:
    """A flagged or tagged entry (or cycle) under its own title, with its date and domains."""

    excerpt: Excerpt


@dataclass(frozen=True)
class FiguresTable:
    """One of Insights' tables: a caption, column headings, and rows of counts under a label."""

    table: Table


Block: TypeAlias = (
    Heading
    | Note
    | Writing
    | Paragraph
    | ActionTable
    | ExperimentStages
    | Chart
    | Quote
    | FiguresTable
)


@dataclass(frozen=True)
class Section:
    """A numbered section and its blocks, in order."""

    title: str
    blocks: tuple[Block, ...]

    @property
    def empty(self) -> bool:
        """Whether all it says is that there is nothing to show."""
        return len(self.blocks) == 1 and isinstance(self.blocks[0], Note)


@dataclass(frozen=True)
class Outline:
    """The whole summary as every writer draws it."""

    title: str
    meta: tuple[tuple[str, str], ...]
    """The labelled lines under the title: whose summary, for which session, what period."""
    sections: tuple[Section, ...]


def unbroken(text: str) -> str:
    """`text` with its spaces made non-breaking, so a date in a table never splits."""
    return text.replace(" ", NBSP)


def evidence_text(action: ActionLine) -> str:
    """The evidence of change as one line; empty when there is none."""
    return f"Evidence: {'; '.join(action.evidence)}" if action.evidence else ""


def figures_widths(table: Table) -> tuple[int, ...]:
    """The share of the text width, in percent, of each column of an Insights table.

    A table of one column of counts stays narrow, so its numbers sit by their labels.
    """
    if not table.columns:
        return (FIGURES_LABEL_WIDTH_ALONE,)
    if len(table.columns) == 1:
        return (FIGURES_LABEL_WIDTH_ALONE, FIGURES_COUNT_WIDTH_ALONE)
    share, spare = divmod(100 - FIGURES_LABEL_WIDTH, len(table.columns))
    return (FIGURES_LABEL_WIDTH + spare, *(share,) * len(table.columns))


def build_outline(summary: SupervisionSummary) -> Outline:
    """The summary's sections in docs/domain.md's order, each with its blocks; Insights last,
    when the participant asked for it."""
    wants: Block = Writing(summary.wants) if summary.wants else Note(NOT_WRITTEN, stands_in=True)
    contents: tuple[tuple[Block, ...], ...] = (
        (wants,),
        _actions(summary),
        _experiments(summary),
        _balance(summary.balance),
        _quotes(summary.flagged, NONE_YET),
        _quotes(summary.feedback, NONE_YET),
        _quotes(summary.support, NONE_YET),
        _quotes(summary.comments, NO_COMMENTS),
    )
    titled = list(zip(SupervisionSummary.SECTION_TITLES, contents, strict=True))
    if summary.insights is not None:
        titled.append((SupervisionSummary.INSIGHTS_TITLE, _insights(summary.insights)))
    sections = tuple(
        Section(f"{number}. {title}", blocks)
        for number, (title, blocks) in enumerate(titled, start=1)
    )
    return Outline(summary.title, _meta(summary), sections)


def _meta(summary: SupervisionSummary) -> tuple[tuple[str, str], ...]:
    pairs = [("Name", summary.name)] if summary.name else []
    pairs.append(("Role", summary.role))
    if summary.programme:
        pairs.append(("Programme", summary.programme))
    return (*pairs, ("For the session", summary.session), ("Period covered", summary.period))


def _actions(summary: SupervisionSummary) -> tuple[Block, ...]:
    """The last session's actions, then those still open from before it."""
    blocks: list[Block] = []
    if summary.last_session:
        blocks.append(Heading(f"Agreed at the last session: {summary.last_session}"))
        blocks.append(ActionTable(summary.actions) if summary.actions else Note(NO_ACTIONS))
    elif not summary.open_earlier:
        blocks.append(Note(NO_SESSION))
    if summary.open_earlier:
        blocks += [Heading(STILL_OPEN), ActionTable(summary.open_earlier)]
    return tuple(blocks)


def _experiments(summary: SupervisionSummary) -> tuple[Block, ...]:
    """Each line of inquiry's question, then its experiments."""
    if not summary.inquiries:
        return (Note(NONE_YET),)
    blocks: list[Block] = []
    for group in summary.inquiries:
        blocks.append(Heading(group.question))
        blocks += [_experiment(e) for e in group.experiments]
    return tuple(blocks)


def _experiment(experiment: Experiment) -> ExperimentStages:
    texts = (experiment.intention, experiment.action, experiment.outcome, experiment.learning)
    return ExperimentStages(
        title=experiment.title,
        state=f"{experiment.status}; loop reached: {experiment.loop}",
        note=experiment.note,
        stages=tuple(
            (label, text or NO_TEXT) for label, text in zip(EXPERIMENT_STAGES, texts, strict=True)
        ),
    )


def _balance(balance: Balance) -> tuple[Block, ...]:
    blocks: list[Block] = [Chart(balance)]
    if balance.note:
        blocks.append(Paragraph(balance.note))
    if balance.themes:
        themes = ", ".join(f"{name} ({n})" for name, n in balance.themes)
        blocks.append(Paragraph(themes, label="Themes"))
    return tuple(blocks)


def _quotes(items: tuple[Excerpt, ...], empty: str) -> tuple[Block, ...]:
    return tuple(Quote(item) for item in items) if items else (Note(empty),)


def _insights(insights: Insights) -> tuple[Block, ...]:
    """Every table with its sentence; every month kept, so a month with nothing shows."""
    if insights.is_empty:
        return (Note(NOTHING_BEGUN),)
    blocks: list[Block] = [
        Paragraph(COUNTS_NOT_SCORES),
        FiguresTable(insights.domains),
        FiguresTable(insights.loops),
        FiguresTable(insights.progress),
        Paragraph(insights.timing.sentence()),
    ]
    if insights.themes.columns:
        blocks.append(FiguresTable(insights.themes))
    blocks += [FiguresTable(insights.dimensions), Paragraph(insights.gaps_sentence())]
    return tuple(blocks)
