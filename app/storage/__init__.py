"""Storage: the encrypted SQLite file, its key, its schema and its metadata."""

# What other packages may import from this one (tests/test_architecture.py).
published = (
    "backup_file",
    "connection",
    "engine",
    "files",
    "keys",
    "lock",
    "meta",
    "ready",
    "recovery_code",
    "schema",
    "sharing_rows",
    "snapshot",
    "steps",
    "stored_values",
    "tables",
    "transaction",
)
