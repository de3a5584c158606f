"""Reflection templates: plain TOML files describing a cycle's stages.

Shipped templates live in resources/templates; a participant's own go in the `templates`
folder of their journal. A broken file is reported by name and line and skipped; the rest
still load.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.errors import JournalError
from app.storage.files import make_private_folder, write_atomically
from app.writing.domains import Domain

DEFAULT_TEMPLATE_ID = "action-inquiry"
USER_TEMPLATES_DIRNAME = "templates"
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
_TEMPLATE_KEYS = {"id", "name", "source", "intro", "default_domains", "stages"}
_STAGE_KEYS = {"id", "title", "prompt", "hints", "examples", "required", "when", "role"}


class StageTiming(StrEnum):
    """Whether a stage is written before or after the experiment."""

    BEFORE = "before"
    AFTER = "after"


class StageRole(StrEnum):
    """What a stage holds, so summaries and timelines can find the intention or the outcome."""

    FRAME = "frame"
    INTENTION = "intention"
    STRATEGY = "strategy"
    ACTION = "action"
    OUTCOME = "outcome"
    LEARNING = "learning"
    NEXT = "next"


@dataclass(frozen=True)
class Stage:
    """One stage of a template: a prompt and a space to write."""

    id: str
    title: str
    prompt: str
    when: StageTiming = StageTiming.AFTER
    required: bool = True
    role: StageRole | None = None
    hints: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    """A reflection structure: its stages in order and the domains it starts with."""

    id: str
    name: str
    source: str
    intro: str
    stages: tuple[Stage, ...]
    default_domains: tuple[Domain, ...] = (Domain.INDIVIDUAL,)
    origin: Path | None = None
    shipped: bool = False

    def stage(self, stage_id: str) -> Stage | None:
        """The stage with that id, if the template has one."""
        return next((s for s in self.stages if s.id == stage_id), None)

    def stage_with_role(self, role: StageRole) -> Stage | None:
        """The first stage playing that role."""
        return next((s for s in self.stages if s.role is role), None)

    @property
    def has_before_stages(self) -> bool:
        """True when part of the template is written before the experiment."""
        return any(s.when is StageTiming.BEFORE for s in self.stages)


class TemplateError(JournalError):
    """A template file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class TemplateProblem:
    """A template file that was skipped, and why."""

    file: Path
    message: str

    def __str__(self) -> str:
        return f"{self.file.name}: {self.message}"


@dataclass
class TemplateLibrary:
    """Every usable template, shipped ones first, and the files that were skipped."""

    templates: list[Template] = field(default_factory=list)
    problems: list[TemplateProblem] = field(default_factory=list)

    def get(self, template_id: str) -> Template | None:
        """The template with that id."""
        return next((t for t in self.templates if t.id == template_id), None)

    @property
    def default(self) -> Template:
        """The action-inquiry template (or the first one, if it is missing)."""
        return self.get(DEFAULT_TEMPLATE_ID) or self.templates[0]


def user_templates_dir(journal_folder: Path) -> Path:
    """The folder for a participant's own templates."""
    return journal_folder / USER_TEMPLATES_DIRNAME


def load_library(shipped_dir: Path, user_dir: Path | None = None) -> TemplateLibrary:
    """Load shipped then user templates; a broken or clashing file is a problem, not a crash."""
    library = TemplateLibrary()
    for folder, shipped in ((shipped_dir, True), (user_dir, False)):
        if folder is None or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                template = load_template(path, shipped=shipped)
            except TemplateError as exc:
                library.problems.append(TemplateProblem(path, str(exc)))
                continue
            if library.get(template.id) is not None:
                library.problems.append(
                    TemplateProblem(
                        path, f"the id '{template.id}' is already used by another template."
                    )
                )
                continue
            library.templates.append(template)
    if not library.templates:
        raise TemplateError(f"No reflection templates could be loaded from {shipped_dir}.")
    library.templates.sort(key=lambda t: (not t.shipped, t.id != DEFAULT_TEMPLATE_ID, t.name))
    return library


def load_template(path: Path, *, shipped: bool = False) -> Template:
    """Read one template file; raise TemplateError saying what is wrong and on which line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"could not be read ({exc}).") from exc
    return replace(parse_template(text), origin=path, shipped=shipped)


def parse_template(text: str) -> Template:
    """Parse and check a template's TOML text."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"is not valid TOML: {exc}.") from None
    return _Checker(text).template(data)


