"""Field readers: text of one part of a letter in, model out, spans local to that text.

The built-in field plugins (:mod:`imrparse.builtin.fields`) call these; a plugin can
replace any of them through the field hooks.
"""
