"""Layout machinery: the parse context, the grammars, and the kit layouts are built from.

A layout (:class:`imrparse.plugin.api.Layout`) turns normalised letter text into a
Determination. The built-in ones (:mod:`imrparse.builtin.layouts`) scan the grammar's
markers, segment the text into paragraphs, parse it with a Lark LALR parser and build
the result with the helpers of :mod:`imrparse.layout.kit`.
"""
