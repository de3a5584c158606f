"""One-off commands load only what they need: `search` and `note` stay quick to start.

Each command runs in a child process, as a person runs it, on an up-to-date journal; the
child then lists every module it loaded. The heavy ones below must not be among them.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from app.journal.opening import Journal
from tests.support.processes import PYTHON, subprocess_env

# What a search or a quick note has no use for on a journal whose schema is current:
# SQLAlchemy (the plain driver reads and writes), migrations, the ORM's models, document and
# sharing formats, Qt, file locks, the reflection templates, the error log's file handler
# (loaded only when something is written to it), the other commands' modules.
HEAVY = (
    "alembic",
    "sqlalchemy",
    "app.storage.tables",
    "app.writing.entries",
    "app.writing.templates",
    "app.sharing",
    "app.summary",
    "markdown",
    "nh3",
    "docx",
    "cryptography",
    "PySide6",
    "filelock",
    "logging.handlers",
    "app.cli.sharing",
    "app.cli.summary",
    "app.cli.backup",
    "app.storage.backup_file",
    "app.writing.cycle_records",
)

_CHILD = """
import sys
from app.cli.main import main
code = main(sys.argv[1:])
print("LOADED", *sorted(sys.modules), file=sys.stderr)
sys.exit(code)
"""


def _loaded_by(home: Path, *arguments: str) -> tuple[str, set[str]]:
    result = subprocess.run(
        [PYTHON, "-c", _CHILD, *arguments],
        env=subprocess_env(home),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    loaded = result.stderr.rpartition("LOADED ")[2].split()
    return result.stdout, set(loaded)


def _heavy(loaded: set[str]) -> list[str]:
    return sorted(m for m in loaded if any(m == h or m.startswith(h + ".") for h in HEAVY))


@pytest.fixture
def folder(journal: Journal) -> Path:
    """An up-to-date journal holding one entry, closed so a child process can open it."""
    journal.entries.create("Huddle notes", "The team huddle ran long again.")
    journal.close()
    return journal.folder


def test_search_loads_no_heavy_modules(folder: Path, isolated_home: Path) -> None:
    out, loaded = _loaded_by(isolated_home, "--data-dir", str(folder), "search", "huddle")
    assert "Huddle notes" in out
    assert "sqlcipher3" in loaded  # the child really opened the journal
    assert _heavy(loaded) == []


def test_note_loads_no_heavy_modules(folder: Path, isolated_home: Path) -> None:
    out, loaded = _loaded_by(
        isolated_home, "--data-dir", str(folder), "note", "Asked Sam first.", "--tag", "huddle"
    )
    assert out.startswith("Saved 'Asked Sam first.'")
    assert _heavy(loaded) == []
    out, _ = _loaded_by(
        isolated_home, "--data-dir", str(folder), "search", "Sam", "--tag", "huddle"
    )
    assert "Asked Sam first." in out


def test_each_command_group_lists_the_commands_it_registers() -> None:
    """The command line builds only the groups named on it, found by these lists."""
    import argparse
    import importlib

    from app.cli.main import GROUPS

    for name, commands in GROUPS.items():
        group = importlib.import_module(name)
        sub = argparse.ArgumentParser().add_subparsers()
        group.register(sub, argparse.ArgumentParser(add_help=False))
        assert set(sub.choices) == group.COMMANDS == commands, name


def test_help_and_a_mistyped_command_still_list_every_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from app.cli.main import GROUPS, main

    every = set().union(*GROUPS.values())
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in every)
    with pytest.raises(SystemExit):
        main(["serch", "huddle"])
    err = capsys.readouterr().err
    assert "invalid choice: 'serch'" in err
    assert all(repr(name) in err for name in every)
