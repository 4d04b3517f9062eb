"""The built-in output formats."""
