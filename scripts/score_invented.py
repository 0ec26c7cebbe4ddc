"""The rules baseline on invented paragraphs, scored by the project's scorer.

    python scripts/score_invented.py              # strict F1 per language and label (markdown)
    python scripts/score_invented.py --batch 2    # one batch of paragraphs only
    python scripts/score_invented.py --json       # the same figures as JSON
    python scripts/score_invented.py --paragraphs tests/baselines/data/heldout_paragraphs.yaml

The paragraphs (tests/baselines/data/invented_mentions.yaml) were written for this, not
taken from any article; each lists its mentions as quoted text and label, located in the
text by code. The held-out paragraphs (heldout_paragraphs*.yaml, six sets) were each
written and annotated from the guidelines alone by an annotator who saw neither the rules
nor their tests nor the other sets; each file's header gives the figures of its first
scoring, the held-out estimate. They list claims too (span, low, high, qualifier,
predicate), so the table adds claim span and value F1 and predicate accuracy (over the
claims whose span is found). The rules run as on any text outside the dataset: with the
gazetteer learned from every gold document. A batch estimates how the rules meet text they
were not fitted to only on its first run, before the rules change for it; afterwards it is
a regression test.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import pandas as pd
import yaml

from conflict_counts.baselines.rules import RulesBaseline
from conflict_counts.baselines.training import GoldData
from conflict_counts.errors import InputError, exit_status
from conflict_counts.errors import quote as quoted
from conflict_counts.labels import ENTITY_LABELS
from conflict_counts.layout import DATASET_DIR
from conflict_counts.predictions.reader import CLAIM_COLUMNS
from conflict_counts.records import Document
from conflict_counts.scorer.api import score
from conflict_counts.scorer.gold import Gold

ROOT = Path(__file__).resolve().parents[1]
PARAGRAPHS = ROOT / "tests" / "baselines" / "data" / "invented_mentions.yaml"
LANGUAGES = ("sv", "nb", "da", "en")


CLAIM_KEYS = ("text", "low", "high", "qualifier", "predicate")


def _in_order(path: Path, paragraph: dict, quotes: list[str]) -> list[tuple[int, int]]:
    """Each quote's offsets, found after the end of the one before."""
    position, found = 0, []
    for quote in quotes:
        start = paragraph["text"].find(quote, position)
        if start < 0:
            message = f"{quoted(quote)} not found after offset {position}"
            raise InputError.at(str(path), None, paragraph["id"], message)
        position = start + len(quote)
        found.append((start, position))
    return found


def _checked(path: Path, paragraph: object) -> dict:
    """A paragraph with the keys and labels the file format asks for, else one clear error."""
    where = paragraph.get("id", "paragraph") if isinstance(paragraph, dict) else "paragraph"
    if not isinstance(paragraph, dict) or not all(k in paragraph for k in ("id", "language", "text")):
        raise InputError.at(str(path), None, str(where), "expected a mapping with id, language, text")
    for entry in paragraph.get("mentions") or []:
        if not (isinstance(entry, list) and len(entry) == 2 and entry[1] in ENTITY_LABELS):
            expected = f"a mention is [quoted text, one of {', '.join(ENTITY_LABELS)}]"
            raise InputError.at(str(path), None, str(where), f"{expected}, got {quoted(repr(entry))}")
    for claim in paragraph.get("claims") or []:
        missing = [k for k in CLAIM_KEYS if not isinstance(claim, dict) or k not in claim]
        if missing:
            raise InputError.at(str(path), None, str(where), f"a claim lacks {', '.join(missing)}")
    return paragraph


def read_paragraphs(path: Path = PARAGRAPHS) -> list[dict]:
    """Each paragraph with its mentions as ``(start, end, label)`` and its claims (if it lists
    any) as ``(start, end, claim)``, each list's quotes found in text order."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise InputError.at(str(path), None, None, f"cannot read: {error.strerror or error}") from None
    except yaml.YAMLError as error:
        raise InputError.at(str(path), None, None, f"not valid YAML: {error}") from None
    if not isinstance(data, list):
        raise InputError.at(str(path), None, None, "expected a list of paragraphs")
    paragraphs = [_checked(path, p) for p in data]
    for paragraph in paragraphs:
        mentions = paragraph.get("mentions") or []
        offsets = _in_order(path, paragraph, [quote for quote, _ in mentions])
        paragraph["spans"] = [(a, b, label) for (a, b), (_, label) in zip(offsets, mentions, strict=True)]
        claims = paragraph.get("claims") or []
        offsets = _in_order(path, paragraph, [claim["text"] for claim in claims])
        paragraph["claim_spans"] = [(a, b, claim) for (a, b), claim in zip(offsets, claims, strict=True)]
    return paragraphs


def predict(paragraphs: list[dict], gold: GoldData) -> list[dict]:
    """The rules' prediction records, as ``conflict-counts extract --input`` writes them."""
    documents = [Document(p["id"], p["text"], p["language"]) for p in paragraphs]
    return list(RulesBaseline(gold).predict(documents))


