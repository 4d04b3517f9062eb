"""The built-in field readers, each a plugin implementing one field hook."""
