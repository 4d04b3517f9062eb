"""``imrparse plugins``: what is installed, and what each plugin provides."""

from __future__ import annotations

import argparse
import json

from ..plugin.registry import Plugins

NAME = "plugins"
HELP = "list the loaded plugins and what they provide"


def add_arguments(p: argparse.ArgumentParser, plugins: Plugins) -> None:
    p.add_argument("--json", action="store_true", help="as JSON")


def run(args: argparse.Namespace, plugins: Plugins) -> int:
    info = plugins.info()
    provided = {
        "layouts": {n: x.description for n, x in plugins.layouts.items()},
        "readers": {n: x.description for n, x in plugins.readers.items()},
        "formats": {n: x.description for n, x in plugins.formats.items()},
        "extractors": {n: x.description for n, x in plugins.extractors.items()},
    }
    if args.json:
        print(json.dumps({
            "plugins": [{"name": p.name, "module": p.module, "distribution": p.distribution,
                         "hooks": list(p.hooks)} for p in info],
            **provided,
        }, indent=2))
        return 0
    print("Plugins:")
    for p in info:
        origin = p.distribution or "not installed as a package"
        print(f"  {p.name:<20} {p.module}  ({origin})")
        print(f"  {'':<20} hooks: {', '.join(p.hooks)}")
    for kind, entries in provided.items():
        print(f"{kind.capitalize()}:")
        for name, description in entries.items():
            print(f"  {name:<12} {description}")
    return 0


