"""Statistics blocks of the dataset card, computed from the built tables."""

from __future__ import annotations

import pandas as pd

from conflict_counts import markdown
from conflict_counts.labels import ENTITY_LABELS, LANGUAGES, PREDICATES, QUALIFIERS, SOURCE_TYPES
from conflict_counts.release.values import value_text


def markdown_table(frame: pd.DataFrame) -> str:
    """A frame as a Markdown table: numeric columns right-aligned, missing cells blank."""
    numeric = [pd.api.types.is_numeric_dtype(frame[c]) for c in frame.columns]
    rows = (["" if pd.isna(v) else v for v in row] for row in frame.itertuples(index=False))
    return "\n".join(markdown.table(list(frame.columns), rows, numeric))


def _counts(frame: pd.DataFrame, column: str, values: tuple[str, ...], prefix: str) -> dict[str, int]:
    counts = frame[column].value_counts()
    return {f"{prefix}{v}": int(counts.get(v, 0)) for v in values}


def per_language(frames: dict[str, pd.DataFrame]) -> str:
    """Documents, tokens, mentions per label, claims per qualifier, predicate, source; groups."""
    documents, mentions, claims, tokens = (frames[t] for t in ("documents", "mentions", "claims", "tokens"))
    language = dict(zip(documents["doc_id"], documents["language"], strict=True))
    columns: dict[str, dict[str, int]] = {}
    for lang in (*LANGUAGES, "all"):
        def pick(frame: pd.DataFrame, lang: str = lang) -> pd.DataFrame:
            return frame if lang == "all" else frame[frame["doc_id"].map(language) == lang]

        lang_claims = pick(claims)
        columns[lang] = {
            "documents": len(pick(documents)),
            "sentences": len(pick(tokens)),
            "tokens": int(pick(tokens)["tokens"].map(len).sum()),
            "mentions": len(pick(mentions)),
            **_counts(pick(mentions), "label", ENTITY_LABELS, "mentions: "),
            "entities": int(pick(mentions)["entity_id"].nunique()),
            "claims": len(lang_claims),
            **_counts(lang_claims, "qualifier", QUALIFIERS, "qualifier: "),
            **_counts(lang_claims, "predicate", PREDICATES, "predicate: "),
            **_counts(lang_claims, "source_type", SOURCE_TYPES, "source: "),
            "claim groups": int(lang_claims["group_id"].nunique()),
        }
    table = pd.DataFrame(columns)
    table.insert(0, "", table.index)
    return markdown_table(table.reset_index(drop=True))


def conflicting_groups(frames: dict[str, pd.DataFrame], descriptions: dict[str, str]) -> str:
    """Every group with more than one claim: the competing figures side by side."""
    documents, claims = frames["documents"], frames["claims"]
    label = {
        d.doc_id: f"{d.doc_id[:8]} ({d.language}, {d.published if pd.notna(d.published) else 'undated'})"
        for d in documents.itertuples(index=False)
    }
    sizes = claims["group_id"].value_counts()
    shared = claims[claims["group_id"].map(sizes) > 1].sort_values(["group_id", "doc_id", "start"])
    rows = [
        {
            "group": f"`{c.group_id}`",
            "claim": f"“{c.text}”",
            "value": value_text(c.low, c.high, c.qualifier),
            "qualifier": c.qualifier,
            "source": c.source_text if isinstance(c.source_text, str) else "(article)",
            "document": label[c.doc_id],
        }
        for c in shared.itertuples(index=False)
    ]
    legend = "\n".join(f"- `{g}`: {descriptions.get(g, '')}" for g in sorted(shared["group_id"].unique()))
    return markdown_table(pd.DataFrame(rows)) + "\n\n" + legend
