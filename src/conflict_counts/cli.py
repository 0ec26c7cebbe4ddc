"""The ``conflict-counts`` console script: one subcommand a module in ``commands/``.

Only the module of the command being run is imported (and none for ``--help``), so a
command pays for the libraries it uses and no others: ``--help``, ``normalize`` and
``locate`` start without datasets, pandas, matplotlib, pandera or scikit-learn.

Bad input never reaches the user as a traceback: every :class:`InputError` becomes one
line a problem on stderr and exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence
from typing import NoReturn

from conflict_counts.errors import exit_status, quote
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
    "export": "export",
    "import": "import_set",
    "add-article": "add_article",
    "harness": "harness",
}


def summary(name: str) -> str:
    """The first line of a command module's docstring, read without importing the module."""
    from importlib.util import find_spec

    spec = find_spec(f"conflict_counts.commands.{COMMANDS[name]}")
    with open(spec.origin, encoding="utf-8") as source:  # type: ignore[union-attr]
        return source.readline().strip().strip('"').strip()


def command_module(name: str):  # -> module with add_arguments() and run()
    """The module of one command, imported only when that command runs (so ``--help`` is instant)."""
    return importlib.import_module(f"conflict_counts.commands.{COMMANDS[name]}")


# A value argparse quotes in its own messages ("invalid int value: '5555…'").
_ARGPARSE_QUOTED = re.compile(r"'([^']*)'")


class _Parser(argparse.ArgumentParser):
    """argparse quotes a rejected option value in full; a 5,000-digit value would make a 5 kB
    line. Values are cut as every other error of the project cuts them (:func:`quote`)."""

    def error(self, message: str) -> NoReturn:
        super().error(_ARGPARSE_QUOTED.sub(lambda match: quote(match.group(1)), message))


class _PlainText(argparse.RawDescriptionHelpFormatter):
    """The commands' docstrings are reStructuredText (``--lang``); help prints them plain."""

    def format_help(self) -> str:
        return super().format_help().replace("``", "")


class _PlainSummary(argparse.HelpFormatter):
    def format_help(self) -> str:
        return super().format_help().replace("``", "")


def _parser(selected: str | None) -> argparse.ArgumentParser:
    """Every command is listed; only ``selected`` has its module imported and its options added."""
    parser = _Parser(
        prog="conflict-counts",
        description="Build, validate, score and explore the ConflictCounts dataset.",
        formatter_class=_PlainSummary,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        if name != selected:
            subparsers.add_parser(name, help=summary(name))
            continue
        module = command_module(name)
        sub = subparsers.add_parser(
            name, help=summary(name), description=module.__doc__,
            formatter_class=_PlainText,
        )
        module.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """The console script: bad input becomes one line per problem on stderr and exit status 2."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    selected = next((a for a in arguments if not a.startswith("-")), None)
    parser = _parser(selected if selected in COMMANDS else None)
    args = parser.parse_args(arguments)
    try:
        return exit_status(lambda: command_module(args.command).run(args))
    except BrokenPipeError:
        return 1
    except (OSError, UnicodeError) as error:
        # Last resort for a file that cannot be read or written (permissions, a full disk):
        # the parsers turn bad content into InputError; this keeps the rest to one line too.
        where = getattr(error, "filename", None) or args.command
        reason = getattr(error, "strerror", None) or quote(str(error))
        print(f"error: {where}: {reason}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
