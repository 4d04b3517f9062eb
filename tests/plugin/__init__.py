"""Tests of imrparse.plugin."""
