"""Tests for search."""
