"""`inquiry-journal --self-test`: does this copy of the app work on this computer?

For IT checking an installation, and for the bundle's build check. Each check prints one line,
"<check>: ok (...)" or "<check>: FAILED: <reason>". Everything happens in a throwaway folder:
the journal made there is protected by a random passphrase, and the keyring is only asked which
backend it has, so the person's own journal and keyring entries are never touched.
"""

from __future__ import annotations

import os
import platform
import secrets
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3.dbapi2 as sqlcipher

from app import APP_NAME, __version__
from app.errors import JournalError, WrongKeyError
from app.journal.opening import Journal, create_journal, open_journal
from app.storage.keys import KeyStore
from app.storage.meta import db_path

if TYPE_CHECKING:
    from app.summary.contents import SupervisionSummary

_SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class CheckResult:
    """One check's outcome, as one line for people."""

    name: str
    passed: bool
    detail: str

    def line(self) -> str:
        """The line printed: `name: ok (detail)` or `name: FAILED: reason`."""
        if self.passed:
            return f"{self.name}: ok ({self.detail})"
        return f"{self.name}: FAILED: {self.detail}"


class CheckFailed(Exception):
    """A check found something wrong; the message says what."""


class SelfTest:
    """The checks, run in order in `folder` (which should be empty and disposable)."""

    def __init__(self, folder: Path, key_store: KeyStore) -> None:
        self._folder = folder
        self._key_store = key_store
        self._journal: Journal | None = None
        self._entry_id = ""
        self._marker = f"Asked the team first {secrets.token_hex(8)}"

    def run(self) -> Iterator[CheckResult]:
        """Run every check, yielding each result as soon as it is known."""
        checks: list[tuple[str, Callable[[], str]]] = [
            ("keyring", self.check_keyring),
            ("encryption", self.check_encryption),
            ("migrations", self.check_migrations),
            ("templates", self.check_templates),
            ("markdown", self.check_markdown),
            ("pdf summary", self.check_pdf),
            ("docx summary", self.check_docx),
            ("share package", self.check_share_package),
            ("spelling", self.check_spelling),
            ("error log", self.check_error_log),
        ]
        try:
            for name, check in checks:
                yield _outcome(name, check)
        finally:
            if self._journal is not None:
                self._journal.close()

    def check_keyring(self) -> str:
        """Which keyring keeps keys here; no keyring is fine (journals then use a passphrase)."""
        if self._key_store.is_available():
            return f"keys are kept in {self._key_store.description()}"
        return "no system keyring found; new journals will be protected by a passphrase"

    def check_encryption(self) -> str:
        """Write, close, prove the file unreadable without the key, and read back with it."""
        folder = self._folder / "journal"
        passphrase = secrets.token_urlsafe(18)
        journal, _code = create_journal(folder, self._key_store, passphrase)
        try:
            entry = journal.entries.create(title="Self-test", body=self._marker)
            journal.entries.set_flags(entry.id, bring_to_supervision=True)
        finally:
            journal.close()
        self._entry_id = entry.id
        _check_unreadable(db_path(folder), self._marker)
        try:
            open_journal(folder, self._key_store, passphrase + "x").close()
        except WrongKeyError:
            pass
        else:
            raise CheckFailed("the journal opened with a wrong passphrase")
        self._journal = open_journal(folder, self._key_store, passphrase)
        if self._journal.entries.get(entry.id).body != self._marker:
            raise CheckFailed("the entry read back is not the one written")
        return "written, unreadable as plain SQLite, refused a wrong key, read back with its own"

    def check_migrations(self) -> str:
        """The new journal's schema is the newest the app knows, reached by the migration files."""
        from app.storage.ready import SCHEMA_HEAD
        from app.storage.schema import current_revision, known_revisions

        journal = self._open_journal()
        revisions = known_revisions()
        if not revisions or revisions[-1] != SCHEMA_HEAD:
            raise CheckFailed(f"the migration files end at {revisions[-1:]}, not {SCHEMA_HEAD}")
        stamped = current_revision(journal.engine)
        if stamped != SCHEMA_HEAD:
            raise CheckFailed(f"the journal is at schema {stamped}, not {SCHEMA_HEAD}")
        return f"schema {SCHEMA_HEAD}, {len(revisions)} migrations"

    def check_templates(self) -> str:
        """Every shipped template loads."""
        from app.resources import shipped_templates_dir
        from app.writing.templates import DEFAULT_TEMPLATE_ID, load_library

        library = load_library(shipped_templates_dir())
        if library.problems:
            raise CheckFailed("; ".join(str(p) for p in library.problems))
        if library.get(DEFAULT_TEMPLATE_ID) is None:
            raise CheckFailed(f"the default template '{DEFAULT_TEMPLATE_ID}' is missing")
        return f"{len(library.templates)} templates"

    def check_markdown(self) -> str:
        """Markdown becomes HTML, and an image link stays text (nothing would be fetched)."""
        from app.writing.rendering import render_markdown

        html = render_markdown("**Asked** the team first\n\n![ward](https://example.org/a.png)")
        if "<strong>Asked</strong>" not in html:
            raise CheckFailed("bold text was not rendered")
        if "<img" in html or "example.org" in html:
            raise CheckFailed("an image link was kept in the HTML")
        return "formatting rendered, image links kept as text"

    def check_pdf(self) -> str:
        """A summary written as PDF (Qt lays it out, offscreen when there is no display)."""
        from app.summary.export import SummaryFormat, write_summary

        out = self._folder / "summary.pdf"
        write_summary(self._summary(), SummaryFormat.PDF, out)
        data = out.read_bytes()
        if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
            raise CheckFailed("the file written is not a complete PDF")
        return f"{len(data) // 1024} KB"

    def check_docx(self) -> str:
        """A summary written as a Word document holding the entry's text."""
        from app.summary.export import SummaryFormat, write_summary

        out = self._folder / "summary.docx"
        write_summary(self._summary(), SummaryFormat.DOCX, out)
        try:
            with zipfile.ZipFile(out) as document:
                body = document.read("word/document.xml").decode("utf-8")
        except (zipfile.BadZipFile, KeyError) as exc:
            raise CheckFailed(f"the file written is not a Word document ({exc})") from None
        if self._marker not in body:
            raise CheckFailed("the Word document does not hold the entry's text")
        return f"{out.stat().st_size // 1024} KB"

    def check_share_package(self) -> str:
        """Sealed for a coach by this journal, opened by the coach only, unchanged."""
        from app.sharing.content import parse_records
        from app.sharing.exchange import ExchangeService
        from app.sharing.keys import Identity
        from app.sharing.package import PackageError, open_package
        from app.sharing.records import ContactRecord, Role

        journal = self._open_journal()
        participant = journal.sharing.identity("Self-test participant")
        coach = Identity.generate("Self-test coach")
        contact = ContactRecord(coach.card, Role.COACH, datetime.now(UTC))
        outgoing = ExchangeService(journal).make_share(
            contact, ExchangeService(journal).records_to_share([self._entry_id], [])
        )
        opened = open_package(outgoing.data, coach)
        if opened.sender.fingerprint != participant.card.fingerprint:
            raise CheckFailed("the package does not name this journal as its sender")
        if [r.body for r in parse_records(opened.payload)] != [self._marker]:
            raise CheckFailed("the coach did not read back the entry that was sealed")
        try:
            open_package(outgoing.data, Identity.generate("Someone else"))
        except PackageError:
            pass
        else:
            raise CheckFailed("someone other than the coach could open the package")
        return "sealed, signed, opened only by its coach"

    def check_spelling(self) -> str:
        """The shipped en_GB dictionary loads, knows a UK spelling, refuses a misspelling and
        suggests the word meant (a bundle missing the dictionary fails here)."""
        from app.spelling.english import LANGUAGE, EnglishDictionary

        english = EnglishDictionary()
        english.load()
        if not english.lookup("organisation"):
            raise CheckFailed(f"the {LANGUAGE} dictionary does not know 'organisation'")
        if english.lookup("recieve"):
            raise CheckFailed(f"the {LANGUAGE} dictionary accepts the misspelling 'recieve'")
        if "receive" not in english.suggest("recieve", 5):
            raise CheckFailed(f"the {LANGUAGE} dictionary does not suggest 'receive' for 'recieve'")
        return f"{LANGUAGE} dictionary: knows 'organisation', flags 'recieve', suggests 'receive'"

    def check_error_log(self) -> str:
        """Where a bug would be recorded, and that it could be written there (nothing is)."""
        from app.diagnostics.errorlog import log_file

        path = log_file()
        existing = path.parent
        while not existing.exists() and existing != existing.parent:
            existing = existing.parent
        if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
            raise CheckFailed(f"bugs could not be recorded: {existing} cannot be written")
        return f"bugs are recorded in {path}: error types and code places, no journal content"

    def _open_journal(self) -> Journal:
        if self._journal is None:
            raise CheckFailed("needs the journal from the encryption check")
        return self._journal

    def _summary(self) -> SupervisionSummary:
        from app.summary.contents import SummaryOptions, SummaryService

        today = date.today()
        options = SummaryOptions(since=today - timedelta(days=30), until=today)
        return SummaryService(self._open_journal()).build(options, today)


