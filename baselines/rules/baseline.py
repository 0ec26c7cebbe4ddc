"""The ``rules`` baseline: cue lexicons, capitalisation and a gazetteer learned leave-one-out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from conflict_counts.baselines.rules.document import analyse
from conflict_counts.baselines.rules.gazetteer import Gazetteer
from conflict_counts.baselines.rules.mentions import MentionFinder
from conflict_counts.baselines.training import GoldData
from conflict_counts.predictions.writer import document_line, document_record
from conflict_counts.records import Document


def gazetteer_from(gold: GoldData) -> Gazetteer:
    """Names of the gold mentions in ``gold`` (already without the held-out document)."""
    m = gold.mentions
    return Gazetteer.from_mentions(
        zip(
            m["doc_id"].astype(str),
            m["text"].astype(str),
            m["label"].astype(str),
            m["entity_id"].astype(object).where(m["entity_id"].notna(), None),
            strict=True,
        )
    )


# sentences with what the rules read (cues, numbers in digits and words, magnitudes, names,
# sources); the languages' words matter less than that every pattern is compiled
WARM_UP = (
    "Minst 20 personer flydde från lägret, enligt polisen. Omkring 300 krigare greps, sier "
    "kilder til avisen. At least 15 people were killed, officials said on Monday. Hundratals "
    "fångar och tjugo vakter; hundrevis av fanger og tjue vakter; hundreds of prisoners and "
    "twenty guards."
)


class RulesBaseline:
    """Predicts every document with a gazetteer that never saw it.

    Without gold data the gazetteer holds only the generic country and region lists.
    """

    name = "rules"
    description = (
        "cue lexicons (predicate, source), capitalisation heuristics, number normaliser; "
        "name gazetteer learned leave-one-document-out"
    )

    def __init__(self, gold: GoldData | None = None) -> None:
        self.gold = gold
        self._gazetteers: dict[str | None, Gazetteer] = {}
        self._finders: dict[tuple[int, str], MentionFinder] = {}

    def finder_for(self, gazetteer: Gazetteer, lang: str) -> MentionFinder:
        """A mention finder per gazetteer and language, built once."""
        key = (id(gazetteer), lang)
        if key not in self._finders:
            self._finders[key] = MentionFinder(gazetteer, lang)
        return self._finders[key]

    def gazetteer_for(self, text: str, derived_from: str | None = None) -> Gazetteer:
        """The name gazetteer for ``text``: learned from every gold document but the one with this
        text (or the one it was derived from)."""
        held_out = self.gold.held_out_for(text, derived_from) if self.gold is not None else None
        if held_out not in self._gazetteers:
            if self.gold is None:
                self._gazetteers[held_out] = Gazetteer()
            else:
                self._gazetteers[held_out] = gazetteer_from(self.gold.for_text(text, derived_from))
        return self._gazetteers[held_out]

    def warm_up(self) -> None:
        """Compile each language's patterns and fill the caches of names and numbers on a
        short text, so that forked workers inherit them instead of each making its own."""
        for language in ("sv", "nb", "da", "en"):
            for _line in self.predict_lines([Document("warm-up", WARM_UP, language)]):
                pass

    def _analysed(self, documents: Iterable[Document]) -> Iterator[tuple[Document, list, list]]:
        for document in documents:
            gazetteer = self.gazetteer_for(document.text, document.held_out)
            finder = self.finder_for(gazetteer, document.language)
            yield document, *analyse(document, gazetteer, finder)

    def predict(self, documents: Iterable[Document]) -> Iterator[dict]:
        """One prediction line a document."""
        for document, mentions, claims in self._analysed(documents):
            yield document_record(document, mentions, claims)

    def predict_lines(self, documents: Iterable[Document]) -> Iterator[tuple[str, int, int]]:
        """``(dumps(record), mentions, claims)`` of each record ``predict`` yields, the line
        written without building the record (what ``extract`` writes; see ``document_line``)."""
        for document, mentions, claims in self._analysed(documents):
            yield document_line(document, mentions, claims), len(mentions), len(claims)
