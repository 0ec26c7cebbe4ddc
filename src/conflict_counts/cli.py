"""The ``conflict-counts`` console script: one subcommand a module in ``commands/``.

Bad input never reaches the user as a traceback: every :class:`InputError` becomes one
line a problem on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from conflict_counts.errors import InputError
from conflict_counts.version import __version__

# Subcommand name → module in conflict_counts.commands exposing add_arguments() and run().
COMMANDS: dict[str, str] = {
    "build": "build",
    "validate": "validate",
    "score": "score",
    "extract": "extract",
    "normalize": "normalize",
    "benchmark": "benchmark",
    "compare": "compare",
    "agreement": "agreement",
    "view": "view",
    "locate": "locate",
    "anchor": "anchor",
    "release": "release",
}


def _parser(command: str | None = None) -> tuple[argparse.ArgumentParser, dict[str, object]]:
    """The parser; given the ``command`` about to run, only that command's module is imported
    (a scoring run does not pay for the builder's or the agreement's imports)."""
    parser = argparse.ArgumentParser(
        prog="conflict-counts",
        description="Build, validate, score and explore the ConflictCounts dataset.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    modules: dict[str, object] = {}
    for name, module_name in COMMANDS.items():
        if command in COMMANDS and name != command:
            subparsers.add_parser(name)
            continue
        try:
            module = importlib.import_module(f"conflict_counts.commands.{module_name}")
        except ModuleNotFoundError as error:
            if error.name != f"conflict_counts.commands.{module_name}":
                raise
            continue  # a command not shipped in this version
        sub = subparsers.add_parser(name, help=module.__doc__.strip().splitlines()[0])
        module.add_arguments(sub)
        modules[name] = module
    return parser, modules


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    parser, modules = _parser(next((a for a in given if not a.startswith("-")), None))
    args = parser.parse_args(argv)
    try:
        return int(modules[args.command].run(args) or 0)
    except InputError as error:
        for problem in error.problems:
            print(f"error: {problem}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
