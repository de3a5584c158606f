"""`inquiry-journal spell-check` and `dictionary`: UK English spelling, with the journal's own
words, from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.common import CommandError, file_or_stdin_text, open_or_create
from app.storage.keys import KeyStore
from app.storage.meta import journal_exists

if TYPE_CHECKING:
    from app.spelling.personal import PersonalWord

COMMANDS = frozenset({"dictionary", "spell-check"})
"""The commands `register` adds (so the command line can build only the group it needs)."""

_LIST_HELP = (
    "one word a line, in alphabetical order; a private word is followed by ' (private)' "
    "(words never hold spaces, so the first field is the word)"
)


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    """Add the spell-check and dictionary commands."""
    check = sub.add_parser(
        "spell-check",
        parents=[common],
        help="list the words in a text that UK English and the journal's dictionary do not "
        "know (exit 1 when any is found)",
        description="Check a text's spelling against UK English and the journal's own "
        "dictionary. Prints one JSON object a line for each unknown word, in order: "
        '{"word", "start", "end", "suggestions"}, where start and end count characters '
        "in the text as read. Exits 1 when any word is unknown, 0 when none is. A folder "
        "with no journal yet is checked against UK English alone.",
    )
    check.add_argument("file", nargs="?", default="-", help="a UTF-8 text file, or - for stdin")
    check.set_defaults(handler=cmd_spell_check)

    dictionary = sub.add_parser(
        "dictionary",
        parents=[common],
        help="add, list or remove the words the spelling check accepts (kept in the journal)",
        description="The journal's own dictionary: words the spelling check accepts, such "
        "as names and NHS terms. It is kept inside the encrypted journal. A word with a "
        "capital letter may be someone's name, so it is kept private: accepted wherever "
        "you write it, never offered as a suggestion.",
    )
    actions = dictionary.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", parents=[common], help="add a word (one word, no spaces)")
    add.add_argument("word", help="the word, spelt as you write it")
    add.set_defaults(handler=cmd_dictionary_add)
    listing = actions.add_parser(
        "list",
        parents=[common],
        help="list the words",
        description=f"List the words: {_LIST_HELP}.",
    )
    listing.add_argument(
        "--json",
        action="store_true",
        help='one JSON object a line instead: {"word", "private", "added"} (added: ISO 8601, UTC)',
    )
    listing.set_defaults(handler=cmd_dictionary_list)
    remove = actions.add_parser(
        "remove", parents=[common], help="take a word out (exit 1 when it was not there)"
    )
    remove.add_argument("word", help="the word, spelt as it was added")
    remove.set_defaults(handler=cmd_dictionary_remove)


def _personal_words(folder: Path, store: KeyStore) -> list[PersonalWord]:
    """The journal's own words; none when the folder holds no journal (none is created)."""
    if not journal_exists(folder):
        return []
    journal = open_or_create(folder, store)
    try:
        return journal.dictionary.words()
    finally:
        journal.close()


def cmd_spell_check(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.spelling.checker import SpellChecker
    from app.spelling.english import EnglishDictionary

    text = file_or_stdin_text(args.file)  # a bad file is refused before the journal opens
    checker = SpellChecker(EnglishDictionary(), _personal_words(folder, store))
    unknown = checker.misspellings(text)
    for misspelling in unknown:
        print(json.dumps(misspelling.as_json(), ensure_ascii=False))
    return 1 if unknown else 0


def cmd_dictionary_add(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.spelling.personal import checked_word, looks_private

    word = checked_word(args.word)  # NotAWord before a journal is opened or created
    journal = open_or_create(folder, store)
    try:
        there = any(w.word == word for w in journal.dictionary.words())
        kept = journal.dictionary.add(word, private=looks_private(word))
    finally:
        journal.close()
    if there:
        print(f'"{kept.word}" is already in the journal\'s dictionary.')
    else:
        print(f'Added "{kept.word}" to the journal\'s dictionary.')
    if kept.private:
        print(
            f'"{kept.word}" is kept private, as it may be a name: it is accepted wherever you '
            "write it, but never offered as a suggestion."
        )
    return 0


def cmd_dictionary_list(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    words = _personal_words(folder, store)
    for word in words:
        if args.json:
            record = {
                "word": word.word,
                "private": word.private,
                "added": word.added_at.isoformat(),
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(f"{word.word} (private)" if word.private else word.word)
    if not words:
        print("The journal's dictionary has no words yet.", file=sys.stderr)
    return 0


def cmd_dictionary_remove(args: argparse.Namespace, folder: Path, store: KeyStore) -> int:
    from app.spelling.personal import MAX_WORD

    word = args.word.strip().replace("’", "'")  # as the dictionary matches it
    removed = False
    if journal_exists(folder):
        journal = open_or_create(folder, store)
        try:
            removed = journal.dictionary.remove(word)
        finally:
            journal.close()
    if not removed:
        shown = word if len(word) <= MAX_WORD else word[:MAX_WORD] + "..."
        raise CommandError(f'"{shown}" is not in the journal\'s dictionary; nothing was changed.')
    print(f'Took "{word}" out of the journal\'s dictionary.')
    return 0
