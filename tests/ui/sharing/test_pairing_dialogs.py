"""Pairing from the Sharing menu: save my card, add the coach's after comparing aloud."""

from __future__ import annotations

from app.sharing.keys import card_bytes, read_card
from app.sharing.records import Role
from app.ui.sharing.fingerprint import shown
from tests.ui.driver import LEFT
from tests.ui.sharing.helpers import FilePicker
from tests.ui.support import unnamed_controls


def test_save_my_card_asks_the_name_then_shows_the_fingerprint(
    qtbot, journal, make_window, picker: FilePicker, tmp_path
):
    window = make_window(journal, pick_file=picker)
    window.sharing_commands.save_card.trigger()  # Sharing > Save my card…
    dialog = window.controllers.sharing.card_dialog
    assert dialog is not None
    assert dialog.name_edit.text() == ""  # no name chosen yet: nothing made up is offered
    assert unnamed_controls(dialog) == []

    qtbot.mouseClick(dialog.save_button, LEFT)
    assert "Choose a name" in dialog.error.text()
    assert picker.asked == []

    qtbot.keyClicks(dialog.name_edit, "Alex Morgan")
    qtbot.mouseClick(dialog.save_button, LEFT)  # the Save dialog is cancelled
    assert picker.asked[-1].suggested == "alex-morgan-card.ijcard"
    assert dialog.error.text() == "The card was not saved."

    out = tmp_path / "alex.ijcard"
    picker.answers.append(out)
    with qtbot.waitSignal(dialog.cardSaved):
        qtbot.mouseClick(dialog.save_button, LEFT)
    card = read_card(out.read_bytes())
    assert card.name == "Alex Morgan"
    assert card.fingerprint == journal.sharing.identity().card.fingerprint
    assert dialog.fingerprint.isVisible()
    assert dialog.fingerprint.text() == shown(card.fingerprint)
    assert dialog.fingerprint.text().split() == card.fingerprint.split("-")
    assert str(out) in dialog.saved_label.text()
    dialog.close()

    window.sharing_commands.save_card.trigger()  # next time the name is offered
    again = window.controllers.sharing.card_dialog
    assert again is not None and again.name_edit.text() == "Alex Morgan"
    again.close()


def test_adding_the_coach_shows_their_name_and_fingerprint_to_compare(
    qtbot, journal, coach, make_window, picker: FilePicker, tmp_path
):
    card_file = tmp_path / "sam.ijcard"
    card_file.write_bytes(card_bytes(coach.sharing.identity()))
    sam = coach.sharing.identity().card
    window = make_window(journal, pick_file=picker)

    picker.answers.append(card_file)
    window.sharing_commands.add_coach.trigger()  # Sharing > Add coach from card…
    dialog = window.controllers.sharing.coach_dialog
    assert dialog is not None
    assert dialog.title_label.text() == "Add Sam as your coach?"
    assert dialog.fingerprint.text() == shown(sam.fingerprint)
    assert "read out the fingerprint" in dialog.message_label.text()
    assert "do not add it" in dialog.message_label.text()
    assert dialog.cancel_button.isDefault() and not dialog.add_button.isDefault()
    assert unnamed_controls(dialog) == []

    qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert journal.sharing.contacts(Role.COACH) == []

    picker.answers.append(card_file)
    window.sharing_commands.add_coach.trigger()
    dialog = window.controllers.sharing.coach_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert [c.fingerprint for c in journal.sharing.contacts(Role.COACH)] == [sam.fingerprint]
    assert window.statusBar().currentMessage() == "Sam is now one of your coaches."


def test_a_card_that_cannot_be_used_is_explained_and_nothing_is_added(
    qtbot, journal, coach, make_window, picker: FilePicker, tmp_path
):
    not_a_card = tmp_path / "notes.ijcard"
    not_a_card.write_bytes(b"\x00\x01 not json")
    changed = tmp_path / "changed.ijcard"
    changed.write_text(card_bytes(coach.sharing.identity()).decode().replace('"Sam"', '"Eve"'))
    window = make_window(journal, pick_file=picker)

    for path, why in ((not_a_card, "not an Inquiry Journal card"), (changed, "changed since")):
        picker.answers.append(path)
        window.sharing_commands.add_coach.trigger()
        dialog = window.controllers.sharing.coach_dialog
        assert dialog is not None
        assert dialog.title_label.text() == "That card could not be used"
        assert why in dialog.message_label.text()
        assert "send their card file again" in dialog.message_label.text()
        assert not dialog.add_button.isVisible() and not dialog.fingerprint.isVisible()
        qtbot.mouseClick(dialog.cancel_button, LEFT)
    assert journal.sharing.contacts(Role.COACH) == []

    own = tmp_path / "own.ijcard"
    own.write_bytes(card_bytes(journal.sharing.identity("Alex")))
    picker.answers.append(own)
    window.sharing_commands.add_coach.trigger()
    dialog = window.controllers.sharing.coach_dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.add_button, LEFT)
    assert "this journal's own card" in dialog.error.text()
    assert dialog.isVisible()
    dialog.close()


def test_sharing_with_no_coach_offers_to_add_one_first(
    qtbot, journal, coach, make_window, picker: FilePicker, tmp_path
):
    card_file = tmp_path / "sam.ijcard"
    card_file.write_bytes(card_bytes(coach.sharing.identity()))
    window = make_window(journal, pick_file=picker)
    window.sharing_commands.share.trigger()  # Sharing > Share with coach…
    share = window.controllers.sharing.share_dialog
    assert share is not None
    assert share.pages.currentIndex() == share.NO_COACH_PAGE
    assert not share.save_button.isVisible()

    picker.answers.append(card_file)
    qtbot.mouseClick(share.add_coach_button, LEFT)
    adding = window.controllers.sharing.coach_dialog
    assert adding is not None and adding.parent() is share
    qtbot.mouseClick(adding.add_button, LEFT)

    assert share.pages.currentIndex() == share.SHARE_PAGE  # the coach list, name + fingerprint
    sam = coach.sharing.identity().card
    assert share.coach_list.ids() == [sam.fingerprint]
    assert share.coach_list.list_model.item(0).title == "Sam"
    assert share.coach_list.list_model.item(0).detail == f"Fingerprint {sam.fingerprint}"
    assert share.coach() is not None and share.coach().name == "Sam"
    share.close()