def _check_unreadable(db_file: Path, marker: str) -> None:
    """The file must not be plain SQLite, nor hold the text written, to anything without the key."""
    data = db_file.read_bytes()
    if data.startswith(_SQLITE_HEADER):
        raise CheckFailed("journal.db starts like a plain SQLite file")
    if marker.encode("utf-8") in data:
        raise CheckFailed("the text written can be read in journal.db")
    # SQLCipher given no key is plain SQLite (the bundle carries no other: build.spec leaves
    # Python's sqlite3 out).
    plain = sqlcipher.connect(f"{db_file.as_uri()}?mode=ro", uri=True)
    try:
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError:
        return
    finally:
        plain.close()
    raise CheckFailed("plain SQLite could read journal.db")


def _outcome(name: str, check: Callable[[], str]) -> CheckResult:
    try:
        return CheckResult(name, True, check())
    except (CheckFailed, JournalError) as exc:
        return CheckResult(name, False, str(exc))
    except Exception as exc:  # a bug is reported as a failed check, not a crash
        return CheckResult(name, False, f"{type(exc).__name__}: {exc}")


def run_self_test(key_store: KeyStore, write: Callable[[str], None]) -> bool:
    """Run every check in a temporary folder, writing one line each; True when all pass."""
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    write(
        f"{APP_NAME} {__version__} self-test ({frozen}, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()})"
    )
    results = []
    with tempfile.TemporaryDirectory(
        prefix="inquiry-journal-self-test-", ignore_cleanup_errors=True
    ) as temp:
        for result in SelfTest(Path(temp), key_store).run():
            write(result.line())
            results.append(result)
    failed = [r for r in results if not r.passed]
    if failed:
        write(f"{len(failed)} of {len(results)} checks FAILED.")
    else:
        write(f"All {len(results)} checks passed.")
    return not failed
