"""Print how to run the benchmark in lm-evaluation-harness or Inspect (extra ``harness``).

``harness lm-eval`` prints the task folder to pass as ``--include_path``, so that

    lm_eval --model ... --include_path "$(conflict-counts harness lm-eval)" --tasks conflictcounts

runs the tasks ``conflictcounts_entities`` and ``conflictcounts_claims`` (one of each a
language: ``conflictcounts_claims_sv``, ``_nb``, ``_en``; group
``conflictcounts_per_language``). ``harness inspect`` prints the ``inspect eval`` command
of a task for a model. Both harnesses score with the project's scorer: every figure is
the corpus-level score of ``conflict-counts score --subset`` on the run's predictions.
"""

from __future__ import annotations

import argparse
import importlib.util

from conflict_counts.errors import InputError
from conflict_counts.harness import INSTALL_HINT, inspect_command, lm_eval_include_path

PACKAGES = {"lm-eval": "lm_eval", "inspect": "inspect_ai"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("harness", choices=tuple(PACKAGES), help="which harness")
    parser.add_argument("--task", choices=("entities", "claims"), default="claims",
                        help="inspect: which task (default: claims)")
    parser.add_argument("--model", default="mockllm/model",
                        help="inspect: the model, e.g. openai-api/vllm/NAME (default: mockllm/model)")


def run(args: argparse.Namespace) -> int:
    if importlib.util.find_spec(PACKAGES[args.harness]) is None:
        message = f"{PACKAGES[args.harness]} is not installed ({INSTALL_HINT})"
        raise InputError.at("command line", None, "harness", message)
    if args.harness == "lm-eval":
        print(lm_eval_include_path())
    else:
        print(inspect_command(args.task, args.model))
    return 0
