"""Tests of imrparse.layout."""
