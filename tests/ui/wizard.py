"""Driving the first-run setup wizard: open it, click its buttons, keep what it creates."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard

from app.journal.opening import Journal, create_journal
from app.storage.keys import KeyStore
from app.ui.start.setup_wizard import SetupWizard
from tests.ui.driver import click


class Creator:
    """The wizard's `create` callback, keeping what it made so the test can close it."""

    def __init__(self, key_store: KeyStore) -> None:
        self.key_store = key_store
        self.made: list[Journal] = []

    def __call__(self, folder: Path, passphrase: str | None) -> tuple[Journal, str]:
        journal, code = create_journal(folder, self.key_store, passphrase)
        self.made.append(journal)
        return journal, code


def click_wizard(qtbot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    """Click one of the wizard's own buttons (Next, Back, Commit, Finish...)."""
    click(qtbot, wizard.button(which))


def open_wizard(qtbot, folder: Path, key_store: KeyStore, **options) -> SetupWizard:
    """A shown setup wizard for `folder`; `options` go to SetupWizard as they are."""
    wizard = SetupWizard(folder, key_store, Creator(key_store), **options)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard
