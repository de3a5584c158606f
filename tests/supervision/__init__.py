"""Tests for supervision."""
