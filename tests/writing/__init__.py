"""Tests for writing."""
