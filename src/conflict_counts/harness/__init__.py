"""The benchmark inside the evaluation harnesses researchers already run (extra ``harness``).

Two front ends, one contract: both send the prompt of the ``llm`` adapter
(:mod:`conflict_counts.baselines.llm.prompt`), read answers in its output schema, turn
quotes into offsets with its alignment code, and score with :func:`conflict_counts.score`
on the dataset that ``conflict-counts score`` reads by default.

- lm-evaluation-harness: the task folder :func:`lm_eval_include_path` (tasks
  ``conflictcounts_entities``, ``conflictcounts_claims``, one of each a language, group
  ``conflictcounts``);
- Inspect: tasks ``conflict_counts/conflictcounts_entities`` and
  ``conflict_counts/conflictcounts_claims``, found through the package's ``inspect_ai``
  entry point.

>>> lm_eval_include_path().name
'lm_eval_tasks'
>>> inspect_command("claims", "openai-api/vllm/Qwen2.5-7B-Instruct")
'inspect eval conflict_counts/conflictcounts_claims --model openai-api/vllm/Qwen2.5-7B-Instruct'

Nothing here imports either harness: they are imported by the harnesses themselves.
"""

from __future__ import annotations

from pathlib import Path

INSTALL_HINT = "pip install 'conflict-counts[harness]'"
TASK_PREFIX = "conflictcounts"
PACKAGE = "conflict_counts"  # the namespace Inspect gives the tasks of this package


def lm_eval_include_path() -> Path:
    """The task folder to pass to ``lm_eval --include_path``."""
    return Path(__file__).resolve().parent / "lm_eval_tasks"


def inspect_command(task: str, model: str) -> str:
    """The ``inspect eval`` command line that runs ``task`` (``entities`` or ``claims``) on ``model``."""
    return f"inspect eval {PACKAGE}/{TASK_PREFIX}_{task} --model {model}"