def _gold(paragraphs: list[dict]) -> Gold:
    documents = pd.DataFrame(
        {"doc_id": [p["id"] for p in paragraphs], "language": [p["language"] for p in paragraphs],
         "text": [p["text"] for p in paragraphs]}
    )
    rows = [
        {"doc_id": p["id"], "start": a, "end": b, "label": label, "entity_id": None, "text": p["text"][a:b]}
        for p in paragraphs
        for a, b, label in p["spans"]
    ]
    mentions = pd.DataFrame(rows, columns=["doc_id", "start", "end", "label", "entity_id", "text"])
    claim_rows = [
        {"doc_id": p["id"], "start": a, "end": b, "low": _bound(c["low"]), "high": _bound(c["high"]),
         "qualifier": c["qualifier"], "predicate": c["predicate"], "source_start": -1, "source_end": -1,
         "group_id": None, "text": p["text"][a:b], "source_text": None}
        for p in paragraphs
        for a, b, c in p["claim_spans"]
    ]
    claims = pd.DataFrame(claim_rows, columns=[*CLAIM_COLUMNS, "text", "source_text"])
    return Gold.from_frames(documents, mentions, claims, where="invented paragraphs")


def _bound(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def strict_scores(paragraphs: list[dict], records: list[dict]) -> dict[str, dict]:
    """Strict entity F1 overall and per label, for all paragraphs and for each language."""
    figures: dict[str, dict] = {}
    for lang in ("all", *LANGUAGES):
        chosen = [p for p in paragraphs if lang in ("all", p["language"])]
        ids = {p["id"] for p in chosen}
        report = score([r for r in records if r["doc_id"] in ids], _gold(chosen), samples=0)
        entities, claims = report["entities"], report["claims"]
        figures[lang] = {
            "mentions": sum(len(p["spans"]) for p in chosen),
            "strict": round(entities["strict"]["f1"], 3),
            **{
                label: round(values["strict"]["f1"], 3)
                for label, values in entities["per_label"].items()
                if any(label == s[2] for p in chosen for s in p["spans"])
            },
        }
        if any(p["claim_spans"] for p in chosen):
            figures[lang] |= {
                "claims": sum(len(p["claim_spans"]) for p in chosen),
                "claim span F1": round(claims["span_strict"]["f1"], 3),
                "claim value F1": round(claims["value"]["f1"], 3),
                "predicate accuracy": round(claims["predicate"]["accuracy"], 3),
            }
    return figures


CLAIM_FIGURES = ("claim span F1", "claim value F1", "predicate accuracy")


def markdown(figures: dict[str, dict]) -> str:
    labels = [label for label in (*ENTITY_LABELS, "claims", *CLAIM_FIGURES)
              if any(label in f for f in figures.values())]
    lines = ["| language | mentions | strict F1 | " + " | ".join(labels) + " |",
             "|---|---|---|" + "---|" * len(labels)]
    for lang, f in figures.items():
        cells = [("–" if label not in f else f"{f[label]}" if label == "claims" else f"{f[label]:.3f}")
                 for label in labels]
        lines.append(f"| {lang} | {f['mentions']} | {f['strict']:.3f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of a markdown table")
    parser.add_argument("--batch", type=int, help="score only the paragraphs of this batch")
    parser.add_argument("--paragraphs", type=Path, default=PARAGRAPHS, help="the YAML file of paragraphs")
    parser.add_argument(
        "--gold", type=Path, default=ROOT / DATASET_DIR, help="built dataset the gazetteer learns from"
    )
    args = parser.parse_args(argv)
    paragraphs = [p for p in read_paragraphs(args.paragraphs) if args.batch in (None, p.get("batch"))]
    figures = strict_scores(paragraphs, predict(paragraphs, GoldData.load(args.gold)))
    print(json.dumps(figures, indent=2) if args.json else markdown(figures))
    return 0


if __name__ == "__main__":
    sys.exit(exit_status(main))
