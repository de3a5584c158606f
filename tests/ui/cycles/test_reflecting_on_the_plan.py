"""Running cycle after cycle: the next experiment carries the plan as context and asks when;
reflecting shows what was intended and planned; the review and timeline show the learning."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from app.journal.opening import Journal
from app.ui.cycles.cycle_flow import CycleFlow
from app.ui.cycles.cycle_read_view import CycleReadView
from app.ui.cycles.flow_steps import Place, Screen
from app.ui.cycles.inquiry_timeline import InquiryTimeline
from app.ui.home.view import HomeView
from app.ui.widgets import screen_fit
from app.ui.widgets.screen_fit import SMALLEST_SCREEN
from app.ui.window.navigation import View
from app.writing.cycle_records import CycleRecord, LoopLevel
from app.writing.cycles import CARRIED_MARKER
from tests.support.data import NEVER_MS, NOW, TODAY

WRITTEN = {
    "frame": "The morning huddle: nurse in charge and two healthcare assistants.",
    "intention": "Concerns said out loud at 07:45, not at 19:30.",
    "strategy": "Ask what is worrying people before I give my plan, then wait.",
    "action": "Asked four days out of five.",
    "outcomes": "A healthcare assistant raised a patient who was 'not himself'.",
    "learning": "Double loop: silence did not mean agreement.",
    "next": "Ask the night team the same question at the 20:00 handover.",
}


def cycle_written_to(journal: Journal, last_stage: str, *, reviewed: bool = False) -> CycleRecord:
    """An action-inquiry cycle written up to and including `last_stage`."""
    store = journal.cycles
    inquiry = store.create_inquiry("How do I get my team to raise concerns earlier?")
    cycle = store.start_cycle(inquiry.id, "action-inquiry")
    for stage_id, text in WRITTEN.items():
        if stage_id == "action":
            store.begin_reflection(cycle.id)
        cycle = store.save_stage(cycle.id, stage_id, text)
        if stage_id == last_stage:
            break
    if reviewed:
        store.update_cycle(cycle.id, loop=LoopLevel.DOUBLE)
        cycle = store.finish(cycle.id)
    return cycle


def settings_in(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def start_next_through_the_dialog(qtbot, flow: CycleFlow, day: date) -> str:
    qtbot.mouseClick(flow.review_page.next_button, Qt.MouseButton.LeftButton)
    dialog = flow.next_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.experiment_date.date_edit.setDate(QDate(day.year, day.month, day.day))
    with qtbot.waitSignal(flow.cycleOpened) as opened:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    return str(opened.args[0])


# -- the next experiment ----------------------------------------------------------------------


def test_the_next_experiment_asks_when_and_opens_on_the_plan_with_it_as_context(
    qtbot, journal, open_flow
):
    first = cycle_written_to(journal, "next", reviewed=True)
    flow = open_flow(journal, first.id)
    qtbot.mouseClick(flow.review_page.next_button, Qt.MouseButton.LeftButton)
    dialog = flow.next_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.plan_label.text() == WRITTEN["next"]
    assert dialog.experiment_date.date() == TODAY + timedelta(days=7)
    qtbot.keyClick(dialog.experiment_date.date_edit, Qt.Key.Key_Return)  # Enter starts it
    assert not dialog.isVisible()

    assert flow.place == Place(Screen.STAGE, "strategy")
    assert flow.stage_page.progress_label.text().startswith("Stage 3 of 7 · before")
    assert flow.stage_page.text_edit.toPlainText() == ""  # nothing to delete
    assert flow.skip_button.isVisible()
    assert flow.earlier.toggle.isVisible() and flow.earlier.browser.isReadOnly()
    assert WRITTEN["next"] in flow.earlier.browser.toPlainText()


def test_cancelling_the_next_experiment_starts_nothing(qtbot, journal, open_flow):
    first = cycle_written_to(journal, "next", reviewed=True)
    flow = open_flow(journal, first.id)
    qtbot.mouseClick(flow.review_page.next_button, Qt.MouseButton.LeftButton)
    assert flow.next_dialog is not None
    qtbot.mouseClick(flow.next_dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(journal.cycles.cycles_in(first.inquiry_id)) == 1
    assert flow.review_page.isVisible()


def test_the_next_experiment_waits_on_home_when_its_date_comes(qtbot, show, journal, open_flow):
    first = cycle_written_to(journal, "next", reviewed=True)
    flow = open_flow(journal, first.id)
    try_by = TODAY + timedelta(days=3)
    start_next_through_the_dialog(qtbot, flow, try_by)
    flow.finish_later_button.click()

    home = HomeView(journal, today=lambda: try_by, now=lambda: NOW)
    show(home)
    model = home.waiting.list.list_model
    titles = [model.item(row).title for row in range(model.rowCount())]
    assert titles == [WRITTEN["next"]]
    assert home.waiting.heading.text() == "Waiting for your reflection (1)"


def test_a_cycle_carried_over_the_old_way_reads_without_the_marker(qtbot, journal, open_flow):
    first = cycle_written_to(journal, "next", reviewed=True)
    second = journal.cycles.start_next(first.id)
    old_text = f"{WRITTEN['next']}\n\n{CARRIED_MARKER}"
    journal.cycles.save_stage(second.id, "strategy", old_text)
    flow = open_flow(journal, second.id)
    assert flow.place == Place(Screen.STAGE, "strategy")
    assert flow.stage_page.text_edit.toPlainText() == WRITTEN["next"]
    assert not flow.earlier.toggle.isVisible()  # the plan is not shown twice
    flow.save_now()
    assert journal.cycles.get(second.id).text("strategy") == old_text  # untouched unless edited


# -- reflecting with the plan in sight -------------------------------------------------------


def test_reflecting_shows_what_was_intended_and_planned_read_only(qtbot, journal, open_flow):
    cycle = cycle_written_to(journal, "outcomes")
    flow = open_flow(journal, cycle.id)
    flow.load(cycle.id, "learning")
    assert flow.stage_page.title_label.text() == "Learning"
    context = flow.earlier.browser.toPlainText()
    for stage_id in ("frame", "intention", "strategy", "action", "outcomes"):
        assert WRITTEN[stage_id] in context
    assert "Intention" in context and "Strategy" in context
    assert flow.earlier.browser.isReadOnly()
    flow.load(cycle.id, "frame")
    assert not flow.earlier.toggle.isVisible()  # nothing comes before the first stage


def test_earlier_stages_fold_away_and_stay_folded(qtbot, journal, open_flow, tmp_path):
    cycle = cycle_written_to(journal, "strategy")
    journal.cycles.begin_reflection(cycle.id)
    settings = settings_in(tmp_path)
    flow = CycleFlow(
        journal, cycle.id, today=lambda: TODAY, autosave_ms=NEVER_MS, settings=settings
    )
    qtbot.addWidget(flow)
    flow.resize(900, 700)
    with qtbot.waitExposed(flow):
        flow.show()
    assert flow.earlier.browser.isVisible()
    qtbot.mouseClick(flow.earlier.toggle, Qt.MouseButton.LeftButton)
    assert not flow.earlier.browser.isVisible()
    assert flow.earlier.toggle.accessibleName() == "Show what you wrote earlier"

    again = CycleFlow(
        journal, cycle.id, today=lambda: TODAY, autosave_ms=NEVER_MS, settings=settings
    )
    qtbot.addWidget(again)
    with qtbot.waitExposed(again):
        again.show()
    assert again.earlier.toggle.isVisible() and not again.earlier.browser.isVisible()


def test_tab_reaches_the_earlier_stages_after_the_writing_space(qtbot, journal, open_flow, press):
    cycle = cycle_written_to(journal, "strategy")
    journal.cycles.begin_reflection(cycle.id)
    flow = open_flow(journal, cycle.id)
    assert flow.stage_page.text_edit.hasFocus()
    press(flow, Qt.Key.Key_Tab)
    assert flow.stage_page.hints_button.hasFocus()
    press(flow, Qt.Key.Key_Tab)
    assert flow.earlier.toggle.hasFocus()
    press(flow, Qt.Key.Key_Tab)
    assert flow.earlier.browser.hasFocus()
    press(flow, Qt.Key.Key_Tab)
    assert flow.back_button.hasFocus()


def _writing_keeps_its_room(flow: CycleFlow, area: QWidget) -> None:
    """The writing space is the tallest thing in its column, and big (as for entries)."""
    text = flow.stage_page.text_edit
    beside = flow.earlier if flow.earlier_beside else None
    others = [
        w
        for w in area.findChildren(QWidget)
        if w.isVisible()
        and w is not text
        and not text.isAncestorOf(w)
        and not w.isAncestorOf(text)
        and not (beside is not None and (w is beside or beside.isAncestorOf(w)))
    ]
    tallest = max(others, key=QWidget.height)
    assert text.height() > tallest.height(), (tallest.accessibleName(), tallest.height())
    assert text.height() >= 0.4 * area.height(), (text.height(), area.height())
    assert text.width() >= 0.45 * area.width(), (text.width(), area.width())


def test_on_the_smallest_laptop_the_plan_sits_beside_the_writing(journal, make_window):
    cycle = cycle_written_to(journal, "outcomes")
    window = make_window(journal)
    window.resize(SMALLEST_SCREEN)
    window.controllers.cycles.open(cycle.id, "learning")
    assert window.navigation.show_view(View.CYCLE)
    window.layout().activate()
    QApplication.processEvents()
    flow = window.cycle_pane.flow
    assert flow is not None and flow.stage_id == "learning"
    assert flow.earlier.toggle.isVisible() and flow.earlier.browser.isVisible()
    assert flow.earlier_beside
    text = flow.stage_page.text_edit
    assert flow.earlier.geometry().left() >= text.mapTo(flow, text.rect().topRight()).x()
    _writing_keeps_its_room(flow, window.cycle_pane)


def test_in_a_narrow_pane_the_plan_sits_above_the_writing_and_stays_small(
    qtbot, journal, open_flow
):
    cycle = cycle_written_to(journal, "outcomes")
    flow = open_flow(journal, cycle.id)
    flow.load(cycle.id, "learning")
    flow.resize(640, 560)
    QApplication.processEvents()
    assert not flow.earlier_beside
    assert flow.earlier.toggle.isVisible() and flow.earlier.browser.isVisible()
    text = flow.stage_page.text_edit
    browser = flow.earlier.browser
    assert (
        browser.mapTo(flow, browser.rect().bottomLeft()).y()
        <= text.mapTo(flow, text.rect().topLeft()).y()
    )
    _writing_keeps_its_room(flow, flow)


# -- the first stage does not ask again for the domains just ticked --------------------------


def test_the_first_stage_asks_who_is_involved_not_which_domains(qtbot, journal, open_flow):
    inquiry = journal.cycles.create_inquiry("How do I listen under pressure?")
    cycle = journal.cycles.start_cycle(inquiry.id, "action-inquiry")
    flow = open_flow(journal, cycle.id)
    prompt = flow.stage_page.prompt_label.text()
    assert "who is involved" in prompt
    assert "domain" not in prompt.lower()


@pytest.mark.parametrize("template_id", ["action-inquiry", "dilemma", "gibbs", "kolb"])
def test_no_shipped_template_asks_in_words_for_the_domains(journal, template_id):
    template = journal.templates.get(template_id)
    assert template is not None
    for stage in template.stages:
        assert "which domain" not in stage.prompt.lower(), stage.id


# -- the learning on the review and the timeline ---------------------------------------------


def test_the_review_shows_the_learning_just_written(qtbot, journal, open_flow):
    cycle = cycle_written_to(journal, "next")
    flow = open_flow(journal, cycle.id)
    flow.load(cycle.id, "next")
    qtbot.mouseClick(flow.next_button, Qt.MouseButton.LeftButton)
    page = flow.review_page
    assert page.isVisible()
    assert page.learning_label.isVisible()
    assert page.learning_label.text() == WRITTEN["learning"]
    shown = [label.text() for label in page.findChildren(QLabel) if label.isVisible()]
    assert not any("No learning recorded" in text for text in shown), shown


def test_the_timeline_card_shows_what_was_learned(qtbot, show, journal):
    cycle = cycle_written_to(journal, "next")
    timeline = InquiryTimeline(journal, cycle.inquiry_id, today=lambda: TODAY)
    show(timeline)
    (card,) = timeline.cards
    assert card.snippets["What I learned"].text() == WRITTEN["learning"]
    quick = journal.cycles.start_cycle(cycle.inquiry_id, "quick-capture")
    journal.cycles.save_stage(quick.id, "surprise", "The silence.")
    timeline.refresh()
    assert "What I learned" not in timeline.cards[1].snippets  # quick capture has no such stage


def test_reading_the_next_cycle_shows_the_plan_it_carries(qtbot, show, journal):
    first = cycle_written_to(journal, "next", reviewed=True)
    second = journal.cycles.start_next(first.id)
    page = CycleReadView(journal, second.id)
    show(page)
    text = page.toPlainText()
    assert "Carried over from the last cycle" in text
    assert WRITTEN["next"] in text


def test_opened_from_home_when_due_the_next_experiment_asks_whether_it_was_tried(
    qtbot, journal, open_flow
):
    first = cycle_written_to(journal, "next", reviewed=True)
    second = journal.cycles.start_next(first.id, experiment_date=TODAY)
    flow = open_flow(journal, second.id)  # nothing typed: the carried plan is the plan
    assert flow.place == Place(Screen.TRIED_YET)
    assert WRITTEN["next"] in flow.tried_page.plan_label.text()


def test_in_a_short_pane_the_plan_folds_away_and_its_toggle_shows_it_instead(
    qtbot, journal, open_flow
):
    cycle = cycle_written_to(journal, "outcomes")
    flow = open_flow(journal, cycle.id)
    flow.load(cycle.id, "learning")
    flow.resize(600, 560)
    QApplication.processEvents()
    assert not flow.earlier_beside and flow.earlier.browser.isVisible()
    flow.show_earlier(False)
    alone = flow.minimumSizeHint().height()  # what the stage needs without the plan
    flow.show_earlier(True)
    flow.resize(600, 250)  # a 1280x720 laptop at 200%, less the window's bars
    QApplication.processEvents()
    text, browser, toggle = flow.stage_page.text_edit, flow.earlier.browser, flow.earlier.toggle
    assert not browser.isVisible() and text.isVisible()
    assert flow.minimumSizeHint().height() <= alone  # the window need not grow
    assert toggle.isVisible() and toggle.accessibleName() == "Show what you wrote earlier"

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)  # in the writing's place
    assert browser.isVisible() and not text.isVisible()
    assert flow.minimumSizeHint().height() <= alone
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert text.isVisible() and not browser.isVisible()

    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    assert browser.isVisible() and not text.isVisible()
    flow.load(cycle.id, "outcomes")  # another stage opens on its writing
    assert flow.stage_id == "outcomes" and text.isVisible()
    flow.resize(600, 560)  # room again: it opens as the person left it
    QApplication.processEvents()
    assert browser.isVisible() and text.isVisible()


def test_opening_a_later_stage_on_a_laptop_at_200_percent_keeps_the_window_on_screen(
    journal, make_window, monkeypatch
):
    area = QRect(0, 0, 640, 335)  # 1280x720 at 200%, less a taskbar
    monkeypatch.setattr(screen_fit, "screen_area", lambda _widget: area)
    cycle = cycle_written_to(journal, "outcomes")
    window = make_window(journal)
    window.controllers.cycles.open(cycle.id, "learning")
    assert window.navigation.show_view(View.CYCLE)
    window.layout().activate()
    QApplication.processEvents()
    flow = window.cycle_pane.flow
    assert flow is not None and flow.earlier.toggle.isVisible()
    assert window.width() <= area.width() and window.height() <= area.height(), window.size()


def test_the_longest_prompt_is_never_cut_on_a_laptop_at_200_percent(
    journal, make_window, monkeypatch
):
    area = QRect(0, 0, 640, 335)  # 1280x720 at 200%, less a taskbar
    monkeypatch.setattr(screen_fit, "screen_area", lambda _widget: area)
    cycle = cycle_written_to(journal, "outcomes")
    window = make_window(journal)
    window.controllers.cycles.open(cycle.id, "learning")  # the longest prompt of any template
    assert window.navigation.show_view(View.CYCLE)
    window.resize(area.size())
    window.layout().activate()
    QApplication.processEvents()
    flow = window.cycle_pane.flow
    assert flow is not None
    prompt, text = flow.stage_page.prompt_label, flow.stage_page.text_edit
    assert len(prompt.text()) >= 190
    assert prompt.height() >= prompt.heightForWidth(prompt.width()), (
        prompt.size(),
        prompt.heightForWidth(prompt.width()),
    )
    lines = text.fontMetrics().lineSpacing()
    assert text.viewport().height() >= 3 * lines, (text.viewport().height(), lines)
    assert window.width() <= area.width() and window.height() <= area.height(), window.size()
    scroll = flow.stage_page.prompt_area
    assert scroll.verticalScrollBar().maximum() > 0  # three lines show, the rest scrolls
    assert scroll.focusPolicy() == Qt.FocusPolicy.StrongFocus  # so the keyboard can scroll it
    unfocused = scroll.grab().toImage()
    scroll.setFocus()
    QApplication.processEvents()
    assert scroll.hasFocus() and scroll.grab().toImage() != unfocused  # its ring shows
    text.setFocus()
    window.resize(1092, 574)
    window.layout().activate()
    QApplication.processEvents()
    assert scroll.verticalScrollBar().maximum() == 0
    assert scroll.focusPolicy() == Qt.FocusPolicy.NoFocus  # whole: no extra Tab stop
