"""Links between items: the markup in the text, how it renders, and what links to what."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.journal.opening import Journal
from app.writing.domains import Domain
from app.writing.links import (
    NOT_FOUND,
    ItemLink,
    LinkKind,
    link_markup,
    links_in,
    parse_url,
    plain_text,
    resolve_html,
    without_addresses,
)
from app.writing.rendering import render_markdown

CYCLE_ID = "0b5e8a52-3f0c-4d5e-9a43-2d6f1c7e9b10"
ENTRY_ID = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"


def test_markup_round_trips_through_the_parser() -> None:
    markup = link_markup(LinkKind.CYCLE, CYCLE_ID, "Huddle  [night]\nteam")
    assert markup == f"[Huddle \\[night\\] team](ij:cycle/{CYCLE_ID})"
    assert links_in(f"See {markup} again, {markup}.") == [ItemLink(LinkKind.CYCLE, CYCLE_ID)]
    assert plain_text(f"See {markup}.") == "See Huddle [night] team."
    assert parse_url(f"ij:entry/{ENTRY_ID}") == ItemLink(LinkKind.ENTRY, ENTRY_ID)
    assert ItemLink(LinkKind.ENTRY, ENTRY_ID).url == f"ij:entry/{ENTRY_ID}"


@pytest.mark.parametrize(
    "url", ["https://example.org", "ij:session/abc", "ij:entry/", "ij:entry/a b", "mailto:x@y"]
)
def test_other_addresses_are_not_item_links(url: str) -> None:
    assert parse_url(url) is None


def test_an_empty_title_still_makes_a_link_with_text() -> None:
    assert link_markup("entry", ENTRY_ID, "  ") == f"[Untitled](ij:entry/{ENTRY_ID})"


def test_rendered_elsewhere_a_link_is_its_title_alone() -> None:
    rendered = render_markdown(f"See [the huddle](ij:cycle/{CYCLE_ID}) and [web](https://x.org).")
    assert "ij:" not in rendered
    assert "See the huddle and" in rendered
    assert 'href="https://x.org"' in rendered


def test_in_the_app_a_live_link_stays_and_a_missing_one_says_so() -> None:
    text = f"[the huddle](ij:cycle/{CYCLE_ID}) and [gone](ij:entry/{ENTRY_ID})"
    rendered = render_markdown(text, lambda link: link.kind is LinkKind.CYCLE)
    assert f'<a href="ij:cycle/{CYCLE_ID}">the huddle</a>' in rendered
    assert f"gone {NOT_FOUND}" in rendered
    assert "ij:entry" not in rendered


def test_an_address_in_the_scheme_that_names_no_item_is_text() -> None:
    rendered = render_markdown("[odd](ij:session/1) and [odd too](IJ:entry)", lambda _link: True)
    assert "ij:" not in rendered.lower() and "odd and odd too" in rendered


def test_a_link_in_code_is_shown_as_written() -> None:
    rendered = render_markdown(f"`[x](ij:cycle/{CYCLE_ID})`")
    assert f"<code>[x](ij:cycle/{CYCLE_ID})</code>" in rendered


def test_a_link_cut_short_shows_no_address() -> None:
    assert without_addresses(f"…huddle](ij:cycle/{CYCLE_ID[:10]}…") == "…huddle…"
    assert without_addresses(f"[Huddle](ij:cycle/{CYCLE_ID}) then") == "Huddle then"


@given(st.text())
def test_parsing_any_text_never_raises(text: str) -> None:
    links_in(text)
    plain_text(text)
    without_addresses(text)
    parse_url(text)
    resolve_html(text)
    resolve_html(text, lambda _link: False)


@given(st.text(), st.sampled_from(list(LinkKind)), st.uuids())
def test_any_title_makes_a_link_the_parser_finds(title: str, kind: LinkKind, uid: object) -> None:
    markup = link_markup(kind, str(uid), title)
    assert links_in(markup) == [ItemLink(kind, str(uid))]
    assert plain_text(markup) == (" ".join(title.split())[:120] or "Untitled")


# -- the store -----------------------------------------------------------------------------


def _cycle(journal: Journal, title: str) -> str:
    inquiry = journal.cycles.create_inquiry("How do I listen better?", domains=[Domain.TEAM])
    return journal.cycles.start_cycle(inquiry.id, "action-inquiry", title=title).id


def test_linked_from_finds_entries_and_cycles_that_link_and_not_trashed_ones(
    journal: Journal,
) -> None:
    target = _cycle(journal, "Night huddle")
    link = ItemLink(LinkKind.CYCLE, target)
    markup = link_markup(LinkKind.CYCLE, target, "Night huddle")
    linking = journal.entries.create("Thinking again", f"About {markup}.")
    journal.entries.create("Unrelated", "Nothing here.")
    trashed = journal.entries.create("Gone", f"Also {markup}")
    journal.entries.trash(trashed.id)
    other = _cycle(journal, "Day huddle")
    journal.cycles.save_stage(other, "frame", f"Follows {markup}")

    found = journal.links.linked_from(link)
    assert [(f.kind, f.item_id, f.title) for f in found] == [
        (LinkKind.CYCLE, other, "Day huddle"),
        (LinkKind.ENTRY, linking.id, "Thinking again"),
    ]
    assert journal.links.linked_from(ItemLink(LinkKind.ENTRY, linking.id)) == []


def test_live_leaves_out_trashed_and_missing_items(journal: Journal) -> None:
    kept = journal.entries.create("Kept", "")
    binned = journal.entries.create("Binned", "")
    journal.entries.trash(binned.id)
    cycle = _cycle(journal, "A cycle")
    links = [
        ItemLink(LinkKind.ENTRY, kept.id),
        ItemLink(LinkKind.ENTRY, binned.id),
        ItemLink(LinkKind.ENTRY, "no-such-entry"),
        ItemLink(LinkKind.CYCLE, cycle),
        ItemLink(LinkKind.CYCLE, kept.id),
    ]
    assert journal.links.live(links) == {links[0], links[3]}


def test_titled_filters_by_every_word_newest_first(journal: Journal) -> None:
    journal.entries.create("Huddle at night", "")
    journal.entries.create("", "Huddle notes from the ward\nmore")
    cycle = _cycle(journal, "Night huddle again")
    journal.entries.create("Budget", "huddle in the text only")
    titles = [item.title for item in journal.links.titled("huddle NIGHT")]
    assert titles == ["Night huddle again", "Huddle at night"]
    assert [i.title for i in journal.links.titled("ward")] == ["Huddle notes from the ward"]
    newest = journal.links.titled("", limit=2)
    assert [i.title for i in newest] == ["Budget", "Night huddle again"]
    assert newest[1].item_id == cycle
    assert journal.links.titled("100%_") == []
