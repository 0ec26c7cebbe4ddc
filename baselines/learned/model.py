"""The learned baseline's model: two token taggers and a predicate classifier (scikit-learn).

* mentions: a per-token logistic regression over the BIO tags of the tokens view
  (``ner_tags``), decoded into spans;
* claim spans: the same over ``claim_tags``; each span's value is the number
  normaliser's reading of its text (a span the normaliser cannot read is dropped);
* predicate: a logistic regression over the words around the claim;
* entity ids: the training mentions' most frequent id for the surface, else the surface.

Counted noun, source and group are the rules baseline's (``read_claims``): with 34 gold
claims there is too little to learn them from. Training is deterministic (fixed seed,
sorted input), and :attr:`LearnedModel.trained_on` records which documents it saw.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from threadpoolctl import threadpool_limits

from conflict_counts.baselines.learned.features import context_features, token_features
from conflict_counts.baselines.rules.baseline import gazetteer_from
from conflict_counts.baselines.rules.document import MAX_SENTENCE, Number, read_claims
from conflict_counts.baselines.rules.gazetteer import Gazetteer, kebab
from conflict_counts.baselines.training import GoldData
from conflict_counts.labels import CLAIM_TAGS, NER_TAGS
from conflict_counts.numbers import normalize
from conflict_counts.records import Claim, Document, Mention, Span
from conflict_counts.text import Segment, bounded, sentences, tokens

SEED = 0
CONTEXT = 8  # words on each side of a claim that the predicate classifier sees


def _classifier() -> Pipeline:
    return make_pipeline(
        DictVectorizer(sparse=True, sort=True),
        LogisticRegression(C=1.0, max_iter=2000, random_state=SEED),
    )


class _Constant:
    """Stands in for a classifier when the training data has a single class."""

    def __init__(self, label: str) -> None:
        self.label = label

    def predict(self, rows: Sequence[dict]) -> list[str]:
        return [self.label] * len(rows)


def _fit(rows: list[dict], labels: list[str]) -> Pipeline | _Constant:
    if len(set(labels)) < 2:
        return _Constant(labels[0] if labels else "O")
    # one thread: on small problems BLAS threads cost twenty times the work (and order)
    with threadpool_limits(limits=1):
        return _classifier().fit(rows, labels)


def _predict(model: Pipeline | _Constant, rows: list[dict]) -> list[str]:
    if not rows:
        return []
    with threadpool_limits(limits=1):
        return [str(label) for label in model.predict(rows)]


def context_words(text: str, sentence: Segment, start: int, end: int) -> list[str]:
    """The words of the sentence within ``CONTEXT`` tokens of the claim, the claim left out."""
    words = tokens(sentence.text, sentence.start)
    left = [w.text for w in words if w.end <= start][-CONTEXT:]
    right = [w.text for w in words if w.start >= end][:CONTEXT]
    return [f"<{w}" for w in left] + right + left


def _spans(words: Sequence[Segment], tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO tags -> (start, end, label) character spans; a stray I- opens a span."""
    spans: list[tuple[int, int, str]] = []
    current: list | None = None
    for word, tag in zip(words, tags, strict=True):
        if tag == "O":
            current = None
            continue
        prefix, label = tag.split("-", 1)
        if prefix == "B" or current is None or current[2] != label:
            current = [word.start, word.end, label]
            spans.append(current)  # type: ignore[arg-type]
        else:
            current[1] = word.end
    return [tuple(s) for s in spans]  # type: ignore[misc]


@dataclass
class LearnedModel:
    """A token tagger for mentions and one for claims, and the documents they were trained on."""
    trained_on: tuple[str, ...]
    ner: Pipeline | _Constant
    claim: Pipeline | _Constant
    predicate: Pipeline | _Constant
    names: Gazetteer

    @classmethod
    def fit(cls, gold: GoldData) -> LearnedModel:
        """Train on the given gold (already without the held-out document)."""
        languages = dict(zip(gold.documents["doc_id"].astype(str), gold.documents["language"], strict=True))
        rows: list[dict] = []
        ner_labels: list[str] = []
        claim_labels: list[str] = []
        view = gold.tokens.sort_values(["doc_id", "sentence_id"])
        for doc_id, words, ner, num in zip(
            view["doc_id"].astype(str), view["tokens"], view["ner_tags"], view["claim_tags"], strict=True
        ):
            rows += token_features(list(words), languages[doc_id])
            ner_labels += [NER_TAGS[i] for i in ner]
            claim_labels += [CLAIM_TAGS[i] for i in num]
        contexts, predicates = cls._predicate_examples(gold)
        return cls(
            trained_on=gold.doc_ids,
            ner=_fit(rows, ner_labels),
            claim=_fit(rows, claim_labels),
            predicate=_fit(contexts, predicates),
            names=gazetteer_from(gold),
        )

    @staticmethod
    def _predicate_examples(gold: GoldData) -> tuple[list[dict], list[str]]:
        texts = dict(zip(gold.documents["doc_id"].astype(str), gold.documents["text"], strict=True))
        languages = dict(zip(gold.documents["doc_id"].astype(str), gold.documents["language"], strict=True))
        claims = gold.claims.sort_values(["doc_id", "start", "end"])
        rows, labels = [], []
        segmented: dict[str, list[Segment]] = {}
        for doc_id, start, end, predicate in zip(
            claims["doc_id"].astype(str), claims["start"], claims["end"], claims["predicate"], strict=True
        ):
            text = texts[doc_id]
            segments = segmented.setdefault(doc_id, sentences(text))
            sentence = segments[max(bisect_right([s.start for s in segments], int(start)) - 1, 0)]
            words = context_words(text, sentence, int(start), int(end))
            rows.append(context_features(words, languages[doc_id]))
            labels.append(str(predicate))
        return rows, labels

    # -- prediction ------------------------------------------------------------------------
    def analyse(self, document: Document) -> tuple[list[Mention], list[Claim]]:
        """Mentions and claims of one document; values come from the number normaliser."""
        text, lang = document.text, document.language
        segments = bounded(sentences(text), MAX_SENTENCE)  # linear however long a sentence
        sentence_words = [tokens(s.text, s.start) for s in segments]
        rows = [row for words in sentence_words for row in token_features([w.text for w in words], lang)]
        if not rows:
            return [], []
        ner_tags = _predict(self.ner, rows)
        claim_tags = _predict(self.claim, rows)
        mentions: list[Mention] = []
        numbers: list[Number] = []
        offset = 0
        for words in sentence_words:
            size = len(words)
            for start, end, label in _spans(words, ner_tags[offset : offset + size]):
                mentions.append(Mention(start, end, label, self._entity(text[start:end], label)))
            for start, end, _ in _spans(words, claim_tags[offset : offset + size]):
                value = normalize(text[start:end], lang)
                if value is not None:
                    numbers.append(Number(start, end, value))
            offset += size
        starts = [s.start for s in segments]
        contexts = [
            context_features(
                context_words(text, segments[max(bisect_right(starts, n.start) - 1, 0)], n.start, n.end), lang
            )
            for n in numbers
        ]
        predicted = dict(zip((n.start for n in numbers), _predict(self.predicate, contexts), strict=True))

        def predicate_of(number: Number, counted: Span | None, sentence: Segment) -> str:
            return predicted[number.start]

        claims = read_claims(text, lang, document.doc_id, numbers, mentions, segments, predicate_of)
        return mentions, claims

    def _entity(self, surface: str, label: str) -> str:
        return self.names.entity_id(surface, label) or kebab(surface)
