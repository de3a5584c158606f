"""A line of inquiry's cycles as a timeline, and the list of lines to choose from."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.journal.opening import Journal
from app.ui.cycles.inquiry_list import InquiryList
from app.ui.cycles.inquiry_timeline import NO_CYCLES, InquiryTimeline
from app.writing.cycle_records import InquiryStatus
from tests.support.data import TODAY
from tests.ui.support import unnamed_controls

HUDDLES = "How do I get my team to raise concerns earlier in the shift?"


def inquiry_id(journal: Journal, question: str) -> str:
    return next(i.id for i in journal.cycles.inquiries() if i.question == question)


def test_the_cycles_show_in_order_with_intention_outcome_and_loop(qtbot, show, demo_journal):
    timeline = InquiryTimeline(demo_journal, inquiry_id(demo_journal, HUDDLES), today=lambda: TODAY)
    show(timeline)
    assert timeline.question_label.text() == HUDDLES
    assert timeline.status_label.text() == "Open · Individual, Team or service"
    titles = [card.title_label.text() for card in timeline.cards]
    assert titles == [
        "1. Ask before I tell at the morning huddle",
        "2. Try the question at the night handover",
        "3. Hand the question to the band 6 nurses",
    ]
    first, _second, third = timeline.cards
    assert first.snippets["Intention"].text().startswith("I want worries about staffing")
    assert first.snippets["What happened"].text().startswith("Day two, a healthcare assistant")
    assert first.snippets["Loop reached"].text() == "Double loop"
    assert third.snippets["What happened"].text() == "Not written yet."
    assert "Due 10 Mar 2025" in third.meta_label.text()
    assert unnamed_controls(timeline) == []


def test_enter_on_a_cycle_asks_to_open_it(qtbot, show, demo_journal):
    timeline = InquiryTimeline(demo_journal, inquiry_id(demo_journal, HUDDLES), today=lambda: TODAY)
    show(timeline)
    card = timeline.cards[1]
    card.setFocus()
    with qtbot.waitSignal(timeline.openCycle) as opened:
        qtbot.keyClick(card, Qt.Key.Key_Return)
    assert opened.args == [card.cycle_id]
    assert demo_journal.cycles.get(card.cycle_id).title == "Try the question at the night handover"
    with qtbot.waitSignal(timeline.openCycle) as clicked:
        qtbot.mouseDClick(timeline.cards[0], Qt.MouseButton.LeftButton)
    assert clicked.args == [timeline.cards[0].cycle_id]


def test_a_new_line_says_it_has_no_cycles_and_offers_one(qtbot, show, journal):
    inquiry = journal.cycles.create_inquiry("Speaking up to the divisional lead")
    timeline = InquiryTimeline(journal, inquiry.id)
    show(timeline)
    assert timeline.cards == []
    assert timeline.empty_label.isVisible()
    assert timeline.empty_label.text() == NO_CYCLES
    with qtbot.waitSignal(timeline.newCycleRequested) as asked:
        qtbot.mouseClick(timeline.new_cycle_button, Qt.MouseButton.LeftButton)
    assert asked.args == [inquiry.id]


def test_the_list_puts_open_lines_first_and_follows_the_choice(qtbot, show, demo_journal):
    lines = InquiryList(demo_journal)
    timeline = InquiryTimeline(demo_journal, today=lambda: TODAY)
    lines.currentInquiryChanged.connect(timeline.show_inquiry)
    show(lines)
    statuses = [demo_journal.cycles.inquiry(i).status for i in lines.ids()]
    assert statuses[-1] is InquiryStatus.PAUSED
    assert all(s is InquiryStatus.OPEN for s in statuses[:-1])
    details = lines.list.list_model.item(lines.ids().index(inquiry_id(demo_journal, HUDDLES)))
    assert details.detail.startswith("Open · 3 cycles")

    lines.list.select_id(inquiry_id(demo_journal, HUDDLES))
    assert timeline.question_label.text() == HUDDLES
    with qtbot.waitSignal(lines.inquiryActivated) as activated:
        lines.list.setFocus()
        qtbot.keyClick(lines.list, Qt.Key.Key_Return)
    assert activated.args == [inquiry_id(demo_journal, HUDDLES)]
    timeline.close()
