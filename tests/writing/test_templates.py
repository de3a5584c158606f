"""Templates are data: every shipped one is valid, and a broken user file is reported, not fatal."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.resources import shipped_templates_dir
from app.writing.domains import Domain
from app.writing.templates import (
    DEFAULT_TEMPLATE_ID,
    StageRole,
    StageTiming,
    TemplateError,
    duplicate_template,
    load_library,
    load_template,
    parse_template,
    template_to_toml,
)

SHIPPED = sorted(shipped_templates_dir().glob("*.toml"))

MINIMAL = """
id = "mine"
name = "Mine"
{top}
[[stages]]
id = "one"
title = "One"
prompt = "What happened?"
"""


def minimal(top: str = "") -> str:
    return MINIMAL.format(top=top)


def test_the_required_templates_ship() -> None:
    ids = {load_template(p).id for p in SHIPPED}
    assert ids >= {
        "action-inquiry",
        "gibbs",
        "what-so-what-now-what",
        "kolb",
        "dilemma",
        "quick-capture",
        "nmc-reflective-account",
    }


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.stem)
def test_every_shipped_template_is_valid_and_round_trips(path: Path) -> None:
    template = load_template(path)
    assert template.id == path.stem
    assert template.name and template.stages and template.default_domains
    assert all(stage.prompt.strip() for stage in template.stages)
    assert parse_template(template_to_toml(template)) == parse_template(path.read_text("utf-8"))


def test_action_inquiry_is_the_default_and_follows_torbert() -> None:
    library = load_library(shipped_templates_dir())
    template = library.default
    assert template.id == DEFAULT_TEMPLATE_ID
    assert library.templates[0].id == DEFAULT_TEMPLATE_ID
    assert [s.title for s in template.stages] == [
        "Frame",
        "Intention",
        "Strategy",
        "Action",
        "Outcomes",
        "Learning",
        "Next experiment",
    ]
    assert [s.when for s in template.stages[:3]] == [StageTiming.BEFORE] * 3
    assert all(s.when is StageTiming.AFTER for s in template.stages[3:])
    assert template.stage_with_role(StageRole.OUTCOME) is not None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('id = "x"\nname = "X"\n[[stages]\n', "not valid TOML.*line 3"),
        ('id = "x"\nname = "X"\n', "at least one \\[\\[stages\\]\\]"),
        ('id = "Bad Id"\nname = "X"\n[[stages]]\nid="a"\ntitle="A"\nprompt="P"\n', "line 1"),
        (
            'id = "x"\nname = "X"\n[[stages]]\nid="a"\ntitle="A"\nprompt="P"\n'
            '[[stages]]\nid="b"\ntitle="B"\nwhen="later"\nprompt="P"\n',
            "line 7: stage 2: 'when'",
        ),
        ('id = "x"\nname = "X"\n[[stages]]\nid="a"\ntitle="A"\n', "line 3: stage 1: 'prompt'"),
        ('id = "x"\nname = "X"\ncolour = "red"\n[[stages]]\n', "line 3: unknown key 'colour'"),
        (minimal('default_domains = ["ward"]'), "default_domains"),
    ],
)
def test_broken_templates_say_what_and_where(text: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        parse_template(text)


def test_broken_user_template_is_skipped_and_the_rest_load(tmp_path: Path) -> None:
    user = tmp_path / "templates"
    user.mkdir()
    (user / "good.toml").write_text(minimal(), encoding="utf-8")
    (user / "broken.toml").write_text('id = "broken"\nname = = "x"\n', encoding="utf-8")
    (user / "clash.toml").write_text(minimal().replace('"mine"', '"gibbs"'), encoding="utf-8")
    library = load_library(shipped_templates_dir(), user)
    assert library.get("mine") is not None
    assert library.get("gibbs") is not None and library.get("gibbs").shipped  # type: ignore[union-attr]
    problems = {p.file.name: str(p) for p in library.problems}
    assert set(problems) == {"broken.toml", "clash.toml"}
    assert "broken.toml: is not valid TOML" in problems["broken.toml"]
    assert "line 2" in problems["broken.toml"]
    assert "already used" in problems["clash.toml"]


def test_duplicate_makes_an_editable_copy(tmp_path: Path) -> None:
    library = load_library(shipped_templates_dir())
    copy = duplicate_template(library.get("gibbs"), tmp_path / "t", library)  # type: ignore[arg-type]
    assert copy.id == "gibbs-copy" and not copy.shipped
    reloaded = load_library(shipped_templates_dir(), tmp_path / "t")
    mine = reloaded.get("gibbs-copy")
    assert mine is not None and mine.name == "Gibbs' reflective cycle (my copy)"
    assert [s.prompt for s in mine.stages] == [s.prompt for s in library.get("gibbs").stages]  # type: ignore[union-attr]
    second = duplicate_template(library.get("gibbs"), tmp_path / "t", reloaded)  # type: ignore[arg-type]
    assert second.id == "gibbs-copy-2"


def test_default_domains_keep_canonical_order() -> None:
    template = parse_template(minimal('default_domains = ["organisation", "individual"]'))
    assert template.default_domains == (Domain.INDIVIDUAL, Domain.ORGANISATION)
