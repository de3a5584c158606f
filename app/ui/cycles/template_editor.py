"""Edit a participant's own template: name, intro and each stage; saved as a TOML file."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QWidget

from app.errors import JournalError
from app.ui.cycles.template_editor_form import TemplateEditorForm
from app.writing.templates import Stage, StageRole, StageTiming, Template, save_user_template

_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class StageDraft:
    """A stage as the editor holds it until Save."""

    id: str
    title: str
    prompt: str
    when: StageTiming
    required: bool
    role: StageRole | None
    hints: str
    examples: str

    @staticmethod
    def of(stage: Stage) -> StageDraft:
        """The draft a template's stage starts as."""
        return StageDraft(
            stage.id,
            stage.title,
            stage.prompt,
            stage.when,
            stage.required,
            stage.role,
            "\n".join(stage.hints),
            "\n".join(stage.examples),
        )

    def stage(self) -> Stage:
        """The stage to save."""
        return Stage(
            id=self.id,
            title=self.title.strip(),
            prompt=self.prompt.strip(),
            when=self.when,
            required=self.required,
            role=self.role,
            hints=_lines(self.hints),
            examples=_lines(self.examples),
        )


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class TemplateEditorDialog(TemplateEditorForm):
    """Edits one of the participant's templates and saves it with save_user_template.

    Constructor: TemplateEditorDialog(template, user_dir, parent=None). Show it with open().

    Signals: saved(str) with the template id once the file is written.
    """

    saved = Signal(str)

    def __init__(self, template: Template, user_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Edit template: {template.name}")
        self._template = template
        self._user_dir = user_dir
        self._drafts = [StageDraft.of(s) for s in template.stages]
        self._row = -1
        self.name_edit.setText(template.name)
        self.source_edit.setText(template.source)
        self.intro_edit.setPlainText(template.intro)
        for draft in self._drafts:
            self.stage_list.addItem(draft.title)
        self.stage_list.currentRowChanged.connect(self._row_changed)
        self.title_edit.textEdited.connect(self._title_edited)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(self._move_up)
        self.down_button.clicked.connect(self._move_down)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        self.stage_list.setCurrentRow(0)

    def template(self) -> Template:
        """The template as the fields hold it now."""
        self._store_form()
        taken = {d.id for d in self._drafts if d.id}
        stages = []
        for number, draft in enumerate(self._drafts, start=1):
            if not draft.id:
                draft.id = _new_id(draft.title, number, taken)
            taken.add(draft.id)
            stages.append(draft.stage())
        return replace(
            self._template,
            name=self.name_edit.text().strip(),
            source=self.source_edit.text().strip(),
            intro=self.intro_edit.toPlainText().strip(),
            stages=tuple(stages),
            shipped=False,
        )

    def problem(self) -> str:
        """What stops the template being saved, in the participant's words ("" if nothing)."""
        self._store_form()
        if not self.name_edit.text().strip():
            return "Please give the template a name."
        if not self._drafts:
            return "A template needs at least one stage."
        for number, draft in enumerate(self._drafts, start=1):
            if not draft.title.strip():
                return f"Stage {number} needs a title."
            if not draft.prompt.strip():
                title = draft.title.strip()
                return f"Stage {number} ({title}) needs a prompt: the question to answer."
        return ""

    @Slot()
    def _save(self) -> None:
        problem = self.problem()
        if problem:
            self.error.show_message(problem)
            return
        template = self.template()
        try:
            save_user_template(template, self._user_dir)
        except JournalError as exc:
            self.error.show_message(str(exc))
            return
        self.saved.emit(template.id)
        self.accept()

    # -- the stage list ---------------------------------------------------------------------

    def _store_form(self) -> None:
        if not 0 <= self._row < len(self._drafts):
            return
        draft = self._drafts[self._row]
        draft.title = self.title_edit.text()
        draft.prompt = self.prompt_edit.toPlainText()
        draft.when = StageTiming(str(self.when_combo.currentData()))
        draft.required = self.required_check.isChecked()
        draft.hints = self.hints_edit.toPlainText()
        draft.examples = self.examples_edit.toPlainText()

    def _load_form(self, row: int) -> None:
        self._row = row
        has_stage = 0 <= row < len(self._drafts)
        for widget in (
            self.title_edit,
            self.when_combo,
            self.required_check,
            self.prompt_edit,
            self.hints_edit,
            self.examples_edit,
            self.remove_button,
        ):
            widget.setEnabled(has_stage)
        self.up_button.setEnabled(has_stage and row > 0)
        self.down_button.setEnabled(has_stage and row < len(self._drafts) - 1)
        if not has_stage:
            return
        draft = self._drafts[row]
        self.title_edit.setText(draft.title)
        self.when_combo.setCurrentIndex(self.when_combo.findData(draft.when.value))
        self.required_check.setChecked(draft.required)
        self.prompt_edit.setPlainText(draft.prompt)
        self.hints_edit.setPlainText(draft.hints)
        self.examples_edit.setPlainText(draft.examples)

    @Slot(int)
    def _row_changed(self, row: int) -> None:
        self._store_form()
        self._load_form(row)

    @Slot(str)
    def _title_edited(self, text: str) -> None:
        item = self.stage_list.item(self._row)
        if item is not None:
            item.setText(text or "(untitled stage)")

    @Slot()
    def _add(self) -> None:
        self._store_form()
        draft = StageDraft("", "New stage", "", StageTiming.AFTER, False, None, "", "")
        self._drafts.append(draft)
        self.stage_list.addItem(draft.title)
        self.stage_list.setCurrentRow(len(self._drafts) - 1)
        self.title_edit.selectAll()
        self.title_edit.setFocus()

    @Slot()
    def _remove(self) -> None:
        row = self._row
        if 0 <= row < len(self._drafts):
            self._row = -1  # the form's contents belong to the stage being removed
            del self._drafts[row]
            self.stage_list.takeItem(row)
            self._load_form(self.stage_list.currentRow())

    @Slot()
    def _move_up(self) -> None:
        self._move(-1)

    @Slot()
    def _move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        self._store_form()
        row, target = self._row, self._row + step
        if not (0 <= row < len(self._drafts) and 0 <= target < len(self._drafts)):
            return
        self._drafts[row], self._drafts[target] = self._drafts[target], self._drafts[row]
        for index in (row, target):
            item = self.stage_list.item(index)
            if item is not None:
                item.setText(self._drafts[index].title)
        self._row = -1
        self.stage_list.setCurrentRow(target)


def _new_id(title: str, number: int, taken: set[str]) -> str:
    base = _SLUG.sub("-", title.lower()).strip("-")[:40] or f"stage-{number}"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
