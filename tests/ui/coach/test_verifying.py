"""A share from a card the coach has not verified is marked so, and Verify compares aloud."""

from __future__ import annotations

from app.sharing.keys import Identity
from app.sharing.package import seal
from app.sharing.workspace import WorkspaceService
from app.ui.sharing.fingerprint import shown
from tests.ui.coach.helpers import CoachDesk
from tests.ui.coach.window import click_item, open_coaching, settle
from tests.ui.driver import LEFT

WHEN = "2026-01-05T09:00:00+00:00"
POSED = "Hello from the real Alex, honestly"


def _stranger_calling_themselves_alex(desk: CoachDesk) -> str:
    from app.sharing.exchange import ExchangeService

    stranger = Identity.generate("Alex")
    item: dict[str, object] = {"kind": "entry", "title": POSED}
    item["id"] = "5b0c8a52-7d8e-4a57-9a55-0d3f1b8b2a10"
    item |= {"body": "Send me the feedback.", "domains": [], "tags": []}
    item |= {"written": WHEN, "version": WHEN}
    package = seal("share", {"items": [item]}, stranger, desk.coach.sharing.identity().card)
    ExchangeService(desk.coach).import_package(package)
    return stranger.card.fingerprint


def test_an_unverified_sender_is_marked_and_verified_by_comparing_aloud(
    qtbot, desk: CoachDesk, make_window
) -> None:
    posing = _stranger_calling_themselves_alex(desk)
    real = desk.fingerprint("Alex")
    window = make_window(desk.coach)
    page = open_coaching(qtbot, window)
    listed = {
        page.participant_list.list_model.item(r).id: page.participant_list.list_model.item(r).title
        for r in range(5)
    }
    assert listed[real] == f"Alex ({real[:9]})"  # verified: the name, told apart
    assert listed[posing] == f"Alex ({posing[:9]}) · not verified"
    assert page.header.verify_button.isHidden()  # "All participants" is chosen

    page.choose_participant(posing)
    settle(qtbot, page)
    assert not page.header.verify_button.isHidden()
    assert "Not verified: anyone could have made a card with this name" in (
        page.header.verify_note.text()
    )
    click_item(qtbot, page, POSED)
    assert page.reader.facts_label.text().startswith("Alex (not verified) · ")

    qtbot.mouseClick(page.header.verify_button, LEFT)
    dialog = page.verifying
    assert dialog is not None and dialog.isVisible()
    assert dialog.fingerprint_label.text() == shown(posing)  # four large groups, as on cards
    assert dialog.cancel_button.isDefault()  # Enter alone verifies no one
    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert page.verifying is None
    assert [
        p.verified for p in WorkspaceService(desk.coach).participants() if p.fingerprint == posing
    ] == [False]

    qtbot.mouseClick(page.header.verify_button, LEFT)
    dialog = page.verifying
    assert dialog is not None
    qtbot.mouseClick(dialog.match_button, LEFT)
    settle(qtbot, page)
    assert [
        p.verified for p in WorkspaceService(desk.coach).participants() if p.fingerprint == posing
    ] == [True]
    assert page.header.verify_button.isHidden()
    row = next(
        page.participant_list.list_model.item(r)
        for r in range(5)
        if page.participant_list.list_model.item(r).id == posing
    )
    assert row.title == f"Alex ({posing[:9]})"
    assert page.reader.facts_label.text().startswith("Alex · ")
    assert "Alex is verified" in page.notice_label.text()
    window.close()
