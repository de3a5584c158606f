"""Reading a whole cycle as one page: every stage, the facts, and nothing unsafe."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QPalette

from app.ui.cycles.cycle_read_view import CycleReadView
from app.writing.cycle_records import LoopLevel
from app.writing.domains import Domain
from tests.ui.palettes import app_palette, dark, light

TEXTS = {
    "frame": "Team: the **night** handover.",
    "intention": "Concerns raised before the day team leaves.<script>alert('x')</script>",
    "strategy": "Give one example, then wait ten seconds.",
    "action": "Did it on nine handovers.",
    "outcomes": "Six of nine nights, concerns were raised.",
    "learning": "Single loop: the example matters.",
    "next": "Hand the question to the band 6 nurses.",
}


def test_every_stage_title_and_text_is_on_the_page_and_no_script(qtbot, show, journal):
    inquiry = journal.cycles.create_inquiry("Raising concerns earlier")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry", title="Night handover")
    for stage, text in TEXTS.items():
        if stage == "action":
            journal.cycles.begin_reflection(cycle.id)
        journal.cycles.save_stage(cycle.id, stage, text)
    journal.cycles.update_cycle(
        cycle.id,
        loop=LoopLevel.SINGLE,
        domains=[Domain.TEAM],
        dimensions=["engaging-the-team"],
        tags=["handover", "speaking up"],
    )
    view = CycleReadView(journal, cycle.id)
    show(view)

    page = view.toPlainText()
    template = journal.templates.get("action-inquiry")
    assert template is not None
    for stage in template.stages:
        assert stage.title in page
    for text in TEXTS.values():
        assert text.split("<script>")[0].replace("**", "") in page
    for fact in ("Night handover", "Action inquiry cycle", "In progress", "Single loop"):
        assert fact in page
    for fact in ("Team or service", "Engaging the team", "handover, speaking up"):
        assert fact in page
    assert "Raising concerns earlier" in page
    html = view.toHtml()
    assert "<script" not in html.lower()
    assert "alert" not in page
    assert "font-weight:" in html  # the Markdown bold was rendered


def test_the_link_to_the_cycle_before_asks_to_open_it(qtbot, show, demo_journal):
    second = next(
        c for c in demo_journal.cycles.summaries() if c.title.startswith("Try the question")
    )
    record = demo_journal.cycles.get(second.id)
    view = CycleReadView(demo_journal, second.id)
    show(view)
    assert "Follows: Ask before I tell at the morning huddle" in view.toPlainText()
    assert record.previous_id is not None
    assert f"cycle:{record.previous_id}" in view.toHtml()
    with qtbot.waitSignal(view.openCycle) as opened:
        view.anchorClicked.emit(QUrl(f"cycle:{record.previous_id}"))
    assert opened.args == [record.previous_id]


def test_a_missing_cycle_is_said_plainly(qtbot, show, journal):
    view = CycleReadView(journal, "no-such-cycle")
    show(view)
    assert "no longer exists" in view.toPlainText()


def test_prompts_follow_the_palette_into_dark_mode(qtbot, journal, qapp):
    inquiry = journal.cycles.create_inquiry("Why do handovers overrun?")
    cycle = journal.cycles.start_cycle(inquiry.id, journal.templates.default.id)
    view = CycleReadView(journal, cycle.id)
    qtbot.addWidget(view)
    with qtbot.waitExposed(view):
        view.show()
    with app_palette(light()):
        before = view.document().defaultStyleSheet()
        qapp.setPalette(dark())
        qapp.processEvents()
        after = view.document().defaultStyleSheet()
        quiet = view.palette().color(QPalette.ColorRole.PlaceholderText).name()
    assert before != after
    assert f"p.prompt {{ color: {quiet}; }}" in after
    assert after.count("p.prompt") == 1
