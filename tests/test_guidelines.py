"""Every example the annotation guidelines quote is really in the corpus or the gold.

Quotes (“…”) count for the document whose short id (`02df`) stands before them in the
same paragraph, list item or table cell; "…" inside a quote marks a cut. Invented
examples are written «…» and are not checked. YAML excerpts with offsets must be
verbatim lines of a gold file.
"""

from __future__ import annotations

import re

import pytest

from conflict_counts.seeds import read_seeds
from tests.conftest import ROOT

GUIDELINES = (ROOT / "ANNOTATION_GUIDELINES.md").read_text(encoding="utf-8")
TEXTS = {seed.doc_id[:4]: " ".join(seed.text.split()) for seed in read_seeds(ROOT / "seeds/articles")}
GOLD = [p.read_text(encoding="utf-8") for p in (ROOT / "seeds/annotations/gold").glob("*.yaml")]
TOKEN = re.compile(r"`([0-9a-f]{4})`|“([^”]*)”|(\|)")


def _found(quote: str, text: str) -> bool:
    position = 0
    for part in filter(None, (" ".join(p.split()) for p in quote.split("…"))):
        position = text.find(part, position)
        if position < 0:
            return False
        position += len(part)
    return True


def _items(markdown: str) -> list[str]:
    """Paragraphs, list items and table rows, each joined into one line."""
    prose = re.sub(r"```.*?```", "", markdown, flags=re.DOTALL)
    items, current = [], []
    for line in prose.splitlines():
        bullet = re.match(r"\s*(- |\d+\. )", line)
        starts_item = not line.strip() or line.startswith(("|", "#", ">")) or bullet
        if starts_item and current:
            items.append(" ".join(current))
            current = []
        if line.strip():
            current.append(line.strip())
    return [*items, " ".join(current)]


def _quotes() -> list[tuple[str | None, str]]:
    found = []
    for item in _items(GUIDELINES):
        document = None
        for match in TOKEN.finditer(item):
            short_id, quote, cell = match.groups()
            if cell:
                document = None
            elif short_id in TEXTS:
                document = short_id
            elif quote is not None:
                found.append((document, quote))
    return found


QUOTES = _quotes()


def test_guidelines_quote_many_corpus_examples() -> None:
    assert len(QUOTES) > 300
    assert sum(doc is not None for doc, _ in QUOTES) > 200


@pytest.mark.parametrize(("document", "quote"), QUOTES, ids=[f"{d}:{q[:30]}" for d, q in QUOTES])
def test_quoted_example_is_in_the_corpus(document: str | None, quote: str) -> None:
    where = [TEXTS[document]] if document else list(TEXTS.values())
    assert any(_found(quote, text) for text in where), f"“{quote}” is not in {document or 'any article'}"


@pytest.mark.parametrize("block", re.findall(r"```yaml\n(.*?)```", GUIDELINES, flags=re.DOTALL))
def test_yaml_excerpts_with_offsets_are_verbatim_gold(block: str) -> None:
    if "start:" in block:
        assert any(block in gold for gold in GOLD)
