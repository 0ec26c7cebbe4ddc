"""A small three-language gold dataset (sv, nb, en) and helpers shared by the scorer tests."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

DOCS = {
    "d1": (
        "sv",
        "Enligt SOHR flydde närmare 800 IS-anhängare från al-Hol-lägret. Kurdiska företrädare "
        "uppger att 3 500 personer hålls i Gweiranfängelset.\nUSA-ledda styrkor dödade minst 39 "
        "IS-krigare i Hasakah.",
    ),
    "d2": (
        "nb",
        "Ifølge AP rømte et hundretall fanger fra al-Hol. SDF skriver at 5.000 IS-krigere sitter "
        "i Ghwayran-fengselet.",
    ),
    "d3": (
        "en",
        "About 100 prisoners escaped from al-Hol, the Syrian Observatory said. U.S. officials "
        "said 3,500 detainees were held at Gweiran prison.",
    ),
}

# (doc, surface, occurrence, label, entity_id)
MENTIONS = [
    ("d1", "SOHR", 0, "ORG", "sohr"),
    ("d1", "IS", 0, "ORG", "islamic-state"),
    ("d1", "al-Hol", 0, "FAC", "al-hol-camp"),
    ("d1", "Gweiran", 0, "FAC", "ghwayran-prison"),
    ("d1", "USA", 0, "GPE", "usa"),
    ("d1", "IS", 1, "ORG", "islamic-state"),
    ("d1", "Hasakah", 0, "GPE", "al-hasakah-city"),
    ("d2", "AP", 0, "ORG", "ap"),
    ("d2", "al-Hol", 0, "FAC", "al-hol-camp"),
    ("d2", "SDF", 0, "ORG", "sdf"),
    ("d2", "IS", 0, "ORG", "islamic-state"),
    ("d2", "Ghwayran", 0, "FAC", "ghwayran-prison"),
    ("d3", "al-Hol", 0, "FAC", "al-hol-camp"),
    ("d3", "Syrian Observatory", 0, "ORG", "sohr"),
    ("d3", "U.S.", 0, "GPE", "usa"),
    ("d3", "Gweiran", 0, "FAC", "ghwayran-prison"),
]

# (doc, surface, low, high, qualifier, predicate, source surface or None, source_type, group)
CLAIMS = [
    ("d1", "närmare 800", None, 800.0, "nearly", "escaped", "SOHR", "named", "al-hol-escapees"),
    (
        "d1",
        "3 500",
        3500.0,
        3500.0,
        "exact",
        "detained",
        "Kurdiska företrädare",
        "unnamed",
        "ghwayran-detainees",
    ),
    ("d1", "minst 39", 39.0, None, "at_least", "killed", None, "none", "hasakah-killed"),
    ("d2", "et hundretall", 100.0, 100.0, "approx", "escaped", "AP", "named", "al-hol-escapees"),
    ("d2", "5.000", 5000.0, 5000.0, "exact", "detained", "SDF", "named", "ghwayran-detainees"),
    ("d3", "About 100", 100.0, 100.0, "approx", "escaped", "Syrian Observatory", "named", "al-hol-escapees"),
    ("d3", "3,500", 3500.0, 3500.0, "exact", "detained", "U.S. officials", "unnamed", "ghwayran-detainees"),
]


def find(doc: str, surface: str, occurrence: int = 0) -> tuple[int, int]:
    text = DOCS[doc][1]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def gold_frames() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    documents = pd.DataFrame(
        [(d, lang, text) for d, (lang, text) in DOCS.items()], columns=["doc_id", "language", "text"]
    )
    mentions = []
    for i, (doc, surface, occ, label, entity) in enumerate(MENTIONS):
        start, end = find(doc, surface, occ)
        mentions.append((doc, f"m{i}", start, end, surface, label, entity))
    claims = []
    for i, (doc, surface, low, high, qual, pred, source, stype, group) in enumerate(CLAIMS):
        start, end = find(doc, surface)
        s_start, s_end = find(doc, source) if source else (None, None)
        claims.append(
            (
                doc,
                f"c{i}",
                start,
                end,
                surface,
                low,
                high,
                qual,
                pred,
                None,
                None,
                None,
                stype,
                s_start,
                s_end,
                source,
                None,
                group,
            )
        )
    return (
        documents,
        pd.DataFrame(
            mentions, columns=["doc_id", "mention_id", "start", "end", "text", "label", "entity_id"]
        ),
        pd.DataFrame(
            claims,
            columns=[
                "doc_id",
                "claim_id",
                "start",
                "end",
                "text",
                "low",
                "high",
                "qualifier",
                "predicate",
                "counted_start",
                "counted_end",
                "counted_text",
                "source_type",
                "source_start",
                "source_end",
                "source_text",
                "source_entity_id",
                "group_id",
            ],
        ),
    )


def write_gold(
    directory: Path, documents: pd.DataFrame, mentions: pd.DataFrame, claims: pd.DataFrame
) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    ints = ("start", "end", "counted_start", "counted_end", "source_start", "source_end")
    for name, frame in (("documents", documents), ("mentions", mentions), ("claims", claims)):
        fields = []
        for column in frame.columns:
            if column in ints:
                kind = pa.int64()
            elif column in ("low", "high"):
                kind = pa.float64()
            else:
                kind = pa.string()
            fields.append(pa.field(column, kind))
        table = pa.Table.from_pandas(frame, schema=pa.schema(fields), preserve_index=False)
        pq.write_table(table, directory / f"{name}.parquet")
    return directory


def gold_predictions() -> list[dict]:
    """The gold itself in the prediction format of README.md."""
    documents, mentions, claims = gold_frames()
    out = []
    for doc in documents["doc_id"]:
        m = mentions[mentions["doc_id"] == doc]
        c = claims[claims["doc_id"] == doc]
        out.append(
            {
                "doc_id": doc,
                "mentions": [
                    {"start": int(r.start), "end": int(r.end), "label": r.label, "entity_id": r.entity_id}
                    for r in m.itertuples()
                ],
                "claims": [
                    {
                        "start": int(r.start),
                        "end": int(r.end),
                        "low": None if pd.isna(r.low) else r.low,
                        "high": None if pd.isna(r.high) else r.high,
                        "qualifier": r.qualifier,
                        "predicate": r.predicate,
                        "source_start": None if pd.isna(r.source_start) else int(r.source_start),
                        "source_end": None if pd.isna(r.source_end) else int(r.source_end),
                        "group_id": r.group_id,
                    }
                    for r in c.itertuples()
                ],
            }
        )
    return out


def write_jsonl(path: Path, objects: list) -> Path:
    path.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in objects), encoding="utf-8")
    return path
