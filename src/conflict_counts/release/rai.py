"""The Responsible-AI statements of the Croissant file, worded once and filled from the data.

Counts, languages, dates and the named people come from the built tables, so the
statements cannot drift from the release they describe. What the tables cannot know
(who the annotators were, the agreement figures, tools used) comes from ``card_facts``
and falls back to statements that are true without it. Property spellings: see
:mod:`conflict_counts.release.croissant`.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping

import pandas as pd

from conflict_counts.labels import LANGUAGES

LANGUAGE_NAMES = {"sv": "Swedish", "nb": "Norwegian Bokmål", "en": "English"}

EVENTS = (
    "the escape of relatives of IS members from a camp in Ain Issa (October 2019), "
    "the IS attack on the Ghwayran prison in al-Hasakah (January 2022) and escapes from "
    "the al-Hol camp after the SDF left it (2026)"
)


def corpus_summary(frames: Mapping[str, pd.DataFrame]) -> str:
    """'5 news articles (3 Swedish, 1 Norwegian Bokmål, 1 English)' from the documents table."""
    counts = frames["documents"]["language"].value_counts()
    parts = [f"{int(counts[lang])} {LANGUAGE_NAMES[lang]}" for lang in LANGUAGES if lang in counts]
    return f"{len(frames['documents'])} news articles ({', '.join(parts)})"


def label_summary(frames: Mapping[str, pd.DataFrame]) -> str:
    """One sentence on what was labelled, with counts, for the RAI data-collection fields."""
    mentions, claims = frames["mentions"], frames["claims"]
    return (
        f"{len(mentions)} entity mentions of {mentions['entity_id'].nunique()} cross-document entities "
        f"and {len(claims)} numeric claims in {claims['group_id'].nunique()} claim groups"
    )


def collection_timeframe(documents: pd.DataFrame) -> list[str]:
    """First and last day of the months the dated articles were published (ISO 8601 dates)."""
    months = sorted(str(m) for m in documents["published"].dropna())
    if not months:
        return []
    first, last = months[0], months[-1]
    year, month = (int(x) for x in last.split("-"))
    return [f"{first}-01", f"{last}-{calendar.monthrange(year, month)[1]:02d}"]


def named_people(frames: Mapping[str, pd.DataFrame]) -> str:
    """The people the dataset names, for the RAI personal-information field."""
    people = frames["entities"][frames["entities"]["label"] == "PER"].sort_values("entity_id")
    return "; ".join(f"{p.canonical_name} ({p.description.rstrip('.')})" for p in people.itertuples())


def _agreement(card_facts: Mapping[str, object]) -> str:
    agreement = card_facts.get("agreement")
    if isinstance(agreement, Mapping):
        return "Agreement between the two annotation passes (conflict-counts agreement): " + "; ".join(
            f"{key} {value}" for key, value in sorted(agreement.items())
        ) + "."
    if isinstance(agreement, str) and agreement:
        return agreement
    return (
        "Agreement between the two annotation passes (span F1, Cohen's kappa, B-cubed) is "
        "computed by `conflict-counts agreement seeds/annotations/annotator-a "
        "seeds/annotations/annotator-b` and reported in the dataset card."
    )


def _text_list(card_facts: Mapping[str, object], key: str, default: list[str]) -> list[str]:
    value = card_facts.get(key)
    if isinstance(value, str) and value:
        return [value]
    if isinstance(value, (list, tuple)) and value:
        return [str(v) for v in value]
    return default


def rai_properties(frames: Mapping[str, pd.DataFrame], card_facts: Mapping[str, object]) -> dict[str, object]:
    """Every RAI property (canonical vocabulary spelling; the caller adds mlcroissant's aliases)."""
    corpus, labels = corpus_summary(frames), label_summary(frames)
    undated = int(frames["documents"]["published"].isna().sum())
    annotators = str(card_facts.get("annotators") or (
        "Two independent annotation passes (annotator-a, annotator-b) over every document, "
        "adjudicated into the gold."
    ))
    timeframe = card_facts.get("collection_timeframe") or collection_timeframe(frames["documents"])
    return {
        "rai:dataCollection": (
            f"{corpus} about {EVENTS}, selected by the dataset creators around these events: a "
            "purposive selection, not a sample of the news. The article "
            "bodies are stored byte for byte in seeds/articles with SHA-256 checksums; outlets and "
            "URLs are not part of the seed files."
        ),
        "rai:dataCollectionType": _text_list(card_facts, "collection_type", [
            "Document analysis", "Others: news articles selected by the dataset creators",
        ]),
        "rai:dataCollectionRawData": (
            "News article bodies (plain text, one file an article, an optional ' date YYYY-MM ' "
            "header) in seeds/articles, listed with their SHA-256 in seeds/articles/SHA256SUMS."
        ),
        "rai:dataCollectionMissingData": (
            f"Articles without a publication date: {undated} of {len(frames['documents'])} "
            "(published is null). "
            "Null also marks an open interval bound (low/high), a counted noun not stated in the "
            "sentence (counted_*), a claim with no source (source_*) and a source that is not a named "
            "entity (source_entity_id)."
        ),
        "rai:dataCollectionTimeframe": list(timeframe),
        "rai:dataPreprocessingProtocol": [
            "The document text is the seed body exactly: the date header is removed and trailing "
            "white space stripped, nothing else is changed (spelling errors stay).",
            "Span offsets are Python str indices (Unicode code points), end-exclusive; the build checks "
            "text[start:end] against every annotated span text.",
            "The tokens table projects mention and claim spans onto a regular-expression tokenizer "
            "(conflict_counts.text) as BIO tags; a span ending inside a word tags the whole token.",
        ],
        "rai:dataManipulationProtocol": (
            "No text is altered, anonymised or translated. Tables are derived only from the seed "
            "articles and the hand-edited YAML annotations by `conflict-counts build`, which validates "
            "every table (Pandera schemas and cross-table checks) before writing anything; rows are "
            "sorted and files byte-reproducible, with content checksums in manifest.json."
        ),
        "rai:dataImputationProtocol": "None: no value is imputed; what the text does not state stays null.",
        "rai:dataAnnotationProtocol": [
            f"{labels}. Entity mentions (PER, ORG, GPE, LOC, FAC proper names) are linked to one "
            "entity id across documents and languages. Every count the articles assert (digits, "
            "number words, magnitude words) is normalised to an interval with its qualifier, "
            "predicate, counted noun, source (named, unnamed or none) and a group id joining claims "
            "about the same quantity across documents. Rules: ANNOTATION_GUIDELINES.md.",
            annotators,
        ],
        "rai:dataAnnotationPlatform": _text_list(card_facts, "annotation_platform", [
            "YAML files edited as text, one a document (seeds/annotations), with the project's "
            "`conflict-counts locate` and `anchor` commands for character offsets and "
            "`conflict-counts build` for validation."
        ]),
        "rai:dataAnnotationAnalysis": [
            _agreement(card_facts),
            "Disagreements were adjudicated into one gold label per item; both annotation passes are "
            "shipped (seeds/annotations/annotator-a, annotator-b) so disagreement can be studied.",
        ],
        "rai:annotationsPerItem": (
            "2 independent annotations per document, adjudicated into 1 gold annotation."
        ),
        "rai:annotatorDemographics": _text_list(card_facts, "annotator_demographics", [
            "Not recorded."
        ]),
        "rai:machineAnnotationTools": _text_list(card_facts, "machine_annotation_tools", [
            "Not recorded here; see the dataset card's annotation section."
        ]),
        "rai:dataBiases": [
            f"Tiny and purposive: {corpus} on three events, each seen through one to three "
            "articles; no article is in Arabic or Kurdish, the languages of the region.",
            "The figures come from parties to the conflict and observers (the SDF and Kurdish "
            "authorities, SOHR, U.S. officials, news agencies), each with an interest in how large a "
            "number looks; the dataset records who asserts a figure, not which figure is right.",
            "Magnitude words are mapped to fixed conventional intervals (hundreds = [200, 999], "
            "thousands = [2000, 9999], tens of thousands = [20000, 99999]), a convention rather "
            "than what each writer meant.",
        ],
        "rai:dataLimitations": [
            "An evaluation benchmark of five documents: too small to train models on or to rank "
            "systems with confidence; report the bootstrap confidence intervals.",
            "Claim groups (which claims count the same quantity) are annotator judgements.",
            "The numbers are claims as reported, not verified facts: do not use the dataset as a "
            "source of casualty, escapee or detainee figures.",
            "The article texts remain the copyright of their publishers; they are included for "
            "research on the annotations only.",
        ],
        "rai:dataUseCases": [
            "Intended: testing and benchmarking named-entity recognition, cross-document and "
            "cross-language entity linking, numeric-claim extraction and normalisation, attribution "
            "and cross-document claim linking in Swedish, Norwegian Bokmål and English; "
            "leave-one-document-out training of small baselines (fold column); studying how "
            "conflicting estimates are reported and attributed.",
            "Unintended and not supported: establishing facts about the events; profiling, "
            "surveillance or risk scoring of the people, groups or places named; training systems "
            "that generate content about terrorism; any decision about real people.",
        ],
        "rai:dataSocialImpact": (
            "Meant to help measure whether language technology keeps track of who claims what about "
            "contested numbers in conflict reporting, a need of fact-checkers and researchers. The "
            "topic is terrorism, detention (including of children) and killings; the risks are misuse "
            "of the named people and places and mistaking reported figures for facts."
        ),
        "rai:personalSensitiveInformation": [
            f"Real people are named as the press published them: {named_people(frames)}. Mentions "
            "link them across documents. Besides officials and researchers speaking in their role, "
            "this can include private people quoted by the press, named only as the article names them.",
            "Sensitive topic: terrorism, membership of the Islamic State, detention of IS members and "
            "their families including children, and deaths; nationalities of detainees appear as "
            "group counts (e.g. Swedish IS members). No detainee is named; no contact data, images "
            "or identifiers beyond names are included.",
        ],
        "rai:dataReleaseMaintenancePlan": (
            "Semantic versions (major: schema change; minor: new documents or labels; patch: "
            "corrections), each a git tag with a CHANGELOG.md entry; the version is stored in every "
            "Parquet file, the manifest and this file. Corrections are made in the gold annotation "
            "files and released as patch versions; document ids stay stable across versions. "
            + str(card_facts.get("maintenance") or "Issues are reported in the project's repository.")
        ),
    }
