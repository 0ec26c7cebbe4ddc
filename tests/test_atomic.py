"""All-or-nothing writes: normal file modes, no temporary files, foreign folders refused."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from conflict_counts.atomic import (
    create_bytes,
    replace_directory,
    replacing,
    staging_folders,
    write_all,
    write_text,
)
from conflict_counts.errors import InputError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_new_file_gets_the_mode_a_plain_write_gives(tmp_path: Path) -> None:
    write_text(tmp_path / "report.json", "{}\n")
    with (tmp_path / "plain.json").open("w") as handle:
        handle.write("{}\n")
    assert _mode(tmp_path / "report.json") == _mode(tmp_path / "plain.json") == 0o666 & ~_umask()


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "card.md"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_text(target, "new")
    assert (_mode(target), target.read_text(encoding="utf-8")) == (0o640, "new")


def test_no_temporary_file_is_left_and_a_failed_set_writes_nothing(tmp_path: Path) -> None:
    first = tmp_path / "a.txt"
    first.write_text("keep", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write"):
        write_all([(first, "changed"), (tmp_path / "missing" / "b.txt", "x")])
    assert first.read_text(encoding="utf-8") == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_a_failing_stream_leaves_the_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "pred.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), replacing(target) as handle:
        handle.write("half")
        raise RuntimeError("interrupted")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["pred.jsonl"]


def test_a_stream_killed_midway_leaves_no_file(tmp_path: Path) -> None:
    """A real SIGKILL while writing: the unnamed file vanishes with the process."""
    script = (
        "import os, signal, sys\n"
        "from conflict_counts.atomic import replacing\n"
        "with replacing(sys.argv[1]) as handle:\n"
        "    handle.write('x' * 100000)\n"
        "    handle.flush()\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "pred.jsonl")], check=False)
    assert result.returncode == -signal.SIGKILL
    write_text(tmp_path / "pred.jsonl", "next run\n")  # (without O_TMPFILE it removes what was left)
    assert [p.name for p in tmp_path.iterdir()] == ["pred.jsonl"]


def _fill(name: str):
    return lambda staging: (staging / name).write_text(name, encoding="utf-8")


def test_replace_directory_refuses_a_folder_it_did_not_write(tmp_path: Path) -> None:
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter.tex").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not written by this command"):
        replace_directory(precious, _fill("new"), written_by_us=lambda folder: False)
    assert [p.name for p in precious.iterdir()] == ["chapter.tex"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis"]


def test_replace_directory_swaps_whole_and_removes_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "site"
    leftover = tmp_path / ".site.partial-abc123"
    leftover.mkdir()
    (leftover / "half.html").write_text("", encoding="utf-8")
    replace_directory(target, _fill("one"), written_by_us=lambda folder: True)
    replace_directory(target, _fill("two"), written_by_us=lambda folder: True)
    assert [p.name for p in target.iterdir()] == ["two"]
    assert staging_folders(target) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert _mode(target) == 0o777 & ~_umask()


def test_create_bytes_writes_a_new_file_and_never_replaces_one(tmp_path: Path) -> None:
    target = tmp_path / "entry.npz"
    assert create_bytes(target, b"\x00first") is True
    assert create_bytes(target, b"second") is False
    assert target.read_bytes() == b"\x00first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["entry.npz"]  # no temporary file left
    assert _mode(target) == 0o666 & ~_umask()
