"""Pandera models of the five tables: types, enums and the rules that hold within a row."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from conflict_counts.labels import (
    ENTITY_LABELS,
    LANGUAGES,
    PREDICATES,
    QUALIFIERS,
    SOURCE_TYPES,
    SPLITS,
)

DOC_ID = r"^[0-9a-f]{16}$"
KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"

String = Series[pd.StringDtype]
Integer = Series[pd.Int64Dtype]


class Documents(pa.DataFrameModel):
    doc_id: String = pa.Field(str_matches=DOC_ID, unique=True)
    language: String = pa.Field(isin=list(LANGUAGES))
    published: String = pa.Field(nullable=True, str_matches=r"^\d{4}-(0[1-9]|1[0-2])$")
    text: String = pa.Field(str_length={"min_value": 1})
    text_sha256: String = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    seed_file: String = pa.Field(str_matches=r"^\d{3}_[0-9a-f]{16}\.txt$", unique=True)
    split: String = pa.Field(isin=list(SPLITS))
    fold: Integer = pa.Field(ge=0, unique=True)

    class Config:
        strict = True  # no missing and no extra columns


class Mentions(pa.DataFrameModel):
    doc_id: String = pa.Field(str_matches=DOC_ID)
    mention_id: String = pa.Field(unique=True)
    start: Integer = pa.Field(ge=0)
    end: Integer = pa.Field(ge=1)
    text: String = pa.Field(str_length={"min_value": 1})
    label: String = pa.Field(isin=list(ENTITY_LABELS))
    entity_id: String = pa.Field(str_matches=KEBAB)

    class Config:
        strict = True  # no missing and no extra columns

    @pa.dataframe_check(error="start must be before end")
    def ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]


class Entities(pa.DataFrameModel):
    entity_id: String = pa.Field(str_matches=KEBAB, unique=True)
    label: String = pa.Field(isin=list(ENTITY_LABELS))
    canonical_name: String = pa.Field(str_length={"min_value": 1})
    aliases: Series[object]
    description: String = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = True  # no missing and no extra columns


def _all_or_none(df: pd.DataFrame, columns: list[str]) -> pd.Series:
    present = df[columns].notna()
    return present.all(axis=1) | ~present.any(axis=1)


class Claims(pa.DataFrameModel):
    doc_id: String = pa.Field(str_matches=DOC_ID)
    claim_id: String = pa.Field(unique=True)
    start: Integer = pa.Field(ge=0)
    end: Integer = pa.Field(ge=1)
    text: String = pa.Field(str_length={"min_value": 1})
    low: Series[float] = pa.Field(nullable=True, ge=0)
    high: Series[float] = pa.Field(nullable=True, ge=0)
    qualifier: String = pa.Field(isin=list(QUALIFIERS))
    predicate: String = pa.Field(isin=list(PREDICATES))
    counted_start: Integer = pa.Field(nullable=True, ge=0)
    counted_end: Integer = pa.Field(nullable=True, ge=1)
    counted_text: String = pa.Field(nullable=True)
    source_type: String = pa.Field(isin=list(SOURCE_TYPES))
    source_start: Integer = pa.Field(nullable=True, ge=0)
    source_end: Integer = pa.Field(nullable=True, ge=1)
    source_text: String = pa.Field(nullable=True)
    source_entity_id: String = pa.Field(nullable=True, str_matches=KEBAB)
    group_id: String = pa.Field(str_matches=KEBAB)

    class Config:
        strict = True  # no missing and no extra columns

    @pa.dataframe_check(error="start must be before end")
    def ordered(cls, df: pd.DataFrame) -> Series[bool]:
        return df["start"] < df["end"]

    @pa.dataframe_check(error="low must not exceed high")
    def low_not_above_high(cls, df: pd.DataFrame) -> Series[bool]:
        return ~(df["low"] > df["high"]).fillna(False)

    @pa.dataframe_check(error="counted_start, counted_end and counted_text are all set or all null")
    def counted_complete(cls, df: pd.DataFrame) -> Series[bool]:
        return _all_or_none(df, ["counted_start", "counted_end", "counted_text"])

    @pa.dataframe_check(error="source span is set exactly when source_type is named or unnamed")
    def source_span_fits_type(cls, df: pd.DataFrame) -> Series[bool]:
        has_span = df[["source_start", "source_end", "source_text"]].notna()
        attributed = df["source_type"] != "none"
        return (has_span.all(axis=1) & attributed) | (~has_span.any(axis=1) & ~attributed)

    @pa.dataframe_check(error="source_entity_id is set exactly when source_type is named")
    def source_entity_fits_type(cls, df: pd.DataFrame) -> Series[bool]:
        return df["source_entity_id"].notna() == (df["source_type"] == "named")


class Tokens(pa.DataFrameModel):
    doc_id: String = pa.Field(str_matches=DOC_ID)
    sentence_id: Integer = pa.Field(ge=0)
    tokens: Series[object]
    ner_tags: Series[object]
    claim_tags: Series[object]
    token_starts: Series[object]

    class Config:
        strict = True  # no missing and no extra columns

    @pa.dataframe_check(error="tokens, ner_tags, claim_tags and token_starts differ in length")
    def aligned(cls, df: pd.DataFrame) -> Series[bool]:
        lengths = df[["tokens", "ner_tags", "claim_tags", "token_starts"]].map(len)
        return lengths.nunique(axis=1) == 1


MODELS: dict[str, type[pa.DataFrameModel]] = {
    "documents": Documents,
    "mentions": Mentions,
    "entities": Entities,
    "claims": Claims,
    "tokens": Tokens,
}
