"""imrparse's own plugins.

Each module here is an ordinary plugin that implements the hooks of
:mod:`imrparse.plugin.hookspecs`, exactly as a third-party package does. They are
named once, in :data:`imrparse.plugin.manager.BUILTIN_PLUGINS`, and registered before
the third-party plugins of the ``imrparse`` entry-point group. Blocking one
(``IMRPARSE_DISABLE_PLUGINS=formats``, or ``get_plugin_manager(block=["formats"])``)
removes its feature and nothing else.
"""
