"""Tests for ui.search."""