class _Checker:
    """Checks a parsed template, pointing at the line where each problem is."""

    def __init__(self, text: str) -> None:
        self._lines = text.splitlines()

    def _line_of(self, key: str, occurrence: int = 0) -> str:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*(=|\]\])")
        seen = 0
        for number, line in enumerate(self._lines, start=1):
            if pattern.search(line) or (key == "[[stages" and line.strip() == "[[stages]]"):
                if seen == occurrence:
                    return f"line {number}: "
                seen += 1
        return ""

    def _stage_line(self, index: int) -> str:
        return self._line_of("[[stages", index)

    def template(self, data: dict[str, Any]) -> Template:
        unknown = sorted(set(data) - _TEMPLATE_KEYS)
        if unknown:
            raise TemplateError(f"{self._line_of(unknown[0])}unknown key '{unknown[0]}'.")
        template_id = self._text(data, "id")
        if not _ID_PATTERN.match(template_id):
            raise TemplateError(
                f"{self._line_of('id')}the id must be lower-case letters, digits and hyphens."
            )
        stages_raw = data.get("stages")
        if not isinstance(stages_raw, list) or not stages_raw:
            raise TemplateError("a template needs at least one [[stages]] section.")
        stages = tuple(self._stage(raw, index) for index, raw in enumerate(stages_raw))
        ids = [s.id for s in stages]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise TemplateError(f"two stages share the id '{repeated[0]}'.")
        domains_raw = data.get("default_domains", ["individual"])
        try:
            if not isinstance(domains_raw, list):
                raise ValueError
            domains = tuple(Domain(str(d)) for d in domains_raw)
        except ValueError:
            raise TemplateError(
                f"{self._line_of('default_domains')}default_domains must list any of "
                "individual, team, organisation."
            ) from None
        return Template(
            id=template_id,
            name=self._text(data, "name"),
            source=self._text(data, "source", required=False),
            intro=self._text(data, "intro", required=False).strip(),
            stages=stages,
            default_domains=tuple(d for d in Domain if d in domains),
        )

    def _stage(self, raw: object, index: int) -> Stage:
        where = self._stage_line(index) + f"stage {index + 1}: "
        if not isinstance(raw, dict):
            raise TemplateError(f"{where}should be a [[stages]] table.")
        unknown = sorted(set(raw) - _STAGE_KEYS)
        if unknown:
            raise TemplateError(f"{where}unknown key '{unknown[0]}'.")
        try:
            when = StageTiming(raw.get("when", "after"))
        except ValueError:
            raise TemplateError(f'{where}\'when\' must be "before" or "after".') from None
        role_raw = raw.get("role")
        try:
            role = None if role_raw is None else StageRole(role_raw)
        except ValueError:
            roles = ", ".join(r.value for r in StageRole)
            raise TemplateError(f"{where}'role' must be one of {roles}.") from None
        required = raw.get("required", True)
        if not isinstance(required, bool):
            raise TemplateError(f"{where}'required' must be true or false.")
        stage_id = self._text(raw, "id", where=where)
        if not _ID_PATTERN.match(stage_id):
            raise TemplateError(f"{where}the id must be lower-case letters, digits and hyphens.")
        return Stage(
            id=stage_id,
            title=self._text(raw, "title", where=where),
            prompt=self._text(raw, "prompt", where=where),
            when=when,
            required=required,
            role=role,
            hints=self._texts(raw, "hints", where),
            examples=self._texts(raw, "examples", where),
        )

    def _text(
        self, data: dict[str, Any], key: str, *, required: bool = True, where: str | None = None
    ) -> str:
        value = data.get(key)
        prefix = where if where is not None else self._line_of(key)
        if value is None:
            if required:
                raise TemplateError(f"{prefix}'{key}' is missing.")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            raise TemplateError(f"{prefix}'{key}' must be some text.")
        return value

    def _texts(self, data: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise TemplateError(f"{where}'{key}' must be a list of texts.")
        return tuple(value)


def template_to_toml(template: Template) -> str:
    """Write a template as TOML that `parse_template` reads back to the same template."""

    def s(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # JSON strings are valid TOML strings

    def many(values: tuple[str, ...]) -> str:
        return "[" + ", ".join(s(v) for v in values) + "]"

    lines = [
        f"id = {s(template.id)}",
        f"name = {s(template.name)}",
        f"source = {s(template.source)}",
        f"intro = {s(template.intro)}",
        f"default_domains = {many(tuple(d.value for d in template.default_domains))}",
    ]
    for stage in template.stages:
        lines += ["", "[[stages]]", f"id = {s(stage.id)}", f"title = {s(stage.title)}"]
        if stage.role is not None:
            lines.append(f"role = {s(stage.role.value)}")
        lines += [
            f"when = {s(stage.when.value)}",
            f"required = {'true' if stage.required else 'false'}",
            f"prompt = {s(stage.prompt)}",
        ]
        if stage.hints:
            lines.append(f"hints = {many(stage.hints)}")
        if stage.examples:
            lines.append(f"examples = {many(stage.examples)}")
    return "\n".join(lines) + "\n"


def duplicate_template(template: Template, user_dir: Path, library: TemplateLibrary) -> Template:
    """Save a copy of a template as the participant's own, with a new id and name."""
    base = f"{template.id}-copy"[:60]
    new_id, n = base, 2
    while library.get(new_id) is not None or (user_dir / f"{new_id}.toml").exists():
        new_id, n = f"{base}-{n}", n + 1
    copy = replace(template, id=new_id, name=f"{template.name} (my copy)", shipped=False)
    save_user_template(copy, user_dir)
    return replace(copy, origin=user_dir / f"{new_id}.toml")


def save_user_template(template: Template, user_dir: Path) -> Path:
    """Write (or overwrite) a participant's template file after checking it parses."""
    if template.shipped:
        raise TemplateError("shipped templates cannot be changed; duplicate it first.")
    text = template_to_toml(template)
    parse_template(text)
    make_private_folder(user_dir)
    path = user_dir / f"{template.id}.toml"
    write_atomically(path, text.encode("utf-8"))
    return path
