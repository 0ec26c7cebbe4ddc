"""The lm-evaluation-harness task folder: offline runs with the ``dummy`` model and a scripted one."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("lm_eval")

import yaml

import conflict_counts
from conflict_counts.harness import lm_eval_include_path
from conflict_counts.harness.answers import predict
from conflict_counts.harness.metrics import report_figures, task_metrics
from tests.baselines.chat_server import DATASET
from tests.conftest import ROOT
from tests.harness.conftest import OFFLINE, article_of, documents, records_of, scripted_answers

FOLDER = lm_eval_include_path()
TASKS = {f"conflictcounts_{t}{s}": t for t in ("entities", "claims") for s in ("", "_sv", "_nb", "_en")}


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!function", lambda loader, node: f"!function {loader.construct_scalar(node)}")


def config(name: str) -> dict:
    """A task's YAML with its ``include`` resolved (``!function`` kept as text)."""
    raw = yaml.load((FOLDER / name).read_text(encoding="utf-8"), Loader=_Loader)
    base = yaml.load((FOLDER / raw.pop("include")).read_text(encoding="utf-8"), Loader=_Loader) \
        if "include" in raw else {}
    return {**base, **raw}


@pytest.mark.parametrize("task", sorted(TASKS))
def test_each_task_declares_the_metrics_of_its_kind_aggregated_in_the_project(task: str) -> None:
    cfg = config(f"{task}.yaml")
    assert cfg["task"] == task and cfg["output_type"] == "generate_until"
    assert cfg["dataset_path"] == "parquet"
    assert cfg["dataset_kwargs"]["data_files"]["test"] == "documents.parquet"
    assert (DATASET / "documents.parquet").is_file()
    metrics = {m["metric"]: m["aggregation"] for m in cfg["metric_list"]}
    assert metrics == {
        **{name: f"!function tasks.{name}" for name in task_metrics(TASKS[task])},
        "valid_answers": "mean",
    }
    assert all(m["higher_is_better"] is True for m in cfg["metric_list"])


def test_the_group_holds_both_tasks() -> None:
    group = yaml.safe_load((FOLDER / "conflictcounts.yaml").read_text(encoding="utf-8"))
    assert group["task"] == ["conflictcounts_entities", "conflictcounts_claims"]


def test_lm_eval_cli_with_the_dummy_model_reports_the_projects_metrics(tmp_path: Path) -> None:
    """The command line of the card, offline, from the path ``conflict-counts harness lm-eval`` prints."""
    include = subprocess.run(
        [sys.executable, "-m", "conflict_counts.cli", "harness", "lm-eval"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout.strip()
    env = {**os.environ, **OFFLINE, "HF_HOME": str(tmp_path / "hf")}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lm_eval"), "--model", "dummy", "--include_path", include,
         "--tasks", "conflictcounts", "--output_path", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    [path] = (tmp_path / "out").rglob("results_*.json")
    results = json.loads(path.read_text(encoding="utf-8"))["results"]
    for task in ("conflictcounts_entities", "conflictcounts_claims"):
        keys = {key.split(",")[0] for key in results[task]}
        assert set(task_metrics(task.split("_")[1])) | {"valid_answers"} <= keys
        assert results[task]["valid_answers,none"] == 0.0  # the dummy answers "lol"
        assert all(value == 0.0 for key, value in results[task].items() if key.endswith("_f1,none"))


def test_figures_equal_conflict_counts_score_on_the_same_predictions() -> None:
    from lm_eval import simple_evaluate
    from lm_eval.api.model import LM
    from lm_eval.tasks import TaskManager

    answers = scripted_answers()

    class Scripted(LM):
        def generate_until(self, requests, disable_tqdm: bool = False) -> list[str]:
            return [answers[article_of(request.arguments[0])] for request in requests]

        def loglikelihood(self, requests, disable_tqdm: bool = False):
            raise NotImplementedError

        def loglikelihood_rolling(self, requests, disable_tqdm: bool = False):
            raise NotImplementedError

    tasks = ["conflictcounts_claims", "conflictcounts_entities_sv"]
    output = simple_evaluate(
        model=Scripted(), tasks=tasks, task_manager=TaskManager(include_path=str(FOLDER)),
        bootstrap_iters=0, log_samples=False,
    )
    for task, language in (("conflictcounts_claims", None), ("conflictcounts_entities_sv", "sv")):
        figures = output["results"][task]
        records = records_of(answers, language)
        report = conflict_counts.score(records, DATASET, subset=True, samples=0)
        for name, value in report_figures(report, task.split("_")[1]).items():
            assert math.isclose(figures[f"{name},none"], value), (task, name)
        chosen = [d for d in documents() if language in (None, d.language)]
        valid = [predict(d, answers[d.text]).error is None for d in chosen]
        assert math.isclose(figures["valid_answers,none"], sum(valid) / len(valid)) and not all(valid)
    assert output["results"]["conflictcounts_claims"]["claims_value_f1,none"] < 1.0
