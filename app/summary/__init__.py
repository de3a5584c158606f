"""The supervision / coaching summary: built from the journal, checked for privacy, exported."""
