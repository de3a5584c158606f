"""Tests for bundling."""
