"""Why a score is what it is: per document, the missed, spurious and mismatched items.

Entities are listed under the strict matching (a mismatch is a pair found at an
overlapping span with another boundary or label, or the right mention with another
``entity_id``); claims under ``span_overlap`` (a mismatch names every attribute that
differs: span, value, qualifier, predicate, attribution, and ``group`` when the matched
claims grouped with it are not those of its gold group).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from conflict_counts.scorer.api import Evaluation


def _clean(value: object) -> object:
    if value is None or value is pd.NA:
        return None
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return None if math.isnan(value) else float(value)
    return value


def _mention(row: pd.Series, text: str) -> dict:
    start, end = int(row["start"]), int(row["end"])
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "label": _clean(row["label"]),
        "entity_id": _clean(row.get("entity_id")),
    }


def _claim(row: pd.Series, text: str) -> dict:
    start, end = int(row["start"]), int(row["end"])
    source_start, source_end = _clean(row.get("source_start")), _clean(row.get("source_end"))
    has_source = source_start is not None and source_start >= 0
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "low": _clean(row["low"]),
        "high": _clean(row["high"]),
        "qualifier": _clean(row["qualifier"]),
        "predicate": _clean(row["predicate"]),
        "source": text[source_start:source_end] if has_source else None,
        "group_id": _clean(row.get("group_id")),
    }


def _same_group(ev: Evaluation) -> np.ndarray:
    """Per matched claim pair: do the matched claims sharing its predicted group_id equal those
    sharing its gold group_id? (A claim without a predicted group_id is alone in it.)"""
    mg, mp = ev.claim_eval.overlap
    gold_group, pred_group = ev.claim_eval.gold.group[mg], ev.claim_eval.pred.group[mp]
    by_gold: dict[int, set[int]] = {}
    by_pred: dict[int, set[int]] = {}
    for g, gg, pg in zip(mg.tolist(), gold_group.tolist(), pred_group.tolist(), strict=True):
        by_gold.setdefault(gg, set()).add(g)
        if pg >= 0:
            by_pred.setdefault(pg, set()).add(g)
    return np.array(
        [
            by_gold[gg] == (by_pred[pg] if pg >= 0 else {g})
            for g, gg, pg in zip(mg.tolist(), gold_group.tolist(), pred_group.tolist(), strict=True)
        ],
        dtype=bool,
    )


def error_analysis(ev: Evaluation) -> dict:
    """``{"documents": [{doc_id, language, entities: {...}, claims: {...}}]}``, by doc_id."""
    texts = dict(zip(ev.gold.documents["doc_id"], ev.gold.documents["text"], strict=True))
    languages = dict(zip(ev.gold.documents["doc_id"], ev.gold.documents["language"], strict=True))
    docs: dict[str, dict] = {
        doc_id: {
            "doc_id": doc_id,
            "language": languages[doc_id],
            "entities": {"missed": [], "spurious": [], "mismatched": []},
            "claims": {"missed": [], "spurious": [], "mismatched": []},
        }
        for doc_id in ev.units.doc_ids
    }

    def collect(kind: str, gold: pd.DataFrame, pred: pd.DataFrame, pairs: tuple, differs: list, item) -> None:
        mg, mp = pairs
        missed = np.setdiff1d(np.arange(len(gold)), mg)
        spurious = np.setdiff1d(np.arange(len(pred)), mp)
        for i in missed:
            row = gold.iloc[i]
            docs[row["doc_id"]][kind]["missed"].append(item(row, texts[row["doc_id"]]))
        for j in spurious:
            row = pred.iloc[j]
            docs[row["doc_id"]][kind]["spurious"].append(item(row, texts[row["doc_id"]]))
        for g, p, fields in zip(mg.tolist(), mp.tolist(), differs, strict=True):
            if fields:
                g_row, p_row = gold.iloc[g], pred.iloc[p]
                text = texts[g_row["doc_id"]]
                docs[g_row["doc_id"]][kind]["mismatched"].append(
                    {"differs": fields, "gold": item(g_row, text), "pred": item(p_row, text)}
                )

    strict = ev.entity_eval.matchings["strict"]
    e_gold, e_pred = ev.entity_eval.gold, ev.entity_eval.pred
    mg, mp = strict.gold, strict.pred
    span_ok = (e_gold.start[mg] == e_pred.start[mp]) & (e_gold.end[mg] == e_pred.end[mp])
    label_ok = e_gold.label[mg] == e_pred.label[mp]
    link_ok = (e_pred.link[mp] < 0) | (e_gold.link[mg] == e_pred.link[mp])  # unlinked: not listed
    differs = [
        [name for name, ok in (("span", s), ("label", lab), ("entity_id", link)) if not ok]
        for s, lab, link in zip(span_ok, label_ok, link_ok, strict=True)
    ]
    collect("entities", ev.gold.mentions, ev.pred_mentions, (mg, mp), differs, _mention)

    checks = {**ev.claim_eval.checks, "group": _same_group(ev)}
    names = ("span", "value", "qualifier", "predicate", "attribution", "group")
    differs = [[n for n in names if not checks[n][i]] for i in range(len(checks["span"]))]
    collect("claims", ev.gold.claims, ev.pred_claims, ev.claim_eval.overlap, differs, _claim)

    for doc in docs.values():
        for kind in ("entities", "claims"):
            for bucket in ("missed", "spurious"):
                doc[kind][bucket].sort(key=lambda item: (item["start"], item["end"]))
            doc[kind]["mismatched"].sort(key=lambda item: (item["gold"]["start"], item["gold"]["end"]))
    return {"documents": [docs[d] for d in sorted(docs)]}
