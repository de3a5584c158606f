"""The command-line commands, grouped by what they work on."""
