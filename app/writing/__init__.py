"""What a person writes: entries, lines of inquiry, cycles, templates, domains, tags."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "cycle_reads",
    "cycle_records",
    "cycle_states",
    "cycles",
    "domains",
    "entries",
    "entry_record",
    "item_links",
    "links",
    "moves",
    "rendering",
    "tags",
    "templates",
    "titles",
)
