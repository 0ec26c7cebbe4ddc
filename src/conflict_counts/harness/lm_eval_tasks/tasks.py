"""What the task YAML files of this folder point at with ``!function``.

- :class:`DocumentsTask` reads the ``documents`` table of the dataset that
  ``conflict-counts score`` reads by default (``dataset_path: parquet``, the file named
  in ``dataset_kwargs.data_files`` relative to that dataset): no network.
- :func:`doc_to_text` is the ``llm`` adapter's prompt, zero-shot: the harness's own
  few-shot sampler draws from the one test split, the predicted document's fold
  included, so worked examples are left to ``conflict-counts extract --shots``.
- :func:`process_entities` and :func:`process_claims` turn the completion into the
  document's prediction record and give it to every metric of the task; each metric's
  aggregation (one function a metric, named after it) scores all records of the run at
  once with the project's scorer (:mod:`conflict_counts.harness.metrics`).
  ``valid_answers`` is the share of documents whose answer was JSON in the output schema
  (a plain mean).
"""

from __future__ import annotations

from lm_eval.api.task import ConfigurableTask

from conflict_counts.harness.answers import document_of, predict, prompt_text
from conflict_counts.harness.metrics import TASK_SECTIONS, gold_dir, pooled, task_metrics

__all__ = [
    "DocumentsTask", "doc_to_text", "english", "norwegian", "process_claims", "process_entities", "swedish",
]


class DocumentsTask(ConfigurableTask):
    """A task of the YAML config whose data files are looked up in the project's dataset."""

    def __init__(self, config: dict | None = None) -> None:
        super().__init__(config={k: v for k, v in (config or {}).items() if k != "class"})

    def download(self, dataset_kwargs: dict | None = None, **kwargs) -> None:
        """Load ``data_files`` from the project's dataset folder (``data_dir``), not the working one."""
        super().download({**(dataset_kwargs or {}), "data_dir": str(gold_dir())}, **kwargs)


def doc_to_text(doc: dict) -> str:
    """The prompt for one row of the ``documents`` table."""
    return prompt_text(document_of(doc))


def _process(task: str):
    def process_results(doc: dict, results: list[str]) -> dict:
        prediction = predict(document_of(doc), results[0] if results else None)
        return {**dict.fromkeys(task_metrics(task), prediction.record),
                "valid_answers": float(prediction.error is None)}

    process_results.__name__ = f"process_{task}"
    return process_results


process_entities, process_claims = _process("entities"), _process("claims")


def _language(code: str):
    def keep(dataset):  # datasets.Dataset -> datasets.Dataset
        return dataset.filter(lambda doc: doc["language"] == code)

    keep.__name__ = {"sv": "swedish", "nb": "norwegian", "en": "english"}[code]
    return keep


swedish, norwegian, english = _language("sv"), _language("nb"), _language("en")


def _aggregation(task: str, name: str):
    def aggregate(records: list[dict]) -> float:
        return pooled(records, task)[name]

    aggregate.__name__ = aggregate.__qualname__ = name
    aggregate.__doc__ = f"``{name}`` of ``conflict-counts score --subset`` on the run's predictions."
    return aggregate


for _task in TASK_SECTIONS:
    for _name in task_metrics(_task):
        globals()[_name] = _aggregation(_task, _name)
        __all__.append(_name)
