"""Templates: listing, broken files reported by name, and duplicate-and-edit."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.ui.cycles.templates_dialog import TemplatesDialog
from app.writing.templates import load_template, user_templates_dir
from tests.ui.support import unnamed_controls

BROKEN = 'id = "half-done"\nname = "Half done"\ncolour = "red"\n\n[[stages]]\nid = "a"\n'


def test_a_broken_user_template_is_named_and_the_rest_still_list(qtbot, show, journal):
    folder = user_templates_dir(journal.folder)
    folder.mkdir(parents=True)
    (folder / "half-done.toml").write_text(BROKEN, encoding="utf-8")
    dialog = TemplatesDialog(journal)
    show(dialog)
    assert dialog.problems_frame.isVisible()
    problem = dialog.problems_label.text()
    assert "half-done.toml" in problem
    assert "line 3" in problem and "colour" in problem
    assert "action-inquiry" in dialog.template_list.ids()
    assert "half-done" not in dialog.template_list.ids()
    assert dialog.template_list.list_model.item(0).detail.startswith("Built in")
    assert not dialog.edit_button.isEnabled()  # a built-in template is duplicated, not edited
    assert unnamed_controls(dialog) == []


def test_duplicate_and_edit_writes_a_template_that_reloads(qtbot, show, journal):
    dialog = TemplatesDialog(journal)
    show(dialog)
    assert not dialog.problems_frame.isVisible()
    assert dialog.template_list.select_id("gibbs")
    qtbot.mouseClick(dialog.duplicate_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None and editor.isVisible()
    assert unnamed_controls(editor) == []

    editor.name_edit.setText("Gibbs for handovers")
    editor.stage_list.setCurrentRow(1)
    editor.title_edit.clear()
    qtbot.keyClicks(editor.title_edit, "How I felt")
    assert editor.stage_list.item(1).text() == "How I felt"
    editor.when_combo.setCurrentIndex(0)  # before the experiment
    editor.hints_edit.setPlainText("Name the feeling.\n\nWhere did you feel it?")
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.title_edit, "Support")
    editor.prompt_edit.setPlainText("Who could help you with this?")
    with qtbot.waitSignal(dialog.templatesChanged):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    path = user_templates_dir(journal.folder) / "gibbs-copy.toml"
    assert path.is_file()
    saved = journal.templates.get("gibbs-copy")
    assert saved is not None and not saved.shipped
    assert saved.name == "Gibbs for handovers"
    assert [s.title for s in saved.stages][:2] == ["Description", "How I felt"]
    assert saved.stages[1].hints == ("Name the feeling.", "Where did you feel it?")
    assert saved.stages[1].when.value == "before"
    assert saved.stages[-1].id == "support" and saved.stages[-1].prompt.startswith("Who could")
    assert load_template(path) == saved.__class__(**{**saved.__dict__, "origin": path})
    assert dialog.current_template_id() == "gibbs-copy"
    assert dialog.edit_button.isEnabled()


def test_the_editor_says_what_is_missing(qtbot, show, journal):
    dialog = TemplatesDialog(journal)
    show(dialog)
    dialog.template_list.select_id("quick-capture")
    qtbot.mouseClick(dialog.duplicate_button, Qt.MouseButton.LeftButton)
    editor = dialog.editor
    assert editor is not None
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.error.text() == "Stage 3 (New stage) needs a prompt: the question to answer."
    editor.name_edit.clear()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.error.text() == "Please give the template a name."
    editor.reject()
