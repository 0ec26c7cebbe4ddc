"""The build replaces only a dataset it wrote, and changes card and data together.

Interrupted builds (real SIGKILLs) and concurrent builds leave a valid dataset, a card
that agrees with it, and no staging folders.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conflict_counts.atomic import staging_folders
from tests.conftest import MINI, ROOT, build_args

CARD = "---\n---\n# Card\n\n<!-- BEGIN version -->\n<!-- END version -->\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A checkout-shaped folder: seeds/, README.md (the card of dataset/), CHANGELOG.md."""
    root = tmp_path / "project"
    shutil.copytree(MINI / "articles", root / "seeds" / "articles")
    shutil.copytree(MINI / "gold", root / "seeds" / "gold")
    (root / "README.md").write_text(CARD, encoding="utf-8")
    shutil.copy(ROOT / "CHANGELOG.md", root / "CHANGELOG.md")
    return root


def _args(project: Path, *extra: str) -> list[str]:
    return [
        "build",
        "--seeds",
        str(project / "seeds" / "articles"),
        "--annotations",
        str(project / "seeds" / "gold"),
        "--out",
        str(project / "dataset"),
        "--card",
        str(project / "README.md"),
        "--changelog",
        str(project / "CHANGELOG.md"),
        *extra,
    ]


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("target", ["seeds", "seeds/gold", ".", "notes", "README.md"])
def test_build_refuses_any_folder_it_did_not_write(project: Path, run_cli, target: str) -> None:
    notes = project / "notes"
    notes.mkdir()
    (notes / "draft.md").write_text("hand-written", encoding="utf-8")
    before = _snapshot(project)
    args = _args(project)
    args[args.index("--out") + 1] = str(project / target)
    code, out, err = run_cli(*args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _snapshot(project) == before
    assert sorted(p.name for p in project.iterdir()) == sorted(
        ["seeds", "README.md", "CHANGELOG.md", "notes"]
    )


def test_build_refuses_the_current_folder_by_name(project: Path, run_cli, monkeypatch) -> None:
    monkeypatch.chdir(project)
    before = _snapshot(project)
    code, _, err = run_cli(*build_args(project / "seeds", Path(".")))
    assert code == 2 and "Traceback" not in err
    assert _snapshot(project) == before and not any(p.name.startswith(".") for p in project.iterdir())


def test_rebuild_replaces_its_own_dataset_and_validates(project: Path, run_cli) -> None:
    assert run_cli(*_args(project))[0] == 0
    assert run_cli(*_args(project))[0] == 0
    assert run_cli("validate", str(project / "dataset"))[0] == 0
    assert staging_folders(project / "dataset") == []


def test_no_card_is_refused_for_the_folder_the_card_describes(project: Path, run_cli) -> None:
    assert run_cli(*_args(project))[0] == 0
    before = _snapshot(project)
    code, _, err = run_cli(*_args(project, "--no-card"))
    assert code == 2 and "--no-card" in err
    assert _snapshot(project) == before


def test_validate_notices_a_card_that_disagrees_with_the_data(project: Path, run_cli) -> None:
    assert run_cli(*_args(project))[0] == 0
    card = project / "README.md"
    text = card.read_text(encoding="utf-8")
    digest = text.split("content sha256 ")[1][:64]
    card.write_text(text.replace(digest, "0" * 64, 1), encoding="utf-8")
    code, _, err = run_cli("validate", str(project / "dataset"))
    assert code == 2 and "card and data disagree" in err


KILL_AFTER_SWAP = """
import os, signal, sys
from conflict_counts.builder import writer
from conflict_counts.cli import main
calls = []
real = writer.finish_pending_card
def finish(directory):
    calls.append(directory)
    if len(calls) == 2:  # the call right after the swap, before the card is written
        os.kill(os.getpid(), signal.SIGKILL)
    real(directory)
writer.finish_pending_card = finish
sys.exit(main(sys.argv[1:]))
"""


def test_a_build_killed_between_swap_and_card_is_finished_by_the_next(project: Path, run_cli) -> None:
    assert run_cli(*_args(project))[0] == 0
    gold = project / "seeds" / "gold" / "0123456789abcdef.yaml"
    gold.write_text(
        gold.read_text(encoding="utf-8").replace("predicate: killed", "predicate: other"), encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", KILL_AFTER_SWAP, *_args(project)], check=False, capture_output=True
    )
    assert result.returncode == -signal.SIGKILL
    code, _, err = run_cli("validate", str(project / "dataset"))
    assert code == 2 and "out of date" in err
    assert run_cli(*_args(project))[0] == 0
    assert run_cli("validate", str(project / "dataset"))[:2] == (0, f"{project / 'dataset'}: valid\n")


def _start(project: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "conflict_counts.cli", *_args(project)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_builds_killed_at_any_moment_leave_no_leftovers(project: Path, run_cli) -> None:
    assert run_cli(*_args(project))[0] == 0
    for delay in (0.5, 1.5, 2.5, 3.5):
        process = _start(project)
        time.sleep(delay)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (project / "dataset").is_dir(), f"dataset missing after a kill at {delay} s"
        assert run_cli(*_args(project))[0] == 0
        assert staging_folders(project / "dataset") == []
        assert sorted(p.name for p in project.iterdir()) == ["CHANGELOG.md", "README.md", "dataset", "seeds"]
        assert run_cli("validate", str(project / "dataset"))[0] == 0


def test_two_concurrent_builds_both_succeed(project: Path, run_cli) -> None:
    processes = [_start(project) for _ in range(2)]
    results = [(p.wait(), p.stderr.read().decode()) for p in processes]
    assert [code for code, _ in results] == [0, 0], results
    assert all("Traceback" not in err for _, err in results)
    assert run_cli("validate", str(project / "dataset"))[0] == 0
    assert staging_folders(project / "dataset") == []
    assert not [p for p in project.iterdir() if p.name.startswith(".")]


def test_gitignore_lists_what_interrupted_writes_leave() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert {".*.partial-*/", ".*.tmp", ".pending-card.json"} <= set(ignored)
