"""Markdown renderings of the score, compare and error-analysis reports (the same numbers)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from conflict_counts.markdown import table
from conflict_counts.scorer.entities import SCHEMAS
from conflict_counts.targets import first_line, is_report, json_document
from conflict_counts.wording import counted

# Report sections fed by each prediction layer, for a layer the predictions do not attempt.
SECTIONS = {"mentions": ("entities", "linking"), "claims": ("claims", "groups")}
# The first line of each markdown report: how an earlier report is known again (``is_*``
# below), so that ``--out`` may replace it and nothing else.
SCORES_TITLE = "# ConflictCounts scores"
COMPARE_TITLE = "# ConflictCounts: paired bootstrap comparison"
ERRORS_TITLE = "# ConflictCounts error analysis"
SCORE_KEYS = frozenset({"entities", "linking", "claims", "groups", "meta"})  # of the JSON report
COMPARE_KEYS = frozenset({"a", "b", "scores", "meta"})


def is_score_report(path: Path) -> bool:
    """Whether ``path`` holds a report of ``score`` (JSON or markdown), which it may replace."""
    return is_report(path, SCORES_TITLE, SCORE_KEYS, frozenset({"scorer_version"}))


def is_comparison(path: Path) -> bool:
    """Whether ``path`` holds a result of ``compare`` (JSON or markdown)."""
    return is_report(path, COMPARE_TITLE, COMPARE_KEYS, frozenset({"scorer_version"}))


def is_error_analysis(path: Path) -> bool:
    """Whether ``path`` holds the error analysis of ``score --errors`` (JSON or markdown)."""
    if first_line(path) == ERRORS_TITLE:
        return True
    errors = json_document(path)
    documents = errors.get("documents") if isinstance(errors, dict) and set(errors) == {"documents"} else None
    return isinstance(documents, list) and all(
        isinstance(d, dict) and {"doc_id", "entities", "claims"} <= set(d) for d in documents
    )


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _ci(interval: list[float] | None) -> str:
    return "–" if interval is None else f"[{interval[0]:.3f}, {interval[1]:.3f}]"


def _table(header: Iterable[str], rows: Iterable[Sequence[object]]) -> list[str]:
    return [*table(list(header), rows), ""]


def _prf(name: str, s: dict, *counts: str) -> list[object]:
    return [
        name,
        _num(s["precision"]),
        _num(s["recall"]),
        _num(s["f1"]),
        _ci(s["f1_ci"]),
        *(s[c] for c in counts),
    ]


def p_value_text(p: float | None, samples: int) -> str:
    """A bootstrap p-value; at its floor 1/(B+1) it is an upper bound ("< 0.001"), not a figure."""
    if p is None:
        return "–"
    floor = 1 / (samples + 1)
    if p <= floor * (1 + 1e-9):
        return f"< {10 ** math.ceil(math.log10(floor)):g}"
    return _num(p, 4)


def _f1(s: dict) -> str:
    return f"{_num(s['f1'])} {_ci(s['f1_ci'])}"


def markdown(report: dict) -> str:
    """The score report as markdown tables."""
    meta = report.get("meta", {})
    boot = meta.get("bootstrap", {})
    lines = [
        SCORES_TITLE,
        "",
        f"Predictions `{meta.get('predictions')}` against gold `{meta.get('gold')}`: "
        f"{counted(meta.get('documents', 0), 'document')}, {counted(meta.get('sentences', 0), 'sentence')}"
        f"{' (subset)' if meta.get('subset') else ''}. "
        + (f"95 % intervals from a paired bootstrap over sentences ({boot.get('samples')} replicates, "
           f"seed {boot.get('seed')})." if boot.get("samples") else "No intervals (--samples 0)."),
        "",
    ]
    not_attempted = meta.get("not_attempted", [])
    if not_attempted:
        sections = ", ".join(section for layer in not_attempted for section in SECTIONS[layer])
        lines += [f"Not attempted: {', '.join(not_attempted)} (no document of the predictions has them); "
                  f"{sections} below score them as no predictions.", ""]
    lines += ["## Entities", ""]
    ent = report["entities"]
    counts = ("correct", "incorrect", "partial", "missed", "spurious")
    lines += _table(
        ["schema", "P", "R", "F1", "F1 95 % CI", *counts], (_prf(s, ent[s], *counts) for s in SCHEMAS)
    )
    lines += ["### Entities per label (F1 [95 % CI])", ""]
    lines += _table(
        ["label", *SCHEMAS], ([lab, *(_f1(v[s]) for s in SCHEMAS)] for lab, v in ent["per_label"].items())
    )
    lines += ["### Entities per language (F1 [95 % CI])", ""]
    lines += _table(
        ["language", *SCHEMAS],
        ([lang, *(_f1(v[s]) for s in SCHEMAS)] for lang, v in ent["per_language"].items()),
    )
    link = report["linking"]
    lines += ["## Linking", ""]
    lines += _table(
        ["score", "value", "95 % CI", "detail"],
        [
            [
                "entity_id accuracy (strict matches)",
                _num(link["accuracy"]),
                _ci(link["accuracy_ci"]),
                f"{link['correct']} / {link['matched']}",
            ],
            [
                "B-cubed F1 (entity clusters)",
                _num(link["bcubed"]["f1"]),
                _ci(link["bcubed"]["f1_ci"]),
                f"P {_num(link['bcubed']['precision'])}, R {_num(link['bcubed']['recall'])}",
            ],
        ],
    )
    cl = report["claims"]
    lines += ["## Claims", ""]
    detection = ("span_strict", "span_overlap", "value", "attribution", "full")
    lines += _table(
        ["score", "P", "R", "F1", "F1 95 % CI", "correct", "possible", "actual"],
        (_prf(name, cl[name], "correct", "possible", "actual") for name in detection),
    )
    lines += _table(
        ["accuracy over span_overlap matches", "value", "95 % CI", "correct / matched"],
        (
            [
                name,
                _num(cl[name]["accuracy"]),
                _ci(cl[name]["accuracy_ci"]),
                f"{cl[name]['correct']} / {cl[name]['matched']}",
            ]
            for name in ("qualifier", "predicate")
        ),
    )
    lines += ["### Claims per language (F1 [95 % CI]; accuracy for qualifier, predicate)", ""]
    lines += _table(
        ["language", *detection, "qualifier", "predicate"],
        (
            [
                lang,
                *(_f1(v[n]) for n in detection),
                *(f"{_num(v[n]['accuracy'])} {_ci(v[n]['accuracy_ci'])}" for n in ("qualifier", "predicate")),
            ]
            for lang, v in cl["per_language"].items()
        ),
    )
    gr = report["groups"]
    lines += ["## Claim groups", ""]
    lines += _table(
        ["metric", "P", "R", "F1", "F1 95 % CI"],
        [
            *(_prf(m, gr[m]) for m in ("muc", "bcubed", "ceafe", "lea")),
            [
                "conll (avg of MUC, B-cubed, CEAF-e F1)",
                "",
                "",
                _num(gr["conll"]["f1"]),
                _ci(gr["conll"]["f1_ci"]),
            ],
        ],
    )
    return "\n".join(lines)


def compare_markdown(result: dict) -> str:
    """The compare report: headline F1 of A and B, difference, paired bootstrap p-value."""
    boot = result["meta"]["bootstrap"]
    lines = [
        COMPARE_TITLE,
        "",
        f"A = `{result['a']}`, B = `{result['b']}`; {boot['samples']} replicates over sentences, "
        f"seed {boot['seed']}; two-sided p-value of A − B.",
        "",
    ]
    lines += _table(
        ["score (F1)", "A", "B", "A − B", "p"],
        (
            [name, _num(s["a"]), _num(s["b"]), f"{s['delta']:+.3f}",
             p_value_text(s["p_value"], boot["samples"])]
            for name, s in result["scores"].items()
        ),
    )
    return "\n".join(lines)


def errors_markdown(errors: dict) -> str:
    """The error analysis, one section a document."""
    lines = [ERRORS_TITLE, ""]

    def show(item: dict) -> str:
        extra = f"{item['label']} {item.get('entity_id') or '(no entity_id)'}" if item.get("label") else (
            f"{item['qualifier']} [{_num(item['low'], 0)}, {_num(item['high'], 0)}] {item['predicate']}"
            f"; source {item['source']!r}; group {item['group_id']}"
        )
        return f"{item['start']}:{item['end']} “{item['text']}” {extra}"

    for doc in errors["documents"]:
        lines += [f"## {doc['doc_id']} ({doc['language']})", ""]
        for kind in ("entities", "claims"):
            buckets = doc[kind]
            if not any(buckets.values()):
                lines += [f"{kind}: no errors", ""]
                continue
            lines += [f"### {kind}", ""]
            lines += [f"- missed: {show(i)}" for i in buckets["missed"]]
            lines += [f"- spurious: {show(i)}" for i in buckets["spurious"]]
            lines += [
                f"- mismatched ({', '.join(m['differs'])}): gold {show(m['gold'])} | pred {show(m['pred'])}"
                for m in buckets["mismatched"]
            ]
            lines.append("")
    return "\n".join(lines)
