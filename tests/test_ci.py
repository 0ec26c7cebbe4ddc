"""CI runs exactly the README's test command, and that command installs every extra."""

from __future__ import annotations

import re

import tomllib

from tests.conftest import ROOT


def test_ci_runs_the_readme_test_command_with_every_extra() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = re.search(r"python3 -m venv \.venv && \.venv/bin/pip install -q -e '\.\[([a-z,]+)\]' "
                        r"(?:&& python3 -m venv \.venv-annotate && \.venv-annotate/bin/pip install -q -e "
                        r"'\.\[(annotate)\]' )?&& \.venv/bin/python -m pytest\n", ci)
    assert command is not None
    assert command.group(0) in readme
    extras = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
                 ["optional-dependencies"])
    installed = {*command.group(1).split(","), command.group(2)}  # annotate: in a venv of its own
    assert installed >= extras - {"peer"}  # peer's package is in [test]
