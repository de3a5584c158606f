"""Tests for ui.entries."""
