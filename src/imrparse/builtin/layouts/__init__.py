"""The built-in letter layouts."""
