"""``conflict-counts harness``: where the lm-eval tasks are, and the Inspect command line."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest


def test_lm_eval_prints_the_task_folder(run_cli) -> None:
    pytest.importorskip("lm_eval")
    code, out, err = run_cli("harness", "lm-eval")
    folder = Path(out.strip())
    assert code == 0 and err == ""
    assert (folder / "conflictcounts.yaml").is_file() and (folder / "conflictcounts_claims_sv.yaml").is_file()


def test_inspect_prints_the_command(run_cli) -> None:
    pytest.importorskip("inspect_ai")
    code, out, _ = run_cli("harness", "inspect", "--task", "entities", "--model", "openai-api/vllm/m")
    assert code == 0
    assert out == "inspect eval conflict_counts/conflictcounts_entities --model openai-api/vllm/m\n"


def test_a_harness_not_installed_is_one_line(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec

    def find_spec(name: str, *_: object):
        return None if name == "lm_eval" else real(name)

    monkeypatch.setattr(importlib.util, "find_spec", find_spec)
    code, out, err = run_cli("harness", "lm-eval")
    assert (code, out) == (2, "")
    hint = "pip install 'conflict-counts[harness]'"
    assert err == f"error: command line: harness: lm_eval is not installed ({hint})\n"
