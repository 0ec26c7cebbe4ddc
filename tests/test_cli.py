"""The console script: each command imports only what it uses, and its help stands alone."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conflict_counts.cli import COMMANDS, command_module, main, summary
from tests.conftest import ROOT

HEAVY = ("datasets", "pandas", "matplotlib", "pandera", "sklearn", "pyarrow", "scipy")


def imported_heavy(*argv: str) -> list[str]:
    """The heavy libraries a fresh interpreter has imported after running the command."""
    script = (
        "import json, sys\n"
        "from conflict_counts.cli import main\n"
        "try:\n"
        f"    main({list(argv)!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(json.dumps(sorted(m for m in {list(HEAVY)!r} if m in sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


@pytest.mark.parametrize(
    "argv",
    [("--help",), ("normalize", "--lang", "sv", "närmare 800"), ("normalize", "--help"),
     ("locate", "02df82d6dcac3b2b", "ett hundratal"), ("score", "--help")],
)
def test_light_commands_import_no_heavy_library(argv: tuple[str, ...]) -> None:
    assert imported_heavy(*argv) == []


def test_the_parser_imports_only_the_command_it_runs() -> None:
    script = (
        "import sys\nfrom conflict_counts.cli import main\n"
        "main(['normalize', '--lang', 'en', '5'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('conflict_counts.commands.')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.splitlines()[-1] == "['conflict_counts.commands.normalize']"


@pytest.mark.parametrize("name", COMMANDS)
def test_summary_is_the_first_docstring_line_and_help_works(name: str, capsys) -> None:
    module = command_module(name)
    assert summary(name) == module.__doc__.strip().splitlines()[0]
    with pytest.raises(SystemExit) as exit_:
        main([name, "--help"])
    assert exit_.value.code == 0
    help_text = capsys.readouterr().out
    assert "SPEC" not in help_text and "specification" not in help_text
    assert "``" not in help_text  # the docstrings' reStructuredText literals print plain


def test_top_level_help_lists_every_command(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)
    assert "``" not in out


def test_a_rejected_option_value_is_quoted_short(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["locate", "02df82d6dcac3b2b", "ett hundratal", "--occurrence", "5" * 5000])
    assert exit_info.value.code == 2
    message = capsys.readouterr().err.strip().splitlines()[-1]
    assert "invalid int value" in message
    assert "(5000 characters)" in message
    assert len(message) < 200
